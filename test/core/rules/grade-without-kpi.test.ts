import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { numericTable, seedTable } from '../../helpers/table';

describe('grade-without-kpi', () => {
  it.each<[string, SheetData]>([
    ['no KPI graded "-"', seedTable([{ kpi_target: '-', kpi_actual: '-', grade: '-' }]).sheet],
    ['no KPI and no grade', seedTable([{ kpi_target: null, kpi_actual: null, grade: null }]).sheet],
    ['a KPI with its grade', seedTable([{ kpi_target: '10人', kpi_actual: '10人', grade: 'A' }]).sheet],
    ['a numeric KPI with its grade', numericTable([{ kpi_target: 10, kpi_actual: 10, grade: 'A' }]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('grade-without-kpi', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, string]>([
    ['a grade where the KPI is "-"', seedTable([{}, { kpi_target: '-', kpi_actual: '-', grade: 'A' }]).sheet, 'G4', 'A'],
    ['a grade where the KPI is empty', seedTable([{ kpi_target: null, kpi_actual: null, grade: 'B' }]).sheet, 'G3', 'B'],
    [
      'a not-normalised grade where the KPI is "－"',
      seedTable([{ kpi_target: '－', kpi_actual: '－', grade: 'ｃ' }]).sheet,
      'G3',
      'C',
    ],
    [
      'a grade in a numeric table without a target',
      numericTable([{ kpi_target: null, kpi_actual: null, grade: 'S' }]).sheet,
      'H3',
      'S',
    ],
  ])('reports %s', (_name, sheet, cell, grade) => {
    const f = findingsOf('grade-without-kpi', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell,
      severity: 'warning',
      ja: `KPIが設定されていない（「-」または空欄）のに達成度「${grade}」が入力されています`,
      en: `The grade "${grade}" is entered but the row has no KPI ("-" or empty)`,
      jaSuggestion: 'KPIがない場合、達成度は「-」にしてください',
      enSuggestion: 'Rows without a KPI take "-" as their grade',
    });
  });
});
