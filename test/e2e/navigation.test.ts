/**
 * Navigation and the small things (issue 8, point 5): next / previous finding with the keyboard, the
 * grade distribution, focus kept on a control, the language button on one line, a message instead of
 * a blank page, export names, export on Excel for Mac.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { toA1 } from '../../src/core/a1';
import type { CheckResult } from '../../src/core/engine';
import { gradeLabel } from '../../src/core/i18n';
import { toCsv } from '../../src/core/report';
import { expected, findingButton, openPreview, pane, ROOT, shot, startSession, validateButton, type Session } from './harness';

let s: Session;
let draft: CheckResult;
let cells: string[];

beforeAll(async () => {
  s = await startSession();
  draft = await expected('sample-draft.xlsx');
  cells = draft.findings.filter((f) => f.row !== null && f.col !== null).map((f) => toA1(f.row!, f.col!));
});

afterAll(async () => {
  await s?.close();
});

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName}|${el.getAttribute('aria-label') ?? ''}|${el.textContent ?? ''}` : '';
  });
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
};

it('next / previous finding, by button and by keyboard, select the cells in turn', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await validateButton(page).click();
    await findingButton(page, cells[0]!).waitFor();
    const next = pane(page).getByRole('button', { name: '次の指摘' });
    await next.click();
    // The first finding in the pane's order (a missing grade leads) is selected in the sheet and marked.
    const order = await pane(page)
      .locator('li button[data-item]')
      .evaluateAll((els) => els.map((e) => e.querySelector('span')!.textContent!));
    expect(new Set(order)).toEqual(new Set(cells));
    await page.locator(`#sheet td[data-cell="${order[0]}"][aria-selected="true"]`).waitFor();
    expect(await findingButton(page, order[0]!).getAttribute('aria-current')).toBe('true');
    await pane(page).getByText(`${order.length} 件中 1 件目（${order[0]}）`).waitFor();
    // Alt+↓ / Alt+↑ with the focus anywhere in the results; focus stays where it was.
    await page.keyboard.press('Alt+ArrowDown');
    await page.locator(`#sheet td[data-cell="${order[1]}"][aria-selected="true"]`).waitFor();
    expect(await focused(page)).toContain('次の指摘');
    await page.keyboard.press('Alt+ArrowUp');
    await page.locator(`#sheet td[data-cell="${order[0]}"][aria-selected="true"]`).waitFor();
    // ↓ / ↑ move between the findings of the list; Enter selects.
    await findingButton(page, order[0]!).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toContain(order[2]);
    await page.keyboard.press('Enter');
    await page.locator(`#sheet td[data-cell="${order[2]}"][aria-selected="true"]`).waitFor();
    await shot(page, '30-navigation');
  } finally {
    await w.close();
  }
});

it('shows the grade distribution of the checked table', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await validateButton(page).click();
    const dist = pane(page).getByRole('region', { name: '達成度の分布' });
    await dist.waitFor();
    for (const g of draft.summary.gradeOrder) {
      const row = dist.getByRole('row', {
        name: new RegExp(`^${gradeLabel(g, draft.summary.noKpiGrade, 'ja').replace(/[()（）]/g, '.')}`),
      });
      expect(await row.locator('td').last().textContent()).toBe(String(draft.summary.grades[g] ?? 0));
    }
  } finally {
    await w.close();
  }
});

it('keeps the focus on a control after "show more" and after dismissing a message', async () => {
  // The draft with 120 more rows, each missing its 実施機関: more than one page of one rule.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(ROOT, 'seeds', 'sample-draft.xlsx'));
  const ws = wb.worksheets.find((x) => x.state !== 'hidden')!;
  const last = ws.getRow(17);
  for (let r = 18; r < 138; r++) {
    const row = ws.getRow(r);
    last.eachCell((c, col) => {
      if (col !== 10 && c.value !== null && typeof c.value !== 'object') row.getCell(col).value = `${String(c.value)}${r}`;
    });
    row.commit();
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const w = await openPreview(s);
  const { page } = w;
  try {
    await page.locator('#open-file').setInputFiles({ name: 'long.xlsx', mimeType: 'application/octet-stream', buffer });
    await page.locator('#book-name', { hasText: 'long.xlsx' }).waitFor();
    await validateButton(page).click();
    const more = pane(page).getByRole('button', { name: /^さらに \d+ 件を表示$/ });
    await more.first().waitFor();
    const before = await pane(page).locator('li').count();
    await more.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('#pane li').length > n, before);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-item'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item'))).toMatch(/#50$/);

    // A message dismissed with the keyboard leaves the focus on Validate, not on <body>.
    await page.evaluate(() => {
      (window as unknown as { kpiPreview: { sim: { structureProtected: boolean } } }).kpiPreview.sim.structureProtected = true;
    });
    await pane(page).getByRole('button', { name: '集計シートを挿入' }).click();
    const dismiss = pane(page).getByRole('button', { name: '閉じる' });
    await dismiss.waitFor();
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === '作業中のシートを検証する');
    expect(w.errors).toEqual([]);
  } finally {
    await w.close();
  }
});

it('the language button stays on one line in a narrow pane', async () => {
  const w = await openPreview(s, '', { width: 700, height: 700 });
  const { page } = w;
  try {
    await page.evaluate(() => {
      (document.querySelector('#pane') as HTMLElement).style.width = '280px';
    });
    const btn = pane(page).getByRole('button', { name: /英語に切り替える/ });
    const lines = await btn.locator('span[lang]').evaluate((el) => el.getClientRects().length);
    expect(lines).toBe(1);
    const box = (await btn.boundingBox())!;
    expect(box.height).toBeLessThan(34);
  } finally {
    await w.close();
  }
});

describe('instead of a blank page', () => {
  async function open(query: string, route?: 'block' | 'local') {
    const context = await s.browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    // The CDN is out of reach here: either blocked, or served from the copy the preview uses.
    await page.route(/appsforoffice\.microsoft\.com/, (r) => {
      const file = join(ROOT, 'dist', 'office-js', new URL(r.request().url()).pathname.split('/').pop() ?? '');
      return route === 'local' && existsSync(file)
        ? r.fulfill({ body: readFileSync(file), contentType: 'text/javascript' })
        : r.abort();
    });
    await page.goto(`${s.url}${query}`, { waitUntil: 'domcontentloaded' });
    return { context, page };
  }

  it('office.js cannot load (closed networks, proxies): the pane says so in Japanese and English', async () => {
    const { context, page } = await open('taskpane.html', 'block');
    try {
      const alert = page.locator('[role="alert"][data-unavailable="noOffice"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('office.js');
      expect(await alert.locator('p[lang="ja"]').innerText()).toContain('読み込めませんでした');
      expect(await alert.locator('p[lang="en"]').innerText()).toContain('could not be loaded');
    } finally {
      await context.close();
    }
  });

  it('opened outside Excel: the pane asks to open it from Excel', async () => {
    const { context, page } = await open('taskpane.html', 'local');
    try {
      await page.locator('[role="alert"][data-unavailable="notExcel"]').waitFor();
      expect(await page.locator('[role="alert"]').innerText()).toContain('Excel の中で開いてください');
    } finally {
      await context.close();
    }
  });

  it('an Excel older than the add-in needs (Office 2016): the pane says which versions work', async () => {
    const { context, page } = await open('preview.html?host=Office2016');
    try {
      await page.locator('#pane [role="alert"][data-unavailable="tooOld"]').waitFor();
      expect(await page.locator('#pane [role="alert"]').innerText()).toContain('ExcelApi 1.7');
    } finally {
      await context.close();
    }
  });
});

describe('export', () => {
  it('names the file after the workbook, the sheet and the day', async () => {
    const w = await openPreview(s);
    const { page } = w;
    try {
      await validateButton(page).click();
      await findingButton(page, cells[0]!).waitFor();
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        pane(page).getByRole('button', { name: 'CSV で保存' }).click(),
      ]);
      const name = `kpi-check_sample-draft_${draft.sheet}_${today()}.csv`;
      expect(csv.suggestedFilename()).toBe(name);
      await pane(page).getByText(`${name} をダウンロードしました`).waitFor();
    } finally {
      await w.close();
    }
  });

  it('on Excel for Mac copies to the clipboard and says so; with the clipboard refused, shows the text to copy', async () => {
    const w = await openPreview(s, '?platform=Mac');
    const { page } = w;
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    try {
      await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.url.replace(/\/$/, '') });
      await validateButton(page).click();
      await findingButton(page, cells[0]!).waitFor();
      await pane(page).getByRole('button', { name: 'CSV で保存' }).click();
      await pane(page).getByText('クリップボードにコピーしました', { exact: false }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(toCsv(draft, 'ja', { file: 'sample-draft.xlsx' }));

      await w.context.clearPermissions();
      await page.evaluate(() => {
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
        });
      });
      await pane(page).getByRole('button', { name: 'JSON で保存' }).click();
      await pane(page).getByText('ダウンロードもコピーもできませんでした', { exact: false }).waitFor();
      const area = pane(page).getByRole('textbox', { name: /の内容$/ });
      const json = JSON.parse(await area.inputValue());
      expect(json.results[0].findings).toHaveLength(draft.findings.length);
      expect(await area.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(downloads).toEqual([]);
    } finally {
      await w.close();
    }
  });
});
