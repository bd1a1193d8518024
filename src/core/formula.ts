/**
 * A1 formulas → relative R1C1-style patterns, so that formulas copied down a column compare equal
 * ("=E5/D5" in row 5 and "=E6/D6" in row 6 are both "=RC[-1]/RC[-2]"), and back.
 * Coordinates are 0-based like the rest of the core.
 */
import { colToLetters, lettersToCol, MAX_COLS, MAX_ROWS } from './a1';

interface Axis {
  /** 0-based row or column. */
  n: number;
  abs: boolean;
}

/** One end of a reference: a cell, a whole column (row undefined) or a whole row (col undefined). */
interface RefEnd {
  row?: Axis;
  col?: Axis;
}

interface RefToken {
  /** The sheet prefix as written, including "!" ("Sheet1!", "'My sheet'!"), or "". */
  sheet: string;
  from: RefEnd;
  to?: RefEnd;
}

export type FormulaToken = string | RefToken;

const ID_START = /[A-Za-z_\\\u0080-\uffff]/u;
const ID_CHAR = /[A-Za-z0-9_.\\\u0080-\uffff]/u;
const CELL_AT = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
const COLS_AT = /(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(!])/y;
const ROWS_AT = /(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![0-9.A-Za-z_(])/y;
const NUMBER_AT = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?/y;

/** A sticky match at position i. */
function matchAt(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

function cellEnd(m: RegExpExecArray): RefEnd | null {
  const col = lettersToCol(m[2]!);
  const row = Number(m[4]) - 1;
  if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { col: { n: col, abs: m[1] === '$' }, row: { n: row, abs: m[3] === '$' } };
}

/** A reference starting at s[i] (after any sheet prefix): [token without sheet, length] or null. */
function readRef(s: string, i: number): [Omit<RefToken, 'sheet'>, number] | null {
  const cols = matchAt(COLS_AT, s, i);
  if (cols) {
    const a = lettersToCol(cols[2]!);
    const b = lettersToCol(cols[4]!);
    if (a < MAX_COLS && b < MAX_COLS) {
      return [{ from: { col: { n: a, abs: cols[1] === '$' } }, to: { col: { n: b, abs: cols[3] === '$' } } }, cols[0].length];
    }
  }
  const rows = matchAt(ROWS_AT, s, i);
  if (rows) {
    const a = Number(rows[2]) - 1;
    const b = Number(rows[4]) - 1;
    if (a >= 0 && b >= 0 && a < MAX_ROWS && b < MAX_ROWS) {
      return [{ from: { row: { n: a, abs: rows[1] === '$' } }, to: { row: { n: b, abs: rows[3] === '$' } } }, rows[0].length];
    }
  }
  const c1 = matchAt(CELL_AT, s, i);
  if (!c1) return null;
  const from = cellEnd(c1);
  if (!from) return null;
  let len = c1[0].length;
  let to: RefEnd | undefined;
  if (s[i + len] === ':') {
    const c2 = matchAt(CELL_AT, s, i + len + 1);
    const end = c2 ? cellEnd(c2) : null;
    if (c2 && end) {
      to = end;
      len += 1 + c2[0].length;
    }
  }
  // "LOG10(" is a function, "A1B" a name: a reference ends where an identifier would.
  const next = s[i + len] ?? '';
  if (next !== '' && (ID_CHAR.test(next) || next === '(' || next === '!')) return null;
  return [to ? { from, to } : { from }, len];
}

/** Split a formula into literal text and references. String literals and [structured refs] stay literal. */
export function tokenizeFormula(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  let lit = '';
  const flush = () => {
    if (lit) out.push(lit);
    lit = '';
  };
  const s = formula;
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    const prev = i > 0 ? s[i - 1]! : '';
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      lit += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < s.length; j++) {
        if (s[j] === '[') depth++;
        else if (s[j] === ']' && --depth === 0) break;
      }
      lit += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const atBoundary = prev === '' || !(ID_CHAR.test(prev) || prev === '$' || prev === '!' || prev === "'");
    if (atBoundary && ch === "'") {
      // 'Sheet name'!A1
      let j = i + 1;
      while (j < s.length) {
        if (s[j] === "'") {
          if (s[j + 1] === "'") j += 2;
          else break;
        } else j++;
      }
      if (s[j + 1] === '!') {
        const sheet = s.slice(i, j + 2);
        const ref = readRef(s, j + 2);
        if (ref) {
          flush();
          out.push({ sheet, ...ref[0] });
          i = j + 2 + ref[1];
          continue;
        }
      }
      lit += s.slice(i, Math.min(s.length, j + 1));
      i = j + 1;
      continue;
    }
    if (atBoundary && (ID_START.test(ch) || ch === '$' || /\d/.test(ch))) {
      const ref = readRef(s, i);
      if (ref) {
        flush();
        out.push({ sheet: '', ...ref[0] });
        i += ref[1];
        continue;
      }
      if (/\d/.test(ch)) {
        const num = matchAt(NUMBER_AT, s, i)![0];
        lit += num;
        i += num.length;
        continue;
      }
      if (ch === '$') {
        lit += ch;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.length && ID_CHAR.test(s[j]!)) j++;
      const word = s.slice(i, j);
      if (s[j] === '!') {
        const ref = readRef(s, j + 1);
        if (ref) {
          flush();
          out.push({ sheet: word + '!', ...ref[0] });
          i = j + 1 + ref[1];
          continue;
        }
      }
      lit += word;
      i = j;
      continue;
    }
    lit += ch;
    i++;
  }
  flush();
  return out;
}

function axisR1C1(a: Axis | undefined, base: number, letter: 'R' | 'C'): string {
  if (!a) return '';
  if (a.abs) return `${letter}${a.n + 1}`;
  const d = a.n - base;
  return d === 0 ? letter : `${letter}[${d}]`;
}

function endR1C1(e: RefEnd, row: number, col: number): string {
  return axisR1C1(e.row, row, 'R') + axisR1C1(e.col, col, 'C');
}

/**
 * The formula in R1C1 style relative to the cell (row, col) holding it ("=E5/D5" at E5(row 4, col 4)
 * → "=RC[-1]/RC[-2]" … ). Text outside string literals is upper-cased and spaces dropped, so two
 * formulas that differ only in case or spacing share one pattern.
 */
export function toR1C1(formula: string, row: number, col: number): string {
  return tokenizeFormula(formula)
    .map((t) => {
      if (typeof t === 'string') return literalKey(t);
      const sheet = t.sheet.toUpperCase();
      return sheet + endR1C1(t.from, row, col) + (t.to ? ':' + endR1C1(t.to, row, col) : '');
    })
    .join('');
}

/** Literal text for comparison: string literals kept as written, the rest without spaces, upper-cased. */
function literalKey(s: string): string {
  if (!s.includes('"')) return /\s/.test(s) ? s.replace(/\s+/g, '').toUpperCase() : s.toUpperCase();
  return s.replace(/("(?:[^"]|"")*")|([^"]+)/g, (_m, str?: string, other?: string) =>
    str !== undefined ? str : other!.replace(/\s+/g, '').toUpperCase(),
  );
}

function axisA1(a: Axis | undefined, delta: number, kind: 'row' | 'col'): string | null {
  if (!a) return '';
  const n = a.abs ? a.n : a.n + delta;
  if (n < 0 || n >= (kind === 'row' ? MAX_ROWS : MAX_COLS)) return null;
  return (a.abs ? '$' : '') + (kind === 'row' ? String(n + 1) : colToLetters(n));
}

function endA1(e: RefEnd, dr: number, dc: number): string | null {
  const c = axisA1(e.col, dc, 'col');
  const r = axisA1(e.row, dr, 'row');
  return c === null || r === null ? null : c + r;
}

/**
 * The formula as it reads when copied from (fromRow, fromCol) to (toRow, toCol): relative references
 * move, $absolute ones stay; a reference pushed off the sheet becomes #REF! (as in Excel).
 */
export function moveFormula(formula: string, fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  const dr = toRow - fromRow;
  const dc = toCol - fromCol;
  return tokenizeFormula(formula)
    .map((t) => {
      if (typeof t === 'string') return t;
      const a = endA1(t.from, dr, dc);
      const b = t.to ? endA1(t.to, dr, dc) : '';
      if (a === null || b === null) return '#REF!';
      return t.sheet + a + (t.to ? ':' + b : '');
    })
    .join('');
}
