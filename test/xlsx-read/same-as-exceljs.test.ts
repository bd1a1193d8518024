/**
 * The fast reader (src/xlsx-read) must give the CLI exactly what the ExcelJS reader (src/xlsx/read.ts,
 * with the two ExcelJS fixes the CLI loaded) gave: sheets, active sheet, SheetData of every sheet, and
 * the same messages for files it cannot read. Compared on every workbook kept for tests, on workbooks
 * the tests and tools generate, and on hand-written XML.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import '../../src/xlsx/fast-merges';
import '../../src/xlsx/internal-links';
import { SimWorkbook } from '../../src/office/simulator';
import { simToXlsx } from '../../src/office/simulator/xlsx';
import { XlsxReadError, activeSheetName, loadWorkbook, sheetToData } from '../../src/xlsx/read';
import { FastWorkbook } from '../../src/xlsx-read';
import { buildSamples } from '../../tools/generate-samples';
import { bytesOf, handWritten, handWrittenWorkbooks, keptWorkbooks, richWorkbook, ROOT } from './workbooks';

async function expectSame(input: string | Buffer): Promise<void> {
  const wb = await loadWorkbook(input);
  const fast = await FastWorkbook.open(input);
  expect(fast.sheets.map((s) => [s.name, s.state])).toEqual(wb.worksheets.map((s) => [s.name, s.state]));
  expect(fast.activeSheetName()).toBe(activeSheetName(wb));
  for (const s of fast.sheets) expect([s.name, fast.readSheet(s)]).toEqual([s.name, sheetToData(wb.getWorksheet(s.name)!)]);
}

describe('the fast reader gives the same SheetData as the ExcelJS reader', () => {
  it('on every workbook kept for tests (seeds, test/fixtures)', async () => {
    const files = await keptWorkbooks();
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) await expectSame(f);
  });

  it('on the samples as tools/generate-samples.ts builds them', async () => {
    const seed = await fs.readFile(path.join(ROOT, 'seeds', '000_3cf5f138d44a5c0c.txt'), 'utf8');
    const samples = buildSamples(seed);
    for (const wb of Object.values(samples).filter((v): v is ExcelJS.Workbook => v instanceof ExcelJS.Workbook))
      await expectSame(await bytesOf(wb));
  });

  it('on a workbook with every kind of cell ExcelJS writes', async () => {
    await expectSame(await bytesOf(richWorkbook()));
  });

  it('on a workbook saved from the Excel simulator', async () => {
    const sim = new SimWorkbook(['表', '別表']);
    const s = sim.sheet('表')!;
    s.setCell(0, 0, { value: '見出し' });
    s.setCell(1, 0, { value: 3 });
    s.setCell(1, 1, { value: 6, formula: '=A2*2' });
    s.setCell(2, 2, { value: '#DIV/0!', formula: '=1/0' });
    s.merges = [{ top: 0, left: 0, bottom: 0, right: 2 }];
    await expectSame(Buffer.from(await simToXlsx(sim)));
  });

  it.each([0, 1, 2, 3])('on hand-written XML (%#)', async (i) => {
    const [, buf] = (await handWrittenWorkbooks())[i]!;
    await expectSame(buf);
  });
});

describe('what the fast reader does where ExcelJS is wrong', () => {
  it('reads a CDATA section as text (ExcelJS drops it)', async () => {
    const buf = await handWritten({
      strings: '<si><t><![CDATA[<cdata> & text]]></t></si>',
      sheets: [{ name: 'S', xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' }],
    });
    const fast = await FastWorkbook.open(buf);
    expect(fast.readSheet(fast.sheets[0]!).values).toEqual([['<cdata> & text']]);
  });

  it('leaves the phonetic guide out of inline strings and decodes _xHHHH_ there, as in shared strings', async () => {
    const buf = await handWritten({
      sheets: [
        {
          name: 'S',
          xml: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>高知</t><rPh sb="0" eb="2"><t>コウチ</t></rPh></is></c><c r="B1" t="inlineStr"><is><t>a_x000D_b</t></is></c></row></sheetData>`,
        },
      ],
    });
    const fast = await FastWorkbook.open(buf);
    expect(fast.readSheet(fast.sheets[0]!).values).toEqual([['高知', 'a\rb']]);
  });
});

describe('the same one-line messages for files it cannot read', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kpi-fast-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function messages(input: string | Buffer): Promise<[string, string]> {
    const said = async (f: () => Promise<unknown>): Promise<string> => {
      try {
        await f();
      } catch (e) {
        expect(e).toBeInstanceOf(XlsxReadError);
        return (e as Error).message;
      }
      return 'no error';
    };
    return [
      await said(() => loadWorkbook(input)),
      await said(() => FastWorkbook.open(input).then((w) => w.readSheet(w.sheets[0]!))),
    ];
  }

  it.each([0.3, 0.6, 0.95])('a file cut to %p of its size', async (share) => {
    const full = await bytesOf(richWorkbook());
    const [a, b] = await messages(full.subarray(0, Math.floor(full.length * share)));
    expect(b).toBe(a);
  });

  it('text, empty, an old .xls, a zip without a workbook, a missing file, a folder', async () => {
    const zip = await handWritten({});
    const text = path.join(dir, 't.xlsx');
    await fs.writeFile(text, '対象者\t取組内容\n');
    const empty = path.join(dir, 'e.xlsx');
    await fs.writeFile(empty, '');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    for (const input of [text, empty, ole, zip, path.join(dir, 'nope.xlsx'), dir]) {
      const [a, b] = await messages(input);
      expect(b).toBe(a);
      expect(b).not.toBe('no error');
    }
  });

  it('a damaged sheet part: bad XML, a row without a number, overlapping merges', async () => {
    for (const xml of [
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row',
      '<sheetData><row><c r="A1"><v>1</v></c></row></sheetData>',
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
    ]) {
      const [a, b] = await messages(await handWritten({ sheets: [{ name: 'S', xml }] }));
      expect(a).toMatch(/damaged or truncated/);
      expect(b).toBe(a);
    }
  });
});
