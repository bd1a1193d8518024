/** readSheet gives the engine exactly what is on the sheet, on every host. */
import { detectCaps } from '../../src/office/caps';
import { readSheet } from '../../src/office/read';
import type { HostName } from '../../src/office/simulator';
import { modelSheetData } from './fixtures';
import { install, loadSeed, uninstall } from './helpers';

afterEach(uninstall);

const sortMerges = <T extends { top: number; left: number }>(ms: T[] | undefined) =>
  [...(ms ?? [])].sort((a, b) => a.top - b.top || a.left - b.left);

describe.each(['M365', 'Office2021', 'Office2019'] as HostName[])('on %s', (host) => {
  test('values, formulas (not text that looks like one) and merged areas as on the sheet', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    const s = sim.activeSheet;
    s.setValues('L3', [['=E3*2', '="=x"', "'=not a formula", '=HYPERLINK("#A1","go")']]);
    s.setValues('L20', [[12.5, true, '#N/A']]);
    install(sim, { host });
    const caps = detectCaps();
    const read = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      return (await readSheet(ctx, ws, caps, () => null)).read;
    });
    const model = modelSheetData(s);
    expect(read.usedRange).toBe('A1:O20');
    expect(read.data.values).toEqual(model.values);
    expect(read.data.formulas).toEqual(model.formulas);
    expect(read.data.numberFormats).toEqual(model.numberFormats);
    expect(read.data.formulas![2]![11]).toBe('=E3*2');
    expect(read.data.formulas![2]![13]).toBeNull();
    expect(read.data.values[2]![13]).toBe('=not a formula');
    expect(sortMerges(read.data.merges)).toEqual(caps.mergedAreas ? sortMerges(model.merges) : []);
    expect(sim.syncCount).toBe(1);
  });
});

test('number formats arrive in SheetData.numberFormats (General left out), in the same request as the values', async () => {
  const sim = await loadSeed('sample-draft.xlsx');
  const s = sim.activeSheet;
  s.setValues('L3', [[0.949, 12]]);
  s.setStyle('L3', { numberFormat: '0.0%' });
  s.setStyle('M3', { numberFormat: 'General' });
  install(sim);
  sim.resetStats();
  const read = await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    return (await readSheet(ctx, ws, detectCaps(), () => null)).read;
  });
  expect(sim.syncCount).toBe(1);
  const formats = read.data.numberFormats!;
  expect(formats[2]![11]).toBe('0.0%');
  expect(formats[2]![12]).toBeNull();
  expect(read.data.values[2]![11]).toBe(0.949);
  // Only real formats are kept: no cell says "General".
  expect(formats.flat().includes('General')).toBe(false);
  // Every format on the sheet is there, where it is.
  for (const [r, row] of s.rowEntries())
    row.forEach((c, col) => {
      const nf = c?.style?.numberFormat;
      if (nf && nf !== 'General' && r <= s.usedRange(true)!.bottom && col <= s.usedRange(true)!.right)
        expect(formats[r]![col]).toBe(nf);
    });
});
