/**
 * The pane follows the workbook (issue 8, point 1): the card and the findings belong to the sheet they
 * name after tab changes, the pane's and the ribbon's 集計, renames and deletions.
 */
import type { CheckResult } from '../../src/core/engine';
import {
  draftWithMissing,
  findingButton,
  openPreview,
  pane,
  sheetTab,
  startSession,
  validateButton,
  type Session,
} from './harness';
import type { Page } from 'playwright-core';

let s: Session;
let draft: CheckResult;
let missingCell: string;

beforeAll(async () => {
  s = await startSession();
  ({ draft, missingCell } = await draftWithMissing());
});

afterAll(async () => {
  await s?.close();
});

const card = (page: Page) =>
  pane(page)
    .locator('section')
    .filter({ hasText: /作業中のシート|検証したシート/ })
    .first();

/** Run Office.js code in the page (the simulator's Excel global), as another add-in or the user would change the workbook. */
async function inExcel(page: Page, code: 'delete' | 'rename', sheet: string, to = ''): Promise<void> {
  await page.evaluate(
    async ([c, name, next]) => {
      const X = (window as unknown as { Excel: typeof Excel }).Excel;
      await X.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(name!);
        if (c === 'delete') ws.delete();
        else ws.name = next!;
        await ctx.sync();
      });
    },
    [code, sheet, to],
  );
}

async function addSheet(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => {
    const sim = (window as unknown as { kpiPreview: { sim: { addSheet(n: string): unknown } } }).kpiPreview.sim;
    sim.addSheet(n);
  }, name);
}

it('the card and the findings follow a tab change, and Validate checks the sheet the card names', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await addSheet(page, '白紙');
    await validateButton(page).click();
    await findingButton(page, missingCell).waitFor();
    await sheetTab(page, '白紙').click();
    // The card names the new sheet at once; the findings are marked as another sheet's.
    await card(page).getByText('作業中のシート: 白紙').waitFor();
    await pane(page).getByText(`下の結果はシート「${draft.sheet}」のものです`).waitFor();
    await card(page).getByText('このシートには進捗管理表が見つかりませんでした', { exact: false }).waitFor();
    await validateButton(page).click();
    await pane(page).getByText('進捗管理表の見出しが見つかりません', { exact: false }).first().waitFor();
    expect(await findingButton(page, missingCell).count()).toBe(0);
    expect(await pane(page).getByText(`下の結果はシート`).count()).toBe(0);
    // Back on the table: the card says so without a click in the pane.
    await sheetTab(page, draft.sheet).click();
    await card(page).getByText(`作業中のシート: ${draft.sheet}`).waitFor();
    await pane(page).getByText('下の結果はシート「白紙」のものです').waitFor();
    expect(w.errors).toEqual([]);
  } finally {
    await w.close();
  }
});

it('after 集計 (pane or ribbon) the card names the summary sheet, and Validate there checks its source', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await page.getByRole('toolbar').getByRole('button', { name: '集計' }).click();
    await sheetTab(page, '集計').waitFor();
    await card(page).getByText('作業中のシート: 集計').waitFor();
    await card(page).getByText(`このシートは「${draft.sheet}」の集計シートです`, { exact: false }).waitFor();
    await validateButton(page).click();
    await findingButton(page, missingCell).waitFor();
    await card(page).getByText('検証したシート: 集計').waitFor();
    expect(await pane(page).getByText('進捗管理表の見出しが見つかりません', { exact: false }).count()).toBe(0);
    expect(await pane(page).getByText('下の結果はシート').count()).toBe(0);
    // The pane's own 集計 from the summary sheet replaces it (still one 集計) and keeps its notice.
    await pane(page).getByRole('button', { name: '集計シートを挿入' }).click();
    await pane(page).getByText('集計シート「集計」を挿入しました。').waitFor();
    expect(await page.locator('#sheet [role="tab"]').allTextContents()).toEqual([draft.sheet, '集計']);
    await card(page)
      .getByText(/シート: 集計/)
      .waitFor();
  } finally {
    await w.close();
  }
});

it('results follow a rename of their sheet and go away when it is deleted', async () => {
  const w = await openPreview(s);
  const { page } = w;
  try {
    await addSheet(page, '予備');
    await validateButton(page).click();
    await findingButton(page, missingCell).waitFor();
    await inExcel(page, 'rename', draft.sheet, '提出用');
    await card(page).getByText('検証したシート: 提出用').waitFor();
    // Clicking a finding still finds its cell on the renamed sheet.
    await findingButton(page, missingCell).click();
    await page.locator(`#sheet td[data-cell="${missingCell}"][aria-selected="true"]`).waitFor();
    await inExcel(page, 'delete', '提出用');
    await pane(page).getByText('検証したシート「提出用」が削除されたため、その結果を消しました。').waitFor();
    expect(await findingButton(page, missingCell).count()).toBe(0);
    await card(page).getByText('作業中のシート: 予備').waitFor();
    expect(w.errors).toEqual([]);
  } finally {
    await w.close();
  }
});
