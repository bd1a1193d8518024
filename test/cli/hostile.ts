/**
 * Crafted workbooks of issue 11 ("Hostile submissions"), each tiny on disk, built from the sample
 * draft: every class of attack that once hung, crashed or misled the CLI has one here.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { crc32 } from 'zlib';
import JSZip from 'jszip';
import { writeZip as writeRawZip, type Entry } from '../../tools/fuzz/zipraw';
import { SEEDS } from './helpers';

export const DRAFT = path.join(SEEDS, 'sample-draft.xlsx');
export const SAMPLE = path.join(SEEDS, 'sample.xlsx');
const SHEET_XML = 'xl/worksheets/sheet1.xml';

/** The draft's parts, in its own order. */
async function draftEntries(): Promise<Entry[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(DRAFT));
  const out: Entry[] = [];
  for (const f of Object.values(zip.files)) if (!f.dir) out.push({ name: f.name, data: await f.async('nodebuffer') });
  return out;
}

/** A zip written byte by byte (tools/fuzz/zipraw.ts), so that a file's directory can lie. */
export function writeZip(entries: Entry[]): Buffer {
  return writeRawZip(entries).bytes;
}

/** The draft with one part changed (or added). */
async function withPart(name: string, edit: (xml: string) => string): Promise<Buffer> {
  const entries = await draftEntries();
  const e = entries.find((x) => x.name === name);
  if (e) e.data = Buffer.from(edit(e.data.toString('utf8')), 'utf8');
  else entries.push({ name, data: Buffer.from(edit(''), 'utf8') });
  return writeZip(entries);
}

const sheetEdit = (edit: (xml: string) => string) => withPart(SHEET_XML, edit);
const definedName = (xml: string, ref: string, name = 'crafted') =>
  xml.replace('</definedNames>', `<definedName name="${name}">${ref}</definedName></definedNames>`);
/** Text in the draft's empty K17 (備考 of its last row), as an inline string. */
const cellInRow17 = (xml: string, col: 'K', text: string) =>
  xml.replace(`<c r="${col}17" s="3"/>`, `<c r="${col}17" s="3" t="inlineStr"><is><t>${text}</t></is></c>`);

export interface Crafted {
  name: string;
  /** What it once did to the CLI (issue 11). */
  attack: string;
  build: () => Promise<Buffer>;
}

export const CRAFTED: Crafted[] = [
  {
    name: 'proto-defined-name.xlsx',
    attack: 'a defined name on a sheet called __proto__ polluted Object.prototype through ExcelJS',
    build: () => withPart('xl/workbook.xml', (x) => definedName(x, "'__proto__'!$A$1")),
  },
  {
    name: 'whole-sheet-name.xlsx',
    attack: 'a defined name over the whole sheet, expanded cell by cell',
    build: () => withPart('xl/workbook.xml', (x) => definedName(x, "'進捗管理表'!$A$1:$XFD$1048576")),
  },
  {
    name: 'whole-sheet-merge.xlsx',
    attack: 'a merge over the whole sheet',
    build: () => sheetEdit((x) => x.replace('</mergeCells>', '<mergeCell ref="A20:XFD1048576"/></mergeCells>')),
  },
  {
    name: 'whole-column-validation.xlsx',
    attack: 'data validation on ten whole columns, expanded per cell',
    build: () =>
      sheetEdit((x) =>
        x.replace(
          '<pageMargins',
          `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${'LMNOPQRSTU'
            .split('')
            .map((c) => `${c}1:${c}1048576`)
            .join(' ')}"><formula1>"S,A,B"</formula1></dataValidation></dataValidations><pageMargins`,
        ),
      ),
  },
  {
    name: 'far-row.xlsx',
    attack: 'one cell at row 2,000,000,000',
    build: () =>
      sheetEdit((x) =>
        x.replace('</sheetData>', '<row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
      ),
  },
  {
    name: 'deep-nesting.xlsx',
    attack: '24 million nested elements',
    build: async () => {
      const entries = await draftEntries();
      const e = entries.find((x) => x.name === SHEET_XML)!;
      const xml = e.data.toString('utf8');
      const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
      e.data = Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(24_000_000 * 3, '<a>'), Buffer.from(xml.slice(at))]);
      return writeZip(entries);
    },
  },
  {
    name: 'one-entry-2000-times.xlsx',
    attack: 'a zip directory that lists one 64 MB entry 2,000 times (128 GB in all)',
    build: async () => {
      const entries = await draftEntries();
      entries.push({ name: 'xl/media/image0.png', data: Buffer.alloc(64 * 1024 * 1024) });
      const names = Array.from({ length: 1999 }, (_, i) => `xl/media/image${i + 1}.png`);
      for (const e of entries) if (e.name === 'xl/media/image0.png') e.aliases = names;
      return writeZip(entries);
    },
  },
  {
    name: 'strings-bomb.xlsx',
    attack: 'a part the check reads that inflates to gigabytes',
    build: async () => {
      const entries = await draftEntries();
      const e = entries.find((x) => x.name === 'xl/sharedStrings.xml')!;
      const xml = e.data.toString('utf8');
      const at = xml.lastIndexOf('</sst>');
      e.data = Buffer.concat([
        Buffer.from(xml.slice(0, at) + '<si><t>'),
        Buffer.alloc(300 * 1024 * 1024, 0x20),
        Buffer.from('</t></si></sst>'),
      ]);
      return writeZip(entries);
    },
  },
  {
    name: 'unused-part-bomb.xlsx',
    attack: 'a part the check does not need, inflating to 300 MB (once inflated in full and copied into the checked copy)',
    build: async () => {
      const entries = await draftEntries();
      entries.push({ name: 'xl/media/image1.png', data: Buffer.alloc(300 * 1024 * 1024) });
      return writeZip(entries);
    },
  },
  {
    name: 'bad-crc.xlsx',
    attack: 'a corrupt sheet entry (wrong CRC-32) read silently',
    build: async () =>
      writeZip((await draftEntries()).map((e) => (e.name === SHEET_XML ? { ...e, crc: (crc32(e.data) ^ 0xdeadbeef) >>> 0 } : e))),
  },
  {
    name: 'duplicate-entry.xlsx',
    attack: 'two entries named like the sheet, the second one read',
    build: async () => {
      const entries = await draftEntries();
      const sheet = entries.find((x) => x.name === SHEET_XML)!;
      entries.push({ name: SHEET_XML, data: Buffer.from(sheet.data.toString('utf8').replace(/<c r="G13"[^/]*\/>/, '')) });
      return writeZip(entries);
    },
  },
  {
    name: 'long-cells.xlsx',
    attack: 'ten cells of 32,767 characters that cost seconds each in quadratic patterns',
    build: () =>
      sheetEdit((x) => {
        const texts = [
          '<a '.repeat(10_922),
          '1'.repeat(32_767),
          '、'.repeat(32_767),
          ' \t'.repeat(16_383),
          '=' + '('.repeat(32_766),
        ];
        const cell = (ref: string, s: string) =>
          `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${s.replace(/</g, '&lt;')}</t></is></c>`;
        const rows = texts.flatMap((s, i) => [
          `<row r="${20 + 2 * i}">${cell(`C${20 + 2 * i}`, s)}${cell(`E${20 + 2 * i}`, s)}</row>`,
          `<row r="${21 + 2 * i}">${cell(`H${21 + 2 * i}`, 'x'.repeat(40_000))}</row>`,
        ]);
        return x.replace('</sheetData>', rows.join('') + '</sheetData>');
      }),
  },
  {
    name: 'terminal-escape.xlsx',
    attack: '_x001B_ in a cell became a real ESC in the text output',
    build: () => sheetEdit((x) => cellInRow17(x, 'K', '_x001B_]0;pwned_x0007__x001B_[2J_x000A_■ forged — 提出できます')),
  },
  {
    name: 'xml-forbidden.xlsx',
    attack: 'U+FFFF from _xFFFF_ written into the checked copy, which Excel must then repair',
    build: () => sheetEdit((x) => cellInRow17(x, 'K', 'a_xFFFF_b_x0001_c_xD800_d')),
  },
  {
    name: 'formula-text.xlsx',
    attack: 'text starting with = written without the quote prefix becomes a live formula on F2 + Enter',
    build: () => sheetEdit((x) => cellInRow17(x, 'K', '=HYPERLINK("http://example.invalid","x")')),
  },
  {
    name: 'rich-run-without-t.xlsx',
    attack: 'a rich-text run without <t> crashed the writer',
    build: async () => {
      const entries = await draftEntries();
      const strings = entries.find((x) => x.name === 'xl/sharedStrings.xml')!;
      const xml = strings.data.toString('utf8');
      const index = (xml.match(/<si>/g) ?? []).length;
      strings.data = Buffer.from(xml.replace('</sst>', '<si><r><rPr><b/></rPr></r><r><t>後半</t></r></si></sst>'));
      const sheet = entries.find((x) => x.name === SHEET_XML)!;
      sheet.data = Buffer.from(
        sheet.data.toString('utf8').replace('<c r="K17" s="3"/>', `<c r="K17" s="3" t="s"><v>${index}</v></c>`),
      );
      return writeZip(entries);
    },
  },
];

/** Ordinary files of the batch, and the name of the file whose name holds a line break and a forged line. */
export const ODD_NAME = 'odd\n■ forged.xlsx — 提出できます.xlsx';
