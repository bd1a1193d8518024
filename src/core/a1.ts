/** A1 addresses. All coordinates in the core are 0-based (row 0 = Excel row 1, col 0 = column A). */

export interface CellRef {
  row: number;
  col: number;
}

/** An inclusive rectangle of cells, 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function colToLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`bad column index: ${col}`);
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26 (case-insensitive). */
export function lettersToCol(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`bad column letters: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${colToLetters(col)}${row + 1}`;
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "G22" or "$G$22" → {row: 21, col: 6}. Throws on anything else. */
export function parseA1(addr: string): CellRef {
  const m = CELL_RE.exec(addr.trim());
  if (!m) throw new RangeError(`bad cell address: ${addr}`);
  const row = Number(m[2]) - 1;
  const col = lettersToCol(m[1]!);
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) throw new RangeError(`cell address out of range: ${addr}`);
  return { row, col };
}

/**
 * "A1:C3", "B2", "Sheet1!A1:C3", "'My sheet'!A1" → range (the sheet part is dropped).
 * Whole columns/rows ("A:C", "1:3") are not supported.
 */
export function parseRange(addr: string): CellRange {
  let a = addr.trim();
  const bang = a.lastIndexOf('!');
  if (bang >= 0) a = a.slice(bang + 1);
  const [p, q] = a.split(':');
  const s = parseA1(p!);
  const e = q === undefined ? s : parseA1(q);
  return {
    top: Math.min(s.row, e.row),
    left: Math.min(s.col, e.col),
    bottom: Math.max(s.row, e.row),
    right: Math.max(s.col, e.col),
  };
}

export function rangeContains(r: CellRange, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/**
 * Quote a sheet name for use in a reference: Sheet1 → Sheet1, "My sheet" → 'My sheet', "it's" → 'it''s'.
 * A name that reads as a cell in either notation is quoted too: A1, and R, C, RC, R1C1, R2, C3.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^(R\d*C?\d*|C\d*)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}
