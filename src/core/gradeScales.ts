/**
 * Grade scales (評価の区分) shipped as named presets. A step's minPercent ties the grade to the
 * achievement rate (actual ÷ target, or progress from the baseline); a scale without thresholds is
 * checked for its grades only (missing, not on the scale, written differently), never against a rate.
 */
import type { Localized } from './types';

/** One step of the grade scale, best first: the grade is given when the rate ≥ minPercent. */
export interface GradeStep {
  grade: string;
  /** Omitted when the scale does not tie the grade to a rate (◎○△× without a legend). */
  minPercent?: number;
  /** What the grade means, as the legend or the preset says ("目標達成"). */
  meaning?: string;
}

export const GRADE_PRESET_IDS = ['letters', 'abcd', 'symbols', 'achievement', 'progress', 'change', 'a-1'] as const;
export type GradePresetId = (typeof GRADE_PRESET_IDS)[number];

export interface GradePreset {
  id: GradePresetId;
  name: Localized;
  steps: readonly GradeStep[];
}

const step = (grade: string, meaning: string, minPercent?: number): GradeStep =>
  minPercent === undefined ? { grade, meaning } : { grade, minPercent, meaning };

export const GRADE_PRESETS: Readonly<Record<GradePresetId, GradePreset>> = {
  letters: {
    id: 'letters',
    name: { ja: 'S・A・B・C・D（既定）', en: 'S, A, B, C, D (default)' },
    steps: [
      step('S', '目標を大きく上回る（120%以上）', 120),
      step('A', '目標達成（100%以上）', 100),
      step('B', '概ね達成（80%以上）', 80),
      step('C', '一部達成（50%以上）', 50),
      step('D', '未達成（50%未満）', 0),
    ],
  },
  abcd: {
    id: 'abcd',
    name: { ja: 'A・B・C・D', en: 'A, B, C, D' },
    steps: [
      step('A', '目標達成（100%以上）', 100),
      step('B', '概ね達成（80%以上）', 80),
      step('C', '一部達成（50%以上）', 50),
      step('D', '未達成（50%未満）', 0),
    ],
  },
  symbols: {
    id: 'symbols',
    name: { ja: '◎・○・△・×', en: '◎, ○, △, ×' },
    steps: [step('◎', '達成'), step('○', '概ね達成'), step('△', '一部達成・遅れ'), step('×', '未達成')],
  },
  achievement: {
    id: 'achievement',
    name: { ja: '達成・概ね達成・未達成', en: 'achieved / mostly / not achieved' },
    steps: [step('達成', '目標を達成'), step('概ね達成', '目標に近い'), step('未達成', '目標に届かない')],
  },
  progress: {
    id: 'progress',
    name: { ja: '順調・概ね順調・やや遅れ・遅れ', en: 'on track / mostly / slightly behind / behind' },
    steps: [
      step('順調', '計画どおり'),
      step('概ね順調', 'ほぼ計画どおり'),
      step('やや遅れ', '少し遅れている'),
      step('遅れ', '遅れている'),
    ],
  },
  change: {
    id: 'change',
    name: { ja: '改善・変化なし・悪化', en: 'improved / unchanged / worse' },
    steps: [step('改善', '基準値より良くなった'), step('変化なし', '基準値と同程度'), step('悪化', '基準値より悪くなった')],
  },
  'a-1': {
    id: 'a-1',
    name: { ja: 'A-1・A-2・B・C', en: 'A-1, A-2, B, C' },
    steps: [step('A-1', '目標を達成'), step('A-2', '目標に向け順調'), step('B', '一部遅れ'), step('C', '遅れ')],
  },
};

/** The scale's steps as a fresh array (callers may keep or change it). */
export function presetSteps(id: GradePresetId): GradeStep[] {
  return GRADE_PRESETS[id].steps.map((s) => ({ ...s }));
}

/** True when every step of the scale names a threshold, so grades can be compared with a rate. */
export function scaleHasThresholds(steps: readonly GradeStep[]): boolean {
  return steps.length > 0 && steps.every((s) => typeof s.minPercent === 'number');
}
