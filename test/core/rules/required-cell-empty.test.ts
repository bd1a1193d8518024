import type { SheetData } from '../../../src/core/grid';
import { DEFAULT_PROFILE, type Profile } from '../../../src/core/profile';
import { findingsOf } from '../../helpers/findings';
import { seedTable } from '../../helpers/table';

const withTargetGroup: Profile = { ...DEFAULT_PROFILE, requiredCells: [...DEFAULT_PROFILE.requiredCells, 'target_group'] };

describe('required-cell-empty', () => {
  it.each<[string, SheetData, Profile]>([
    ['every required cell filled', seedTable([{}, {}]).sheet, DEFAULT_PROFILE],
    ['対象者 merged down over its rows', seedTable([{}, {}, {}], { mergeTargetGroup: true }).sheet, withTargetGroup],
    ['対象者 written once and meant for the rows below', seedTable([{}, {}, {}]).sheet, withTargetGroup],
    ['a plan merged down over two rows', seedTable([{}, { plan: null }], { merges: ['D3:D4'] }).sheet, DEFAULT_PROFILE],
    ['備考 left empty (not required)', seedTable([{ remarks: null }]).sheet, DEFAULT_PROFILE],
  ])('is quiet on %s', (_name, sheet, profile) => {
    expect(findingsOf('required-cell-empty', sheet, profile)).toEqual([]);
  });

  it.each<[string, SheetData, Profile, string, string, string]>([
    ['an empty plan', seedTable([{}, { plan: null }]).sheet, DEFAULT_PROFILE, 'D4', '「実施計画」が空欄です', '"Plan" is empty'],
    [
      'an empty initiative',
      seedTable([{ initiative: '' }]).sheet,
      DEFAULT_PROFILE,
      'C3',
      '「取組内容」が空欄です',
      '"Initiative" is empty',
    ],
    [
      'results holding only a full-width space',
      seedTable([{ results: '\u3000' }]).sheet,
      DEFAULT_PROFILE,
      'H3',
      '「実績」が空欄です',
      '"Results" is empty',
    ],
    [
      'empty issues',
      seedTable([{ issues: null }]).sheet,
      DEFAULT_PROFILE,
      'I3',
      '「課題と今後の方向性」が空欄です',
      '"Issues and next steps" is empty',
    ],
    [
      'empty agencies',
      seedTable([{ agencies: null }]).sheet,
      DEFAULT_PROFILE,
      'J3',
      '「実施機関及び関係機関」が空欄です',
      '"Agencies" is empty',
    ],
    [
      'an 対象者 never written when the profile requires it',
      seedTable([{ target_group: null }]).sheet,
      withTargetGroup,
      'A3',
      '「対象者」が空欄です',
      '"Target group" is empty',
    ],
    [
      'the top-left cell of an empty merge',
      seedTable([{ plan: null }, { plan: null }], { merges: ['D3:D4'] }).sheet,
      DEFAULT_PROFILE,
      'D3',
      '「実施計画」が空欄です',
      '"Plan" is empty',
    ],
  ])('reports %s', (_name, sheet, profile, cell, ja, en) => {
    const f = findingsOf('required-cell-empty', sheet, profile);
    expect(f.length).toBeGreaterThanOrEqual(1);
    expect(f[0]).toMatchObject({ cell, severity: 'error', ja, en });
  });
});
