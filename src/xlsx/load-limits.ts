/**
 * Before --write or --fix loads a workbook with ExcelJS: what loading it would cost, from the zip and the
 * XML without building anything. Every part is inflated under the reader's caps (what ExcelJS would
 * inflate in full, a zip bomb among them), and the cells that ExcelJS would expand one by one are
 * counted: data validations (sqref), merged areas (mergeCell ref) and defined names. Beyond a limit
 * (limits.ts) the file's copy is refused with WriteLimitError; the check itself has run already.
 *
 * Two more things ExcelJS cannot survive are refused as a damaged or out-of-grid file (LimitError, XmlError),
 * both found by the fuzzer: a reference or a column range (`<col min max>`) outside Excel's grid, which
 * ExcelJS loops over or sizes an array by (a hang, or out of memory), and an XML part that is not
 * well-formed among those ExcelJS copies as they are (the theme), which would make the copy unreadable.
 */
import { LimitError, MAX_COLUMNS, MAX_ROWS, outsideGridMessage } from '../xlsx-read/limits';
import { Damaged } from '../xlsx-read/parts';
import { hasXmlForbidden } from './xml-chars';
import { XmlScanner, Tok } from '../xlsx-read/xml';
import { ZipArchive } from '../xlsx-read/zip';
import { MAX_WRITE_MERGED_CELLS, MAX_WRITE_NAME_CELLS, MAX_WRITE_VALIDATION_CELLS } from './limits';

export type WriteLimitKind = 'validations' | 'names' | 'merges';

export const WRITE_LIMITS: Record<WriteLimitKind, number> = {
  validations: MAX_WRITE_VALIDATION_CELLS,
  names: MAX_WRITE_NAME_CELLS,
  merges: MAX_WRITE_MERGED_CELLS,
};

export class WriteLimitError extends Error {
  constructor(
    readonly kind: WriteLimitKind,
    readonly cells: number,
    readonly limit: number,
  ) {
    super(`${kind} cover ${cells} cells, beyond the limit of ${limit} for writing a copy`);
    this.name = 'WriteLimitError';
  }
}

/** A1-style references with a row number (what ExcelJS expands; "A:A" and "1:1" it takes as one cell). */
const REF = /(?<![A-Za-z0-9_.])\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/g;

function col(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

const inGrid = (row: number, column: number) => row >= 1 && row <= MAX_ROWS && column >= 1 && column <= MAX_COLUMNS;

/** The cells the references in `s` cover, each counted (overlaps twice, as ExcelJS loops them); LimitError for one outside the grid. */
export function cellsCovered(s: string): number {
  let n = 0;
  for (const m of s.matchAll(REF)) {
    const [r1, c1] = [Number(m[2]), col(m[1]!)];
    const [r2, c2] = m[3] === undefined ? [r1, c1] : [Number(m[4]), col(m[3])];
    if (!inGrid(r1, c1) || !inGrid(r2, c2)) throw new LimitError(outsideGridMessage());
    n += (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
  }
  return n;
}

/** Column ranges (`<col min max>`) must lie in the grid: ExcelJS makes an entry for every column of one. */
function checkColumnRanges(sheet: Buffer): void {
  for (const col of startTags(sheet, 'col')) {
    const [min, max] = [Number(attrOf(col, 'min') ?? NaN), Number(attrOf(col, 'max') ?? NaN)];
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min || max > MAX_COLUMNS)
      throw new LimitError(outsideGridMessage());
  }
}

/** Parts ExcelJS writes back as it read them, unparsed: they must be well-formed XML (XmlError otherwise). */
const COPIED_AS_IS = /^xl\/theme\/[^/]+\.xml$/;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Well-formed XML in UTF-8 without a character XML forbids; Damaged or XmlError otherwise. */
function checkWellFormed(part: Buffer): void {
  let text: string;
  try {
    text = UTF8.decode(part);
  } catch {
    throw new Damaged('a part copied as it is is not UTF-8');
  }
  if (hasXmlForbidden(text)) throw new Damaged('a part copied as it is holds a character XML forbids');
  const sc = new XmlScanner(part);
  while (sc.next() !== Tok.End);
}

/** The values of one attribute of every `<tag ` start tag in an XML part (unprefixed, as ExcelJS reads them). */
function attrsOf(xml: Buffer, tag: string, attr: string): string[] {
  const out: string[] = [];
  for (const text of startTags(xml, tag)) {
    const v = attrOf(text, attr);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** The text of every `<tag ` start tag in an XML part (unprefixed, as ExcelJS reads them). */
function startTags(xml: Buffer, tag: string): string[] {
  const out: string[] = [];
  // Found with Buffer.indexOf (native): a sheet part can be hundreds of MB; only the tags become strings.
  const open = Buffer.from(`<${tag}`, 'latin1');
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + open.length)) {
    const next = xml[at + open.length];
    // "<dataValidation " but not "<dataValidations": a space, "/" or ">" ends the name.
    if (!(next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d || next === 0x2f || next === 0x3e)) continue;
    const end = xml.indexOf(0x3e, at);
    out.push(xml.toString('utf8', at, end < 0 ? xml.length : end));
  }
  return out;
}

const ATTR_RES = new Map<string, RegExp>();

/** One attribute's value in a start tag's text, or undefined. */
function attrOf(tagText: string, attr: string): string | undefined {
  let re = ATTR_RES.get(attr);
  if (!re) ATTR_RES.set(attr, (re = new RegExp(`\\s${attr}\\s*=\\s*("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tagText);
  return m ? (m[2] ?? m[3] ?? '') : undefined;
}

/** The texts of the defined names ExcelJS expands (print areas and print titles become page setup). */
function definedNames(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g))
    if (!/\bname\s*=\s*["']_xlnm\.Print_(Area|Titles)["']/.test(m[1]!)) out.push(m[2]!);
  return out;
}

/** A defined name's formula (as XML text) without its quoted sheet names ('Sheet 2024'!A1) and string constants. */
function unquoted(xmlText: string): string {
  const text = xmlText.replace(/&apos;/g, "'").replace(/&quot;/g, '"');
  return text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"/g, "''");
}

export interface LoadCost {
  validations: number;
  names: number;
  merges: number;
}

/** What ExcelJS would expand cell by cell when loading this workbook (every part inflated under the caps). */
export function loadCost(buf: Buffer): LoadCost {
  const zip = new ZipArchive(buf);
  const cost: LoadCost = { validations: 0, names: 0, merges: 0 };
  for (const name of zip.names()) {
    const part = zip.read(name);
    if (!part) continue;
    if (name === 'xl/workbook.xml') {
      for (const text of definedNames(part.toString('utf8')))
        // Quoted sheet names ('Sheet 2024'!A1) and string constants are not references.
        cost.names += cellsCovered(unquoted(text));
    } else if (/xl\/worksheets\/sheet(\d+)[.]xml/.test(name)) {
      for (const sqref of attrsOf(part, 'dataValidation', 'sqref')) {
        const cells = cellsCovered(sqref);
        // ExcelJS throws writing a validation of no cells (sqref=""): a damaged file, as Excel would say.
        if (cells === 0 && !/[A-Za-z]+:[A-Za-z]+|\d+:\d+/.test(sqref)) throw new Damaged('a data validation without cells');
        cost.validations += cells;
      }
      for (const ref of attrsOf(part, 'mergeCell', 'ref')) cost.merges += cellsCovered(ref);
      checkColumnRanges(part);
    } else if (COPIED_AS_IS.test(name)) {
      checkWellFormed(part);
    }
  }
  return cost;
}

/** Throw WriteLimitError when loading this workbook with ExcelJS would expand more cells than a limit allows. */
export function checkLoadCost(buf: Buffer): void {
  const cost = loadCost(buf);
  for (const kind of Object.keys(WRITE_LIMITS) as WriteLimitKind[])
    if (cost[kind] > WRITE_LIMITS[kind]) throw new WriteLimitError(kind, cost[kind], WRITE_LIMITS[kind]);
}
