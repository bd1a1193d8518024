import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { numericTable, seedTable } from '../../helpers/table';
import { SEED_ACTUAL, SEED_TARGET } from '../../helpers/seedKpi';

const text = (target: string, actual: string, grade: string) =>
  seedTable([{}, { kpi_target: target, kpi_actual: actual, grade }]).sheet;

describe('grade-mismatch', () => {
  it.each<[string, SheetData]>([
    ['the seed row: 8 ÷ 32 = 25 % → D', text(SEED_TARGET, SEED_ACTUAL, 'D')],
    ['exactly 100 % → A', text('10人', '10人', 'A')],
    ['exactly 80 % → B', text('10件', '8件', 'B')],
    ['79 % → C', text('100人', '79人', 'C')],
    ['120 % → S', numericTable([{ kpi_target: 10, kpi_actual: 12, grade: 'S' }]).sheet],
    ['a grade written Ｄ (compared as D)', text(SEED_TARGET, SEED_ACTUAL, 'Ｄ')],
    ['several KPIs, graded by one of them', text('①研修 10人②相談 20件', '①研修 10人②相談 5件', 'A')],
    ['no rate (units differ)', text('10人', '3回', 'A')],
    ['no rate (nothing to read)', text('就労体験の機会を拡大する', '拡大した', 'S')],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('grade-mismatch', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, object]>([
    [
      'the seed row graded B',
      text(SEED_TARGET, SEED_ACTUAL, 'B'),
      'G4',
      {
        ja: '達成度「B」は達成率 25%（実績 8人 ÷ 目標 32人）と合いません。評価基準では D です',
        en: 'The grade "B" does not match the achievement rate of 25% (actual 8人 ÷ target 32人); the scale gives D',
        jaSuggestion: '達成度を D にするか、目標・実績の値を確認してください',
        enSuggestion: 'Change the grade to D, or check the target and actual values',
        data: expect.objectContaining({ grade: 'B', rate: '25', expected: 'D' }),
      },
    ],
    [
      '120 % graded A',
      numericTable([{}, { kpi_target: 10, kpi_actual: 12, grade: 'A' }]).sheet,
      'H4',
      { ja: '達成度「A」は達成率 120%（実績 12 ÷ 目標 10）と合いません。評価基準では S です' },
    ],
    [
      'a rate column that disagrees with the grade',
      numericTable([{ kpi_target: '相談件数', kpi_actual: '増加', rate: 0.5, grade: 'A' }]).sheet,
      'H3',
      {
        ja: '達成度「A」は達成率 50% と合いません。評価基準では C です',
        en: 'The grade "A" does not match the achievement rate of 50%; the scale gives C',
      },
    ],
    [
      'one third graded C',
      text('30人', '10人', 'C'),
      'G4',
      { ja: '達成度「C」は達成率 33.3%（実績 10人 ÷ 目標 30人）と合いません。評価基準では D です' },
    ],
  ])('reports %s', (_name, sheet, cell, expected) => {
    const f = findingsOf('grade-mismatch', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell, severity: 'warning', ...expected });
  });
});
