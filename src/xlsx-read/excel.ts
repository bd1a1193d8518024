/**
 * What ExcelJS 4.4 makes of a cell's raw parts, reproduced so that the fast reader gives the CLI the same
 * SheetData as the ExcelJS reader did (src/xlsx/read.ts): built-in number formats, which formats are
 * dates, serial → date, the second entity decoding of "str" values, and shared formulas slid to the cell.
 * Each function names the ExcelJS code it follows.
 */

/** Built-in number formats by id, as ExcelJS maps them (lib/xlsx/defaultnumformats.js, the ids with one code). */
export const BUILTIN_NUMBER_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** utils.isDateFmt: a format with y m d h s b outside quotes and brackets. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = cutSpans(cutSpans(fmt, '[', ']'), '"', '"');
  return /[ymdhMsb]/.test(f);
}

/**
 * The text without its spans from `open` to the next `close`, what s.replace(/\[[^\]]*]/g, '') gives
 * (ExcelJS's pattern), in linear time: that pattern rescans the rest of the text from every `open`
 * that has no `close` after it (a crafted format code of 100,000 "[" took seconds).
 */
export function cutSpans(s: string, open: string, close: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const a = s.indexOf(open, i);
    if (a < 0) return out + s.slice(i);
    const b = s.indexOf(close, a + 1);
    // No close after this open: none after any later open either, so the rest stays as it is.
    if (b < 0) return out + s.slice(i);
    out += s.slice(i, a);
    i = b + 1;
  }
}

/** utils.excelToDate, with JavaScript's own coercion of what it is given (a "str" or boolean result too). */
export function excelToDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round((Number(v) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** utils.xmlDecode: ExcelJS decodes the text of "str" cells once more after the XML parser did. */
export function xmlDecodeAgain(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

/** TextXform: "_xHHHH_" (upper-case hex) is the character HHHH. */
export function unescapeX(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

// ------------------------------------------------------------------------------------------ addresses

/** Column letters → 1-based number (col-cache l2n), or throws beyond XFD. */
export function lettersToCol(l: string): number {
  if (!/^[A-Z]{1,3}$/.test(l)) throw new Error(`Out of bounds. Invalid column letter: ${l}`);
  let n = 0;
  for (let i = 0; i < l.length; i++) n = n * 26 + l.charCodeAt(i) - 64;
  if (n > 16384) throw new Error(`Out of bounds. Invalid column letter: ${l}`);
  return n;
}

/** 1-based number → column letters (col-cache n2l), or throws outside 1…16384. */
export function colToLetters1(n: number): string {
  if (n < 1 || n > 16384) throw new Error(`${n} is out of bounds. Excel supports columns from 1 to 16384`);
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = (n - 1 - r) / 26;
  }
  return s;
}

/** col-cache decodeAddress: letters before the digits are the column, "$" is ignored; 1-based. */
export function decodeAddress(value: string): { row: number; col: number } {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) {
      hasRow = true;
      row = row * 10 + c - 48;
    } else if (hasRow && hasCol && c !== 36) break;
  }
  if (!hasCol || !hasRow) throw new Error(`Invalid Address: ${value}`);
  if (col > 16384) throw new Error(`Out of bounds. Invalid column letter`);
  return { row, col };
}

/** ExcelJS's pattern for a reference in a formula (kept for the tests, which compare replaceCandidates with it). */
export const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;

/** [A-Za-z0-9_-] (the sheet name before "!") and [A-Za-z0-9_$] (the address): CANDIDATE's classes, case-insensitive. */
function isSheetChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 45;
}
function isAddrChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95 || c === 36;
}

/**
 * text.replace(CANDIDATE, (match, sheet, _name, addr, paren) => …) in linear time. At each position the
 * pattern takes, when it can, the longest run of sheet characters followed by "!" and then at least two
 * address characters (the only "!" the run can reach is the one right after it); else at least two
 * address characters; the longest such run, then a "(" if there is one. Where a run of either kind ends
 * is remembered, so no character is scanned more than twice.
 */
export function replaceCandidates(
  text: string,
  replace: (match: string, sheet: string | undefined, addr: string, paren: string | undefined) => string,
): string {
  let out = '';
  let copied = 0;
  let sheetEnd = -1;
  let addrEnd = -1;
  const n = text.length;
  const runEnd = (from: number, isChar: (c: number) => boolean): number => {
    let j = from;
    while (j < n && isChar(text.charCodeAt(j))) j++;
    return j;
  };
  let i = 0;
  while (i < n) {
    // Inside a run, the run from here ends where the run it is part of ends.
    if (sheetEnd < i) sheetEnd = runEnd(i, isSheetChar);
    let sheet: string | undefined;
    let a = i;
    let e = -1;
    if (sheetEnd < n && text.charCodeAt(sheetEnd) === 33 /* ! */) {
      const end = runEnd(sheetEnd + 1, isAddrChar);
      if (end - (sheetEnd + 1) >= 2) {
        sheet = text.slice(i, sheetEnd + 1);
        a = sheetEnd + 1;
        e = end;
      }
    }
    if (e < 0) {
      if (addrEnd < i) addrEnd = runEnd(i, isAddrChar);
      if (addrEnd - i >= 2) e = addrEnd;
    }
    if (e < 0) {
      i++;
      continue;
    }
    const paren = text.charCodeAt(e) === 40 /* ( */ ? '(' : undefined;
    const end = paren ? e + 1 : e;
    out += text.slice(copied, i) + replace(text.slice(i, end), sheet, text.slice(a, e), paren);
    copied = i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
const CELL_REF = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

/**
 * utils/shared-formula.js slideFormula: the master's formula with its relative references moved to the
 * cell. ExcelJS finds the references with CANDIDATE; a formula such as "a-a-a-…" makes that pattern
 * rescan the rest of the text from every letter (32,000 characters: 3.6 s, for each cell sharing the
 * formula), so the same matches are found here by one scan (forEachCandidate).
 */
export function slideFormula(formula: string, fromCell: string, toCell: string): string {
  const from = decodeAddress(fromCell);
  const to = decodeAddress(toCell);
  return replaceCandidates(
    formula,
    (refMatch: string, sheet: string | undefined, addrPart: string, paren: string | undefined) => {
      if (paren) return refMatch;
      const m = CELL_REF.exec(addrPart);
      if (!m) return refMatch;
      const colDollar = m[1];
      const colStr = m[2]!.toUpperCase();
      const rowDollar = m[3];
      if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
      let col = lettersToCol(colStr);
      let row = parseInt(m[4]!, 10);
      if (!colDollar) col += to.col - from.col;
      if (!rowDollar) row += to.row - from.row;
      return (sheet || '') + (colDollar || '') + colToLetters1(col) + (rowDollar || '') + row;
    },
  );
}
