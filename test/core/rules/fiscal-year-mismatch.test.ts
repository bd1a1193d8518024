import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { seedTable } from '../../helpers/table';

describe('fiscal-year-mismatch', () => {
  it.each<[string, SheetData]>([
    ['headers all naming 令和6年度', seedTable([{}]).sheet],
    [
      'the same year spelt R6年度 and 2024年度',
      seedTable([{}], { edit: { D1: '実施計画（R6年度）', H1: '実績(2024年度)' } }).sheet,
    ],
    ['another fiscal year throughout', seedTable([{}], { year: '令和7年度' }).sheet],
    ['a year only in the data rows', seedTable([{ results: '令和5年度から継続して実施した。' }]).sheet],
    ['a target naming the plan’s final year', seedTable([{}], { edit: { E2: '目標（令和8年度）' } }).sheet],
    ['a plan’s period', seedTable([{}], { edit: { D1: '実施計画(令和4年度～令和8年度)' } }).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('fiscal-year-mismatch', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, object]>([
    [
      'a results header naming last year',
      seedTable([{}], { edit: { H1: '実績(令和5年度)' } }).sheet,
      {
        cell: 'H1',
        ja: '見出しの年度「令和5年度（2023年度）」が表の年度「令和6年度（2024年度）」と異なります（表の年度は D1「実施計画(令和6年度)」から読み取りました）',
        en: 'This header names FY2023, but the table is for FY2024 (read from D1 "実施計画(令和6年度)")',
        jaSuggestion: '年度を「令和6年度（2024年度）」にそろえてください',
        enSuggestion: 'Make the header say FY2024',
        data: expect.objectContaining({ found: 2023, expected: 2024 }),
      },
    ],
    [
      'a KPI sub-header copied from last year’s sheet',
      seedTable([{}], { edit: { F2: 'R5年度実績' } }).sheet,
      {
        cell: 'F2',
        ja: '見出しの年度「令和5年度（2023年度）」が表の年度「令和6年度（2024年度）」と異なります（表の年度は D1「実施計画(令和6年度)」から読み取りました）',
      },
    ],
  ])('reports %s on the odd cell', (_name, sheet, expected) => {
    const f = findingsOf('fiscal-year-mismatch', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', ...expected });
  });
});
