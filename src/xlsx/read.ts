/** Reading .xlsx files with ExcelJS into the core's SheetData. Node only. */
import ExcelJS from 'exceljs';
import type { CellRange } from '../core/a1';
import { parseRange } from '../core/a1';
import type { CellValue, SheetData } from '../core/grid';
import {
  compactSheetData,
  formatExcelDate,
  NO_WORKSHEETS,
  notXlsxMessage,
  pickActiveSheet,
  workbookBytes,
  XlsxReadError,
} from './errors';

export { formatExcelDate, XlsxReadError } from './errors';

/** Load a workbook from a path or the file's bytes. Throws XlsxReadError for anything that is not a readable .xlsx. */
export async function loadWorkbook(pathOrBuffer: string | Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const { buf, file } = await workbookBytes(pathOrBuffer);
  return loadWorkbookBytes(buf, file);
}

/** loadWorkbook on bytes already read (`file` names them in the error). */
export async function loadWorkbookBytes(buf: Buffer, file?: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new XlsxReadError(notXlsxMessage(buf), file, { cause: err });
  }
  if (wb.worksheets.length === 0) throw new XlsxReadError(NO_WORKSHEETS, file);
  return wb;
}

/** The sheet that was active when the workbook was saved; else the first visible worksheet. */
export function activeSheetName(wb: ExcelJS.Workbook): string | undefined {
  const sheets = wb.worksheets.map((s) => ({
    name: s.name,
    state: s.state,
    orderNo: (s as unknown as { orderNo?: number }).orderNo ?? -1,
  }));
  return pickActiveSheet(sheets, wb.views?.[0]?.activeTab);
}

const { ValueType } = ExcelJS;

function richTextToString(rt: unknown): string {
  if (!Array.isArray(rt)) return '';
  let s = '';
  for (const run of rt) if (run && typeof run.text === 'string') s += run.text;
  return s;
}

/** An ExcelJS value (or a formula's result) as the core's CellValue. Unknown shapes give null, never a throw. */
export function toCoreValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'object':
      break;
    default:
      return null;
  }
  if (v instanceof Date) return formatExcelDate(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === 'string') return o.error;
  if ('richText' in o) return richTextToString(o.richText);
  if ('text' in o) {
    const t = o.text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && 'richText' in t) return richTextToString((t as { richText: unknown }).richText);
    return t === null || t === undefined ? null : toCoreValue(t);
  }
  if ('formula' in o || 'sharedFormula' in o) return toCoreValue(o.result);
  return null;
}

/** What the cell shows: the value, a formula's cached result (null when none was saved). Merged-away cells are null. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  const type = cell.type;
  if (type === ValueType.Merge || type === ValueType.Null) return null;
  if (type === ValueType.Formula) return toCoreValue(cell.result);
  return toCoreValue(cell.value);
}

/** The cell's formula as Office.js shows it ("=SUM(A1:A3)"), shared formulas translated to the cell; else null. */
export function cellFormula(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ValueType.Formula) return null;
  let f: string | undefined;
  try {
    f = cell.formula;
  } catch {
    return null;
  }
  if (typeof f !== 'string' || f === '') return null;
  if (f.includes('_xl')) f = f.replace(/_xl(?:fn|ws|pm)\./g, '');
  return f.startsWith('=') ? f : `=${f}`;
}

export function cellToCore(cell: ExcelJS.Cell): { value: CellValue; formula: string | null } {
  return { value: cellValue(cell), formula: cellFormula(cell) };
}

/** The merged areas of a sheet, 0-based. */
export function sheetMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (
    ws as unknown as { _merges?: Record<string, { model?: Partial<Record<'top' | 'left' | 'bottom' | 'right', number>> }> }
  )._merges;
  const out: CellRange[] = [];
  if (internal && typeof internal === 'object') {
    for (const m of Object.values(internal)) {
      const r = m?.model;
      if (r && r.top && r.left && r.bottom && r.right)
        out.push({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 });
    }
    return out;
  }
  for (const ref of ws.model.merges ?? []) {
    try {
      out.push(parseRange(ref));
    } catch {
      // a merge reference we cannot parse is left out
    }
  }
  return out;
}

/**
 * The sheet's used range (cells holding a value or a formula) as SheetData: values with formula results,
 * error codes as strings, rich text and hyperlinks as their text, dates as "yyyy/m/d"; formulas and number
 * formats (other than General) where present; merges.
 */
export function sheetToData(ws: ExcelJS.Worksheet): SheetData {
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let numberFormats: (string | null)[][] | undefined;
  let firstRow = -1;
  let lastRow = -1;
  let minCol = Number.MAX_SAFE_INTEGER;

  ws.eachRow((row, rowNumber) => {
    const cells = (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells;
    if (!Array.isArray(cells)) return;
    let out: CellValue[] | undefined;
    let fout: (string | null)[] | undefined;
    let nout: (string | null)[] | undefined;
    let last = -1;
    const r = rowNumber - 1;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const type = cell.type;
      if (type === ValueType.Null || type === ValueType.Merge) continue;
      const v = type === ValueType.Formula ? toCoreValue(cell.result) : toCoreValue(cell.value);
      const f = type === ValueType.Formula ? cellFormula(cell) : null;
      if (v === null && f === null) continue;
      if (!out) {
        if (firstRow < 0) firstRow = r;
        out = new Array<CellValue>(cells.length).fill(null);
        values[r - firstRow] = out;
      }
      out[c] = v;
      if (f !== null) {
        if (!fout) {
          formulas ??= [];
          fout = new Array<string | null>(cells.length).fill(null);
          formulas[r - firstRow] = fout;
        }
        fout[c] = f;
      }
      const nf = cell.numFmt;
      if (typeof nf === 'string' && nf !== '' && nf !== 'General') {
        if (!nout) {
          numberFormats ??= [];
          nout = new Array<string | null>(cells.length).fill(null);
          numberFormats[r - firstRow] = nout;
        }
        nout[c] = nf;
      }
      if (c < minCol) minCol = c;
      last = c;
      lastRow = r;
    }
    // Styled but empty cells at the end of the row are not part of the used range.
    if (out && last + 1 < out.length) {
      out.length = last + 1;
      if (fout && fout.length > last + 1) fout.length = last + 1;
      if (nout && nout.length > last + 1) nout.length = last + 1;
    }
  });

  return compactSheetData(ws.name, values, formulas, numberFormats, firstRow, lastRow, minCol, sheetMerges(ws));
}
