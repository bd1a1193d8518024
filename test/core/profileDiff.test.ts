import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import {
  describeProfileDifferences,
  isDefaultProfile,
  isProfileDifferences,
  profileDifferences,
} from '../../src/core/profileDiff';
import { profileSourceLine } from '../../src/core/report';

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

describe('profileSourceLine (also for JSON reports read back by --merge)', () => {
  const d = profileDifferences(profile({ rules: { 'missing-grade': 'off' } }));

  it('gives the line for a workbook or --profile file, none for the default', () => {
    expect(profileSourceLine('workbook', d, 'ja')).toBe(
      '設定: ブックに保存された設定（既定と異なる点: ルール missing-grade を無効）',
    );
    expect(profileSourceLine('file', d, 'en')).toContain('the --profile file');
    expect(profileSourceLine('default', d, 'ja')).toBeNull();
    expect(profileSourceLine(undefined, undefined, 'ja')).toBeNull();
  });

  it.each([
    ['not an object', 'x'],
    ['settings not a list', { settings: 'gradeScale', rules: [] }],
    ['an unknown setting', { settings: ['toString'], rules: [] }],
    ['a rule without an id', { settings: [], rules: [{ setting: 'off', default: 'error' }] }],
    ['an unknown severity', { settings: [], rules: [{ id: 'x', setting: 'constructor', default: 'error' }] }],
  ])('ignores differences of the wrong shape (%s) without throwing', (_, bad) => {
    expect(isProfileDifferences(bad)).toBe(false);
    expect(profileSourceLine('workbook', bad, 'ja')).toBeNull();
  });

  it('accepts what profileDifferences gives, after a JSON round trip', () => {
    expect(isProfileDifferences(JSON.parse(JSON.stringify(d)))).toBe(true);
  });
});
