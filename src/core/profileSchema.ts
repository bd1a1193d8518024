/**
 * The profile file's schema and parser (zod/mini): what a profile may say, each mistake named by its
 * key. Apart from profile.ts (the profile's types and defaults) so that the task pane loads it only when
 * a workbook holds a profile or the Settings tab saves one.
 */
import * as z from 'zod/mini';
import { ROLES } from './types';
import { RULE_IDS } from './ruleIds';
import { GRADE_PRESET_IDS, presetSteps, type GradePresetId } from './gradeScales';
import { DEFAULT_PROFILE, type Profile } from './profile';

// zod/mini (the same checks and messages as zod's classic API, a fraction of its size in the task pane).
// The English messages, which classic zod sets on import, are set here.
z.config(z.locales.en());
// No code generation: the add-in's pages forbid eval by their Content-Security-Policy, and zod's probe
// for it (`new Function`) is reported by Chromium as a violation even when caught. Set before any schema.
z.config({ jitless: true });

const roleSchema = z.enum(ROLES);
const severitySchema = z.enum(['error', 'warning', 'info', 'off']);
const gradeSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(12));

const stepsSchema = z
  .array(
    z.strictObject({
      grade: gradeSchema,
      minPercent: z.optional(z.number().check(z.gte(-100000), z.lte(100000))),
      meaning: z.optional(z.string().check(z.maxLength(200))),
    }),
  )
  .check(
    z.minLength(1),
    z.maxLength(20),
    z.superRefine((steps, ctx) => {
      const withMin = steps.filter((st) => st.minPercent !== undefined).length;
      if (withMin !== 0 && withMin !== steps.length)
        ctx.addIssue({
          code: 'custom',
          message: 'give minPercent for every step or for none / minPercent はすべての段階に付けるか、どれにも付けないでください',
        });
      const last = steps[steps.length - 1];
      if (withMin === steps.length && last?.minPercent !== undefined && last.minPercent > 0)
        ctx.addIssue({
          code: 'custom',
          path: [steps.length - 1, 'minPercent'],
          message: `the last step must start at 0 % or below, or rates under ${last.minPercent} % get no grade / 最後の段階の minPercent は 0 以下にしてください（${last.minPercent}% 未満の達成率に区分がありません）`,
        });
      steps.forEach((st, i) => {
        const prev = steps[i - 1];
        if (i > 0 && st.minPercent !== undefined && prev?.minPercent !== undefined && st.minPercent >= prev.minPercent)
          ctx.addIssue({
            code: 'custom',
            message: 'steps must be ordered from the highest minPercent to the lowest / minPercent は大きい順に並べてください',
          });
        if (steps.findIndex((o) => o.grade === st.grade) !== i)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'grade'],
            message: `duplicate grade / 達成度「${st.grade}」が重複しています`,
          });
      });
    }),
  );

/** The profile file: every key optional; what is given replaces the default. */
export const profileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    requiredColumns: z.optional(z.array(roleSchema)),
    requiredCells: z.optional(z.array(roleSchema)),
    headerSpellings: z.optional(z.partialRecord(roleSchema, z.array(z.string().check(z.minLength(1))))),
    gradeScale: z.optional(stepsSchema),
    noKpiGrade: z.optional(gradeSchema),
    placeholders: z.optional(z.array(z.string().check(z.minLength(1)))),
    rules: z.optional(z.partialRecord(z.enum(RULE_IDS), severitySchema)),
    columns: z.optional(z.partialRecord(roleSchema, z.string().check(z.trim(), z.minLength(1), z.maxLength(60)))),
    headerRow: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1048576))),
    direction: z.optional(
      z
        .array(
          z.strictObject({
            pattern: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
            direction: z.enum(['higher', 'lower']),
          }),
        )
        .check(z.maxLength(500)),
    ),
    rateFormula: z.optional(z.enum(['ratio', 'progress'])),
  })
  .check(
    z.superRefine((p, ctx) => {
      const steps = p.gradeScale;
      const mark = p.noKpiGrade ?? '-';
      if (steps?.some((st) => st.grade === mark))
        ctx.addIssue({
          code: 'custom',
          path: ['noKpiGrade'],
          message: `the no-KPI mark is also a grade / KPI なしの記号「${mark}」が達成度の区分と同じです`,
        });
    }),
  );

/** The profile file as written: gradeScale may also name a preset. */
export type ProfileInput = Omit<z.input<typeof profileSchema>, 'gradeScale'> & {
  gradeScale?: z.input<typeof profileSchema>['gradeScale'] | GradePresetId;
};

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: string[] };

/**
 * Validate a parsed profile (JSON) and merge it over the default. Errors name each bad key
 * ("gradeScale.1.minPercent: …").
 */
export function parseProfile(input: unknown): ProfileResult {
  // gradeScale may name a preset ("symbols"): checked here, then validated as its steps.
  let preset: GradePresetId | null = null;
  if (input && typeof input === 'object' && typeof (input as { gradeScale?: unknown }).gradeScale === 'string') {
    const name = (input as { gradeScale: string }).gradeScale;
    if (!(GRADE_PRESET_IDS as readonly string[]).includes(name))
      return {
        ok: false,
        errors: [`gradeScale: unknown preset / 不明な区分のプリセット: ${name} (${GRADE_PRESET_IDS.join(', ')})`],
      };
    preset = name as GradePresetId;
    input = { ...(input as object), gradeScale: presetSteps(preset) };
  }
  const r = profileSchema.safeParse(input);
  const reported = new Set<string>();
  const errors = r.success
    ? []
    : r.error.issues.map((i) => {
        const path = pathText(i.path);
        if (i.code !== 'unrecognized_keys') return `${path}: ${i.message}`;
        for (const k of i.keys) reported.add(`${path}\u0000${k}`);
        return `${path}: unknown key(s) / 不明なキー: ${i.keys.join(', ')}`;
      });
  // Records (rules, columns, headerSpellings) drop a "__proto__" key without a word: name it too.
  for (const { path, key } of prototypeKeys(input, [])) {
    const at = pathText(path);
    if (!reported.has(`${at}\u0000${key}`)) errors.push(`${at}: unknown key(s) / 不明なキー: ${key}`);
  }
  if (!r.success || errors.length) return { ok: false, errors };
  const p = r.data;
  return {
    ok: true,
    profile: {
      requiredColumns: p.requiredColumns ?? DEFAULT_PROFILE.requiredColumns,
      requiredCells: p.requiredCells ?? DEFAULT_PROFILE.requiredCells,
      headerSpellings: { ...(p.headerSpellings ?? {}) },
      gradeScale: p.gradeScale ? p.gradeScale.map((st) => ({ ...st })) : DEFAULT_PROFILE.gradeScale,
      gradePreset: preset,
      noKpiGrade: p.noKpiGrade ?? DEFAULT_PROFILE.noKpiGrade,
      placeholders: [...(p.placeholders ?? [])],
      rules: { ...(p.rules ?? {}) },
      columns: { ...(p.columns ?? {}) },
      headerRow: p.headerRow ?? null,
      direction: (p.direction ?? []).map((d) => ({ ...d })),
      rateFormula: p.rateFormula ?? 'ratio',
    },
  };
}

function pathText(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(profile)';
}

/** Keys that name an object's prototype machinery: never a setting, always reported. */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Every own key of PROTOTYPE_KEYS at any depth of the parsed JSON, with the path of the object holding it. */
function prototypeKeys(v: unknown, path: (string | number)[]): { path: (string | number)[]; key: string }[] {
  if (v === null || typeof v !== 'object' || path.length > 8) return [];
  const out: { path: (string | number)[]; key: string }[] = [];
  for (const key of Object.keys(v)) {
    if (PROTOTYPE_KEYS.has(key)) out.push({ path, key });
    else out.push(...prototypeKeys((v as Record<string, unknown>)[key], [...path, Array.isArray(v) ? Number(key) : key]));
  }
  return out;
}

/** Parse profile JSON text (a UTF-8 byte order mark before it is allowed); a syntax error is reported like a bad key. */
export function parseProfileText(text: string): ProfileResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, errors: [`(profile): not valid JSON / JSON として読めません: ${(e as Error).message}`] };
  }
  return parseProfile(json);
}
