/**
 * The reader's limits (src/xlsx-read/limits.ts), each with a tiny crafted file: refused at once with a
 * one-line message that names the limit, or, for a lie in the zip, reported as a damaged file.
 */
import { deflateRawSync } from 'zlib';
import { Grid } from '../../src/core/grid';
import { FastWorkbook } from '../../src/xlsx-read';
import { CANDIDATE, cutSpans, isDateFormat, replaceCandidates } from '../../src/xlsx-read/excel';
import {
  MAX_INFLATED_BYTES,
  MAX_PART_BYTES,
  MAX_SHEET_CELLS,
  MAX_XML_DEPTH,
  MAX_ZIP_ENTRIES,
  outsideGridMessage,
  tooDeepMessage,
  tooLargeMessage,
  tooManyCellsMessage,
  tooManyEntriesMessage,
} from '../../src/xlsx-read/limits';
import { crc32, tableCrc32, ZipArchive, ZipError, ZipLimitError } from '../../src/xlsx-read/zip';
import { handWritten } from './workbooks';

/** One entry of a crafted zip; the directory can lie about it (sizes, CRC, name) and list it again. */
interface Part {
  name: string;
  data: Buffer | string;
  stored?: boolean;
  /** The inflated size and CRC-32 the directory gives (the true ones unless told). */
  size?: number;
  crc?: number;
  /** The local header's name, when it differs from the directory's. */
  localName?: string;
  /** Sizes and CRC in a data descriptor after the data (zeros in the local header), as streaming writers do. */
  descriptor?: boolean;
  /** The local header gives these sizes (its own lie). */
  localSize?: number;
}

interface ZipOptions {
  /** Directory entries: the part each lists, and the name it gives (default: each part once). */
  listings?: { of: number; name?: string }[];
  /** The entry count the end record gives (default: the listings' number); over 0xffff, a zip64 end record. */
  count?: number;
  /** Local header offsets the directory gives, by listing (default: where each part is). */
  offsets?: number[];
}

function zipOf(parts: Part[], opts: ZipOptions = {}): Buffer {
  const chunks: Buffer[] = [];
  let at = 0;
  const put = (b: Buffer): void => {
    chunks.push(b);
    at += b.length;
  };
  const placed = parts.map((p) => {
    const data = Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data);
    const body = p.stored ? data : deflateRawSync(data, { level: 1 });
    const crc = p.crc ?? crc32(data);
    const size = p.size ?? data.length;
    const offset = at;
    const name = Buffer.from(p.localName ?? p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800 | (p.descriptor ? 8 : 0), 6);
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    if (!p.descriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(p.localSize ?? size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    put(Buffer.concat([local, name, body]));
    if (p.descriptor) {
      const d = Buffer.alloc(16);
      d.writeUInt32LE(0x08074b50, 0);
      d.writeUInt32LE(crc, 4);
      d.writeUInt32LE(body.length, 8);
      d.writeUInt32LE(size, 12);
      put(d);
    }
    return { p, crc, size, compressed: body.length, offset };
  });
  const cdStart = at;
  const listings: { of: number; name?: string }[] = opts.listings ?? parts.map((_p, i) => ({ of: i }));
  listings.forEach((l, k) => {
    const e = placed[l.of]!;
    const name = Buffer.from(l.name ?? e.p.name);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800 | (e.p.descriptor ? 8 : 0), 8);
    c.writeUInt16LE(e.p.stored ? 0 : 8, 10);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.compressed, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(opts.offsets?.[k] ?? e.offset, 42);
    put(Buffer.concat([c, name]));
  });
  const cdSize = at - cdStart;
  const count = opts.count ?? listings.length;
  if (count > 0xffff) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(cdSize), 40);
    z.writeBigUInt64LE(BigInt(cdStart), 48);
    const zAt = at;
    put(z);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(zAt), 8);
    loc.writeUInt32LE(1, 16);
    put(loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdStart, 16);
  put(end);
  return Buffer.concat(chunks);
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** The parts of a one-sheet workbook (sheet "S"), its sheet XML as given; deflated by zlib, so even big parts build fast. */
function bookParts(sheetXml: string | Buffer): Part[] {
  return [
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: Buffer.isBuffer(sheetXml)
        ? sheetXml
        : `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${sheetXml}</worksheet>`,
    },
  ];
}

/** What reading the workbook's first sheet gives: its SheetData, or the message it is refused with. */
async function readFirst(buf: Buffer): Promise<ReturnType<FastWorkbook['readSheet']> | string> {
  try {
    const wb = await FastWorkbook.open(buf);
    return wb.readSheet(wb.sheets[0]!);
  } catch (e) {
    return (e as Error).message;
  }
}

const DAMAGED =
  'Excel ブック (.xlsx) として読み込めません（ファイルが壊れているか途中で切れています） / cannot read the Excel workbook (.xlsx): the file is damaged or truncated';
const ONE_CELL = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';

describe('the cap on inflated bytes', () => {
  it('refuses at once a part whose declared size is over the cap', () => {
    const zip = new ZipArchive(zipOf([{ name: 'a.xml', data: 'x', size: MAX_PART_BYTES + 1 }]));
    expect(() => zip.read('a.xml')).toThrow(ZipLimitError);
  });

  it('says so in one line, Japanese then English, naming the limits', async () => {
    const limits = { part: 8 * 1024 * 1024, total: 16 * 1024 * 1024 };
    const big = zipOf([{ name: 'xl/workbook.xml', data: Buffer.alloc(9 * 1024 * 1024, 0x20) }]);
    const e = await FastWorkbook.open(big, { limits }).catch((x: Error) => x);
    expect((e as Error).message).toBe(tooLargeMessage(limits));
    expect(tooLargeMessage({ part: MAX_PART_BYTES, total: MAX_INFLATED_BYTES })).toMatch(
      /^展開後のサイズが上限（1 パーツ 256 MiB、合計 512 MiB）.* \/ not read: it inflates beyond the limit \(256 MiB a part, 512 MiB in all\), a zip bomb or an oversized sheet$/,
    );
  });

  it('counts the parts of one workbook together', async () => {
    const strings = `<si><t>${'あ'.repeat(3000)}</t></si>`;
    const buf = await handWritten({
      strings,
      sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }],
    });
    const wb = await FastWorkbook.open(buf, { limits: { part: 1024 * 1024, total: 9000 } });
    expect(() => wb.readSheet(wb.sheets[0]!)).toThrow(/inflates beyond the limit/);
    const roomy = await FastWorkbook.open(buf, { limits: { part: 1024 * 1024, total: 1024 * 1024 } });
    expect(roomy.readSheet(roomy.sheets[0]!).values[0]![0]).toHaveLength(3000);
  });

  it('never inflates the parts the check does not need, however big or broken', async () => {
    const buf = zipOf([
      ...bookParts(ONE_CELL),
      { name: 'xl/media/image1.png', data: 'x', size: 0xfffffffe },
      { name: 'xl/printerSettings/printerSettings1.bin', data: Buffer.from([0xff, 0xff, 0xff]), stored: true, crc: 1 },
      { name: 'xl/drawings/drawing1.xml', data: '<a>'.repeat(1000) },
    ]);
    expect(await readFirst(buf)).toMatchObject({ values: [[1]] });
  });
});

describe('the zip directory', () => {
  it(`lists at most ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} entries, zip64 counts too`, async () => {
    const parts = bookParts(ONE_CELL);
    expect(await readFirst(zipOf(parts, { count: MAX_ZIP_ENTRIES + 1 }))).toBe(tooManyEntriesMessage());
    expect(await readFirst(zipOf(parts, { count: 2 ** 40 }))).toBe(tooManyEntriesMessage());
    expect(tooManyEntriesMessage()).toBe(
      'zip の項目数が上限（10,000）を超えるため読み込みません / not read: its zip lists more entries than the limit (10,000)',
    );
    expect(() => new ZipArchive(zipOf(parts), { part: 1e6, total: 1e6, entries: 2 })).toThrow(ZipLimitError);
  });

  it('reads a zip with data descriptors, and a stored part', async () => {
    const parts = bookParts(ONE_CELL).map((p, i) => ({ ...p, descriptor: i !== 1, stored: i === 1 }));
    expect(await readFirst(zipOf(parts))).toMatchObject({ values: [[1]] });
  });

  it.each<[string, () => Buffer]>([
    ['a name listed twice', () => zipOf(bookParts(ONE_CELL), { listings: [{ of: 0 }, { of: 1 }, { of: 2 }, { of: 0 }] })],
    [
      'one huge entry listed 2,000 times under other names',
      () =>
        zipOf([...bookParts(ONE_CELL), { name: 'xl/media/big.bin', data: 'x', size: 400 * 1024 * 1024 }], {
          listings: [
            { of: 0 },
            { of: 1 },
            { of: 2 },
            ...Array.from({ length: 2000 }, (_x, i) => ({ of: 3, name: `xl/media/b${i}.bin` })),
          ],
        }),
    ],
    [
      'one entry listed twice under its own name and another',
      () =>
        zipOf(bookParts(ONE_CELL), { listings: [{ of: 0 }, { of: 1 }, { of: 2 }, { of: 2, name: 'xl/worksheets/sheet2.xml' }] }),
    ],
    [
      'a local header naming another part',
      () => zipOf(bookParts(ONE_CELL).map((p, i) => (i === 2 ? { ...p, localName: 'xl/other.xml' } : p))),
    ],
    ['a local header with other sizes', () => zipOf(bookParts(ONE_CELL).map((p, i) => (i === 0 ? { ...p, localSize: 5 } : p)))],
    ['an entry past the end of the file', () => zipOf(bookParts(ONE_CELL), { offsets: [0, 0, 1e9] })],
    ['entries that overlap', () => zipOf(bookParts(ONE_CELL), { offsets: [0, 10, undefined as never] })],
    ['a part whose CRC-32 is wrong', () => zipOf(bookParts(ONE_CELL).map((p, i) => (i === 2 ? { ...p, crc: 12345 } : p)))],
    [
      'a part that inflates to more than its declared size (64 MiB said to be 100 bytes)',
      () =>
        zipOf(bookParts(ONE_CELL).map((p, i) => (i === 2 ? { ...p, data: Buffer.alloc(64 * 1024 * 1024, 0x20), size: 100 } : p))),
    ],
    [
      'a part that inflates to less than its declared size',
      () => zipOf(bookParts(ONE_CELL).map((p, i) => (i === 2 ? { ...p, size: 5000 } : p))),
    ],
    [
      'a stored part whose sizes differ',
      () => zipOf(bookParts(ONE_CELL).map((p, i) => (i === 2 ? { ...p, stored: true, size: 10 } : p))),
    ],
  ])('refuses as damaged: %s', async (_name, build) => {
    expect(await readFirst(build())).toBe(DAMAGED);
  });

  it('stops inflating one byte past the declared size', () => {
    const bomb = zipOf([{ name: 'a.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), size: 100 }]);
    expect(() => new ZipArchive(bomb).read('a.xml')).toThrow(new ZipError('a.xml inflates to more than its declared 100 bytes'));
  });

  it('refuses a part that fills exactly one byte more than its declared size', () => {
    const zip = zipOf([{ name: 'a.xml', data: Buffer.alloc(101, 0x20), size: 100 }]);
    expect(() => new ZipArchive(zip).read('a.xml')).toThrow(new ZipError('a.xml inflates to more than its declared 100 bytes'));
  });

  it('checks CRC-32 the same way where zlib has no crc32', () => {
    for (const s of ['', 'a', '進捗表チェッカー', 'x'.repeat(10000)])
      expect(tableCrc32(Buffer.from(s))).toBe(crc32(Buffer.from(s)));
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('the XML', () => {
  it(`nests at most ${MAX_XML_DEPTH} elements deep`, async () => {
    const nested = (n: number) => `<sheetData/>${'<extLst>'.repeat(n)}${'</extLst>'.repeat(n)}`;
    expect(await readFirst(zipOf(bookParts(nested(MAX_XML_DEPTH - 1))))).toMatchObject({ values: [] });
    expect(await readFirst(zipOf(bookParts(nested(MAX_XML_DEPTH))))).toBe(tooDeepMessage());
    expect(tooDeepMessage()).toBe(
      'XML の入れ子が上限（100 段）を超えるため読み込みません / not read: its XML nests elements deeper than the limit (100 levels)',
    );
  });

  it('refuses 24 million nested elements at the first one too deep', async () => {
    const sheet = Buffer.alloc(3 * 24_000_000, '<a>');
    expect(await readFirst(zipOf(bookParts(sheet)))).toBe(tooDeepMessage());
  });
});

describe("Excel's grid", () => {
  const sheet = (xml: string) => zipOf(bookParts(xml));

  it.each([
    ['a row at 2,000,000,000', '<sheetData><row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>'],
    ['a row just past the last', '<sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>'],
    ['a cell address past the last row', '<sheetData><row r="1"><c r="A99999999999999999999"><v>1</v></c></row></sheetData>'],
    ['a column past XFD', '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>'],
    [
      'a column past XFD by cells without an address',
      `<sheetData><row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row></sheetData>`,
    ],
    ['a merge to row 2,000,000,000', '<sheetData/><mergeCells><mergeCell ref="A1:B2000000000"/></mergeCells>'],
  ])('refuses %s', async (_name, xml) => {
    expect(await readFirst(sheet(xml))).toBe(outsideGridMessage());
  });

  it('names the grid in its message', () => {
    expect(outsideGridMessage()).toBe(
      "Excel のシートの範囲（1,048,576 行 × 16,384 列）の外にセルがあるため読み込みません / not read: a cell lies outside Excel's grid (1,048,576 rows × 16,384 columns)",
    );
  });

  it('reads the last row and the last column', async () => {
    const data = await readFirst(
      sheet('<sheetData><row r="1048576"><c r="XFC1048576"><v>1</v></c><c r="XFD1048576"><v>2</v></c></row></sheetData>'),
    );
    expect(data).toMatchObject({ top: 1048575, left: 16382, values: [[1, 2]] });
  });

  it(`refuses a used range over ${MAX_SHEET_CELLS.toLocaleString('en-US')} cells before making it`, async () => {
    const corners =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData>';
    expect(await readFirst(sheet(corners))).toBe(tooManyCellsMessage(1048576 * 16384));
    expect(tooManyCellsMessage(1048576 * 16384)).toBe(
      "シートの使用範囲が 17,179,869,184 セルあり、上限（50,000,000 セル）を超えるため読み込みません / not read: the sheet's used range spans 17,179,869,184 cells, more than the limit (50,000,000)",
    );
  });

  it('keeps a column far right without making the columns before it', async () => {
    const rows = Array.from({ length: 2000 }, (_x, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>${r}</v></c></row>`).join('');
    const data = await readFirst(sheet(`<sheetData>${rows}</sheetData>`));
    expect(data).toMatchObject({ top: 0, left: 16383 });
    expect(typeof data !== 'string' && data.values.every((row, r) => row.length === 1 && row[0] === r)).toBe(true);
  });
});

describe('merges over huge ranges are never expanded cell by cell', () => {
  it('reads a merge over the whole sheet A1:XFD1048576, and the grid answers for any cell of it', async () => {
    const xml =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>';
    const data = await readFirst(zipOf(bookParts(xml)));
    const whole = { top: 0, left: 0, bottom: 1048575, right: 16383 };
    expect(data).toEqual({ name: 'S', top: 0, left: 0, values: [[1]], merges: [whole] });
    const grid = new Grid(data as Exclude<typeof data, string>);
    expect(grid.shownValue(1048575, 16383)).toBe(1);
    expect(grid.mergeAt(524288, 8192)).toEqual(whole);
  });

  it('finds an overlap between two whole-sheet merges without going over their cells', async () => {
    const xml = `<sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'}</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/><mergeCell ref="XFD1048576:B2"/></mergeCells>`;
    expect(await readFirst(zipOf(bookParts(xml)))).toBe(DAMAGED);
  });

  it('reads 16,384 column-high merges next to each other', async () => {
    const cols = Array.from({ length: 16384 }, (_x, c) => {
      const letters = Grid.prototype.address.call(null, 0, c).replace(/\d+$/, '');
      return `<mergeCell ref="${letters}1:${letters}1048576"/>`;
    }).join('');
    const xml = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c></row></sheetData><mergeCells>${cols}</mergeCells>`;
    const data = await readFirst(zipOf(bookParts(xml)));
    expect(data).toMatchObject({ top: 0, left: 0, values: [[1]] });
    expect(typeof data !== 'string' && data.merges).toHaveLength(16384);
  });
});

describe('patterns on text from the file run in linear time, with the answers of the patterns ExcelJS uses', () => {
  function random(seed: number): () => number {
    let s = seed;
    return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x80000000);
  }
  const next = random(3);
  const texts = (alphabet: string) =>
    Array.from({ length: 3000 }, () =>
      Array.from({ length: Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
    );

  it('finds the references of a shared formula as CANDIDATE does', () => {
    const show = (m: string, sheet: string | undefined, addr: string, paren: string | undefined) =>
      `<${m}|${sheet}|${addr}|${paren}>`;
    for (const t of [...texts('aZ9_-$!(+ "A1é'), 'Sheet2!A1+$B$2*SUM(C3:D4)', 'a-'.repeat(20), '_xlfn.IFS(A1>0,1)'])
      expect(replaceCandidates(t, show)).toBe(
        t.replace(CANDIDATE, (m: string, s: string, _n, a: string, p: string) => show(m, s, a, p)),
      );
  });

  it('finds the spans of a number format as ExcelJS’s patterns do', () => {
    for (const t of texts('[]"a y'))
      expect(cutSpans(cutSpans(t, '[', ']'), '"', '"')).toBe(t.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
  });

  it('slides a 32,767-character shared formula to 300 cells and reads a 100,000-character format code at once', async () => {
    const formula = 'a-'.repeat(16383) + 'A1';
    const cells = Array.from(
      { length: 300 },
      (_x, r) => `<row r="${r + 2}"><c r="A${r + 2}"><f t="shared" si="0"/><v>0</v></c></row>`,
    );
    const xml = `<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A301" si="0">${formula}</f><v>0</v></c></row>${cells.join('')}</sheetData>`;
    const data = await readFirst(zipOf(bookParts(xml)));
    expect(typeof data !== 'string' && data.formulas?.[300]?.[0]).toBe(`=${'a-'.repeat(16383)}A301`);
    expect(isDateFormat('['.repeat(100000) + 'yyyy')).toBe(true);
  });
});
