/**
 * Quick fixes in a copy of the workbook (kpi-check --fix): the core's Fix data applied with ExcelJS,
 * values only (styles, merges, formulas and every other cell kept), saved under another name; the
 * input is never written.
 */
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import './fast-merges';
import type { Fix } from '../core/fixes';
import { save, type WriteOptions } from './write';

export interface FixedCopy {
  applied: Fix[];
  /** Planned but left alone: the cell holds a formula, rich text, or no longer what the fix expects. */
  skipped: Fix[];
}

/** "seeds/a.xlsx" → "a.<kind>.xlsx" in dir (default: beside the input). */
export function outputPath(input: string, kind: 'checked' | 'fixed', dir?: string): string {
  const base = path.basename(input).replace(/\.(xlsx|xlsm|xltx|xltm)$/i, '');
  return path.join(dir ?? path.dirname(input), `${base}.${kind}.xlsx`);
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
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(inputPath);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`sheet not found: ${sheet}`);
  const out = applyFixes(ws, fixes);
  await save(wb, outPath, { force: opts.force, protect: [inputPath, ...(opts.protect ?? [])] });
  return out;
}
