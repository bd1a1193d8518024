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
import type { SheetData } from '../core/grid';
import { NO_WORKSHEETS, notXlsxMessage, pickActiveSheet, workbookBytes, XlsxReadError } from '../xlsx/errors';
import { BUILTIN_NUMBER_FORMATS, isDateFormat, unescapeX, xmlDecodeAgain } from './excel';
import { decodeText, Tok, XmlError, XmlScanner } from './xml';
import { LimitError } from './limits';
import { ZipArchive, ZipError, type ZipLimits } from './zip';
import { Damaged, N, relsOf, type Styles } from './parts';
import { readSheetPart } from './sheet';

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
      return readSheetPart({
        zip: this.zip,
        sheet,
        styles: this.styleTable(),
        sst: this.sharedStrings(),
        date1904: this.date1904,
      });
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
}

/** A reader's or zip's error as the XlsxReadError the user sees (a limit by name, else "damaged"). */
export function toReadError(e: unknown, buf: Buffer, file: string | undefined): Error {
  if (e instanceof XlsxReadError) return e;
  // A limit names itself; anything else broken inside is one message for a damaged file.
  if (e instanceof LimitError) return new XlsxReadError(e.message, file, { cause: e });
  if (e instanceof ZipError || e instanceof XmlError || e instanceof Damaged)
    return new XlsxReadError(notXlsxMessage(buf), file, { cause: e });
  return e as Error;
}
