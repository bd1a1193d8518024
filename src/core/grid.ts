import { CellRange, rangeContains, toA1 } from './a1';
import { cutText, MAX_CELL_CHARS } from './limits';

/** What a cell holds after Excel computed it. Error values are the error code as a string ("#DIV/0!"). */
export type CellValue = string | number | boolean | null;

export const EXCEL_ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const;
const ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);

export function isExcelError(v: CellValue | undefined): v is string {
  // Every code starts with "#": testing that first spares hashing long texts.
  return typeof v === 'string' && v.charCodeAt(0) === 35 && ERROR_SET.has(v);
}

/**
 * One worksheet as the adapters read it: the used range's values (and formulas), where it starts on
 * the sheet, and the merged areas. This is the only input the engine needs; the Office.js adapter and
 * the xlsx adapter both build it.
 */
export interface SheetData {
  name: string;
  /** 0-based sheet row and column of values[0][0]. */
  top: number;
  left: number;
  /** Row-major, rows may be ragged (missing cells are empty). */
  values: CellValue[][];
  /** Same shape as values where given; a formula starts with "=", anything else means "no formula". */
  formulas?: (string | null | undefined)[][];
  /** Merged areas in sheet coordinates. */
  merges?: CellRange[];
  /**
   * Same shape as values where given: each cell's number format code as Excel stores it
   * ("0.0%", "#,##0", "yyyy/m/d"); "General", "" or null mean none. Both adapters pass it so that
   * the core reads numbers as Excel shows them (0.949 under "0.0%" is 94.9 %).
   */
  numberFormats?: (string | null | undefined)[][];
}

/** Read-only access to a sheet in sheet coordinates (0-based). Cells outside the used range are empty. */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  /** Number of rows / columns of the used range. */
  readonly rowCount: number;
  readonly colCount: number;
  readonly merges: readonly CellRange[];
  private readonly values: CellValue[][];
  private readonly formulas: (string | null | undefined)[][] | undefined;
  private readonly numberFormats: (string | null | undefined)[][] | undefined;
  /** key row*16384+col of each merged cell other than the top-left one → its merge. */
  private readonly mergeIndex = new Map<number, CellRange>();
  private readonly mergeTopLeft = new Map<number, CellRange>();

  constructor(data: SheetData) {
    this.name = data.name;
    this.top = Math.max(0, Math.trunc(data.top) || 0);
    this.left = Math.max(0, Math.trunc(data.left) || 0);
    this.values = Array.isArray(data.values) ? data.values : [];
    this.formulas = data.formulas;
    this.numberFormats = data.numberFormats;
    this.rowCount = this.values.length;
    let cols = 0;
    for (const r of this.values) if (Array.isArray(r) && r.length > cols) cols = r.length;
    this.colCount = cols;
    this.merges = (data.merges ?? []).filter(
      (m) => m && m.bottom >= m.top && m.right >= m.left && (m.bottom > m.top || m.right > m.left),
    );
    for (const m of this.merges) {
      this.mergeTopLeft.set(key(m.top, m.left), m);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) this.mergeIndex.set(key(r, c), m);
    }
  }

  /** First and last sheet row / column of the used range (inclusive). Empty sheet: last < first. */
  get firstRow(): number {
    return this.top;
  }
  get lastRow(): number {
    return this.top + this.rowCount - 1;
  }
  get firstCol(): number {
    return this.left;
  }
  get lastCol(): number {
    return this.left + this.colCount - 1;
  }

  contains(row: number, col: number): boolean {
    return row >= this.firstRow && row <= this.lastRow && col >= this.firstCol && col <= this.lastCol;
  }

  /**
   * The raw value of one cell (merged cells other than the top-left one are empty, as in Excel). A
   * text longer than Excel allows in a cell is cut to MAX_CELL_CHARS.
   */
  value(row: number, col: number): CellValue {
    const r = this.values[row - this.top];
    if (!Array.isArray(r)) return null;
    const v = r[col - this.left];
    if (v === undefined || v === null) return null;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'string') return v.length > MAX_CELL_CHARS ? cutText(v, MAX_CELL_CHARS) : v;
    if (typeof v === 'boolean') return v;
    return cutText(String(v), MAX_CELL_CHARS);
  }

  /** The value as text (numbers in plain form, booleans TRUE/FALSE, empty → ""). */
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  /** The formula ("=…") of a cell, or null. */
  formula(row: number, col: number): string | null {
    const f = this.formulas?.[row - this.top]?.[col - this.left];
    return typeof f === 'string' && f.startsWith('=') && f.length > 1 ? f : null;
  }

  /** The number format code of a cell, or null for General / none. */
  numberFormat(row: number, col: number): string | null {
    const f = this.numberFormats?.[row - this.top]?.[col - this.left];
    return typeof f === 'string' && f !== '' && f !== 'General' ? f : null;
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col).trim() === '' && this.formula(row, col) === null;
  }

  /** The merged area the cell belongs to (including its top-left cell), or null. */
  mergeAt(row: number, col: number): CellRange | null {
    return this.mergeIndex.get(key(row, col)) ?? this.mergeTopLeft.get(key(row, col)) ?? null;
  }

  /** The value Excel shows for a cell: a merged cell shows its area's top-left value. */
  shownValue(row: number, col: number): CellValue {
    const m = this.mergeIndex.get(key(row, col));
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  shownText(row: number, col: number): string {
    return cellText(this.shownValue(row, col));
  }

  /** True when the cell is covered by a merge but is not the merge's top-left cell. */
  isCoveredByMerge(row: number, col: number): boolean {
    return this.mergeIndex.has(key(row, col));
  }

  /** Merges that intersect the given range. */
  mergesIn(r: CellRange): CellRange[] {
    return this.merges.filter((m) => !(m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right));
  }

  address(row: number, col: number): string {
    return toA1(row, col);
  }

  /** True when (row, col) lies in the merge m. */
  static inMerge(m: CellRange, row: number, col: number): boolean {
    return rangeContains(m, row, col);
  }
}

function key(row: number, col: number): number {
  return row * 16384 + col;
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}
