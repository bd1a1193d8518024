/**
 * Quick fixes in a copy of the workbook (kpi-check --fix): the core's Fix data applied with ExcelJS,
 * values only (styles, merges, formulas and every other cell kept), saved under another name; the
 * input is never written.
 */
import type * as ExcelJS from 'exceljs';
import type { Fix } from '../core/fixes';
import { quoteIfNeeded } from './quote-prefix';
import { checkTarget } from './files';
import { loadForCopy, save, type WriteOptions } from './write';

export interface FixedCopy {
  applied: Fix[];
  /** Planned but left alone: the cell holds a formula, rich text, or no longer what the fix expects. */
  skipped: Fix[];
}

/** The text of a plain cell ("" when empty), or null when it is not plain text (formula, rich text, number …). */
function plainText(cell: ExcelJS.Cell): string | null {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : null;
}

/** Apply fixes to one sheet of a workbook in memory. */
export function applyFixes(ws: ExcelJS.Worksheet, fixes: readonly Fix[]): FixedCopy {
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const f of fixes) {
    const cell = ws.getCell(f.row + 1, f.col + 1);
    if (cell.formula || plainText(cell) !== f.from) {
      skipped.push(f);
      continue;
    }
    cell.value = f.to === '' ? null : f.to;
    // A fix that leaves text starting with "=" (say, a space trimmed) keeps it text in Excel too.
    quoteIfNeeded(cell);
    applied.push(f);
  }
  return { applied, skipped };
}

/** Read the input again, apply the fixes to `sheet` and save the copy at outPath. */
export async function writeFixed(
  inputPath: string,
  outPath: string,
  sheet: string,
  fixes: readonly Fix[],
  opts: WriteOptions = {},
): Promise<FixedCopy> {
  const target = { force: opts.force, protect: [inputPath, ...(opts.protect ?? [])] };
  checkTarget(outPath, target);
  const wb = await loadForCopy(inputPath);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`sheet not found: ${sheet}`);
  const out = applyFixes(ws, fixes);
  await save(wb, outPath, target);
  return out;
}
