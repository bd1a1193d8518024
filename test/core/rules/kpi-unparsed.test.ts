import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { numericTable, seedTable } from '../../helpers/table';
import { SEED_ACTUAL, SEED_TARGET } from '../../helpers/seedKpi';

describe('kpi-unparsed', () => {
  it.each<[string, SheetData]>([
    ['the seed row', seedTable([{ kpi_target: SEED_TARGET, kpi_actual: SEED_ACTUAL, grade: 'D' }]).sheet],
    ['no KPI', seedTable([{ kpi_target: '-', kpi_actual: '-', grade: '-' }]).sheet],
    [
      'a target without an actual yet (missing-actual says so)',
      seedTable([{ kpi_target: '10人', kpi_actual: null, grade: null }]).sheet,
    ],
    ['numbers', numericTable([{ kpi_target: 10, kpi_actual: 3, grade: 'D' }]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('kpi-unparsed', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, string, string]>([
    [
      'a target with no number',
      seedTable([{ kpi_target: '就労体験の機会を拡大する', kpi_actual: '拡大した', grade: 'B' }]).sheet,
      'E3',
      'KPIの目標「就労体験の機会を拡大する」から数値を読み取れませんでした。達成率を計算できないため、達成度は照合していません',
      'No number could be read from the KPI target "就労体験の機会を拡大する", so the grade was not compared with a rate',
    ],
    [
      'an actual with no number',
      seedTable([{}, { kpi_target: '相談件数 100件', kpi_actual: '集計後に報告', grade: 'B' }]).sheet,
      'F4',
      'KPIの実績「集計後に報告」から数値を読み取れませんでした。達成率を計算できないため、達成度は照合していません',
      'No number could be read from the KPI actual "集計後に報告", so the grade was not compared with a rate',
    ],
  ])('says so (info) for %s instead of guessing', (_name, sheet, cell, ja, en) => {
    const f = findingsOf('kpi-unparsed', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell, severity: 'info', ja, en });
    expect(findingsOf('grade-mismatch', sheet)).toEqual([]);
  });
});
