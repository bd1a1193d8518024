import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { numericTable, seedTable } from '../../helpers/table';

describe('missing-actual', () => {
  it.each<[string, SheetData]>([
    ['a target with its actual', seedTable([{ kpi_target: '10人', kpi_actual: '8人', grade: 'B' }]).sheet],
    ['no KPI', seedTable([{ kpi_target: '-', kpi_actual: '-', grade: '-' }]).sheet],
    ['an actual of 0', numericTable([{ kpi_target: 10, kpi_actual: 0, grade: 'D' }]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('missing-actual', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string]>([
    ['an empty actual', seedTable([{ kpi_target: '10人', kpi_actual: null, grade: 'B' }]).sheet, 'F3'],
    ['an actual of "-"', seedTable([{}, { kpi_target: '研修会の開催 3回', kpi_actual: '-', grade: null }]).sheet, 'F4'],
    ['an empty numeric actual', numericTable([{ kpi_target: 10, kpi_actual: null, grade: null }]).sheet, 'F3'],
  ])('reports %s on the actual cell', (_name, sheet, cell) => {
    const f = findingsOf('missing-actual', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell,
      severity: 'error',
      ja: 'KPIの目標があるのに実績が未入力です',
      en: 'The KPI has a target but no actual value has been entered',
    });
  });
});
