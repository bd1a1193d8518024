import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import { describeProfileDifferences, isDefaultProfile, profileDifferences } from '../../src/core/profileDiff';

function profile(input: object): Profile {
  const r = parseProfile(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.profile;
}

describe('profileDifferences', () => {
  it.each([
    ['the default', DEFAULT_PROFILE, [], []],
    ['an empty profile file', profile({}), [], []],
    ['a rule at its own default severity', profile({ rules: { 'missing-grade': 'error' } }), [], []],
    [
      'a rule switched off',
      profile({ rules: { 'missing-grade': 'off' } }),
      [],
      [{ id: 'missing-grade', setting: 'off', default: 'error' }],
    ],
    [
      'a rule made a warning',
      profile({ rules: { 'missing-grade': 'warning' } }),
      [],
      [{ id: 'missing-grade', setting: 'warning', default: 'error' }],
    ],
    ['required cells only', profile({ requiredCells: ['initiative'] }), ['requiredCells'], []],
    ['required columns only', profile({ requiredColumns: ['initiative'] }), ['requiredColumns'], []],
    ['a preset scale', profile({ gradeScale: 'symbols' }), ['gradeScale'], []],
    ['the default scale written out', profile({ gradeScale: [...DEFAULT_PROFILE.gradeScale] }), [], []],
    [
      'header row, columns, direction, rate formula',
      profile({
        headerRow: 3,
        columns: { grade: 'K' },
        direction: [{ pattern: '死亡率', direction: 'lower' }],
        rateFormula: 'progress',
      }),
      ['columns', 'headerRow', 'direction', 'rateFormula'],
      [],
    ],
    [
      'placeholders, spellings, no-KPI mark',
      profile({ placeholders: ['未定'], headerSpellings: { grade: ['評価'] }, noKpiGrade: '—' }),
      ['headerSpellings', 'noKpiGrade', 'placeholders'],
      [],
    ],
  ])('%s', (_name, p, settings, rules) => {
    const d = profileDifferences(p);
    expect(d).toEqual({ settings, rules });
    expect(isDefaultProfile(d)).toBe(settings.length === 0 && rules.length === 0);
  });
});

describe('describeProfileDifferences', () => {
  const d = profileDifferences(
    profile({ rules: { 'missing-grade': 'off', 'stray-whitespace': 'error' }, gradeScale: 'achievement' }),
  );

  it('names where the profile came from and every change, rules first (Japanese and English)', () => {
    expect(describeProfileDifferences('workbook', d, 'ja')).toBe(
      '設定: ブックに保存された設定（既定と異なる点: ルール missing-grade を無効、ルール stray-whitespace をエラー扱い、達成度の区分）',
    );
    expect(describeProfileDifferences('file', d, 'en')).toBe(
      'Settings: the --profile file (differs from the default: rule missing-grade off; rule stray-whitespace as an error; grade scale)',
    );
  });

  it('says so when a saved profile changes nothing', () => {
    expect(describeProfileDifferences('workbook', profileDifferences(profile({})), 'ja')).toBe(
      '設定: ブックに保存された設定（既定と同じ）',
    );
  });
});
