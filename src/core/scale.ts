/**
 * The grade scale in force for one table: the profile's when it sets one; else the legend written
 * under (or above) the table; else the shipped preset whose grades the table uses; else S–D.
 */
import { cellText, type Grid } from './grid';
import { GRADE_PRESETS, presetSteps, type GradePresetId, type GradeStep } from './gradeScales';
import { parseLegend } from './legend';
import { gradeScaleIsAuto, type Profile } from './profile';
import { nfkc } from './text';
import type { Layout, NearText } from './types';

export type GradeScaleSource = 'profile' | 'legend' | 'preset' | 'default';

export interface GradeScaleInForce {
  source: GradeScaleSource;
  /** The preset the scale is, when it is one. */
  preset: GradePresetId | null;
  steps: GradeStep[];
  /** Where the legend was read (0-based sheet cell), when source is legend. */
  legend: { row: number; col: number } | null;
}

/** The form in which grades are compared: NFKC, no spaces, upper case, 〇 as ○, おおむね as 概ね. */
export function gradeKeyOf(text: string): string {
  return nfkc(text)
    .replace(/[\s\u3000]+/g, '')
    .replace(/〇/g, '○')
    .replace(/[✕✖]/g, '×')
    .replace(/おおむね/g, '概ね')
    .toUpperCase();
}

/** Preset order when guessing from the grades in use: the letters first (the sample's family). */
const GUESS_ORDER: readonly GradePresetId[] = ['letters', 'symbols', 'achievement', 'progress', 'change', 'a-1'];

function isDashLike(t: string): boolean {
  return /^[-ー‐‑‒–—―−－─━~〜/／]+$/u.test(t);
}

/** The grades written in a table's grade column (each distinct text once, empty and dashes left out). */
export function gradesInUse(grid: Grid, layout: Layout, noKpiGrade: string): string[] {
  const col = layout.columns.grade;
  if (col === undefined) return [];
  const out = new Set<string>();
  for (const d of layout.dataRows) {
    const t = cellText(grid.value(d.row, col)).trim();
    if (t === '' || t === noKpiGrade || isDashLike(nfkc(t)) || t.length > 12) continue;
    out.add(t);
  }
  return [...out];
}

/**
 * Where every grade in the table is written one way that differs from the scale's own (all
 * full-width: Ａ Ｂ Ｃ), that is the table's spelling: the scale takes it, so that a consistent table
 * raises no grade-not-normalized on every row.
 */
function tableSpelling(steps: GradeStep[], used: readonly string[]): GradeStep[] {
  const canonical = new Set(steps.map((s) => s.grade));
  const matched = used.filter((u) => steps.some((s) => gradeKeyOf(s.grade) === gradeKeyOf(u)));
  if (matched.length < 2 || matched.some((u) => canonical.has(u))) return steps;
  const spelling = new Map<string, string>();
  for (const u of matched) {
    const k = gradeKeyOf(u);
    if (spelling.has(k) && spelling.get(k) !== u) return steps;
    spelling.set(k, u);
  }
  return steps.map((s) => ({ ...s, grade: spelling.get(gradeKeyOf(s.grade)) ?? s.grade }));
}

/**
 * @param sheetTexts texts near the sheet's other tables: one legend under the last table often serves
 *   them all.
 */
export function resolveGradeScale(
  grid: Grid,
  layout: Layout,
  profile: Profile,
  sheetTexts: readonly NearText[] = [],
): GradeScaleInForce {
  if (!gradeScaleIsAuto(profile))
    return { source: 'profile', preset: profile.gradePreset, steps: profile.gradeScale.map((s) => ({ ...s })), legend: null };
  const used = gradesInUse(grid, layout, profile.noKpiGrade);
  const usedKeys = used.map(gradeKeyOf);
  if (layout.columns.grade !== undefined) {
    for (const texts of [layout.nearTexts, sheetTexts]) {
      const legend = parseLegend(texts, used);
      if (!legend) continue;
      const keys = new Set(legend.steps.map((s) => gradeKeyOf(s.grade)));
      const onLegend = usedKeys.filter((k) => keys.has(k)).length;
      if (used.length === 0 || onLegend * 2 >= used.length)
        return { source: 'legend', preset: null, steps: legend.steps, legend: { row: legend.row, col: legend.col } };
    }
  }
  if (usedKeys.length > 0) {
    // The preset that holds most of the grades in use (a stray 済 or やや改善 is then reported as invalid).
    let best: { id: GradePresetId; n: number } | null = null;
    for (const id of GUESS_ORDER) {
      const keys = new Set(GRADE_PRESETS[id].steps.map((s) => gradeKeyOf(s.grade)));
      const n = usedKeys.filter((k) => keys.has(k)).length;
      if (n * 2 > usedKeys.length && (!best || n > best.n)) best = { id, n };
    }
    if (best) {
      const steps = tableSpelling(presetSteps(best.id), used);
      if (best.id === 'letters')
        return { source: 'default', preset: 'letters', steps: withDefaultRef(steps, profile), legend: null };
      return { source: 'preset', preset: best.id, steps, legend: null };
    }
  }
  return { source: 'default', preset: 'letters', steps: profile.gradeScale, legend: null };
}

/** The default scale keeps its identity (the profile's own array) unless the table's spelling changed it. */
function withDefaultRef(steps: GradeStep[], profile: Profile): GradeStep[] {
  const same = steps.every((s, i) => s.grade === profile.gradeScale[i]?.grade);
  return same ? profile.gradeScale : steps;
}
