/**
 * Opening workbooks in the preview: read in a Web Worker with a progress line, the page answering all
 * the while; damaged files told plainly, after which the page opens the next file.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import {
  ROOT,
  findingButton,
  foreignRequests,
  gridCell,
  openPreview,
  shot,
  startSession,
  validateButton,
  draftWithMissing,
  type Session,
  type Watched,
} from './harness';

let s: Session;
const ROWS = 30_000;
let large: Buffer;

/** A plain table of ROWS rows under a header: numbers, text, dates, a formula per row. */
async function largeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('大量データ');
  ws.addRow(['番号', '事業名', '担当課', '目標', '実績', '達成率', '期限', '備考']);
  for (let i = 1; i <= ROWS; i++) {
    const r = i + 1;
    const row = ws.addRow([
      i,
      `事業 ${i}`,
      `第${(i % 12) + 1}課`,
      1000 + (i % 97),
      900 + (i % 211),
      { formula: `E${r}/D${r}`, result: (900 + (i % 211)) / (1000 + (i % 97)) },
      new Date(Date.UTC(2025, i % 12, (i % 28) + 1)),
      i % 5 === 0 ? '要確認' : null,
    ]);
    row.getCell(6).numFmt = '0.0%';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** In the page: a 50 ms timer counting ticks, and every text the progress line shows, with times. */
async function watchPage(w: Watched): Promise<void> {
  await w.page.evaluate(() => {
    const rec = { ticks: [] as number[], progress: [] as [number, string][] };
    (window as unknown as { __open: typeof rec }).__open = rec;
    window.setInterval(() => rec.ticks.push(performance.now()), 50);
    const el = document.getElementById('open-progress')!;
    new MutationObserver(() => rec.progress.push([performance.now(), el.textContent ?? ''])).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

async function watched(w: Watched): Promise<{ ticks: number[]; progress: [number, string][] }> {
  return w.page.evaluate(() => (window as unknown as { __open: { ticks: number[]; progress: [number, string][] } }).__open);
}

beforeAll(async () => {
  s = await startSession();
  large = await largeWorkbook();
}, 120_000);

afterAll(async () => {
  await s?.close();
});

describe('opening a large workbook', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await openPreview(s);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('shows its progress while a timer on the page keeps ticking, then shows the workbook', async () => {
    const { page } = w;
    const workers: string[] = [];
    page.on('worker', (wk) => workers.push(wk.url()));
    await watchPage(w);
    await page.locator('#open-file').setInputFiles({
      name: 'large.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: large,
    });
    const progress = page.locator('#open-progress');
    await progress.filter({ hasText: /\S/ }).waitFor();
    expect(await progress.getAttribute('aria-live')).toBe('polite');
    await shot(page, '20-opening-large');
    await page.locator('#book-name', { hasText: 'large.xlsx' }).waitFor({ timeout: 180_000 });
    // The workbook shows: its sheet, its first rows, the note that only the first rows are drawn.
    await page.locator('#sheet table[data-sheet="大量データ"]').waitFor();
    expect(await gridCell(page, 'B2').textContent()).toBe('事業 1');
    expect(await gridCell(page, 'F2').textContent()).toBe('90%');
    await page.getByText('最初の 1000 行を表示しています').waitFor();
    expect(await progress.textContent()).toBe('');
    expect(
      await page.evaluate(() =>
        (window as unknown as { kpiPreview: { sim: { sheets: { name: string }[] } } }).kpiPreview.sim.sheets.map((x) => x.name),
      ),
    ).toEqual(['大量データ']);
    const last = await page.evaluate(
      (row) =>
        (
          window as unknown as {
            kpiPreview: { sim: { sheets: { cell(r: number, c: number): { value: unknown } | undefined }[] } };
          }
        ).kpiPreview.sim.sheets[0]!.cell(row, 1)?.value,
      ROWS,
    );
    expect(last).toBe(`事業 ${ROWS}`);

    const { ticks, progress: said } = await watched(w);
    const texts = said.map(([, t]) => t);
    expect(texts[0]).toBe('ブックを開いています… / Opening the workbook…');
    expect(texts).toContain('シートを読み込んでいます (1/1) / Reading sheet 1 of 1');
    expect(texts).toContain('シートを準備しています (1/1) / Preparing sheet 1 of 1');
    // The rows come over in pieces: the page says how far it has got.
    const shown = texts.filter((t) => t.startsWith('ブックを表示しています'));
    expect(shown).toContain('ブックを表示しています (100%) / Showing the workbook (100%)');
    expect(shown.some((t) => /\((?:[1-9]|[1-9]\d)%\)/.test(t))).toBe(true);
    expect(texts[texts.length - 1]).toBe('');
    // From the first progress line until the line is cleared (the worker reading the file, the page
    // taking the workbook over), the page's timer kept ticking: no gap near the time all that took,
    // as when the page itself read the file.
    const start = said[0]![0];
    const end = said[said.length - 1]![0];
    const during = ticks.filter((t) => t >= start && t <= end);
    const points = [start, ...during, end];
    const gaps = points.slice(1).map((t, i) => t - points[i]!);
    const reading = end - start;
    console.log(JSON.stringify({ reading, ticks: during.length, maxGap: Math.max(...gaps), said }));
    expect(reading).toBeGreaterThan(500);
    expect(during.length).toBeGreaterThan(reading / 50 / 4);
    expect(Math.max(...gaps)).toBeLessThan(1000);
    // Read by the worker's own bundle, from this server.
    expect(workers.some((u) => u.startsWith(s.url) && u.endsWith('.js'))).toBe(true);
    await shot(page, '21-opened-large');
  }, 240_000);

  it('broke no CSP rule and logged no error', async () => {
    expect(foreignRequests(w, s.url)).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

describe('opening a damaged file', () => {
  it('says the file is damaged, stops showing progress, and the next file opens', async () => {
    const { missingCell } = await draftWithMissing();
    const w = await openPreview(s);
    const { page } = w;
    try {
      const sample = readFileSync(join(ROOT, 'seeds', 'sample.xlsx'));
      await page.locator('#open-file').setInputFiles({
        name: 'damaged.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: sample.subarray(0, Math.floor(sample.length / 2)),
      });
      const alert = page.getByRole('alert').filter({ hasText: 'ブックを開けませんでした' });
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('ファイルが壊れているか途中で切れています');
      expect(text).toContain('the file is damaged or truncated');
      expect(text.indexOf('ブックを開けませんでした')).toBeLessThan(text.indexOf('Could not open'));
      expect(await page.locator('#open-progress').textContent()).toBe('');
      await shot(page, '22-damaged');
      // The workbook already open stays usable.
      expect(await page.locator('#book-name').textContent()).toBe('sample-draft.xlsx');
      await validateButton(page).click();
      await findingButton(page, missingCell).waitFor();
      // And another file opens.
      await page.locator('#open-file').setInputFiles(join(ROOT, 'seeds', 'sample.xlsx'));
      await page.locator('#book-name', { hasText: /^sample\.xlsx$/ }).waitFor();
      expect(await page.locator('#open-error').textContent()).toBe('');
      expect(await page.locator('#open-progress').textContent()).toBe('');
      await validateButton(page).click();
      await page.locator('#pane').getByText('エラーはありません。このまま提出できます。').waitFor();
      expect(w.errors).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('a file picked while another opens replaces it: the first is dropped without a message', async () => {
    const w = await openPreview(s);
    const { page } = w;
    try {
      await page.locator('#open-file').setInputFiles({ name: 'large.xlsx', mimeType: 'application/octet-stream', buffer: large });
      await page.locator('#open-progress').filter({ hasText: /\S/ }).waitFor();
      await page.locator('#open-file').setInputFiles(join(ROOT, 'seeds', 'sample.xlsx'));
      await page.locator('#book-name', { hasText: /^sample\.xlsx$/ }).waitFor();
      expect(await page.locator('#open-progress').textContent()).toBe('');
      expect(await page.locator('#open-error').textContent()).toBe('');
      // The large workbook's worker was ended: it never replaces the one opened after it.
      await validateButton(page).click();
      await page.locator('#pane').getByText('エラーはありません。このまま提出できます。').waitFor();
      expect(await page.locator('#book-name').textContent()).toBe('sample.xlsx');
      expect(w.errors).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('a worker that cannot start is told, not waited for; the next file opens', async () => {
    const w = await openPreview(s);
    const { page } = w;
    try {
      // The worker's script fails to load, as when the server drops it.
      await w.context.route('**/open-workbook.chunk.js', (r) => r.abort());
      await page.locator('#open-file').setInputFiles(join(ROOT, 'seeds', 'sample.xlsx'));
      await page.getByRole('alert').filter({ hasText: 'ブックを読み込む処理が止まりました' }).waitFor();
      expect(await page.locator('#open-error').textContent()).toContain('the workbook reader stopped');
      expect(await page.locator('#open-progress').textContent()).toBe('');
      await w.context.unroute('**/open-workbook.chunk.js');
      await page.locator('#open-file').setInputFiles(join(ROOT, 'seeds', 'sample.xlsx'));
      await page.locator('#book-name', { hasText: /^sample\.xlsx$/ }).waitFor();
      expect(await page.locator('#open-error').textContent()).toBe('');
    } finally {
      await w.close();
    }
  });

  it('a worker that cannot allocate memory is told as lack of memory', async () => {
    const w = await openPreview(s);
    const { page } = w;
    try {
      // Stands in for ExcelJS failing to allocate a buffer in the worker.
      await w.context.route('**/open-workbook.chunk.js', (r) =>
        r.fulfill({ contentType: 'text/javascript', body: "throw new RangeError('Array buffer allocation failed');" }),
      );
      await page.locator('#open-file').setInputFiles(join(ROOT, 'seeds', 'sample.xlsx'));
      const alert = page.getByRole('alert').filter({ hasText: 'メモリが足りません' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('not enough memory');
      expect(await page.locator('#open-progress').textContent()).toBe('');
      expect(await page.locator('#book-name').textContent()).toBe('sample-draft.xlsx');
    } finally {
      await w.close();
    }
  });
});
