import { t } from './i18n';
import { DEFAULT_PROFILE, profileToJson, SAMPLE_REQUIRED_CELLS, SAMPLE_REQUIRED_COLUMNS, type Profile } from './profile';
import { ALL_RULES } from './rules';
import type { Lang, Severity } from './types';

/**
 * What a profile changes from the default, so that a report can say so: a workbook may carry its own
 * profile, and a submitter could switch a rule off before the office validates.
 */
export interface ProfileDifferences {
  /** Profile keys (as in the profile file) whose value is not the default, rules aside. */
  settings: ProfileSetting[];
  /** Rules that run at another severity than their default, or not at all. */
  rules: { id: string; setting: Severity | 'off'; default: Severity }[];
}

export const PROFILE_SETTINGS = [
  'requiredColumns',
  'requiredCells',
  'headerSpellings',
  'gradeScale',
  'noKpiGrade',
  'placeholders',
  'columns',
  'headerRow',
  'direction',
  'rateFormula',
] as const;
export type ProfileSetting = (typeof PROFILE_SETTINGS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function profileDifferences(p: Profile): ProfileDifferences {
  const saved = profileToJson(p) as Record<string, unknown>;
  const settings = PROFILE_SETTINGS.filter((key) => {
    // profileToJson writes the required columns and cells together: tell them apart here.
    if (key === 'requiredColumns') return !same(p.requiredColumns, SAMPLE_REQUIRED_COLUMNS);
    if (key === 'requiredCells') return !same(p.requiredCells, SAMPLE_REQUIRED_CELLS);
    return Object.hasOwn(saved, key) && !same(saved[key], (DEFAULT_PROFILE as unknown as Record<string, unknown>)[key]);
  });
  const rules: ProfileDifferences['rules'] = [];
  for (const rule of ALL_RULES) {
    const setting = Object.hasOwn(p.rules, rule.id) ? p.rules[rule.id] : undefined;
    if (setting !== undefined && setting !== rule.defaultSeverity)
      rules.push({ id: rule.id, setting, default: rule.defaultSeverity });
  }
  return { settings, rules };
}

export function isDefaultProfile(d: ProfileDifferences): boolean {
  return d.settings.length === 0 && d.rules.length === 0;
}

/** Where the profile in force came from. */
export type ProfileOrigin = 'workbook' | 'file';

/**
 * One line for a report or the pane: where the profile came from and what it changes, e.g.
 * 「設定: ブックに保存された設定（既定と異なる点: ルール missing-grade を無効、達成度の区分）」.
 */
export function describeProfileDifferences(
  origin: ProfileOrigin,
  d: ProfileDifferences,
  lang: Lang,
  /** How a rule is named: its id (reports), or the pane's title of it. */
  ruleName: (id: string) => string = (id) => id,
): string {
  const source = t(`profileFrom_${origin}`, lang);
  if (isDefaultProfile(d)) return t('profileLineSame', lang, { source });
  const parts = [
    ...d.rules.map((r) => t('profileRule', lang, { id: ruleName(r.id), setting: t(`profileSeverity_${r.setting}`, lang) })),
    ...d.settings.map((s) => t(`profileSetting_${s}`, lang)),
  ];
  return t('profileLine', lang, { source, changes: parts.join(lang === 'ja' ? '、' : '; ') });
}
