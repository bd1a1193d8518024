import { checkSheet } from '../../src/core/engine';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import { parseProfile, parseProfileText } from '../../src/core/profileSchema';
import { findingsOf, seen } from '../helpers/findings';
import { numericTable, seedTable } from '../helpers/table';

function profile(input: unknown): Profile {
  const r = parseProfile(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.profile;
}

function errors(input: unknown): string[] {
  const r = parseProfile(input);
  if (r.ok) throw new Error('expected the profile to be rejected');
  return r.errors;
}

describe('profile validation names each bad key', () => {
  it.each<[string, unknown, RegExp[]]>([
    ['an unknown top-level key', { gradeScal: [] }, [/^\(profile\): unknown key\(s\) \/ 不明なキー: gradeScal$/]],
    ['a bad minPercent', { gradeScale: [{ grade: 'S', minPercent: 'high' }] }, [/^gradeScale\.0\.minPercent: /]],
    [
      'an unknown key in a grade step',
      { gradeScale: [{ grade: 'S', minPercent: 120, colour: 'red' }] },
      [/^gradeScale\.0: unknown key\(s\) \/ 不明なキー: colour$/],
    ],
    [
      'steps out of order',
      {
        gradeScale: [
          { grade: 'A', minPercent: 50 },
          { grade: 'S', minPercent: 120 },
        ],
      },
      [/^gradeScale: .*大きい順/],
    ],
    ['an unknown role', { requiredColumns: ['initiative', 'budget'] }, [/^requiredColumns\.1: /]],
    ['an unknown severity', { rules: { 'missing-grade': 'fatal' } }, [/^rules\.missing-grade: /]],
    ['an unknown rule id', { rules: { 'no-such-rule': 'off' } }, [/^rules(\.no-such-rule)?: /]],
    ['several bad keys at once', { noKpiGrade: '', placeholders: [1] }, [/^noKpiGrade: /, /^placeholders\.0: /]],
    [
      'the no-KPI mark equal to a grade',
      { gradeScale: [{ grade: 'A' }, { grade: 'B' }], noKpiGrade: 'B' },
      [/^noKpiGrade: the no-KPI mark is also a grade \/ KPI なしの記号「B」が達成度の区分と同じです$/],
    ],
    [
      'a duplicate grade',
      { gradeScale: [{ grade: 'A' }, { grade: 'B' }, { grade: 'A' }] },
      [/^gradeScale\.2\.grade: duplicate grade \/ /],
    ],
    [
      'a last step above 0 %',
      {
        gradeScale: [
          { grade: 'A', minPercent: 100 },
          { grade: 'B', minPercent: 50 },
        ],
      },
      [/^gradeScale\.1\.minPercent: the last step must start at 0 % or below, or rates under 50 % get no grade \/ /],
    ],
  ])('%s', (_name, input, expected) => {
    const e = errors(input);
    for (const re of expected) expect(e.some((x) => re.test(x))).toBe(true);
  });

  it('accepts a last step at or below 0 %', () => {
    for (const min of [0, -50])
      expect(
        profile({
          gradeScale: [
            { grade: 'A', minPercent: 100 },
            { grade: 'B', minPercent: min },
          ],
        }).gradeScale.map((st) => st.minPercent),
      ).toEqual([100, min]);
  });

  it.each([
    ['{"rules": {"__proto__": {"missing-grade": "off"}}}', 'rules: unknown key(s) / 不明なキー: __proto__'],
    ['{"headerSpellings": {"__proto__": ["計画"]}}', 'headerSpellings: unknown key(s) / 不明なキー: __proto__'],
    ['{"columns": {"constructor": "K"}}', 'columns: unknown key(s) / 不明なキー: constructor'],
    ['{"gradeScale": [{"grade": "A", "__proto__": {"minPercent": 5}}]}', 'gradeScale.0: unknown key(s) / 不明なキー: __proto__'],
    ['{"__proto__": {"noKpiGrade": "x"}}', '(profile): unknown key(s) / 不明なキー: __proto__'],
  ])('names a nested prototype key instead of dropping it: %s', (text, message) => {
    const r = parseProfileText(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([message]);
    expect(({} as Record<string, unknown>)['missing-grade']).toBeUndefined();
  });

  it('accepts a profile text that starts with a UTF-8 byte order mark', () => {
    const r = parseProfileText('\uFEFF{"noKpiGrade": "なし"}');
    expect(r.ok && r.profile.noKpiGrade).toBe('なし');
  });

  it('reports a JSON syntax error as a profile error', () => {
    const r = parseProfileText('{ "rules": { "missing-grade": "off", } }');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^\(profile\): not valid JSON \/ JSON として読めません/);
  });

  it('merges what is given over the default', () => {
    const p = profile({ rules: { 'stray-whitespace': 'off' } });
    expect(p.gradeScale).toEqual(DEFAULT_PROFILE.gradeScale);
    expect(p.requiredCells).toEqual(DEFAULT_PROFILE.requiredCells);
    expect(p.rules).toEqual({ 'stray-whitespace': 'off' });
  });
});

describe('profile settings take effect through checkSheet', () => {
  const noGrade = seedTable([{}, { kpi_target: '10人', kpi_actual: '8人', grade: null }]).sheet;

  it('uses the default severities without a profile', () => {
    expect(findingsOf('missing-grade', noGrade)).toEqual([expect.objectContaining({ cell: 'G4', severity: 'error' })]);
    expect(checkSheet(noGrade).summary.ready).toBe(false);
  });

  it('overrides a rule’s severity', () => {
    const p = profile({ rules: { 'missing-grade': 'warning' } });
    expect(findingsOf('missing-grade', noGrade, p)).toEqual([expect.objectContaining({ cell: 'G4', severity: 'warning' })]);
    expect(checkSheet(noGrade, p).summary).toMatchObject({ ready: true, errors: 0, warnings: 1 });
  });

  it('turns a rule off', () => {
    const p = profile({ rules: { 'missing-grade': 'off' } });
    expect(seen(checkSheet(noGrade, p)).filter((f) => f.ruleId === 'missing-grade')).toEqual([]);
  });

  it('can turn header-not-found off', () => {
    const empty = { name: 's', top: 0, left: 0, values: [['memo']] };
    expect(checkSheet(empty, profile({ rules: { 'header-not-found': 'off' } })).findings).toEqual([]);
  });

  describe('custom thresholds change grade-mismatch', () => {
    const lenient = profile({
      gradeScale: [
        { grade: 'S', minPercent: 120 },
        { grade: 'A', minPercent: 100 },
        { grade: 'B', minPercent: 60 },
        { grade: 'C', minPercent: 30 },
        { grade: 'D', minPercent: 0 },
      ],
    });
    const seventy = (grade: string) => numericTable([{ kpi_target: 10, kpi_actual: 7, grade }]).sheet;

    it.each<[string, Profile, string | null]>([
      ['default scale', DEFAULT_PROFILE, null],
      ['lenient scale', lenient, 'B'],
    ])('70 %% graded C under the %s', (_name, p, expected) => {
      const f = findingsOf('grade-mismatch', seventy('C'), p);
      expect(f.map((x) => x.data.expected)).toEqual(expected ? [expected] : []);
    });

    it.each<[string, Profile, string | null]>([
      ['default scale', DEFAULT_PROFILE, 'C'],
      ['lenient scale', lenient, null],
    ])('70 %% graded B under the %s', (_name, p, expected) => {
      const f = findingsOf('grade-mismatch', seventy('B'), p);
      expect(f.map((x) => x.data.expected)).toEqual(expected ? [expected] : []);
      if (expected) expect(f[0]!.ja).toBe('達成度「B」は達成率 70%（実績 7 ÷ 目標 10）と合いません。評価基準では C です');
    });

    it('also changes the grade missing-grade suggests', () => {
      const f = findingsOf('missing-grade', numericTable([{ kpi_target: 10, kpi_actual: 7, grade: null }]).sheet, lenient);
      expect(f[0]!.jaSuggestion).toBe('達成率 70% から B と思われます');
    });
  });

  it('a custom grade scale changes what invalid-grade accepts', () => {
    const p = profile({
      gradeScale: [
        { grade: '◎', minPercent: 100 },
        { grade: '○', minPercent: 50 },
        { grade: '△', minPercent: 0 },
      ],
    });
    const sheet = (grade: string) => seedTable([{ kpi_target: '10人', kpi_actual: '6人', grade }]).sheet;
    expect(findingsOf('invalid-grade', sheet('○'), p)).toEqual([]);
    expect(findingsOf('invalid-grade', sheet('B'), p)).toHaveLength(1);
    expect(findingsOf('grade-mismatch', sheet('◎'), p).map((f) => f.data.expected)).toEqual(['○']);
  });

  it('requiredCells adds cells that must be filled', () => {
    const sheet = seedTable([{ remarks: null }]).sheet;
    expect(findingsOf('required-cell-empty', sheet)).toEqual([]);
    expect(findingsOf('required-cell-empty', sheet, profile({ requiredCells: ['remarks'] }))).toEqual([
      expect.objectContaining({ cell: 'K3', ja: '「備考」が空欄です' }),
    ]);
  });

  it('headerSpellings teach the layout a new header', () => {
    const sheet = seedTable([{ kpi_target: '10人', kpi_actual: '8人', grade: 'B' }], { edit: { G2: '到達状況' } }).sheet;
    expect(findingsOf('missing-column', sheet).map((f) => f.role)).toEqual(['grade']);
    expect(findingsOf('missing-column', sheet, profile({ headerSpellings: { grade: ['到達状況'] } }))).toEqual([]);
  });

  it('placeholders add words to placeholder-text', () => {
    const sheet = seedTable([{ remarks: '記入例：〜を実施' }]).sheet;
    expect(findingsOf('placeholder-text', sheet)).toEqual([]);
    expect(findingsOf('placeholder-text', sheet, profile({ placeholders: ['記入例'] }))).toEqual([
      expect.objectContaining({ cell: 'K3', data: { token: '記入例' } }),
    ]);
  });
});
