/**
 * Quick fixes through Office.js: the core's Fix data written to the sheet, and written back for the
 * pane's 元に戻す (Office.js changes clear Excel's own undo stack). Two round trips each: the first
 * reads every planned cell's value and formula, the second writes only the cells that still hold what
 * the fix expects and have no formula. Values only: formats, merges and every other cell stay.
 */
import { toA1 } from '../core/a1';
import type { Fix } from '../core/fixes';
import { fault } from './faults';

export interface FixOutcome {
  /** The fixes written. */
  applied: Fix[];
  /** Planned but left alone: the cell changed since it was read, or holds a formula. */
  skipped: Fix[];
}

/** Write `fixes` to `sheet` (0-based cells): the same call with reversed fixes is the undo. */
export async function writeFixes(ctx: Excel.RequestContext, sheet: string, fixes: readonly Fix[]): Promise<FixOutcome> {
  if (!fixes.length) return { applied: [], skipped: [] };
  const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
  ws.load('name');
  ws.protection.load('protected');
  const cells = fixes.map((f) => {
    const r = ws.getRange(toA1(f.row, f.col));
    r.load('values,formulas');
    return r;
  });
  await ctx.sync();
  if (ws.isNullObject) throw fault('sheet-gone', 'sheetGone', { sheet });
  if (ws.protection.protected) throw fault('protected', 'protected', { sheet });
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  fixes.forEach((f, i) => {
    const r = cells[i]!;
    const formula = r.formulas[0]?.[0];
    const value = r.values[0]?.[0];
    const now = value === null || value === undefined ? '' : value;
    const hasFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
    if (hasFormula || now !== f.from) skipped.push(f);
    else applied.push(f);
  });
  applied.forEach((f) => {
    cells[fixes.indexOf(f)]!.values = [[f.to]];
  });
  if (applied.length) await ctx.sync();
  return { applied, skipped };
}
