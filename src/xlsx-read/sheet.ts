/** The check path's reader, one worksheet part: cells, shared formulas, merges and hyperlinks into SheetData. */
import type { CellRange } from '../core/a1';
import { mergesOverlap, type CellValue, type SheetData } from '../core/grid';
import { compactSheetData, formatExcelDate } from '../xlsx/errors';
import { colToLetters1, decodeAddress, excelToDate, slideFormula, unescapeX, xmlDecodeAgain } from './excel';
import { decodeText, nameBytes, Tok, XmlScanner } from './xml';
import type { ZipArchive } from './zip';
import { Damaged, N, relsOf, type Styles } from './parts';
import { LimitError, MAX_COLUMNS, MAX_ROWS, MAX_SHEET_CELLS, outsideGridMessage, tooManyCellsMessage } from './limits';
import type { SheetInfo } from './workbook';

/** What a sheet is read with: the archive, the sheet, and the workbook's styles and shared strings. */
export interface SheetPart {
  zip: ZipArchive;
  sheet: SheetInfo;
  styles: Styles;
  sst: (string | null)[] | null;
  date1904: boolean;
}

/** A formula cell while the sheet is read: its own text, and for a shared formula's dependent cell the master's address. */
interface FormulaCell {
  own: string | undefined;
  /** The cell's address as written (r). */
  addr: string;
  /** Set on dependent cells of a shared formula: the master's address (undefined when it came later or never). */
  master?: string | undefined;
  dependent: boolean;
}

/**
 * One row's cells by column (1-based). A class rather than an object literal: the literal's shape was
 * remade while the first rows were read, which sent the compiled cell loop back to be compiled again.
 */
class RowCells {
  v: (CellValue | undefined)[] = [];
  n: (string | undefined)[] = [];
  f: (FormulaCell | undefined)[] = [];
  /** The first and last column (1-based) of the row's cells: only these are looked at. */
  lo = MAX_COLUMNS + 1;
  hi = 0;
}

export function readSheetPart(part: SheetPart): SheetData {
  const { zip, sheet, styles, sst, date1904 } = part;
  const buf = zip.read(sheet.part);
  if (!buf) throw new Damaged(`no part ${sheet.part}`);
  const rows: (RowCells | undefined)[] = [];
  const outside: OutsideData = { part, merges: [], hyperlinks: [], rels: undefined };
  /** si → master address, in the order ExcelJS reconciles (file order). */
  const sharedMasters = new Map<string, string>();

  const sc = new XmlScanner(buf);
  let row: RowCells | undefined;
  let rowNo = 0;
  let prevCol = 0;

  // The cell being read.
  let cAddr = '';
  let cCol = 0;
  let cT: string | undefined;
  let cStyle = 0;
  let fText: string | undefined;
  let fShare: string | undefined;
  let fRef: string | undefined;
  let fSi: string | undefined;
  let vText: string | undefined;
  /** A <v> taken whole by takeText: its bytes, decoded only when needed. */
  let vS = -1;
  let vE = -1;
  let addrS = 0;
  let addrE = 0;
  let rich: string | undefined;
  let inRun = false;
  let runText: string | undefined;
  /** 1 collecting <f>, 2 <v> or a plain <t>, 3 a run's <t>. */
  let collect = 0;
  let piece = '';

  const finishCell = (): void => {
    const isFormula = !!fText || !!fShare;
    if (vS >= 0) {
      // The common cases straight from the bytes: a shared string's index, a plain integer.
      if (vS < vE && vText === undefined && !isFormula && (cT === 's' || cT === undefined || cT === 'n')) {
        const n = digits(buf, vS, vE);
        if (n >= 0) {
          vS = -1;
          finishFast(n);
          return;
        }
      }
      if (vS < vE) vText = (vText ?? '') + decodeText(buf, vS, vE);
      vS = -1;
    }
    if (isFormula && addrS >= 0) cAddr = buf.toString('latin1', addrS, addrE);
    const code = cStyle ? styles.codes[cStyle] : undefined;
    const isDate = cStyle ? styles.dates[cStyle] === true : false;
    let value: CellValue;
    if (isFormula) {
      let result: unknown;
      if (vText) {
        if (cT === 'str') result = xmlDecodeAgain(vText);
        else if (cT === 'b') result = parseInt(vText, 10) !== 0;
        else if (cT === 'e') result = vText;
        else result = parseFloat(vText);
        if (isDate) result = formatExcelDate(excelToDate(cT === 'e' ? NaN : result, date1904));
      }
      value = coreValue(result);
    } else if (vText !== undefined || rich !== undefined) {
      switch (cT) {
        case 's': {
          const idx = parseInt(vText ?? '', 10);
          if (sst === null) {
            value = coreValue(idx);
            break;
          }
          const s = sst[idx];
          if (s === undefined) throw new Damaged(`shared string ${idx} is missing`);
          value = s;
          break;
        }
        case 'str':
          value = xmlDecodeAgain(vText ?? '');
          break;
        case 'inlineStr':
          value = vText ?? rich ?? null;
          break;
        case 'b':
          value = parseInt(vText ?? '', 10) !== 0;
          break;
        case 'e':
          value = vText ?? null;
          break;
        default: {
          const n = vText === undefined ? NaN : parseFloat(vText);
          value = isDate ? formatExcelDate(excelToDate(n, date1904)) : coreValue(n);
        }
      }
    } else {
      // No value: ExcelJS's Null (styled) cell replaces an earlier cell at the address; a Merge cell is not added.
      if (cStyle && row) {
        // Only an earlier cell at the address has anything to clear (arrays are not grown for nothing).
        if (cCol < row.v.length) row.v[cCol] = undefined;
        if (cCol < row.f.length) row.f[cCol] = undefined;
        if (cCol < row.n.length) row.n[cCol] = undefined;
      }
      return;
    }
    if (!row) return;
    row.v[cCol] = value;
    if (code !== undefined || cCol < row.n.length) row.n[cCol] = code;
    if (isFormula) {
      const fc: FormulaCell = { own: fText, addr: cAddr, dependent: false };
      if (fShare === 'shared') {
        if (fRef) sharedMasters.set(String(fSi), cAddr);
        else {
          fc.dependent = true;
          fc.master = sharedMasters.get(String(fSi));
        }
      }
      row.f[cCol] = fc;
    } else if (cCol < row.f.length) row.f[cCol] = undefined;
  };

  /** finishCell for a number or shared-string index read from the bytes. */
  const finishFast = (n: number): void => {
    if (!row) return;
    let value: CellValue;
    if (cT === 's') {
      if (sst === null) value = n;
      else {
        const s = sst[n];
        if (s === undefined) throw new Damaged(`shared string ${n} is missing`);
        value = s;
      }
    } else value = cStyle && styles.dates[cStyle] === true ? formatExcelDate(excelToDate(n, date1904)) : n;
    row.v[cCol] = value;
    const code = cStyle ? styles.codes[cStyle] : undefined;
    if (code !== undefined || cCol < row.n.length) row.n[cCol] = code;
    if (cCol < row.f.length) row.f[cCol] = undefined;
  };

  // The tags outside <sheetData> are read by readOutsideData, those inside by the loop here: each loop
  // is compiled while it runs, and the other's code, not run yet, would send it back (and the long
  // loop over the merges that follow the data would compile this one again).
  while (readOutsideData(sc, outside)) {
    for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
      if (collect) {
        if (t === Tok.Cdata) {
          piece += sc.cdata();
          continue;
        }
        if (sc.textEnd > sc.textStart) piece += decodeText(buf, sc.textStart, sc.textEnd);
      }
      if (t === Tok.Open || t === Tok.Empty) {
        const len = sc.nameLength();
        const b0 = sc.nameByte();
        if (len === 1 && b0 === 0x63 /* c */) {
          const k = sc.attrIndex(N.r);
          if (k >= 0) {
            addrS = sc.valueStart(k);
            addrE = sc.valueEnd(k);
            cCol = columnOf(buf, addrS, addrE);
          } else {
            if (!prevCol) throw new Damaged('a cell without an address');
            cCol = prevCol + 1;
            if (cCol > MAX_COLUMNS) throw new LimitError(outsideGridMessage());
            addrS = addrE = -1;
            cAddr = `${colToLetters1(cCol)}${rowNo}`;
          }
          prevCol = cCol;
          if (row) {
            if (cCol < row.lo) row.lo = cCol;
            if (cCol > row.hi) row.hi = cCol;
          }
          cT = typeAttr(sc);
          cStyle = styleAttr(sc);
          fText = fShare = fRef = fSi = vText = rich = undefined;
          vS = -1;
          inRun = false;
          if (t === Tok.Empty) finishCell();
        } else if (len === 1 && b0 === 0x76 /* v */) {
          if (t === Tok.Open) {
            if (vS < 0 && vText === undefined && sc.takeText(N.v)) {
              vS = sc.textStart;
              vE = sc.textEnd;
            } else ((collect = 2), (piece = ''));
          }
        } else if (len === 1 && b0 === 0x66 /* f */) {
          fSi = sc.attr(N.si_);
          fShare = sc.attr(N.t);
          fRef = sc.attr(N.ref);
          if (t === Tok.Open) ((collect = 1), (piece = ''));
        } else if (len === 1 && b0 === 0x74 /* t */) {
          if (t === Tok.Open) ((collect = inRun ? 3 : 2), (piece = ''));
          else if (inRun) runText = '';
        } else if (len === 1 && b0 === 0x72 /* r */) {
          inRun = t === Tok.Open;
          runText = undefined;
          if (t === Tok.Empty) rich ??= '';
        } else if (sc.is(N.rPh)) {
          sc.skipElement(t);
        } else if (sc.is(N.row)) {
          const k = sc.attrIndex(N.r);
          const n = k < 0 ? -1 : digits(buf, sc.valueStart(k), sc.valueEnd(k));
          rowNo = n >= 0 && sc.valueEnd(k) > sc.valueStart(k) ? n : parseInt(sc.attr(N.r) ?? '', 10);
          if (Number.isNaN(rowNo)) throw new Damaged('a row without a number');
          if (rowNo > MAX_ROWS) throw new LimitError(outsideGridMessage());
          // A second row with the same number replaces the first (Worksheet._parseRows).
          row = rowNo >= 1 ? new RowCells() : undefined;
          if (row) rows[rowNo - 1] = row;
          prevCol = 0;
        }
      } else if (t === Tok.Close) {
        if (collect) {
          if (collect === 1 && sc.is(N.f)) {
            if (piece !== '') fText = (fText ?? '') + piece;
            collect = 0;
          } else if (collect === 2 && (sc.is(N.v) || sc.is(N.t))) {
            if (piece !== '') vText = (vText ?? '') + (sc.is(N.t) ? unescapeX(piece) : piece);
            collect = 0;
          } else if (collect === 3 && sc.is(N.t)) {
            runText = unescapeX(piece);
            collect = 0;
          }
          continue;
        }
        const len = sc.nameLength();
        const b0 = sc.nameByte();
        if (len === 1 && b0 === 0x63) finishCell();
        else if (len === 1 && b0 === 0x72) {
          if (inRun) rich = (rich ?? '') + (runText ?? '');
          inRun = false;
        } else if (sc.is(N.sheetData)) break;
      }
    }
  }

  return toSheetData(sheet.name, rows, outside.merges, outside.hyperlinks);
}

/** What the tags outside <sheetData> give: merges and hyperlinks (the sheet's relationships read on first need). */
interface OutsideData {
  part: SheetPart;
  merges: CellRange[];
  hyperlinks: string[];
  rels: Map<string, string> | undefined;
}

/** The tags up to the next <sheetData> (true) or the end of the part (false), merges and hyperlinks taken. */
function readOutsideData(sc: XmlScanner, out: OutsideData): boolean {
  for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
    if (t !== Tok.Open && t !== Tok.Empty) continue;
    if (sc.is(N.sheetData)) {
      if (t === Tok.Open) return true;
    } else if (sc.is(N.mergeCell)) {
      const k = sc.attrIndex(N.ref);
      if (k >= 0) out.merges.push(mergeFromBytes(sc.buf, sc.valueStart(k), sc.valueEnd(k)) ?? parseMerge(sc.attr(N.ref)!));
    } else if (sc.is(N.hyperlink)) {
      // With internal-links.ts ExcelJS links a cell that has a relationship (which must exist) or a location.
      const ref = sc.attr(N.ref);
      const rId = sc.attr(N.rid);
      if (rId || sc.attr(N.location)) out.hyperlinks.push(ref ?? '');
      if (rId) {
        const { zip, sheet } = out.part;
        out.rels ??= relsOf(zip, `xl/worksheets/_rels/sheet${/sheet(\d+)[.]xml/.exec(sheet.part)![1]}.xml.rels`);
        if (!out.rels.has(rId)) throw new Damaged(`hyperlink relationship ${rId} is missing`);
      }
    }
  }
  return false;
}

/** The rows and columns the cells were written in (top < 0: none), held to MAX_SHEET_CELLS before any array is made. */
function usedSpan(rows: (RowCells | undefined)[]): { lo: number; hi: number; top: number; bottom: number } {
  let lo = MAX_COLUMNS + 1;
  let hi = 0;
  let top = -1;
  let bottom = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.hi === 0) continue;
    if (top < 0) top = r;
    bottom = r;
    if (row.lo < lo) lo = row.lo;
    if (row.hi > hi) hi = row.hi;
  }
  const span = top < 0 ? 0 : (bottom - top + 1) * (hi - lo + 1);
  if (span > MAX_SHEET_CELLS) throw new LimitError(tooManyCellsMessage(span));
  return { lo, hi, top, bottom };
}

/**
 * Merges (fast-merges.ts): overlapping areas stop ExcelJS; every cell but the top-left one is emptied.
 * Each merge is clipped to the rows and columns that hold cells: merges that do not overlap then cover
 * at most the span's cells in all (held to MAX_SHEET_CELLS), whatever their size.
 */
function emptyMerged(rows: (RowCells | undefined)[], merges: CellRange[], used: ReturnType<typeof usedSpan>): void {
  if (mergesOverlap(merges)) throw new Damaged('overlapping merged cells');
  for (const m of merges) {
    const left = Math.max(m.left + 1, used.lo);
    const right = Math.min(m.right + 1, used.hi);
    if (left > right) continue;
    for (let r = Math.max(m.top, used.top), last = Math.min(m.bottom, used.bottom); r <= last; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let col = Math.max(left, row.lo), end = Math.min(right, row.hi); col <= end; col++)
        if (row.v[col] !== undefined && (r !== m.top || col !== m.left + 1)) {
          row.v[col] = undefined;
          row.f[col] = undefined;
        }
    }
  }
}

// Each step of toSheetData is its own function: a long loop is compiled while it runs, and code after
// it in the same function, not run yet, would send that compiled code back (and compile it again).
function toSheetData(name: string, rows: (RowCells | undefined)[], merges: CellRange[], hyperlinks: string[]): SheetData {
  const used = usedSpan(rows);
  emptyMerged(rows, merges, used);
  // A hyperlink turns a formula cell into a hyperlink cell: its value stays, its formula goes.
  for (const ref of hyperlinks) {
    if (!/^[A-Z]+[0-9]+$/.test(ref)) continue;
    const { row: r, col: c } = decodeAddress(ref);
    const fc = rows[r - 1]?.f[c];
    if (fc) rows[r - 1]!.f[c] = undefined;
  }
  const formulaOf = (fc: FormulaCell): string | null => {
    let f: string | undefined = fc.own;
    if (!f && fc.dependent && fc.master !== undefined) {
      try {
        const { row: mr, col: mc } = decodeAddress(fc.master);
        const master = rows[mr - 1]?.f[mc];
        const masterText = master && !master.dependent ? master.own : undefined;
        f = masterText === undefined ? undefined : slideFormula(masterText, fc.master, fc.addr);
      } catch {
        f = undefined;
      }
    }
    if (typeof f !== 'string' || f === '') return null;
    if (f.includes('_xl')) f = f.replace(/_xl(?:fn|ws|pm)\./g, '');
    return f.startsWith('=') ? f : `=${f}`;
  };

  // sheetToData: the used range of cells holding a value or a formula.
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let numberFormats: (string | null)[][] | undefined;
  let firstRow = -1;
  let lastRow = -1;
  let minCol = Number.MAX_SAFE_INTEGER;
  // Columns are kept from the first written one on (base, 0-based), not from column A.
  const base = used.lo - 1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const cells = row.v;
    let out: CellValue[] | undefined;
    let fout: (string | null)[] | undefined;
    let nout: (string | null)[] | undefined;
    let last = -1;
    for (let col = row.lo; col <= row.hi; col++) {
      const v0 = cells[col];
      if (v0 === undefined) continue;
      const fc = row.f[col];
      const f = fc ? formulaOf(fc) : null;
      const v = v0;
      if (v === null && f === null) continue;
      const c = col - 1 - base;
      if (!out) {
        if (firstRow < 0) firstRow = r;
        out = new Array<CellValue>(c + 1).fill(null);
        values[r - firstRow] = out;
      }
      while (out.length <= c) out.push(null);
      out[c] = v;
      if (f !== null) {
        if (!fout) {
          formulas ??= [];
          fout = [];
          formulas[r - firstRow] = fout;
        }
        while (fout.length <= c) fout.push(null);
        fout[c] = f;
      }
      const nf = row.n[col];
      if (typeof nf === 'string' && nf !== '' && nf !== 'General') {
        if (!nout) {
          numberFormats ??= [];
          nout = [];
          numberFormats[r - firstRow] = nout;
        }
        while (nout.length <= c) nout.push(null);
        nout[c] = nf;
      }
      if (c + base < minCol) minCol = c + base;
      last = c;
      lastRow = r;
    }
    if (out) {
      // The three rows of a sheet row have the same length (the last cell that counts).
      if (fout) while (fout.length < last + 1) fout.push(null);
      if (nout) while (nout.length < last + 1) nout.push(null);
    }
  }
  return compactSheetData(name, values, formulas, numberFormats, firstRow, lastRow, minCol, merges, base);
}

/** A number, boolean or string as the core's CellValue (toCoreValue). */
function coreValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/** The 1-based column of a cell address "AB12" (letters, "$" allowed); damaged otherwise; beyond Excel's grid, refused. */
function columnOf(buf: Buffer, s: number, e: number): number {
  let col = 0;
  let i = s;
  for (; i < e; i++) {
    const c = buf[i]!;
    if (c >= 65 && c <= 90) col = Math.min(col * 26 + c - 64, MAX_COLUMNS + 1);
    else if (c !== 36) break;
  }
  const bad = () => new Damaged(`a bad cell address ${buf.toString('latin1', s, e)}`);
  if (col === 0 || i === e) throw bad();
  let rowNo = 0;
  for (; i < e; i++) {
    const c = buf[i]!;
    if (c >= 48 && c <= 57) rowNo = Math.min(rowNo * 10 + c - 48, MAX_ROWS + 1);
    else if (c !== 36) throw bad();
  }
  if (col > MAX_COLUMNS || rowNo > MAX_ROWS) throw new LimitError(outsideGridMessage());
  return col;
}

/** A run of at most 15 ASCII digits as a number (exact), else -1 (the caller parses the text as ExcelJS does). */
function digits(buf: Buffer, s: number, e: number): number {
  if (e - s > 15) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const TYPE = nameBytes('t');
const STYLE = nameBytes('s');

/** The cell's t attribute, the usual values without making a string. */
function typeAttr(sc: XmlScanner): string | undefined {
  const k = sc.attrIndex(TYPE);
  if (k < 0) return undefined;
  const s = sc.valueStart(k);
  const e = sc.valueEnd(k);
  const b = sc.buf[s];
  if (e - s === 1) {
    if (b === 0x73) return 's';
    if (b === 0x6e) return 'n';
    if (b === 0x62) return 'b';
    if (b === 0x65) return 'e';
    if (b === 0x64) return 'd';
  } else if (e - s === 3 && b === 0x73 && sc.buf[s + 1] === 0x74 && sc.buf[s + 2] === 0x72) return 'str';
  return sc.attr(TYPE);
}

/** The cell's s attribute as ExcelJS takes it (parseInt; 0 when absent or not a number). */
function styleAttr(sc: XmlScanner): number {
  const k = sc.attrIndex(STYLE);
  if (k < 0) return 0;
  const n = digits(sc.buf, sc.valueStart(k), sc.valueEnd(k));
  return n >= 0 ? n : parseInt(sc.attr(STYLE)!, 10) || 0;
}

/** A merge reference "A1:C2" (either corner first) as a 0-based range; beyond Excel's grid, refused. */
/**
 * A merge written plainly ("B3:D7" or "B3": capitals then digits, no "$", no entity), read from its
 * bytes without making strings; null for anything else, which parseMerge reads as ExcelJS does (the
 * same area whenever both can read it: test/xlsx-read/merge-ref.test.ts). There are tens of thousands
 * of merges in some tables.
 */
export function mergeFromBytes(buf: Uint8Array, s: number, e: number): CellRange | null {
  let i = s;
  let col = 0;
  let row = 0;
  let top = 0;
  let left = 0;
  for (let part = 0; part < 2; part++) {
    const from = i;
    col = 0;
    for (; i < e && buf[i]! >= 65 && buf[i]! <= 90 && i - from < 3; i++) col = col * 26 + buf[i]! - 64;
    const digitsFrom = i;
    row = 0;
    for (; i < e && buf[i]! >= 48 && buf[i]! <= 57 && i - digitsFrom < 7; i++) row = row * 10 + buf[i]! - 48;
    if (digitsFrom === from || i === digitsFrom || col > MAX_COLUMNS || row > MAX_ROWS) return null;
    if (part === 0) {
      top = row;
      left = col;
      if (i === e) break;
      if (buf[i] !== 58) return null;
      i++;
    } else if (i !== e) return null;
  }
  return {
    top: Math.min(top, row) - 1,
    left: Math.min(left, col) - 1,
    bottom: Math.max(top, row) - 1,
    right: Math.max(left, col) - 1,
  };
}

export function parseMerge(ref: string): CellRange {
  const [a, b = a] = ref.split(':');
  let p: { row: number; col: number };
  let q: { row: number; col: number };
  try {
    p = decodeAddress(a!);
    q = decodeAddress(b!);
  } catch {
    throw new Damaged(`a bad merge ${ref}`);
  }
  if (Math.max(p.row, q.row) > MAX_ROWS) throw new LimitError(outsideGridMessage());
  return {
    top: Math.min(p.row, q.row) - 1,
    left: Math.min(p.col, q.col) - 1,
    bottom: Math.max(p.row, q.row) - 1,
    right: Math.max(p.col, q.col) - 1,
  };
}
