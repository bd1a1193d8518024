/** Parsed KPI cells. Implemented in kpi.ts; the types live here so every module shares them. */

/** A number with its unit as read from KPI text ("8人" → {value: 8, unit: "人"}). */
export interface KpiAmount {
  value: number;
  /** Normalised unit: 人, 件, 回, か所, 市町村, %, 万人 …; "" when none. */
  unit: string;
  /** The piece of text the number was read from. */
  source: string;
}

/** One KPI in a cell (cells may hold several, numbered ①②…). */
export interface KpiItem {
  /** 1 for ①, 2 for ② …; 0 when unnumbered. */
  index: number;
  target: KpiAmount | null;
  actual: KpiAmount | null;
  /** actual ÷ target × 100 when both are known and target > 0, else null. */
  ratePercent: number | null;
}

export type GradeStatus =
  /** 達成度 cell empty. */
  | 'empty'
  /** One of the scale's grades, written exactly. */
  | 'valid'
  /** A scale grade written differently (Ｂ, b, " B "): normalised holds the grade. */
  | 'not-normalized'
  /** The no-KPI mark ("-", also ー/－/— are read as it but flagged not-normalized). */
  | 'no-kpi'
  /** Anything else. */
  | 'invalid';

/** Whether a bigger or a smaller figure is better for the KPI, and why the engine thinks so. */
export interface KpiDirection {
  direction: 'higher' | 'lower';
  /** words: the KPI's own words (減少, 以下 …); profile: a direction pattern of the profile; default. */
  from: 'words' | 'profile' | 'baseline' | 'default';
}

export interface KpiRow {
  /** Sheet row (0-based). */
  row: number;
  targetText: string;
  actualText: string;
  gradeText: string;
  /** The target cell holds a KPI (not empty and not the no-KPI mark). */
  hasKpi: boolean;
  /** The actual cell holds something other than empty / the no-KPI mark. */
  hasActual: boolean;
  items: KpiItem[];
  /**
   * The row's achievement rate in percent: the first item's computed rate, else the rate column's
   * number (0.25 → 25 %, 25 → 25 %, 0.949 under "0.0%" → 94.9 %); null when unknown.
   */
  ratePercent: number | null;
  gradeStatus: GradeStatus;
  /** The grade as it should be written (scale grade or the no-KPI mark), or null when empty/invalid. */
  grade: string | null;
  /** hasKpi but no number could be read from the target (or from a non-empty actual). */
  unparsed: boolean;
  direction: KpiDirection;
  /** The baseline (基準値, 策定時) when the table has one and it holds a figure. */
  baseline: KpiAmount | null;
  /** The rate typed in the rate column (percent, as Excel shows it), or null. */
  typedRatePercent: number | null;
  /** actual ÷ target (or the direction's and the profile's formula) of the first rated KPI, or null. */
  computedRatePercent: number | null;
  /** A word target (減少, 増加, 維持) compared with the baseline: met or not; null when there is none. */
  qualitative: 'met' | 'not-met' | null;
  /** The actual says it is not out yet (集計中, 調査中, 未公表 …): neither missing nor gradable. */
  pending: boolean;
}
