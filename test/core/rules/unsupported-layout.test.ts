import type { CellValue, SheetData } from '../../../src/core/grid';
import { checkSheet } from '../../../src/core/engine';
import { findingsOf } from '../../helpers/findings';
import { numericTable, seedTable } from '../../helpers/table';

const sheet = (values: CellValue[][]): SheetData => ({ name: 'Sheet1', top: 0, left: 0, values });

describe('unsupported-layout', () => {
  it.each<[string, SheetData]>([
    ['a seed-like table', seedTable([{}]).sheet],
    ['an indicator list', numericTable([{ kpi_target: 10, kpi_actual: 8, grade: 'B' }]).sheet],
    ['a sheet of prose', sheet([['議事録'], ['次回は5月に開催する。']])],
  ])('is quiet on %s', (_name, s) => {
    expect(findingsOf('unsupported-layout', s)).toEqual([]);
  });

  it('names one block per KPI with years across, instead of header-not-found', () => {
    const s = sheet([
      ['数値目標① 婚姻率'],
      ['平成25（基準値）', '平成27', '平成28（現状値）', '平成31（目標値）'],
      [5.5, 5.4, 5.0, 5.9],
      [],
      ['数値目標② 出生数'],
      ['平成26（基準値）', '平成27', '平成29（現状値）', '平成31（目標値）'],
      [3823, 3975, 3679, 4107],
    ]);
    const r = checkSheet(s);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['unsupported-layout']);
    expect(findingsOf('unsupported-layout', s)[0]).toMatchObject({
      severity: 'warning',
      cell: null,
      ja: '2 行目などに年度が横に並び（平成25年度（2013年度）〜令和元年度（2019年度））、その下に数値がある KPI ごとのブロック（2 個）です。1行に1つの KPI を並べた表ではないため、KPI と達成度は確認していません',
      jaSuggestion:
        '1行に1つの KPI（指標・目標・実績・達成度の列）に並べた表にすると確認できます。プロファイルの columns / headerRow はこの形には使えません',
    });
  });

  it('names measures written down a column beside their figures', () => {
    const s = sheet([
      ['数値目標', '多様な資料の新規収蔵冊数'],
      [null, '目標値', 31630, '評価'],
      [null, '実績値', 33507, 'S'],
      [null, '達成率', 1.06],
    ]);
    expect(checkSheet(s).findings.map((f) => f.ruleId)).toEqual(['unsupported-layout']);
    expect(findingsOf('unsupported-layout', s)[0]!.ja).toMatch(/^2 行目などに目標値・実績値などが縦に並び/);
  });
});
