import type { CellValue } from '../../../src/core/grid';
import { DEFAULT_PROFILE, type Profile } from '../../../src/core/profile';
import { findingsOf } from '../../helpers/findings';
import { seedTable } from '../../helpers/table';

const kpi = { kpi_target: '10人', kpi_actual: '10人' };
const circles: Profile = {
  ...DEFAULT_PROFILE,
  gradeScale: [
    { grade: '◎', minPercent: 100 },
    { grade: '○', minPercent: 50 },
    { grade: '△', minPercent: 0 },
  ],
};

describe('invalid-grade', () => {
  it.each<[string, CellValue, Profile]>([
    ['S', 'S', DEFAULT_PROFILE],
    ['A', 'A', DEFAULT_PROFILE],
    ['D', 'D', DEFAULT_PROFILE],
    ['"-"', '-', DEFAULT_PROFILE],
    ['Ｂ (not normalised, but on the scale)', 'Ｂ', DEFAULT_PROFILE],
    ['○ on a custom scale', '○', circles],
  ])('accepts %s', (_name, grade, profile) => {
    expect(findingsOf('invalid-grade', seedTable([{ ...kpi, grade }]).sheet, profile)).toEqual([]);
  });

  it.each<[string, CellValue, Profile, string, string]>([
    [
      'E',
      'E',
      DEFAULT_PROFILE,
      'G列「達成度」の「E」は評価の区分にありません。S, A, B, C, D, - のいずれかを入力してください',
      'The grade "E" in column G ("達成度") is not on the scale; use one of S, A, B, C, D, -',
    ],
    [
      'a word',
      '良好',
      DEFAULT_PROFILE,
      'G列「達成度」の「良好」は評価の区分にありません。S, A, B, C, D, - のいずれかを入力してください',
      'The grade "良好" in column G ("達成度") is not on the scale; use one of S, A, B, C, D, -',
    ],
    [
      'a number',
      3,
      DEFAULT_PROFILE,
      'G列「達成度」の「3」は評価の区分にありません。S, A, B, C, D, - のいずれかを入力してください',
      'The grade "3" in column G ("達成度") is not on the scale; use one of S, A, B, C, D, -',
    ],
    [
      'AA',
      'AA',
      DEFAULT_PROFILE,
      'G列「達成度」の「AA」は評価の区分にありません。S, A, B, C, D, - のいずれかを入力してください',
      'The grade "AA" in column G ("達成度") is not on the scale; use one of S, A, B, C, D, -',
    ],
    [
      'a letter on a custom scale',
      'A',
      circles,
      'G列「達成度」の「A」は評価の区分にありません。◎, ○, △, - のいずれかを入力してください',
      'The grade "A" in column G ("達成度") is not on the scale; use one of ◎, ○, △, -',
    ],
  ])('rejects %s, listing the allowed grades', (_name, grade, profile, ja, en) => {
    const f = findingsOf('invalid-grade', seedTable([{}, { ...kpi, grade }]).sheet, profile);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'G4', severity: 'error', ja, en });
  });
});
