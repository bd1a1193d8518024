/**
 * ExcelJS 4.4 loads merged areas in quadratic time: each merge read from a file is checked against
 * every merge before it (Worksheet._mergeCellsInternal). A 50,000-row table like the sample has some
 * 23,000 merges and took about 40 s to open. This module replaces the loading step
 * (Worksheet._parseMergeCells) with one that checks overlaps through a set of the merged cells —
 * linear in their number — and then merges exactly as ExcelJS does (cells point at the master
 * without taking its style, the merge is indexed by the master's address). Merges made through
 * the API (mergeCells) are untouched. Importing it applies the fix once.
 */

interface Dimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface ExcelCell {
  address: string;
  merge(master: ExcelCell, ignoreStyle: boolean): void;
}
interface WorksheetLike {
  _merges: Record<string, Dimensions>;
  getCell(row: number, col: number): ExcelCell;
}

const PATCHED = Symbol.for('kpi-check.exceljs-fast-merges');

function apply(): void {
  const Worksheet = require('exceljs/lib/doc/worksheet') as { prototype: Record<string | symbol, unknown> };
  const Range = require('exceljs/lib/doc/range') as new (address: string) => Dimensions;
  const proto = Worksheet.prototype;
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;

  proto._parseMergeCells = function (this: WorksheetLike, model: { mergeCells?: string[] }): void {
    const taken = new Set<number>();
    for (const address of model.mergeCells ?? []) {
      const d = new Range(address);
      for (let r = d.top; r <= d.bottom; r++)
        for (let c = d.left; c <= d.right; c++) {
          const key = r * 16384 + c;
          if (taken.has(key)) throw new Error('Cannot merge already merged cells');
          taken.add(key);
        }
      const master = this.getCell(d.top, d.left);
      for (let r = d.top; r <= d.bottom; r++)
        for (let c = d.left; c <= d.right; c++) if (r > d.top || c > d.left) this.getCell(r, c).merge(master, true);
      this._merges[master.address] = d;
    }
  };
}

apply();
