/**
 * Quick fixes in the pane (issue 8, point 4): 修正 on a finding and 安全な修正をまとめて適用 change
 * exactly the planned cells; 元に戻す restores every value, formula and format; a suggested grade is
 * written only on its own explicit click.
 */
import type { Page } from 'playwright-core';
import { toA1 } from '../../src/core/a1';
import type { CheckResult } from '../../src/core/engine';
import { safeFixes } from '../../src/core/fixes';
import { expected, findingButton, openPreview, pane, shot, startSession, validateButton, type Session } from './harness';

let s: Session;
let draft: CheckResult;

beforeAll(async () => {
  s = await startSession();
  draft = await expected('sample-draft.xlsx');
});

afterAll(async () => {
  await s?.close();
});

/** Every cell of the sheet as the simulator holds it: value, formula, style. */
const cells = (page: Page, sheet: string) =>
  page.evaluate((name) => {
    const sim = (
      window as unknown as { kpiPreview: { sim: { snapshot(): { sheets: { name: string; cells: Record<string, unknown> }[] } } } }
    ).kpiPreview.sim;
    return JSON.parse(JSON.stringify(sim.snapshot().sheets.find((x) => x.name === name)!.cells)) as Record<
      string,
      { value: unknown }
    >;
  }, sheet);

function changed(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

it('applying every safe fix changes exactly the planned cells; 元に戻す restores every cell', async () => {
  const plan = safeFixes(draft.findings);
  expect(plan.length).toBeGreaterThan(0);
  const w = await openPreview(s);
  const { page } = w;
  try {
    await validateButton(page).click();
    const all = pane(page).getByRole('button', { name: `安全な修正をまとめて適用（${plan.length} 件）` });
    await all.waitFor();
    const before = await cells(page, draft.sheet);
    await all.click();
    await pane(page).getByText(`${plan.length} 個のセルを修正し、検証し直しました。`).waitFor();
    const after = await cells(page, draft.sheet);
    expect(changed(before, after)).toEqual(plan.map((f) => toA1(f.row, f.col)).sort());
    for (const f of plan) expect(after[toA1(f.row, f.col)]!.value).toBe(f.to);
    // Checked again: nothing safe is left to fix.
    expect(
      await pane(page)
        .getByRole('button', { name: /安全な修正をまとめて適用/ })
        .count(),
    ).toBe(0);
    await shot(page, '40-fixed');
    await pane(page).getByRole('button', { name: '元に戻す' }).click();
    await pane(page).getByText(`${plan.length} 個のセルを元に戻しました。`).waitFor();
    expect(changed(before, await cells(page, draft.sheet))).toEqual([]);
    expect(w.errors).toEqual([]);
  } finally {
    await w.close();
  }
});

it("a suggested grade is written only by its own click, and one finding's 修正 changes only its cell", async () => {
  const missing = draft.findings.find((f) => f.ruleId === 'missing-grade' && f.fix)!;
  const cell = toA1(missing.row!, missing.col!);
  expect(missing.fix!.safe).toBe(false);
  expect(safeFixes(draft.findings).some((f) => toA1(f.row, f.col) === cell)).toBe(false);
  const grade = draft.findings.find((f) => f.ruleId === 'grade-not-normalized')!;
  const gradeCell = toA1(grade.row!, grade.col!);
  const w = await openPreview(s);
  const { page } = w;
  try {
    await validateButton(page).click();
    await findingButton(page, cell).waitFor();
    const before = await cells(page, draft.sheet);
    await pane(page)
      .getByRole('button', { name: new RegExp(`^修正: ${gradeCell} `) })
      .click();
    await pane(page).getByText('1 個のセルを修正し、検証し直しました。').waitFor();
    expect(changed(before, await cells(page, draft.sheet))).toEqual([gradeCell]);
    const mid = await cells(page, draft.sheet);
    await pane(page)
      .getByRole('button', { name: new RegExp(`^「${missing.fix!.to}」を入力: ${cell} `) })
      .click();
    await findingButton(page, cell).waitFor({ state: 'detached' });
    await pane(page).getByText('1 個のセルを修正し、検証し直しました。').waitFor();
    const after = await cells(page, draft.sheet);
    expect(changed(mid, after)).toEqual([cell]);
    expect(after[cell]!.value).toBe(missing.fix!.to);
    expect(await findingButton(page, cell).count()).toBe(0);
  } finally {
    await w.close();
  }
});
