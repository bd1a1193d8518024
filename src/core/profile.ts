import { z } from 'zod';
import { ROLES, type Role, type Severity } from './types';
import { RULE_IDS } from './ruleIds';

export const GRADE_LETTERS = ['S', 'A', 'B', 'C', 'D'] as const;

/** One step of the grade scale: the grade is given when actual ÷ target ≥ minPercent. */
export interface GradeStep {
  grade: string;
  minPercent: number;
}

export interface Profile {
  /** Roles whose column must exist (missing-column). */
  requiredColumns: Role[];
  /** Roles whose cell must not be empty in a data row (required-cell-empty). */
  requiredCells: Role[];
  /** Extra header spellings per role, matched after normalisation like the built-in ones. */
  headerSpellings: Partial<Record<Role, string[]>>;
  /** Grade scale, best first; the last step should have minPercent 0. */
  gradeScale: GradeStep[];
  /** The mark for "no KPI" ("-"). */
  noKpiGrade: string;
  /** Extra placeholder words for placeholder-text. */
  placeholders: string[];
  /** Per-rule severity override, or "off". */
  rules: Partial<Record<string, Severity | 'off'>>;
}

export const DEFAULT_PROFILE: Profile = Object.freeze({
  requiredColumns: ['target_group', 'initiative', 'plan', 'kpi_target', 'kpi_actual', 'grade', 'results', 'issues', 'agencies'],
  requiredCells: ['initiative', 'plan', 'results', 'issues', 'agencies'],
  headerSpellings: {},
  gradeScale: [
    { grade: 'S', minPercent: 120 },
    { grade: 'A', minPercent: 100 },
    { grade: 'B', minPercent: 80 },
    { grade: 'C', minPercent: 50 },
    { grade: 'D', minPercent: 0 },
  ],
  noKpiGrade: '-',
  placeholders: [],
  rules: {},
}) as Profile;

const roleSchema = z.enum(ROLES);
const severitySchema = z.enum(['error', 'warning', 'info', 'off']);

/** The profile file: every key optional; what is given replaces the default. */
export const profileSchema = z
  .object({
    $schema: z.string().optional(),
    requiredColumns: z.array(roleSchema).optional(),
    requiredCells: z.array(roleSchema).optional(),
    headerSpellings: z.partialRecord(roleSchema, z.array(z.string().min(1))).optional(),
    gradeScale: z
      .array(z.object({ grade: z.string().trim().min(1).max(3), minPercent: z.number().min(0).max(100000) }).strict())
      .min(1)
      .refine((s) => s.every((st, i) => i === 0 || st.minPercent < s[i - 1]!.minPercent), {
        message: 'steps must be ordered from the highest minPercent to the lowest / minPercent は大きい順に並べてください',
      })
      .optional(),
    noKpiGrade: z.string().trim().min(1).max(3).optional(),
    placeholders: z.array(z.string().min(1)).optional(),
    rules: z.partialRecord(z.enum(RULE_IDS), severitySchema).optional(),
  })
  .strict();

export type ProfileInput = z.input<typeof profileSchema>;

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: string[] };

/**
 * Validate a parsed profile (JSON) and merge it over the default. Errors name each bad key
 * ("gradeScale.1.minPercent: …").
 */
export function parseProfile(input: unknown): ProfileResult {
  const r = profileSchema.safeParse(input);
  if (!r.success) {
    const errors = r.error.issues.map((i) => {
      const path = i.path.length ? i.path.map(String).join('.') : '(profile)';
      if (i.code === 'unrecognized_keys') return `${path}: unknown key(s) / 不明なキー: ${i.keys.join(', ')}`;
      return `${path}: ${i.message}`;
    });
    return { ok: false, errors };
  }
  const p = r.data;
  return {
    ok: true,
    profile: {
      requiredColumns: p.requiredColumns ?? [...DEFAULT_PROFILE.requiredColumns],
      requiredCells: p.requiredCells ?? [...DEFAULT_PROFILE.requiredCells],
      headerSpellings: { ...(p.headerSpellings ?? {}) },
      gradeScale: (p.gradeScale ?? DEFAULT_PROFILE.gradeScale).map((s) => ({ ...s })),
      noKpiGrade: p.noKpiGrade ?? DEFAULT_PROFILE.noKpiGrade,
      placeholders: [...(p.placeholders ?? [])],
      rules: { ...(p.rules ?? {}) },
    },
  };
}

/** Parse profile JSON text; a syntax error is reported like a bad key. */
export function parseProfileText(text: string): ProfileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`(profile): not valid JSON / JSON として読めません: ${(e as Error).message}`] };
  }
  return parseProfile(json);
}

/** The profile as a plain object that parseProfile accepts (for saving). */
export function profileToJson(p: Profile): ProfileInput {
  return {
    requiredColumns: [...p.requiredColumns],
    requiredCells: [...p.requiredCells],
    headerSpellings: { ...p.headerSpellings },
    gradeScale: p.gradeScale.map((s) => ({ ...s })),
    noKpiGrade: p.noKpiGrade,
    placeholders: [...p.placeholders],
    rules: { ...p.rules } as ProfileInput['rules'],
  };
}

/** The severity a rule runs at under a profile, or "off". */
export function effectiveSeverity(p: Profile, ruleId: string, defaultSeverity: Severity): Severity | 'off' {
  return p.rules[ruleId] ?? defaultSeverity;
}
