import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { fx, numericTable, type RowSpec } from '../../helpers/table';

const kpi = (t: number, a: number, grade: string): RowSpec => ({ kpi_target: t, kpi_actual: a, grade });
/** Four rows whose 達成率 is =IFERROR(F{r}/E{r},"-") (rows 3–6), with one row replaced. */
function rates(i: number, odd: RowSpec): SheetData {
  const rows = [kpi(10, 8, 'B'), kpi(10, 10, 'A'), kpi(10, 5, 'C'), kpi(10, 2, 'D')];
  rows[i] = odd;
  return numericTable(rows).sheet;
}

describe('inconsistent-formula', () => {
  it.each<[string, SheetData]>([
    ['one formula copied down', rates(0, kpi(10, 8, 'B'))],
    [
      'absolute references copied down',
      numericTable([0, 1, 2].map(() => ({ kpi_target: 10, kpi_actual: 8, rate: fx('=F{r}/$E$3', 0.8), grade: 'B' }))).sheet,
    ],
    [
      'two formulas and no majority',
      numericTable([
        { kpi_target: 10, kpi_actual: 8, rate: fx('=F3/E3', 0.8), grade: 'B' },
        { kpi_target: 10, kpi_actual: 8, rate: fx('=ROUND(F4/E4,2)', 0.8), grade: 'B' },
      ]).sheet,
    ],
    [
      'the same formula in other case and spacing',
      rates(1, { kpi_target: 10, kpi_actual: 10, rate: fx('=iferror( F4 / E4 ,"-")', 1), grade: 'A' }),
    ],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('inconsistent-formula', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, string, string]>([
    [
      'a formula pointing at the row above',
      rates(2, { kpi_target: 10, kpi_actual: 5, rate: fx('=IFERROR(F4/E5,"-")', 0.5), grade: 'C' }),
      'G5',
      '=IFERROR(F4/E5,"-")',
      '=IFERROR(F5/E5,"-")',
    ],
    [
      'a formula pointing at the wrong column',
      rates(0, { kpi_target: 10, kpi_actual: 8, rate: fx('=IFERROR(F3/D3,"-")', '-'), grade: 'B' }),
      'G3',
      '=IFERROR(F3/D3,"-")',
      '=IFERROR(F3/E3,"-")',
    ],
    [
      'a formula without the IFERROR',
      rates(3, { kpi_target: 10, kpi_actual: 2, rate: fx('=F6/E6', 0.2), grade: 'D' }),
      'G6',
      '=F6/E6',
      '=IFERROR(F6/E6,"-")',
    ],
    [
      'a formula referring to another sheet',
      rates(1, { kpi_target: 10, kpi_actual: 10, rate: fx("='R5実績'!F4/E4", 1), grade: 'A' }),
      'G4',
      "='R5実績'!F4/E4",
      '=IFERROR(F4/E4,"-")',
    ],
  ])('reports %s', (_name, sheet, cell, formula, expected) => {
    const f = findingsOf('inconsistent-formula', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell,
      severity: 'warning',
      ja: `この列のほかの行と数式が異なります（${formula}）。ほかの行に合わせると ${expected} です`,
      en: `This formula (${formula}) differs from the rest of the column; following the other rows it would be ${expected}`,
      jaSuggestion: `数式を ${expected} にしてください（意図した違いなら問題ありません）`,
      enSuggestion: `Use ${expected} (ignore this if the difference is intended)`,
      data: { formula, expected },
    });
  });
});
