/** What the reader's parts share: element names, the damaged-file error, styles and relationships. */
import { nameBytes, Tok, XmlScanner } from './xml';
import type { ZipArchive } from './zip';

/** A file that is broken inside (the reader reports it as damaged). */
export class Damaged extends Error {}

/** Element and attribute names, as bytes. */
export const N = {
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
export interface Styles {
  codes: (string | undefined)[];
  dates: boolean[];
}

/** The relationships of a part: Id → Target. */
export function relsOf(zip: ZipArchive, part: string): Map<string, string> {
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
