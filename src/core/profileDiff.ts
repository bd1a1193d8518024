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

/** Whether data (a JSON report's `profileDifferences`, written elsewhere) has the shape profileDifferences gives. */
export function isProfileDifferences(x: unknown): x is ProfileDifferences {
  if (!x || typeof x !== 'object') return false;
  const { settings, rules } = x as Record<string, unknown>;
  const severities: readonly unknown[] = ['error', 'warning', 'info', 'off'];
  return (
    Array.isArray(settings) &&
    settings.every((k) => (PROFILE_SETTINGS as readonly unknown[]).includes(k)) &&
    Array.isArray(rules) &&
    rules.every(
      (r) =>
        !!r &&
        typeof (r as { id?: unknown }).id === 'string' &&
        severities.includes((r as { setting?: unknown }).setting) &&
        severities.includes((r as { default?: unknown }).default),
    )
  );
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
  /** The pane names a rule by its title (in quotes), the reports by its id. */
  ruleTitle?: (id: string) => string,
): string {
  const source = t(`profileFrom_${origin}`, lang);
  if (isDefaultProfile(d)) return t('profileLineSame', lang, { source });
  const parts = [
    ...d.rules.map((r) => {
      const setting = t(`profileSeverity_${r.setting}`, lang);
      return ruleTitle
        ? t('profileRuleTitled', lang, { title: ruleTitle(r.id), setting })
        : t('profileRule', lang, { id: r.id, setting });
    }),
    ...d.settings.map((s) => t(`profileSetting_${s}`, lang)),
  ];
  return t('profileLine', lang, { source, changes: parts.join(lang === 'ja' ? '、' : '; ') });
}
