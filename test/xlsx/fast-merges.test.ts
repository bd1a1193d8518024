/** Merged areas load in linear time (src/xlsx/fast-merges.ts) and exactly as ExcelJS merges them. */
import ExcelJS from 'exceljs';
import '../../src/xlsx/fast-merges';
import { loadWorkbook, sheetMerges } from '../../src/xlsx/read';
import { XlsxReadError } from '../../src/xlsx/read';

async function bookWithMerges(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  for (let i = 0; i < n; i++) {
    const r = i * 2 + 1;
    ws.getCell(r, 1).value = `対象者${i}`;
    ws.getCell(r, 2).value = `取組${i}`;
    ws.getCell(r, 2).font = { bold: i % 2 === 0 };
    ws.getCell(r + 1, 2).font = { italic: true };
    ws.mergeCells(r, 1, r + 1, 1);
    ws.mergeCells(r, 2, r, 4);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('loading merged areas', () => {
  it('gives the same merges, masters and styles as ExcelJS itself', async () => {
    const wb = await loadWorkbook(await bookWithMerges(50));
    const ws = wb.getWorksheet('表')!;
    const merges = sheetMerges(ws);
    expect(merges).toHaveLength(100);
    expect(merges).toContainEqual({ top: 0, left: 0, bottom: 1, right: 0 });
    expect(merges).toContainEqual({ top: 98, left: 1, bottom: 98, right: 3 });
    expect(ws.getCell('A2').isMerged).toBe(true);
    expect(ws.getCell('A2').master.address).toBe('A1');
    expect(ws.getCell('A2').value).toBe('対象者0');
    expect(ws.getCell('D3').master.address).toBe('B3');
    expect(ws.getCell('B2').isMerged).toBe(false);
    // Cells keep their own style (as when ExcelJS loads a file): B2 stays italic, B1 bold.
    expect(ws.getCell('B2').font?.italic).toBe(true);
    expect(ws.getCell('B1').font?.bold).toBe(true);
  });

  it('is what ExcelJS runs when it loads a file (its effect on time is measured by npm run bench)', () => {
    const Worksheet = require('exceljs/lib/doc/worksheet') as { prototype: Record<symbol, unknown> };
    expect(Worksheet.prototype[Symbol.for('kpi-check.exceljs-fast-merges')]).toBe(true);
  });

  it('still refuses a file whose merges overlap, as a damaged workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = 'x';
    ws.mergeCells('A1:B2');
    // ExcelJS will not build overlapping merges through its API: add one to the saved XML.
    const xml = Buffer.from(await wb.xlsx.writeBuffer());
    const JSZip = require('jszip') as typeof import('jszip');
    const zip = await JSZip.loadAsync(xml);
    const path = 'xl/worksheets/sheet1.xml';
    const sheet = await zip.file(path)!.async('string');
    expect(sheet).toContain('<mergeCell ref="A1:B2"/>');
    zip.file(
      path,
      sheet
        .replace('<mergeCell ref="A1:B2"/>', '<mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/>')
        .replace('count="1"', 'count="2"'),
    );
    const broken = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(loadWorkbook(broken)).rejects.toBeInstanceOf(XlsxReadError);
  });
});
