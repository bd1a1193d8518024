/**
 * The add-in in a real browser: the production build's preview page (the task pane next to a grid of
 * the simulated workbook) driven through Chromium as a user would.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { toA1 } from '../../src/core/a1';
import type { CheckResult } from '../../src/core/engine';
import { fiscalYearLabel, t } from '../../src/core/i18n';
import { localizeFinding } from '../../src/core/messages';
import { ruleTitle } from '../../src/taskpane/ruleTitles';
import { HIGHLIGHT_COLOR } from '../../src/core/highlight';
import {
  ARTIFACTS,
  expected,
  findingButton,
  foreignRequests,
  gridCell,
  openPreview,
  pane,
  sheetTab,
  shot,
  startSession,
  validateButton,
  type Session,
  type Watched,
} from './harness';

let s: Session;
let draft: CheckResult;
let missing: { cell: string; message: string };
const timings: Record<string, number> = {};

/** "#FF6633" → "rgb(255, 102, 51)" as computed styles give it. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** The value in column B of the summary row whose column A reads `label`. */
async function summaryValue(w: Watched, label: string): Promise<string> {
  return w.page.evaluate((l) => {
    for (const tr of document.querySelectorAll('#sheet tbody tr')) {
      const cells = tr.querySelectorAll('td');
      if (cells[0]?.textContent === l) return cells[1]?.textContent ?? '';
    }
    return '(no row)';
  }, label);
}

beforeAll(async () => {
  s = await startSession();
  draft = await expected('sample-draft.xlsx');
  const f = draft.findings.find((x) => x.ruleId === 'missing-grade');
  if (!f || f.row === null || f.col === null) throw new Error('the draft sample has no missing grade');
  missing = { cell: toA1(f.row, f.col), message: localizeFinding(f, 'ja').message };
});

afterAll(async () => {
  writeFileSync(join(ARTIFACTS, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
  await s?.close();
});

describe('the preview with the draft sample', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await openPreview(s);
  });
  afterAll(async () => {
    await w?.close();
  });

  it('opens on the draft: the sheet and the table found are shown, nothing is highlighted yet', async () => {
    const { page } = w;
    await pane(page).getByText(`作業中のシート: ${draft.sheet}`).waitFor();
    const facts = pane(page).getByRole('region', { name: '作業中のシート' });
    await facts.locator('dt', { hasText: t('table', 'ja') }).waitFor();
    const shown = (await facts.locator('dl').innerText()).replace(/\s+/g, '');
    expect(shown).toContain(`${t('table', 'ja')}${draft.summary.tableRange}`);
    expect(shown).toContain(`${t('fiscalYear', 'ja')}${fiscalYearLabel(draft.summary.fiscalYear, 'ja')}`.replace(/\s+/g, ''));
    expect(shown).toContain(`${t('rows', 'ja')}${draft.summary.rows}`.replace(/\s+/g, ''));
    expect(await page.locator('#sheet td[data-highlight]').count()).toBe(0);
    await shot(page, '01-opened');
  });

  it('Validate lists the missing grade and highlights its cell in the grid', async () => {
    const { page } = w;
    const t0 = Date.now();
    await validateButton(page).click();
    const item = findingButton(page, missing.cell);
    await item.waitFor();
    timings.validateClickToResultsMs = Date.now() - t0;
    expect(await item.textContent()).toContain(missing.message);
    const nMissing = draft.findings.filter((f) => f.ruleId === 'missing-grade').length;
    const heading = `${ruleTitle('missing-grade', 'ja')}（${nMissing}）`;
    expect(await pane(page).getByRole('heading', { name: heading, exact: true }).count()).toBe(1);
    const cell = gridCell(page, missing.cell);
    expect(await cell.getAttribute('data-highlight')).toBe('missing-grade');
    expect(await cell.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(HIGHLIGHT_COLOR['missing-grade']));
    // Every finding with a cell is painted, and only those.
    const cells = new Set(draft.findings.filter((f) => f.row !== null && f.col !== null).map((f) => toA1(f.row!, f.col!)));
    const painted = await page
      .locator('#sheet td[data-highlight]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
    expect(new Set(painted)).toEqual(cells);
    // Counts by severity as the engine gives them.
    for (const [sev, n] of [
      ['エラー', draft.summary.errors],
      ['警告', draft.summary.warnings],
      ['情報', draft.summary.infos],
    ] as const)
      expect(
        await pane(page)
          .getByRole('button', { name: `${sev} ${n} 件` })
          .count(),
      ).toBe(1);
    expect(await pane(page).getByText(t('notReady', 'ja')).count()).toBe(1);
    await shot(page, '02-validated');
  });

  it('clicking the finding selects its cell in the grid', async () => {
    const { page } = w;
    await gridCell(page, 'A1').click();
    expect(await gridCell(page, missing.cell).getAttribute('aria-selected')).toBe('false');
    await findingButton(page, missing.cell).click();
    await page.locator(`#sheet td[data-cell="${missing.cell}"][aria-selected="true"]`).waitFor();
    expect(await gridCell(page, 'A1').getAttribute('aria-selected')).toBe('false');
    await shot(page, '03-finding-selected');
  });

  it('filters the findings by severity', async () => {
    const { page } = w;
    const errors = pane(page).getByRole('button', { name: `エラー ${draft.summary.errors} 件` });
    const before = await pane(page).locator('li').count();
    await errors.click();
    expect(await errors.getAttribute('aria-pressed')).toBe('false');
    const after = await pane(page).locator('li').count();
    expect(after).toBe(before - draft.summary.errors);
    expect(await findingButton(page, missing.cell).count()).toBe(0);
    await errors.click();
    expect(await pane(page).locator('li').count()).toBe(before);
  });

  it('Insert summary adds a 集計 tab with the right counts', async () => {
    const { page } = w;
    await pane(page).getByRole('button', { name: '集計シートを挿入' }).click();
    await pane(page).getByText('集計シート「集計」を挿入しました。').waitFor();
    const tab = sheetTab(page, '集計');
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await page.locator('#sheet table[data-sheet="集計"]').waitFor();
    expect(await summaryValue(w, t('errors', 'ja'))).toBe(String(draft.summary.errors));
    expect(await summaryValue(w, t('warnings', 'ja'))).toBe(String(draft.summary.warnings));
    expect(await summaryValue(w, t('infos', 'ja'))).toBe(String(draft.summary.infos));
    expect(await summaryValue(w, t('rows', 'ja'))).toBe(String(draft.summary.rows));
    expect(await summaryValue(w, t('kpis', 'ja'))).toBe(String(draft.summary.kpis));
    expect(await summaryValue(w, t('gradeMissing', 'ja'))).toBe(String(draft.summary.grades.missing));
    await shot(page, '04-summary-sheet');
    // Inserting again replaces our sheet: still one 集計 tab.
    await pane(page).getByRole('button', { name: '集計シートを挿入' }).click();
    await pane(page).getByText('集計シート「集計」を挿入しました。').waitFor();
    expect(await page.locator('#sheet [role="tab"]').allTextContents()).toEqual([draft.sheet, '集計']);
  });

  it('Clear highlights leaves no highlight on the sheet', async () => {
    const { page } = w;
    await sheetTab(page, draft.sheet).click();
    expect(await page.locator('#sheet td[data-highlight]').count()).toBeGreaterThan(0);
    await pane(page).getByRole('button', { name: 'ハイライトを消す' }).click();
    await pane(page)
      .getByText(/ハイライトを消しました/)
      .waitFor();
    await page.waitForFunction(() => document.querySelectorAll('#sheet td[data-highlight]').length === 0);
    expect(await gridCell(page, missing.cell).evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
      rgb(HIGHLIGHT_COLOR['missing-grade']),
    );
    await shot(page, '05-cleared');
  });

  it('exports the report as JSON and CSV named after the workbook, the sheet and the day', async () => {
    const { page } = w;
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      pane(page).getByRole('button', { name: 'JSON で保存' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(new RegExp(`^kpi-check_sample-draft_${draft.sheet}_\\d{8}\\.json$`));
    const report = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(report.results[0].sheet).toBe(draft.sheet);
    expect(report.results[0].findings).toHaveLength(draft.findings.length);
    expect(report.results[0].summary.errors).toBe(draft.summary.errors);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      pane(page).getByRole('button', { name: 'CSV で保存' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(new RegExp(`^kpi-check_sample-draft_${draft.sheet}_\\d{8}\\.csv$`));
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(draft.findings.length + 1);
    expect(text).toContain(missing.message);
  });

  it('switches to English and back', async () => {
    const { page } = w;
    await pane(page)
      .getByRole('button', { name: /English/ })
      .click();
    await validateButton(page, 'en').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await pane(page).getByRole('button', { name: 'Insert summary' }).count()).toBe(1);
    expect(await pane(page).getByRole('button', { name: 'Clear highlights' }).count()).toBe(1);
    const enMessage = localizeFinding(
      draft.findings.find((f) => f.ruleId === 'missing-grade')!,
      'en',
    ).message;
    expect(await findingButton(page, missing.cell).textContent()).toContain(enMessage);
    await shot(page, '06-english');
    await pane(page)
      .getByRole('button', { name: /日本語/ })
      .click();
    await validateButton(page, 'ja').waitFor();
  });

  it('made no request beyond its own server, showed no dialog and broke no CSP rule', async () => {
    expect(foreignRequests(w, s.url)).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(await w.cspViolations()).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});

describe('opening the pane', () => {
  it('is interactive soon after load (figure recorded in test-artifacts/e2e/timings.json)', async () => {
    const w = await openPreview(s);
    try {
      const ms = await w.page.evaluate(() => performance.now());
      const nav = await w.page.evaluate(() => {
        const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return e ? e.domContentLoadedEventEnd : 0;
      });
      timings.loadToInteractivePaneMs = Math.round(ms);
      timings.domContentLoadedMs = Math.round(nav);
      expect(ms).toBeGreaterThan(0);
    } finally {
      await w.close();
    }
  });

  it('from the ribbon 検証 button (?run=1) validates at once', async () => {
    const w = await openPreview(s, '?run=1');
    try {
      await findingButton(w.page, missing.cell).waitFor();
      expect(await gridCell(w.page, missing.cell).getAttribute('data-highlight')).toBe('missing-grade');
    } finally {
      await w.close();
    }
  });

  it('the ribbon 集計 button validates and inserts the summary sheet', async () => {
    const w = await openPreview(s);
    try {
      await w.page.getByRole('toolbar').getByRole('button', { name: '集計' }).click();
      await sheetTab(w.page, '集計').waitFor();
      await w.page.locator('#sheet table[data-sheet="集計"]').waitFor();
      expect(await summaryValue(w, t('errors', 'ja'))).toBe(String(draft.summary.errors));
    } finally {
      await w.close();
    }
  });

  it('follows English Office and the dark theme', async () => {
    const w = await openPreview(s, '?lang=en&theme=dark');
    try {
      await validateButton(w.page, 'en').waitFor();
      const bg = await w.page
        .locator('#pane .fui-FluentProvider')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).toBeLessThan(3 * 80);
      await validateButton(w.page, 'en').click();
      await findingButton(w.page, missing.cell).waitFor();
      await shot(w.page, '07-english-dark');
    } finally {
      await w.close();
    }
  });

  it('a sheet with no table gets a plain explanation', async () => {
    const w = await openPreview(s);
    try {
      await validateButton(w.page).click();
      await findingButton(w.page, missing.cell).waitFor();
      // A sheet of the user's with no table (our own summary sheet would be checked as its source).
      await w.page.evaluate(() => {
        const sim = (window as unknown as { kpiPreview: { sim: { addSheet(n: string): unknown; activate(n: string): void } } })
          .kpiPreview.sim;
        sim.addSheet('メモ');
        sim.activate('メモ');
      });
      await w.page.locator('#pane').getByText('作業中のシート: メモ').waitFor();
      await validateButton(w.page).click();
      await w.page.locator('#pane').getByText(t('tableNotFound', 'ja'), { exact: true }).waitFor();
      expect(
        await w.page.locator('#pane').getByText('このシートには進捗管理表が見つかりませんでした', { exact: false }).count(),
      ).toBe(1);
      await shot(w.page, '08-no-table');
    } finally {
      await w.close();
    }
  });
});

describe('opening another workbook', () => {
  it('checks the clean sample picked with ブックを開く: 提出できます', async () => {
    const w = await openPreview(s);
    const { page } = w;
    try {
      const clean = await expected('sample.xlsx');
      expect(clean.summary.ready).toBe(true);
      await page.locator('#open-file').setInputFiles(join(__dirname, '..', '..', 'seeds', 'sample.xlsx'));
      await page.locator('#book-name', { hasText: 'sample.xlsx' }).waitFor();
      await validateButton(page).waitFor();
      await validateButton(page).click();
      await pane(page).getByText(t('ready', 'ja'), { exact: true }).waitFor();
      expect(await pane(page).getByText('エラーはありません。このまま提出できます。').count()).toBe(1);
      expect(await pane(page).getByRole('button', { name: 'エラー 0 件' }).count()).toBe(1);
      expect(await page.locator('#sheet td[data-highlight="missing-grade"], #sheet td[data-highlight="error"]').count()).toBe(0);
      await shot(page, '13-clean-sample-ready');
    } finally {
      await w.close();
    }
  });

  it('says plainly when a file is not a workbook', async () => {
    const w = await openPreview(s);
    try {
      await w.page
        .locator('#open-file')
        .setInputFiles({ name: 'notes.xlsx', mimeType: 'text/plain', buffer: Buffer.from('not a workbook') });
      await w.page.getByRole('alert').filter({ hasText: 'ブックを開けませんでした' }).waitFor();
      // The workbook already open stays open and usable.
      expect(await w.page.locator('#book-name').textContent()).toBe('sample-draft.xlsx');
      await validateButton(w.page).click();
      await findingButton(w.page, missing.cell).waitFor();
    } finally {
      await w.close();
    }
  });
});

describe('settings', () => {
  it('turning a check off and saving changes the next validation; reset brings it back', async () => {
    const w = await openPreview(s);
    const { page } = w;
    try {
      await pane(page).getByRole('tab', { name: '設定' }).click();
      const sw = pane(page).getByRole('switch', { name: ruleTitle('missing-grade', 'ja') });
      expect(await sw.isChecked()).toBe(true);
      await sw.click();
      await pane(page).getByRole('button', { name: 'ブックに保存' }).click();
      await pane(page).getByText('設定をブックに保存しました', { exact: false }).waitFor();
      await shot(page, '09-settings');
      await pane(page).getByRole('tab', { name: '結果' }).click();
      await validateButton(page).click();
      await findingButton(page, 'F9').waitFor();
      expect(await findingButton(page, missing.cell).count()).toBe(0);
      await pane(page).getByRole('tab', { name: '設定' }).click();
      await pane(page).getByRole('button', { name: '既定に戻す' }).click();
      await pane(page).getByRole('alertdialog').getByRole('button', { name: '既定に戻す' }).click();
      await pane(page).getByText('既定の設定に戻しました', { exact: false }).waitFor();
      expect(
        await pane(page)
          .getByRole('switch', { name: ruleTitle('missing-grade', 'ja') })
          .isChecked(),
      ).toBe(true);
      await pane(page).getByRole('tab', { name: '結果' }).click();
      await validateButton(page).click();
      await findingButton(page, missing.cell).waitFor();
    } finally {
      await w.close();
    }
  });

  it('refuses grade thresholds out of order', async () => {
    const w = await openPreview(s);
    const { page } = w;
    try {
      await pane(page).getByRole('tab', { name: '設定' }).click();
      const b = pane(page).getByRole('spinbutton', { name: 'B の下限（%）' });
      await b.fill('150');
      await b.press('Tab');
      // Marked at the field, in Japanese, next to it; Save takes the user there instead of saving.
      await pane(page).getByText('B の下限は A の下限（100%）より小さくしてください').waitFor();
      expect(await b.getAttribute('aria-invalid')).toBe('true');
      await pane(page).getByRole('button', { name: 'ブックに保存' }).click();
      expect(await b.evaluate((el) => el === document.activeElement)).toBe(true);
      const saved = await page.evaluate(
        () => (window as unknown as { kpiPreview: { sim: { settings: Record<string, unknown> } } }).kpiPreview.sim.settings,
      );
      expect(saved['kpiCheck.profile']).toBeUndefined();
    } finally {
      await w.close();
    }
  });
});
