/**
 * The Excel add-in reads merged areas only where the host has ExcelApi 1.13; older hosts (and files whose
 * merges were lost) give the engine the same sheet without them. The findings must not change.
 */
import path from 'path';
import { rangeToA1, toA1 } from '../../src/core/a1';
import { checkSheet, type CheckResult } from '../../src/core/engine';
import type { SheetData } from '../../src/core/grid';
import { activeSheetName, loadWorkbook, sheetToData } from '../../src/xlsx/read';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');

async function activeSheet(file: string): Promise<SheetData> {
  const wb = await loadWorkbook(path.join(SEEDS, file));
  const name = activeSheetName(wb);
  const ws = name === undefined ? undefined : wb.getWorksheet(name);
  if (!ws) throw new Error(`${file}: no active sheet`);
  return sheetToData(ws);
}

/** Each finding as the user sees where it points: "rule-id@A1" (or the rule id alone for sheet findings). */
function pointed(result: CheckResult): string[] {
  return result.findings.map((f) => (f.row !== null && f.col !== null ? `${f.ruleId}@${toA1(f.row, f.col)}` : f.ruleId));
}

describe.each(['sample.xlsx', 'sample-draft.xlsx'])('%s read without its merged areas', (file) => {
  let data: SheetData;
  let merged: CheckResult;
  let bare: CheckResult;

  beforeAll(async () => {
    data = await activeSheet(file);
    merged = checkSheet(data);
    bare = checkSheet({ ...data, merges: [] });
  });

  test('the file has the merges a host without ExcelApi 1.13 loses', () => {
    expect((data.merges ?? []).map(rangeToA1)).toEqual(expect.arrayContaining(['B1:C1', 'E1:G1', 'A4:A11', 'A3:K3']));
  });

  test('the same findings at the same cells, with the same messages', () => {
    expect(pointed(bare)).toEqual(pointed(merged));
    expect(bare.findings).toEqual(merged.findings);
  });

  test('no 「取組内容」が空欄です at the rows whose initiative has no sub-label', () => {
    expect(pointed(bare).filter((f) => f.startsWith('required-cell-empty@B'))).toEqual([]);
  });

  test('the same table: columns, sections, rows and their sub-labels and 対象者', () => {
    expect(bare.layout).toEqual(merged.layout);
    expect(bare.layout?.columns).toMatchObject({ target_group: 0, label: 1, initiative: 2 });
  });

  test('the same KPIs and the same summary', () => {
    expect(bare.kpis).toEqual(merged.kpis);
    expect(bare.summary).toEqual(merged.summary);
  });
});

test('the draft still reports its mistakes without merges, and the sample stays clean', async () => {
  const sample = checkSheet({ ...(await activeSheet('sample.xlsx')), merges: [] });
  const draft = checkSheet({ ...(await activeSheet('sample-draft.xlsx')), merges: [] });
  expect(sample.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(pointed(draft)).toEqual(
    expect.arrayContaining([
      'invalid-grade@G6',
      'missing-actual@F9',
      'grade-mismatch@G10',
      'missing-grade@G13',
      'grade-not-normalized@G15',
      'html-markup@K15',
    ]),
  );
});
