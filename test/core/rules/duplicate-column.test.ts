import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { numericTable, seedTable } from '../../helpers/table';

describe('duplicate-column', () => {
  it.each<[string, SheetData]>([
    [
      'the seed layout (取組内容 merged over label and text is one role each)',
      seedTable([{ label: 'ア' }, { label: 'イ' }]).sheet,
    ],
    ['numeric KPI columns', numericTable([{ kpi_target: 10, kpi_actual: 8, grade: 'B' }]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('duplicate-column', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, object]>([
    [
      'a second agencies column',
      seedTable([{}], { edit: { K1: '実施機関及び関係機関' } }).sheet,
      {
        cell: 'K1',
        role: 'agencies',
        ja: '「実施機関及び関係機関」の列が複数あります（J 列と K 列）。J 列を使ってチェックしました',
        en: 'More than one "Agencies" column (J and K); column J was used for the checks',
      },
    ],
    [
      'a second grade column in the numeric layout',
      numericTable([{ kpi_target: 10, kpi_actual: 8, grade: 'B' }], { edit: { L1: '達成度' } }).sheet,
      {
        cell: 'L1',
        role: 'grade',
        ja: '「達成度」の列が複数あります（H 列と L 列）。H 列を使ってチェックしました',
        en: 'More than one "Grade" column (H and L); column H was used for the checks',
      },
    ],
  ])('reports %s', (_name, sheet, expected) => {
    const f = findingsOf('duplicate-column', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', ...expected });
  });
});
