import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { fx, numericTable, type RowSpec } from '../../helpers/table';

const kpi = (t: number, a: number, grade: string): RowSpec => ({ kpi_target: t, kpi_actual: a, grade });
const base = (): RowSpec[] => [kpi(10, 8, 'B'), kpi(10, 10, 'A'), kpi(10, 5, 'C'), kpi(10, 2, 'D')];

describe('hardcoded-value', () => {
  it.each<[string, SheetData]>([
    ['formulas all the way down', numericTable(base()).sheet],
    ['typed rates in every row', numericTable(base().map((r) => ({ ...r, rate: 0.5 }))).sheet],
    [
      '"-" typed for a row without a KPI',
      numericTable([...base(), { kpi_target: '-', kpi_actual: '-', rate: '-', grade: '-' }]).sheet,
    ],
    [
      'one formula among typed values (no majority)',
      numericTable([
        { ...kpi(10, 8, 'B'), rate: 0.8 },
        { ...kpi(10, 10, 'A'), rate: 1 },
        { ...kpi(10, 5, 'C'), rate: fx('=F{r}/E{r}', 0.5) },
      ]).sheet,
    ],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('hardcoded-value', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, string, string | null]>([
    [
      'a rate typed over the formula',
      numericTable(base().map((r, i) => (i === 1 ? { ...r, rate: 1 } : r))).sheet,
      'G4',
      '1',
      '=IFERROR(F4/E4,"-")',
    ],
    [
      'a rate typed as text',
      numericTable(base().map((r, i) => (i === 3 ? { ...r, rate: '20%' } : r))).sheet,
      'G6',
      '20%',
      '=IFERROR(F6/E6,"-")',
    ],
    [
      'a typed grade among graded formulas that differ',
      numericTable([
        { ...kpi(10, 8, 'B'), grade: fx('=IF(G{r}>=0.8,"B","C")', 'B') },
        { ...kpi(10, 10, 'A'), grade: fx('=IF(G{r}>=1,"A","B")', 'A') },
        { ...kpi(10, 5, 'C'), grade: 'C' },
      ]).sheet,
      'H5',
      'C',
      null,
    ],
  ])('reports %s', (_name, sheet, cell, value, expected) => {
    const f = findingsOf('hardcoded-value', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell,
      severity: 'warning',
      ja: `この列のほかの行は数式ですが、このセルには値「${value}」が直接入力されています`,
      en: `The other rows of this column hold formulas, but this cell holds the typed value "${value}"`,
    });
    if (expected) {
      expect(f[0]).toMatchObject({
        jaSuggestion: `数式 ${expected} に戻してください`,
        enSuggestion: `Restore the formula ${expected}`,
      });
    } else {
      expect(f[0]!.jaSuggestion).toBeUndefined();
    }
  });
});
