/** A1 addresses as Office.js takes and gives them: sheet-qualified, whole rows/columns, area lists. */
import { MAX_COLS, MAX_ROWS, colToLetters, lettersToCol, quoteSheetName, type CellRange } from '../../core/a1';
import { invalidArgument } from './errors';

export interface AreaRef {
  /** The sheet named in the address, if any. */
  sheet?: string;
  range: CellRange;
}

/** Excel refuses longer addresses in getRange / getRanges. */
export const MAX_ADDRESS_LENGTH = 8192;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

function part(s: string, whole: string): { row?: number; col?: number } {
  let m = CELL.exec(s);
  if (m) return { col: lettersToCol(m[1]!), row: Number(m[2]) - 1 };
  m = COLS.exec(s);
  if (m) return { col: lettersToCol(m[1]!) };
  m = ROWS.exec(s);
  if (m) return { row: Number(m[1]) - 1 };
  throw invalidArgument(`address "${whole}"`);
}

/** Split at the separators that are not inside a quoted sheet name. */
function splitList(s: string, separators: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "'") {
      if (quoted && s[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (!quoted && separators.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** "Sheet1!A1:B2", "'My sheet'!A:A", "3:5", "B2" → area. */
export function parseArea(input: string): AreaRef {
  const s = input.trim();
  let sheet: string | undefined;
  let ref = s;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    const raw = s.slice(0, bang);
    ref = s.slice(bang + 1);
    sheet = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    if (sheet === '') throw invalidArgument(`address "${input}"`);
  }
  const [a, b, extra] = ref.split(':');
  if (a === undefined || a === '' || extra !== undefined) throw invalidArgument(`address "${input}"`);
  const p = part(a, input);
  const q = b === undefined ? p : part(b, input);
  const whole = (x: { row?: number; col?: number }) => (x.row === undefined ? 'cols' : x.col === undefined ? 'rows' : 'cell');
  if (whole(p) !== whole(q) || (b === undefined && whole(p) !== 'cell')) throw invalidArgument(`address "${input}"`);
  const top = p.row ?? 0;
  const bottom = q.row ?? MAX_ROWS - 1;
  const left = p.col ?? 0;
  const right = q.col ?? MAX_COLS - 1;
  const range = {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
  if (range.bottom >= MAX_ROWS || range.right >= MAX_COLS) throw invalidArgument(`address "${input}"`);
  return sheet === undefined ? { range } : { sheet, range };
}

/** "A1:B2, D4" or "A1:B2;D4" → areas; `separators` are the characters taken between areas. */
export function parseAreaList(input: string, separators = ',;'): AreaRef[] {
  if (input.length > MAX_ADDRESS_LENGTH) throw invalidArgument(`address longer than ${MAX_ADDRESS_LENGTH} characters`);
  const parts = splitList(input, separators);
  if (parts.some((p) => p.trim() === '')) throw invalidArgument(`address "${input.slice(0, 80)}"`);
  return parts.map(parseArea);
}

/** Local address of a range as Excel writes it: "A1", "A1:B2", "3:5" for whole rows, "A:C" for whole columns. */
export function localAddress(r: CellRange): string {
  const allCols = r.left === 0 && r.right === MAX_COLS - 1;
  const allRows = r.top === 0 && r.bottom === MAX_ROWS - 1;
  if (allCols) return `${r.top + 1}:${r.bottom + 1}`;
  if (allRows) return `${colToLetters(r.left)}:${colToLetters(r.right)}`;
  const a = `${colToLetters(r.left)}${r.top + 1}`;
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${colToLetters(r.right)}${r.bottom + 1}`;
}

export function sheetAddress(sheet: string, r: CellRange): string {
  return `${quoteSheetName(sheet)}!${localAddress(r)}`;
}

export function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function intersect(a: CellRange, b: CellRange): CellRange | null {
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  const left = Math.max(a.left, b.left);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, bottom, left, right } : null;
}

/** a minus b: up to four rectangles. */
export function subtract(a: CellRange, b: CellRange): CellRange[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: CellRange[] = [];
  if (a.top < i.top) out.push({ ...a, bottom: i.top - 1 });
  if (i.bottom < a.bottom) out.push({ ...a, top: i.bottom + 1 });
  if (a.left < i.left) out.push({ top: i.top, bottom: i.bottom, left: a.left, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, bottom: i.bottom, left: i.right + 1, right: a.right });
  return out;
}
