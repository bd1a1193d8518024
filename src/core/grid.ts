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
  /** The merge each cell lies in, found without expanding merges cell by cell (built on first need). */
  private mergeLookup: MergeLookup | undefined;
  /** The same answer for each cell of the used range, when that is small enough (coverTable), else null. */
  private readonly coveredIn: Int32Array | null;
  private anyFormula: boolean | undefined;
  /** key row*16384+col of each merge's top-left cell → the merge (the last one listed wins). */
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
    for (const m of this.merges) this.mergeTopLeft.set(key(m.top, m.left), m);
    this.coveredIn = coverTable(this.merges, this.top, this.left, this.rowCount, this.colCount);
  }

  /** The last listed merge that holds the cell other than as its top-left cell, or undefined. */
  private covering(row: number, col: number): CellRange | undefined {
    const t = this.coveredIn;
    const r = row - this.top;
    const c = col - this.left;
    if (t !== null && r >= 0 && r < this.rowCount && c >= 0 && c < this.colCount) {
      const i = t[r * this.colCount + c]!;
      return i === 0 ? undefined : this.merges[i - 1];
    }
    if (this.merges.length === 0) return undefined;
    return (this.mergeLookup ??= new MergeLookup(this.merges)).covering(row, col);
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

  /** True when some cell holds a formula: rules about formulas have nothing to look at otherwise. */
  get hasFormulas(): boolean {
    this.anyFormula ??=
      this.formulas?.some((r) => Array.isArray(r) && r.some((f) => typeof f === 'string' && f.startsWith('=') && f.length > 1)) ??
      false;
    return this.anyFormula;
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
    const v = this.value(row, col);
    // A number or boolean never reads as blank (value() gives no NaN): only text is looked at.
    if (v !== null && (typeof v !== 'string' || v.trim() !== '')) return false;
    return this.formula(row, col) === null;
  }

  /** The merged area the cell belongs to (including its top-left cell), or null. */
  mergeAt(row: number, col: number): CellRange | null {
    return this.covering(row, col) ?? this.mergeTopLeft.get(key(row, col)) ?? null;
  }

  /** The value Excel shows for a cell: a merged cell shows its area's top-left value. */
  shownValue(row: number, col: number): CellValue {
    const m = this.covering(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  shownText(row: number, col: number): string {
    return cellText(this.shownValue(row, col));
  }

  /** True when the cell is covered by a merge but is not the merge's top-left cell. */
  isCoveredByMerge(row: number, col: number): boolean {
    return this.covering(row, col) !== undefined;
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

/** The most cells of a used range that coverTable answers for (4 bytes each: 16 MB). */
const MAX_COVER_CELLS = 4_000_000;

/**
 * For each cell of the used range, 1 + the index of the last listed merge holding it other than as its
 * top-left cell (0: none): the lookup's answer in one array read, for the hundreds of thousands of
 * lookups a check makes. Only when the used range is at most MAX_COVER_CELLS and the merges' cells in it
 * (each merge clipped to it) are at most twice its cells (merges never overlap but in crafted files):
 * the work stays linear in the used range, whatever the merges. Else null, and the tree answers.
 */
function coverTable(merges: readonly CellRange[], top: number, left: number, rows: number, cols: number): Int32Array | null {
  const cells = rows * cols;
  if (merges.length === 0 || cells === 0 || cells > MAX_COVER_CELLS) return null;
  const bottom = top + rows - 1;
  const right = left + cols - 1;
  if (!mergedCellsAtMost(merges, top, left, bottom, right, 2 * cells)) return null;
  const table = new Int32Array(cells);
  merges.forEach((m, i) => {
    for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++)
      for (let c = Math.max(m.left, left); c <= Math.min(m.right, right); c++)
        if (r !== m.top || c !== m.left) table[(r - top) * cols + (c - left)] = i + 1;
  });
  return table;
}

/** True when the merges, each clipped to the range, hold at most `limit` cells in all. */
function mergedCellsAtMost(
  merges: readonly CellRange[],
  top: number,
  left: number,
  bottom: number,
  right: number,
  limit: number,
): boolean {
  let work = 0;
  for (const m of merges) {
    const h = Math.min(m.bottom, bottom) - Math.max(m.top, top) + 1;
    const w = Math.min(m.right, right) - Math.max(m.left, left) + 1;
    if (h > 0 && w > 0 && (work += h * w) > limit) return false;
  }
  return true;
}

/**
 * The merged area a cell lies in, found without expanding merges cell by cell (one merge over a whole
 * sheet is one entry, not 17 billion): a centred interval tree over the merges' rows. Each node holds
 * the merges that cross its centre row, sorted by left column; merges that cross one row and do not
 * overlap (Excel never lets merges overlap) are apart in columns, so one binary search per node finds
 * the only candidate. Memory is one entry per merge; a lookup visits about log2(merges) nodes. Merges
 * that do overlap (no reader gives them) are scanned, with the same answer: the last one listed.
 */
export class MergeLookup {
  private readonly nodes: MergeNode[] = [];
  private readonly root: number;

  constructor(private readonly merges: readonly CellRange[]) {
    const ids = merges.map((_m, i) => i).sort((a, b) => merges[a]!.top - merges[b]!.top || a - b);
    this.root = this.build(ids);
  }

  /** The last listed merge that holds the cell other than as its top-left cell, or undefined. */
  covering(row: number, col: number): CellRange | undefined {
    const merges = this.merges;
    let best = -1;
    for (let at = this.root; at >= 0;) {
      const node = this.nodes[at]!;
      const ids = node.ids;
      // The last merge here starting at or left of col.
      let lo = 0;
      let hi = ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (merges[ids[mid]!]!.left <= col) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo - 1; k >= 0; k--) {
        const i = ids[k]!;
        const m = merges[i]!;
        if (i > best && m.right >= col && m.top <= row && m.bottom >= row && (m.top !== row || m.left !== col)) best = i;
        if (node.apart) break;
      }
      if (row === node.centre) break;
      at = row < node.centre ? node.below : node.above;
    }
    return best < 0 ? undefined : merges[best];
  }

  /** A node for these merges (sorted by top): those crossing the median top, the others below and above. */
  private build(ids: number[]): number {
    if (ids.length === 0) return -1;
    const merges = this.merges;
    const centre = merges[ids[ids.length >> 1]!]!.top;
    const here: number[] = [];
    const below: number[] = [];
    const above: number[] = [];
    for (const i of ids) {
      const m = merges[i]!;
      if (m.bottom < centre) below.push(i);
      else if (m.top > centre) above.push(i);
      else here.push(i);
    }
    here.sort((a, b) => merges[a]!.left - merges[b]!.left || a - b);
    let apart = true;
    for (let k = 1; k < here.length && apart; k++) if (merges[here[k]!]!.left <= merges[here[k - 1]!]!.right) apart = false;
    const at = this.nodes.length;
    const node: MergeNode = { centre, ids: Int32Array.from(here), apart, below: -1, above: -1 };
    this.nodes.push(node);
    node.below = this.build(below);
    node.above = this.build(above);
    return at;
  }
}

interface MergeNode {
  centre: number;
  /** The merges crossing the centre row, by left column. */
  ids: Int32Array;
  /** No two of them share a column (then only the last starting at or left of a column can hold it). */
  apart: boolean;
  below: number;
  above: number;
}

/**
 * True when two of the merges share a cell. When they lie in an area of at most maxCells cells, by
 * marking their cells; else in O(n log n) whatever their size: the merges taken by top row, each
 * column's lowest row merged so far kept in a segment tree (compressed to the merges' column edges), a
 * merge overlapping an earlier one when any of its columns is merged down to its top row.
 */
export function mergesOverlap(merges: readonly CellRange[], maxCells = MAX_COVER_CELLS): boolean {
  if (merges.length < 2) return false;
  const byCells = overlapByCells(merges, maxCells);
  return byCells ?? overlapByTree(merges);
}

/**
 * When the merges lie in an area of at most maxCells cells: whether two share a cell, found by marking
 * each merge's cells (each cell is marked at most once before an overlap is found: linear in the area).
 * Else undefined.
 */
function overlapByCells(merges: readonly CellRange[], maxCells: number): boolean | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const m of merges) {
    if (m.top < top) top = m.top;
    if (m.left < left) left = m.left;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.right > right) right = m.right;
  }
  const width = right - left + 1;
  if ((bottom - top + 1) * width > maxCells) return undefined;
  const marked = new Uint8Array((bottom - top + 1) * width);
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let i = (r - top) * width + m.left - left, end = i + m.right - m.left; i <= end; i++) {
        if (marked[i]) return true;
        marked[i] = 1;
      }
  return false;
}

/** The same in O(n log n) whatever the merges' size (see mergesOverlap). */
function overlapByTree(merges: readonly CellRange[]): boolean {
  const edges = [...new Set(merges.flatMap((m) => [m.left, m.right + 1]))].sort((a, b) => a - b);
  const slot = (x: number): number => {
    let lo = 0;
    let hi = edges.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const n = Math.max(1, edges.length - 1);
  // reach: the lowest row set anywhere under a node; whole: the lowest row set over all of its columns.
  const reach = new Float64Array(4 * n).fill(-Infinity);
  const whole = new Float64Array(4 * n).fill(-Infinity);
  const lowest = (node: number, nl: number, nr: number, l: number, r: number): number => {
    if (r <= nl || nr <= l) return -Infinity;
    if (l <= nl && nr <= r) return reach[node]!;
    const mid = (nl + nr) >> 1;
    return Math.max(whole[node]!, lowest(2 * node, nl, mid, l, r), lowest(2 * node + 1, mid, nr, l, r));
  };
  const set = (node: number, nl: number, nr: number, l: number, r: number, v: number): void => {
    if (r <= nl || nr <= l) return;
    reach[node] = Math.max(reach[node]!, v);
    if (l <= nl && nr <= r) {
      whole[node] = Math.max(whole[node]!, v);
      return;
    }
    const mid = (nl + nr) >> 1;
    set(2 * node, nl, mid, l, r, v);
    set(2 * node + 1, mid, nr, l, r, v);
  };
  const order = merges.map((_m, i) => i).sort((a, b) => merges[a]!.top - merges[b]!.top);
  for (const i of order) {
    const m = merges[i]!;
    const l = slot(m.left);
    const r = slot(m.right + 1);
    if (lowest(1, 0, n, l, r) >= m.top) return true;
    set(1, 0, n, l, r, m.bottom);
  }
  return false;
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
