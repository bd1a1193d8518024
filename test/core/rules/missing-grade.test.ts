import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { SEED_ACTUAL, SEED_TARGET } from '../../helpers/seedKpi';
import { numericTable, seedTable } from '../../helpers/table';

const MESSAGE = {
  ja: 'KPIの目標があるのに達成度が未入力です',
  en: 'The KPI has a target but no grade (達成度) has been entered',
};

describe('missing-grade', () => {
  it.each<[string, SheetData]>([
    ['the seed row graded D', seedTable([{}, { kpi_target: SEED_TARGET, kpi_actual: SEED_ACTUAL, grade: 'D' }]).sheet],
    ['no KPI ("-") and no grade', seedTable([{ kpi_target: '-', kpi_actual: '-', grade: null }]).sheet],
    ['no KPI (empty) and no grade', seedTable([{ kpi_target: null, kpi_actual: null, grade: null }]).sheet],
    ['a numeric KPI with its grade', numericTable([{ kpi_target: 20, kpi_actual: 17, grade: 'B' }]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('missing-grade', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, string, string]>([
    [
      'the seed row with its grade left empty',
      seedTable([{}, { kpi_target: SEED_TARGET, kpi_actual: SEED_ACTUAL, grade: null }]).sheet,
      'G4',
      '達成率 25% から D と思われます',
      'The achievement rate of 25% suggests D',
    ],
    [
      'a grade holding only spaces',
      seedTable([{ kpi_target: '研修の参加者数 10人', kpi_actual: '研修の参加者数 12人', grade: ' \u3000' }]).sheet,
      'G3',
      '達成率 120% から S と思われます',
      'The achievement rate of 120% suggests S',
    ],
    [
      'a numeric KPI without its grade',
      numericTable([{ kpi_target: 20, kpi_actual: 17, grade: null }]).sheet,
      'H3',
      '達成率 85% から B と思われます',
      'The achievement rate of 85% suggests B',
    ],
    [
      'a KPI whose rate cannot be computed',
      seedTable([{ kpi_target: '就労体験の機会を拡大する', kpi_actual: '拡大した', grade: null }]).sheet,
      'G3',
      '達成度（S, A, B, C, D）を入力してください',
      'Enter the grade (S, A, B, C, D)',
    ],
    [
      'a KPI with a target but no actual yet',
      seedTable([{ kpi_target: '10件', kpi_actual: null, grade: null }]).sheet,
      'G3',
      '達成度（S, A, B, C, D）を入力してください',
      'Enter the grade (S, A, B, C, D)',
    ],
  ])('reports %s on the grade cell', (_name, sheet, cell, jaSuggestion, enSuggestion) => {
    const f = findingsOf('missing-grade', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell, severity: 'error', ...MESSAGE, jaSuggestion, enSuggestion });
  });

  it.each<[string, string]>([
    ['"-"', '-'],
    ['a full-width dash (also not normalised)', '－'],
  ])('reports a KPI graded %s (the no-KPI mark)', (_name, grade) => {
    const f = findingsOf('missing-grade', seedTable([{ kpi_target: SEED_TARGET, kpi_actual: SEED_ACTUAL, grade }]).sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell: 'G3',
      severity: 'error',
      ja: 'KPIの目標があるのに達成度が「-」（KPIなし）になっています',
      en: 'The KPI has a target but its grade is "-" (no KPI)',
      jaSuggestion: '達成率 25% から D と思われます',
    });
  });
});
