/** The simulator's workbook as plain data (what the preview's worker posts to the page) and back. */
import { SimWorkbook } from '../../src/office/simulator';
import { receivePlain, simFromPlain, simToPlain, splitRows, type PlainWorkbook } from '../../src/office/simulator/transfer';
import { simFromXlsx, simToXlsx, worksheetPartCount, type SheetProgress } from '../../src/office/simulator/xlsx';
import { loadSeed } from './helpers';

/** Through plain data and a structured clone, as postMessage carries it. */
function roundTrip(sim: SimWorkbook): SimWorkbook {
  return simFromPlain(structuredClone(simToPlain(sim)));
}

function everything(): SimWorkbook {
  const sim = new SimWorkbook(['進捗表', 'Other', '隠し']);
  const data = sim.sheet('進捗表')!;
  data.setValues('A1', [
    ['指標', '目標', '実績', '達成率', '完了'],
    ['住民満足度', 80, 72, '=C2/B2', true],
    ['申請件数', 1200, 1350, '=C3/B3', false],
  ]);
  // As read from a file: text that looks like a number, an error value, a quote-prefixed text.
  data.setCell(3, 0, { value: '00123' });
  data.setCell(3, 1, { value: '#N/A' });
  data.setCell(3, 3, { value: '=not a formula', quotePrefix: true });
  data.setCell(3, 4, { value: '' });
  data.setStyle('A1:E1', { fill: '#107C41', font: { bold: true, color: '#FFFFFF', name: 'Meiryo', size: 11 } });
  data.setStyle('D2:D3', { numberFormat: '0.0%', horizontalAlignment: 'Right' });
  data.setStyle('A4', { wrapText: true, verticalAlignment: 'Top', extra: { border: { top: { style: 'thin' } } } });
  // A formatted cell with no value, far from the others.
  data.setStyle('H40', { fill: '#FFFF00' });
  data.merges = [
    { top: 5, left: 0, bottom: 5, right: 3 },
    { top: 6, left: 0, bottom: 8, right: 0 },
  ];
  data.addConditionalFormat({
    type: 'Custom',
    ranges: [{ top: 1, left: 3, bottom: 2, right: 3 }],
    formula: '=ISTEXT("KPICHK:error")',
    format: { fill: '#FFC7CE', fontColor: '#9C0006' },
    stopIfTrue: false,
    api: true,
  });
  data.addConditionalFormat({
    type: 'DataBar',
    ranges: [{ top: 1, left: 2, bottom: 2, right: 2 }],
    format: {},
    stopIfTrue: false,
    source: { type: 'dataBar', cfvo: [{ type: 'min' }, { type: 'max' }] },
  });
  data.customProperties = [{ key: 'kpiCheck.table', value: 'A1:E4' }];
  data.columnWidths.set(0, 120.5).set(3, 48);
  data.freeze = { rows: 1, columns: 1 };
  data.tabColor = '#FF0000';
  data.charts.push({
    id: sim.nextId('chart'),
    name: 'グラフ 1',
    type: 'ColumnClustered',
    sourceSheetId: data.id,
    sourceRange: { top: 0, left: 0, bottom: 2, right: 2 },
    seriesBy: 'Columns',
    title: '達成状況',
    position: { start: 'G2', end: 'M15' },
  });
  const other = sim.sheet('Other')!;
  other.setValues('B2', [['=進捗表!B2*2', 3.25]]);
  other.protected = true;
  sim.sheet('隠し')!.visibility = 'VeryHidden';
  sim.activate('Other');
  sim.selection = { sheetId: other.id, range: { top: 1, left: 1, bottom: 1, right: 2 } };
  sim.structureProtected = true;
  sim.settings = { 'kpiCheck.profile': { rules: { 'missing-grade': false } } };
  sim.savedSettings = { 'kpiCheck.profile': { rules: {} } };
  sim.apiVersion = '1.7';
  sim.host.listSeparator = ';';
  return sim;
}

describe('simToPlain / simFromPlain', () => {
  test('a round trip keeps values, formulas, formats, merges, sheet names and everything else a sheet holds', () => {
    const sim = everything();
    const back = roundTrip(sim);
    expect(back.snapshot()).toEqual(sim.snapshot());
    expect(back.sheets.map((s) => s.name)).toEqual(['進捗表', 'Other', '隠し']);
    expect(back.sheets.map((s) => s.id)).toEqual(sim.sheets.map((s) => s.id));
    const d = back.sheet('進捗表')!;
    expect(d.cell(1, 3)).toMatchObject({ formula: '=C2/B2', style: { numberFormat: '0.0%', horizontalAlignment: 'Right' } });
    expect(d.cell(3, 0)?.value).toBe('00123');
    expect(d.cell(3, 1)?.value).toBe('#N/A');
    expect(d.cell(3, 3)).toMatchObject({ value: '=not a formula', quotePrefix: true });
    expect(d.cell(1, 4)?.value).toBe(true);
    expect(d.cell(39, 7)).toEqual({ value: null, style: { fill: '#FFFF00' } });
    expect(d.usedRange(false)).toEqual(sim.sheet('進捗表')!.usedRange(false));
    expect(back.activeSheet.name).toBe('Other');
    expect(back.selection).toEqual(sim.selection);
    expect(back.structureProtected).toBe(true);
    expect(back.savedSettings).toEqual(sim.savedSettings);
    expect(back.apiVersion).toBe('1.7');
    expect(back.host.listSeparator).toBe(';');
  });

  test('a seed workbook read from .xlsx comes back the same, and writes the same .xlsx content', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    const back = roundTrip(sim);
    expect(back.snapshot()).toEqual(sim.snapshot());
    expect((await simFromXlsx(await simToXlsx(back))).snapshot()).toEqual((await simFromXlsx(await simToXlsx(sim))).snapshot());
  });

  test('each format is carried once, however many cells have it', () => {
    const sim = new SimWorkbook(['S']);
    const s = sim.sheet('S')!;
    s.setValues(
      'A1',
      Array.from({ length: 500 }, (_, i) => [i, `r${i}`]),
    );
    s.setStyle('A1:A500', { numberFormat: '#,##0' });
    s.setStyle('B1:B500', { fill: '#DDEBF7' });
    const plain = simToPlain(sim);
    expect(plain.styles).toHaveLength(2);
    const back = simFromPlain(structuredClone(plain));
    // Equal formats are one object again, as in a workbook read from a file.
    expect(back.sheet('S')!.cell(0, 0)!.style).toBe(back.sheet('S')!.cell(499, 0)!.style);
  });

  test('the plain data shares nothing with the workbook', () => {
    const sim = everything();
    const plain = simToPlain(sim);
    const before: PlainWorkbook = structuredClone(plain);
    const data = sim.sheet('進捗表')!;
    data.setValues('A1', [['changed']]);
    data.merges[0]!.right = 9;
    data.conditionalFormats[0]!.format.fill = '#000000';
    (sim.settings['kpiCheck.profile'] as { rules: Record<string, boolean> }).rules['missing-grade'] = true;
    data.columnWidths.set(0, 1);
    expect(plain).toEqual(before);
  });

  test('in pieces: the head, then rows of about the size asked, give the same workbook', () => {
    const sim = everything();
    const big = sim.sheet('Other')!;
    big.setValues(
      'A10',
      Array.from({ length: 300 }, (_, i) => [i, `行 ${i}`, i % 2 === 0]),
    );
    const { head, pieces } = splitRows(simToPlain(sim), 100);
    expect(head.sheets.every((s) => s.rows.length === 0)).toBe(true);
    expect(pieces.filter((p) => p.sheet === 1).length).toBeGreaterThanOrEqual(9);
    for (const p of pieces) expect(p.rows.reduce((n, r) => n + r.cells.length, 0)).toBeLessThan(100 + 10);
    const { sim: back, addRows } = receivePlain(structuredClone(head));
    for (const p of pieces) addRows(structuredClone(p));
    expect(back.snapshot()).toEqual(sim.snapshot());
    expect(() => addRows({ sheet: 7, rows: [] })).toThrow();
  });

  test('ids made after the transfer do not repeat the ids kept', () => {
    const sim = everything();
    const back = roundTrip(sim);
    const kept = new Set([
      ...back.sheets.map((s) => s.id),
      ...back.sheets.flatMap((s) => s.conditionalFormats.map((cf) => cf.id)),
      ...back.sheets.flatMap((s) => s.charts.map((c) => c.id)),
    ]);
    const added = back.addSheet('New');
    const cf = added.addConditionalFormat({ type: 'Custom', ranges: [], format: {}, stopIfTrue: false });
    expect(kept.has(added.id)).toBe(false);
    expect(kept.has(cf.id)).toBe(false);
  });
});

describe('simFromXlsx progress', () => {
  test('tells of each sheet as it is parsed, then as it is converted', async () => {
    const seen: SheetProgress[] = [];
    const bytes = await simToXlsx(everything());
    const sim = await simFromXlsx(bytes, (p) => seen.push({ ...p }));
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗表', 'Other', '隠し']);
    const parse = seen.filter((p) => p.stage === 'parse');
    // The file also holds the very hidden sheet that carries what ExcelJS cannot store.
    expect(parse.map((p) => p.index)).toEqual([1, 2, 3, 4]);
    expect(parse.every((p) => p.count === 4)).toBe(true);
    expect(seen.filter((p) => p.stage === 'convert')).toEqual([
      { stage: 'convert', index: 1, count: 3 },
      { stage: 'convert', index: 2, count: 3 },
      { stage: 'convert', index: 3, count: 3 },
    ]);
    expect(seen.findIndex((p) => p.stage === 'convert')).toBe(parse.length);
  });

  test('counts the worksheet parts from the zip directory; null for bytes that are no zip', async () => {
    const bytes = new Uint8Array(await simToXlsx(new SimWorkbook(['A', 'B'])));
    expect(worksheetPartCount(bytes)).toBe(2);
    expect(worksheetPartCount(bytes.subarray(0, bytes.length - 30))).toBeNull();
    expect(worksheetPartCount(new TextEncoder().encode('not a workbook'))).toBeNull();
    expect(worksheetPartCount(new Uint8Array(0))).toBeNull();
  });
});
