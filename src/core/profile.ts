import type { Role, Severity } from './types';
import { GRADE_PRESETS, type GradePresetId, type GradeStep } from './gradeScales';
import type { ProfileInput } from './profileSchema';

export type { ProfileInput, ProfileResult } from './profileSchema';

export const GRADE_LETTERS = ['S', 'A', 'B', 'C', 'D'] as const;

export type { GradeStep } from './gradeScales';

/** Whether a bigger number is better (the default) or a smaller one (死亡率, 件数の減少 …). */
export type Direction = 'higher' | 'lower';

/** How the achievement rate is computed: actual ÷ target, or the way from the baseline to the target. */
export type RateFormula = 'ratio' | 'progress';

export interface DirectionRule {
  /** Text the indicator (or initiative) contains, compared after NFKC ("死亡率", "待機児童"). */
  pattern: string;
  direction: Direction;
}

export interface Profile {
  /** Roles whose column must exist (missing-column). The default set follows the table's family. */
  requiredColumns: Role[];
  /** Roles whose cell must not be empty in a data row (required-cell-empty). */
  requiredCells: Role[];
  /** Extra header spellings per role, matched after normalisation like the built-in ones. */
  headerSpellings: Partial<Record<Role, string[]>>;
  /** Grade scale, best first. The default (S–D) gives way to a legend under the table or the grades it uses. */
  gradeScale: GradeStep[];
  /** The preset the scale was chosen by, if any. */
  gradePreset: GradePresetId | null;
  /** The mark for "no KPI" ("-"). */
  noKpiGrade: string;
  /** Extra placeholder words for placeholder-text. */
  placeholders: string[];
  /** Per-rule severity override, or "off". */
  rules: Partial<Record<string, Severity | 'off'>>;
  /** Role → column letter ("K") or header text ("評価"): what detection cannot guess. */
  columns: Partial<Record<Role, string>>;
  /** The (first) header row, 1-based as Excel shows it, or null to detect it. */
  headerRow: number | null;
  /** Direction per indicator text; others follow the words of the KPI (減少, 削減, 以下 …). */
  direction: DirectionRule[];
  /** ratio: actual ÷ target; progress: (actual − baseline) ÷ (target − baseline) where a baseline is given. */
  rateFormula: RateFormula;
}

/** The default scale and required sets. A profile holding these very arrays lets the engine choose. */
export const DEFAULT_GRADE_SCALE: readonly GradeStep[] = Object.freeze(
  GRADE_PRESETS.letters.steps.map((s) => Object.freeze({ grade: s.grade, minPercent: s.minPercent! })),
);
export const SAMPLE_REQUIRED_COLUMNS: readonly Role[] = Object.freeze([
  'target_group',
  'initiative',
  'plan',
  'kpi_target',
  'kpi_actual',
  'grade',
  'results',
  'issues',
  'agencies',
] as Role[]);
export const SAMPLE_REQUIRED_CELLS: readonly Role[] = Object.freeze([
  'initiative',
  'plan',
  'results',
  'issues',
  'agencies',
] as Role[]);

export const DEFAULT_PROFILE: Profile = Object.freeze({
  requiredColumns: SAMPLE_REQUIRED_COLUMNS as Role[],
  requiredCells: SAMPLE_REQUIRED_CELLS as Role[],
  headerSpellings: {},
  gradeScale: DEFAULT_GRADE_SCALE as GradeStep[],
  gradePreset: null,
  noKpiGrade: '-',
  placeholders: [],
  rules: {},
  columns: {},
  headerRow: null,
  direction: [],
  rateFormula: 'ratio',
}) as Profile;

/** The profile leaves the grade scale to the engine (legend under the table, grades in use, S–D). */
export function gradeScaleIsAuto(p: Profile): boolean {
  return p.gradeScale === DEFAULT_GRADE_SCALE;
}

/** The profile leaves the required columns and cells to the table's family. */
export function requiredSetIsAuto(p: Profile): boolean {
  return p.requiredColumns === SAMPLE_REQUIRED_COLUMNS && p.requiredCells === SAMPLE_REQUIRED_CELLS;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The profile as a plain object that parseProfile accepts (for saving). Keys that hold the default are
 * left out, so that the engine keeps choosing what the default leaves to it (scale, required set).
 */
export function profileToJson(p: Profile): ProfileInput {
  const out: ProfileInput = {};
  if (!sameJson(p.requiredColumns, SAMPLE_REQUIRED_COLUMNS) || !sameJson(p.requiredCells, SAMPLE_REQUIRED_CELLS)) {
    out.requiredColumns = [...p.requiredColumns];
    out.requiredCells = [...p.requiredCells];
  }
  if (Object.keys(p.headerSpellings).length) out.headerSpellings = { ...p.headerSpellings };
  if (p.gradePreset && sameJson(p.gradeScale, GRADE_PRESETS[p.gradePreset].steps)) out.gradeScale = p.gradePreset;
  else if (!sameJson(p.gradeScale, DEFAULT_GRADE_SCALE)) out.gradeScale = p.gradeScale.map((st) => ({ ...st }));
  if (p.noKpiGrade !== DEFAULT_PROFILE.noKpiGrade) out.noKpiGrade = p.noKpiGrade;
  if (p.placeholders.length) out.placeholders = [...p.placeholders];
  if (Object.keys(p.rules).length) out.rules = { ...p.rules } as ProfileInput['rules'];
  if (Object.keys(p.columns).length) out.columns = { ...p.columns };
  if (p.headerRow !== null) out.headerRow = p.headerRow;
  if (p.direction.length) out.direction = p.direction.map((d) => ({ ...d }));
  if (p.rateFormula !== 'ratio') out.rateFormula = p.rateFormula;
  return out;
}

/** The severity a rule runs at under a profile, or "off". */
export function effectiveSeverity(p: Profile, ruleId: string, defaultSeverity: Severity): Severity | 'off' {
  return p.rules[ruleId] ?? defaultSeverity;
}
