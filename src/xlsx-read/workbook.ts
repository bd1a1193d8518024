/**
 * The check path's reader: an .xlsx straight to the engine's SheetData, without ExcelJS. It inflates only
 * the parts it needs with Node's zlib (workbook, its relationships, shared strings, styles, the one sheet
 * asked for, that sheet's relationships, the add-in's document settings) and scans each with xml.ts.
 *
 * It gives exactly what src/xlsx/read.ts (ExcelJS 4.4 with fast-merges.ts and internal-links.ts, as the
 * CLI loaded it) gives: the same sheets, names, states and order, the same active sheet, and for a sheet
 * the same SheetData — values with formula results, dates from the styles' number formats, rich text,
 * shared formulas slid to each cell, hyperlinked formula cells without their formula (as ExcelJS reads
 * them), cells under a merge left out, number formats other than General — and the same one-line
 * messages for files it cannot read. test/xlsx-read/same-as-exceljs.test.ts compares the two.
 *
 * Two deliberate differences, both where ExcelJS is wrong and no test workbook is affected: in inline
 * strings (<is>) the phonetic guide (<rPh>, furigana) is left out and "_xHHHH_" is decoded, as in shared
 * strings; ExcelJS appends the furigana to the text and keeps "_x000D_" as it is there.
 */
import type { CellRange } from '../core/a1';
import type { CellValue, SheetData } from '../core/grid';
import {
  compactSheetData,
  formatExcelDate,
  NO_WORKSHEETS,
  notXlsxMessage,
  pickActiveSheet,
  workbookBytes,
  XlsxReadError,
} from '../xlsx/errors';
import {
  BUILTIN_NUMBER_FORMATS,
  colToLetters1,
  decodeAddress,
  excelToDate,
  isDateFormat,
  slideFormula,
  unescapeX,
  xmlDecodeAgain,
} from './excel';
import { decodeText, nameBytes, Tok, XmlError, XmlScanner } from './xml';
import { ZipArchive, ZipError, ZipLimitError, type ZipLimits } from './zip';

/** A worksheet as workbook.xml lists it. */
export interface SheetInfo {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** Position in workbook.xml (what the saved active tab counts). */
  orderNo: number;
  /** sheetId. */
  id: number;
  part: string;
}

/** A file that is broken inside (the reader reports it as damaged). */
class Damaged extends Error {}

const N = {
  sheet: nameBytes('sheet'),
  workbookView: nameBytes('workbookView'),
  workbookPr: nameBytes('workbookPr'),
  Relationship: nameBytes('Relationship'),
  si: nameBytes('si'),
  t: nameBytes('t'),
  r: nameBytes('r'),
  rPh: nameBytes('rPh'),
  numFmts: nameBytes('numFmts'),
  numFmt: nameBytes('numFmt'),
  cellXfs: nameBytes('cellXfs'),
  xf: nameBytes('xf'),
  sheetData: nameBytes('sheetData'),
  row: nameBytes('row'),
  c: nameBytes('c'),
  f: nameBytes('f'),
  v: nameBytes('v'),
  mergeCell: nameBytes('mergeCell'),
  hyperlink: nameBytes('hyperlink'),
  // attributes
  name: nameBytes('name'),
  sheetId: nameBytes('sheetId'),
  state: nameBytes('state'),
  rid: nameBytes('r:id'),
  activeTab: nameBytes('activeTab'),
  date1904: nameBytes('date1904'),
  Id: nameBytes('Id'),
  Target: nameBytes('Target'),
  numFmtId: nameBytes('numFmtId'),
  formatCode: nameBytes('formatCode'),
  s: nameBytes('s'),
  ref: nameBytes('ref'),
  si_: nameBytes('si'),
  location: nameBytes('location'),
  value: nameBytes('value'),
};

/** The number format code and date-ness of each cell style (cellXfs index). */
interface Styles {
  codes: (string | undefined)[];
  dates: boolean[];
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

interface RowCells {
  v: (CellValue | undefined)[];
  n: (string | undefined)[];
  f: (FormulaCell | undefined)[];
}

function relsOf(zip: ZipArchive, part: string): Map<string, string> {
  const out = new Map<string, string>();
  const buf = zip.read(part);
  if (!buf) return out;
  const sc = new XmlScanner(buf);
  for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
    if ((t === Tok.Open || t === Tok.Empty) && sc.is(N.Relationship)) {
      const id = sc.attr(N.Id);
      const target = sc.attr(N.Target);
      if (id !== undefined && target !== undefined) out.set(id, target);
    }
  }
  return out;
}

const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/;

export class FastWorkbook {
  /** Worksheets in workbook order (as ExcelJS's workbook.worksheets). */
  readonly sheets: SheetInfo[];
  readonly activeTab: number | undefined;
  private readonly date1904: boolean;
  private styles?: Styles;
  private strings?: (string | null)[] | null;

  private constructor(
    private readonly zip: ZipArchive,
    private readonly buf: Buffer,
    readonly file: string | undefined,
  ) {
    const book = zip.read('xl/workbook.xml');
    const listed: { name: string; id: number; state: string | undefined; rId: string | undefined }[] = [];
    let activeTab: number | undefined;
    let sawView = false;
    let date1904 = false;
    if (book) {
      const sc = new XmlScanner(book);
      for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
        if (t !== Tok.Open && t !== Tok.Empty) continue;
        if (sc.is(N.sheet)) {
          listed.push({
            name: xmlDecodeAgain(sc.attr(N.name) ?? ''),
            id: parseInt(sc.attr(N.sheetId) ?? '', 10),
            state: sc.attr(N.state),
            rId: sc.attr(N.rid),
          });
        } else if (sc.is(N.workbookView) && !sawView) {
          sawView = true;
          const tab = sc.attr(N.activeTab);
          if (tab !== undefined) activeTab = parseInt(tab, 10);
        } else if (sc.is(N.workbookPr)) {
          date1904 = sc.attr(N.date1904) === '1';
        }
      }
    }
    this.activeTab = activeTab;
    this.date1904 = date1904;
    const rels = relsOf(zip, 'xl/_rels/workbook.xml.rels');
    // Workbook.model: a sheet is kept where its relationship points at a worksheet part; by sheetId, the
    // last listing of an id wins, its position is the first listing's.
    const byId = new Map<number, SheetInfo>();
    for (const s of listed) {
      const target = s.rId === undefined ? undefined : rels.get(s.rId);
      if (target === undefined) continue;
      const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
      if (!/xl\/worksheets\/sheet(\d+)[.]xml/.test(part) || !zip.has(part)) continue;
      if (Number.isNaN(s.id)) continue;
      byId.set(s.id, {
        name: s.name,
        state: s.state || 'visible',
        orderNo: listed.findIndex((x) => x.id === s.id),
        id: s.id,
        part,
      });
    }
    this.sheets = [...byId.values()].sort((a, b) => a.orderNo - b.orderNo);
  }

  /** Open a workbook from a path or bytes; throws XlsxReadError as loadWorkbook does. */
  static async open(pathOrBuffer: string | Buffer | Uint8Array, opts: { limits?: ZipLimits } = {}): Promise<FastWorkbook> {
    const { buf, file } = await workbookBytes(pathOrBuffer);
    let wb: FastWorkbook;
    try {
      wb = new FastWorkbook(new ZipArchive(buf, opts.limits), buf, file);
    } catch (e) {
      throw toReadError(e, buf, file);
    }
    if (wb.sheets.length === 0) throw new XlsxReadError(NO_WORKSHEETS, file);
    return wb;
  }

  /** The sheet that was active when the workbook was saved; else the first visible worksheet. */
  activeSheetName(): string | undefined {
    return pickActiveSheet(this.sheets, this.activeTab);
  }

  /** A sheet by its exact name, else by its name in any case (as the CLI's --sheet finds it). */
  findSheet(name: string): SheetInfo | undefined {
    const byId = [...this.sheets].sort((a, b) => a.id - b.id);
    return byId.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /**
   * The add-in's document settings stored in the file (Office writes them as <we:property name value/> in
   * xl/webextensions/webextension*.xml, the value JSON-encoded): name → the JSON text.
   */
  documentSettings(): Map<string, string> {
    const out = new Map<string, string>();
    try {
      for (const part of this.zip
        .names()
        .filter((n) => WEB_EXTENSION_PART.test(n))
        .sort()) {
        const sc = new XmlScanner(this.zip.read(part)!);
        for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
          if (t !== Tok.Open && t !== Tok.Empty) continue;
          const len = sc.nameLength();
          // "we:property" (any prefix) or "property".
          const name = sc.buf.toString('latin1', sc.nameStart, sc.nameEnd);
          if (len < 8 || !(name === 'property' || name.endsWith(':property'))) continue;
          const key = sc.attr(N.name);
          const value = sc.attr(N.value);
          if (key !== undefined && value !== undefined && !out.has(key)) out.set(key, value);
        }
      }
    } catch (e) {
      throw toReadError(e, this.buf, this.file);
    }
    return out;
  }

  /** One worksheet as SheetData (what sheetToData gives for the same sheet loaded by ExcelJS). */
  readSheet(sheet: SheetInfo): SheetData {
    try {
      return this.sheetData(sheet);
    } catch (e) {
      throw toReadError(e, this.buf, this.file);
    }
  }

  // ---------------------------------------------------------------------------------------- parts

  private sharedStrings(): (string | null)[] | null {
    if (this.strings !== undefined) return this.strings;
    const buf = this.zip.read('xl/sharedStrings.xml');
    if (!buf) return (this.strings = null);
    const out: (string | null)[] = [];
    const sc = new XmlScanner(buf);
    // SharedStringXform: the <t> of the item (the last one wins), else its runs' texts joined; <rPh> left out.
    let plain: string | undefined;
    let runs: string | undefined;
    let runText: string | undefined;
    let inSi = false;
    let inRun = false;
    let tText: string | undefined;
    for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
      if (tText !== undefined) {
        if (t === Tok.Cdata) {
          tText += sc.cdata();
          continue;
        }
        if (sc.textEnd > sc.textStart) tText += decodeText(buf, sc.textStart, sc.textEnd);
      }
      if (t === Tok.Open || t === Tok.Empty) {
        if (sc.is(N.si)) {
          inSi = true;
          plain = runs = undefined;
          if (t === Tok.Empty) (out.push(null), (inSi = false));
        } else if (!inSi) continue;
        else if (sc.is(N.rPh)) sc.skipElement(t);
        else if (sc.is(N.r)) {
          inRun = t === Tok.Open;
          runText = undefined;
          if (t === Tok.Empty) runs ??= '';
        } else if (sc.is(N.t)) {
          if (t === Tok.Empty) {
            if (inRun) runText = '';
            else plain = '';
          } else tText = '';
        } else sc.skipElement(t);
      } else if (t === Tok.Close) {
        if (tText !== undefined && sc.is(N.t)) {
          const s = unescapeX(tText);
          tText = undefined;
          if (inRun) runText = s;
          else plain = s;
        } else if (inRun && sc.is(N.r)) {
          inRun = false;
          if (runText !== undefined) runs = (runs ?? '') + runText;
          else runs ??= '';
        } else if (inSi && sc.is(N.si)) {
          inSi = false;
          out.push(plain ?? runs ?? null);
        }
      }
    }
    return (this.strings = out);
  }

  private styleTable(): Styles {
    if (this.styles) return this.styles;
    const codes: (string | undefined)[] = [];
    const buf = this.zip.read('xl/styles.xml');
    if (buf) {
      const custom = new Map<number, string>();
      const ids: number[] = [];
      const sc = new XmlScanner(buf);
      let depth = 0;
      let section = 0; // 1 numFmts, 2 cellXfs
      let sectionDepth = 0;
      for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
        if (t === Tok.Close) {
          if (section && depth === sectionDepth) section = 0;
          depth--;
          continue;
        }
        if (t !== Tok.Open && t !== Tok.Empty) continue;
        // Direct children of the style sheet only: <dxfs> and <cellStyleXfs> hold numFmt and xf elements too.
        if (depth === 1 && t === Tok.Open) {
          if (sc.is(N.numFmts)) ((section = 1), (sectionDepth = 1));
          else if (sc.is(N.cellXfs)) ((section = 2), (sectionDepth = 1));
        } else if (depth === 2 && section === 1 && sc.is(N.numFmt)) {
          const code = sc.attr(N.formatCode);
          if (code === undefined) throw new Damaged('numFmt without formatCode');
          custom.set(parseInt(sc.attr(N.numFmtId) ?? '', 10), code.replace(/[\\](.)/g, '$1'));
        } else if (depth === 2 && section === 2 && sc.is(N.xf)) {
          ids.push(parseInt(sc.attr(N.numFmtId) ?? '', 10));
        }
        if (t === Tok.Open) depth++;
      }
      for (const id of ids) codes.push(id ? custom.get(id) || BUILTIN_NUMBER_FORMATS[id] : undefined);
    }
    return (this.styles = { codes, dates: codes.map(isDateFormat) });
  }

  // ---------------------------------------------------------------------------------------- the sheet

  private sheetData(sheet: SheetInfo): SheetData {
    const buf = this.zip.read(sheet.part);
    if (!buf) throw new Damaged(`no part ${sheet.part}`);
    const styles = this.styleTable();
    const sst = this.sharedStrings();
    const date1904 = this.date1904;
    const rows: (RowCells | undefined)[] = [];
    const merges: CellRange[] = [];
    const hyperlinks: string[] = [];
    /** si → master address, in the order ExcelJS reconciles (file order). */
    const sharedMasters = new Map<string, string>();
    let sheetRels: Map<string, string> | undefined;

    const sc = new XmlScanner(buf);
    let inData = false;
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
          row.v[cCol] = undefined;
          row.f[cCol] = undefined;
          row.n[cCol] = undefined;
        }
        return;
      }
      if (!row) return;
      row.v[cCol] = value;
      row.n[cCol] = code;
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
      } else row.f[cCol] = undefined;
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
      row.n[cCol] = cStyle ? styles.codes[cStyle] : undefined;
      row.f[cCol] = undefined;
    };

    for (let t = sc.next(); t !== Tok.End; t = sc.next()) {
      if (collect) {
        if (t === Tok.Cdata) {
          piece += sc.cdata();
          continue;
        }
        if (sc.textEnd > sc.textStart) piece += decodeText(buf, sc.textStart, sc.textEnd);
      }
      if (t === Tok.Open || t === Tok.Empty) {
        if (!inData) {
          if (sc.is(N.sheetData)) inData = t === Tok.Open;
          else if (sc.is(N.mergeCell)) {
            const ref = sc.attr(N.ref);
            if (ref !== undefined) merges.push(parseMerge(ref));
          } else if (sc.is(N.hyperlink)) {
            // With internal-links.ts ExcelJS links a cell that has a relationship (which must exist) or a location.
            const ref = sc.attr(N.ref);
            const rId = sc.attr(N.rid);
            if (rId || sc.attr(N.location)) hyperlinks.push(ref ?? '');
            if (rId) {
              sheetRels ??= relsOf(this.zip, `xl/worksheets/_rels/sheet${/sheet(\d+)[.]xml/.exec(sheet.part)![1]}.xml.rels`);
              if (!sheetRels.has(rId)) throw new Damaged(`hyperlink relationship ${rId} is missing`);
            }
          }
          continue;
        }
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
            addrS = addrE = -1;
            cAddr = `${colToLetters1(cCol)}${rowNo}`;
          }
          prevCol = cCol;
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
          rowNo = parseInt(sc.attr(N.r) ?? '', 10);
          if (Number.isNaN(rowNo)) throw new Damaged('a row without a number');
          // A second row with the same number replaces the first (Worksheet._parseRows).
          row = rowNo >= 1 ? { v: [], n: [], f: [] } : undefined;
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
        } else if (sc.is(N.sheetData)) inData = false;
      }
    }

    return this.toSheetData(sheet.name, rows, merges, hyperlinks);
  }

  private toSheetData(name: string, rows: (RowCells | undefined)[], merges: CellRange[], hyperlinks: string[]): SheetData {
    // Merges (fast-merges.ts): overlapping areas stop ExcelJS; every cell but the top-left one is emptied.
    const taken = new Set<number>();
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) {
          const key = r * 16384 + c;
          if (taken.has(key)) throw new Damaged('overlapping merged cells');
          taken.add(key);
          if (r === m.top && c === m.left) continue;
          const row = rows[r];
          if (row && row.v[c + 1] !== undefined) {
            row.v[c + 1] = undefined;
            row.f[c + 1] = undefined;
          }
        }
    }
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
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      const cells = row.v;
      let out: CellValue[] | undefined;
      let fout: (string | null)[] | undefined;
      let nout: (string | null)[] | undefined;
      let last = -1;
      for (let col = 1; col < cells.length; col++) {
        const v0 = cells[col];
        if (v0 === undefined) continue;
        const fc = row.f[col];
        const f = fc ? formulaOf(fc) : null;
        const v = v0;
        if (v === null && f === null) continue;
        const c = col - 1;
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
        if (c < minCol) minCol = c;
        last = c;
        lastRow = r;
      }
      if (out) {
        // The three rows of a sheet row have the same length (the last cell that counts).
        if (fout) while (fout.length < last + 1) fout.push(null);
        if (nout) while (nout.length < last + 1) nout.push(null);
      }
    }
    return compactSheetData(name, values, formulas, numberFormats, firstRow, lastRow, minCol, merges);
  }
}

/** A number, boolean or string as the core's CellValue (toCoreValue). */
function coreValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/** The 1-based column of a cell address "AB12" (letters, "$" allowed); damaged otherwise. */
function columnOf(buf: Buffer, s: number, e: number): number {
  let col = 0;
  let i = s;
  for (; i < e; i++) {
    const c = buf[i]!;
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c !== 36) break;
  }
  const bad = () => new Damaged(`a bad cell address ${buf.toString('latin1', s, e)}`);
  if (col === 0 || col > 16384 || i === e) throw bad();
  for (; i < e; i++) {
    const c = buf[i]!;
    if ((c < 48 || c > 57) && c !== 36) throw bad();
  }
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

/** A merge reference "A1:C2" (either corner first) as a 0-based range. */
function parseMerge(ref: string): CellRange {
  const [a, b = a] = ref.split(':');
  try {
    const p = decodeAddress(a!);
    const q = decodeAddress(b!);
    return {
      top: Math.min(p.row, q.row) - 1,
      left: Math.min(p.col, q.col) - 1,
      bottom: Math.max(p.row, q.row) - 1,
      right: Math.max(p.col, q.col) - 1,
    };
  } catch {
    throw new Damaged(`a bad merge ${ref}`);
  }
}

function toReadError(e: unknown, buf: Buffer, file: string | undefined): Error {
  if (e instanceof XlsxReadError) return e;
  if (e instanceof ZipLimitError) return new XlsxReadError(e.message, file, { cause: e });
  if (e instanceof ZipError || e instanceof XmlError || e instanceof Damaged)
    return new XlsxReadError(notXlsxMessage(buf), file, { cause: e });
  return e as Error;
}
