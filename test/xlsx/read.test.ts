import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { Grid } from '../../src/core/grid';
import { XlsxReadError, activeSheetName, cellToCore, loadWorkbook, sheetToData } from '../../src/xlsx/read';
import { baseWorkbook as buildWorkbook } from '../xlsx-read/workbooks';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kpi-read-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return loadWorkbook(buf);
}

describe('sheetToData', () => {
  it('reads values, formulas, errors, rich text, hyperlinks, dates and merges of a saved workbook', async () => {
    const wb = await roundTrip(buildWorkbook());
    const data = sheetToData(wb.getWorksheet('進捗')!);
    expect(data.name).toBe('進捗');
    expect(data.top).toBe(1);
    expect(data.left).toBe(1);
    expect(data.values).toEqual([
      ['対象者', null, '達成度'],
      [10, 20, '#DIV/0!'],
      [0, 0, '#N/A'],
      [2.5, 5, null],
      [true, '2024/4/1', 'ポータル'],
      [false, '2025/1/31 9:05', '=今後検討'],
      [null, null, null, 'A'],
    ]);
    expect(data.formulas).toEqual([
      [],
      [null, '=B3*2', '=B3/0'],
      [null, '=B4*2', null],
      [null, '=B5*2', '=Z99'],
      [],
      [],
      [null, null, null, '=IFS(B3>0,"A",TRUE,"B")'],
    ]);
    expect(data.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 7, left: 1, bottom: 8, right: 3 },
      ]),
    );
    expect(data.merges).toHaveLength(2);
  });

  it('gives the engine a grid where a merged cell shows its top-left value and text stays text', async () => {
    const wb = await roundTrip(buildWorkbook());
    const grid = new Grid(sheetToData(wb.getWorksheet('進捗')!));
    expect(grid.shownText(1, 2)).toBe('対象者');
    expect(grid.value(1, 2)).toBeNull();
    expect(grid.formula(6, 3)).toBeNull();
    expect(grid.text(6, 3)).toBe('=今後検討');
    expect(grid.formula(3, 2)).toBe('=B4*2');
  });

  it('returns an empty table for an empty sheet', async () => {
    const wb = await roundTrip(buildWorkbook());
    expect(sheetToData(wb.getWorksheet('表紙')!)).toEqual({ name: '表紙', top: 0, left: 0, values: [], merges: [] });
  });

  it('cellToCore gives a formula cell its cached result, also when the result is 0', async () => {
    const wb = await roundTrip(buildWorkbook());
    const ws = wb.getWorksheet('進捗')!;
    expect(cellToCore(ws.getCell('C4'))).toEqual({ value: 0, formula: '=B4*2' });
    expect(cellToCore(ws.getCell('D5'))).toEqual({ value: null, formula: '=Z99' });
    expect(cellToCore(ws.getCell('C2'))).toEqual({ value: null, formula: null });
    expect(cellToCore(ws.getCell('Z100'))).toEqual({ value: null, formula: null });
  });
});

describe('activeSheetName', () => {
  it('is the tab that was active when the file was saved', async () => {
    const wb = await roundTrip(buildWorkbook());
    expect(activeSheetName(wb)).toBe('進捗');
  });

  it('falls back to the first visible sheet', async () => {
    const src = new ExcelJS.Workbook();
    src.addWorksheet('非表示', { state: 'hidden' });
    src.addWorksheet('一覧');
    src.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 7, visibility: 'visible' }];
    expect(activeSheetName(await roundTrip(src))).toBe('一覧');
  });
});

describe('loadWorkbook errors', () => {
  async function reason(input: string | Buffer): Promise<XlsxReadError> {
    try {
      await loadWorkbook(input);
    } catch (e) {
      expect(e).toBeInstanceOf(XlsxReadError);
      return e as XlsxReadError;
    }
    throw new Error('loadWorkbook did not throw');
  }

  it('reads a saved file from a path', async () => {
    const file = path.join(dir, 'ok.xlsx');
    await buildWorkbook().xlsx.writeFile(file);
    const wb = await loadWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表紙', '進捗', '隠し']);
  });

  it.each([0.5, 0.9])('rejects a file truncated to %p of its size with a one-line message', async (share) => {
    const full = Buffer.from(await buildWorkbook().xlsx.writeBuffer());
    const file = path.join(dir, `cut-${share}.xlsx`);
    await fs.writeFile(file, full.subarray(0, Math.floor(full.length * share)));
    const e = await reason(file);
    expect(e.message).toMatch(/壊れている.*\/.*damaged or truncated/);
    expect(e.message).not.toContain('\n');
    expect(e.file).toBe(file);
  });

  it('rejects a text file', async () => {
    const file = path.join(dir, 'table.xlsx');
    await fs.writeFile(file, '対象者\t取組内容\n');
    expect((await reason(file)).message).toBe('Excel ブック (.xlsx) ではありません / not an Excel workbook (.xlsx)');
  });

  it('rejects a zip that is not a workbook', async () => {
    // A zip with one stored file and no workbook parts.
    const name = Buffer.from('a.txt');
    const body = Buffer.from('hello');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(10, 4);
    local.writeUInt32LE(0x3610a686, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt32LE(0x3610a686, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(body.length, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length + body.length, 16);
    const zip = Buffer.concat([local, name, body, central, name, end]);
    const e = await reason(zip);
    expect(e.message).toMatch(/^ワークシートがありません.*\/ no worksheets/);
    expect(e.message).not.toContain('\n');
  });

  it('names an old .xls or password-protected workbook', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect((await reason(ole)).message).toMatch(/パスワード.*\/.*password/);
  });

  it('rejects an empty file and a missing file', async () => {
    const empty = path.join(dir, 'empty.xlsx');
    await fs.writeFile(empty, '');
    expect((await reason(empty)).message).toBe('空のファイルです / the file is empty');
    expect((await reason(path.join(dir, 'nope.xlsx'))).message).toBe('ファイルが見つかりません / file not found');
  });
});
