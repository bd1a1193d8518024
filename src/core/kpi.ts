import { cellText, isExcelError, type CellValue, type Grid } from './grid';
import type { GradeStatus, KpiAmount, KpiDirection, KpiItem, KpiRow } from './kpi.types';
import type { Profile, RateFormula } from './profile';
import { parseFiscalYear } from './years';
import { perText } from './memo';
import { scaleHasThresholds } from './gradeScales';
import { gradeKeyOf } from './scale';
import { hasHtmlMarkup, htmlToText, nfkc } from './text';
import type { Layout } from './types';

export type { GradeStatus, KpiAmount, KpiDirection, KpiItem, KpiRow } from './kpi.types';

export type KpiKind = 'target' | 'actual';

/** One numbered (①②…) or unnumbered piece of a KPI cell and the amount read from it. */
export interface KpiTextItem {
  /** 1 for ①, 2 for ② …; 0 when unnumbered. */
  index: number;
  /** The piece of the cell's text (after the circled number). */
  text: string;
  amount: KpiAmount | null;
}

export interface KpiParseOptions {
  /** Which kind of cell the text is from: annotations labelled with the other kind are ignored. */
  kind?: KpiKind;
  /** The table's fiscal year (western): annotations naming another year are ignored. */
  fiscalYear?: number | null;
  /** Prefer a number with this unit when the text holds several (the target's unit, for actuals). */
  unitHint?: string;
}

// ---------------------------------------------------------------------------------------------
// Splitting a cell into numbered KPIs

function circledIndex(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1; // ①–⑳
  if (c >= 0x3251 && c <= 0x325f) return c - 0x3251 + 21; // ㉑–㉟
  if (c >= 0x32b1 && c <= 0x32bf) return c - 0x32b1 + 36; // ㊱–㊿
  if (c >= 0x2776 && c <= 0x277f) return c - 0x2776 + 1; // ❶–❿
  return 0;
}

const CIRCLED_RE = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u277f]/gu;

/**
 * Split a KPI cell at its circled numbers. Text before the first number is dropped when there are
 * numbered pieces (it is a heading such as the department); a cell without numbers is one piece, index 0.
 */
export function splitKpiText(text: string): { index: number; text: string }[] {
  const plain = hasHtmlMarkup(text) ? htmlToText(text) : text;
  const marks = [...plain.matchAll(CIRCLED_RE)];
  if (marks.length === 0) return plain.trim() === '' ? [] : [{ index: 0, text: plain.trim() }];
  return marks.map((m, i) => {
    const start = m.index + m[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : plain.length;
    return { index: circledIndex(m[0]), text: plain.slice(start, end).trim() };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading one amount

/** Unit spellings (after NFKC) → normalised unit, longest first within overlapping spellings. */
const UNITS: [string, string][] = [
  ['市町村', '市町村'],
  ['事業所', '事業所'],
  ['パーセント', '%'],
  ['箇所', 'か所'],
  ['か所', 'か所'],
  ['カ所', 'か所'],
  ['ヶ所', 'か所'],
  ['ケ所', 'か所'],
  ['ヵ所', 'か所'],
  ['個所', 'か所'],
  ['種類', '種類'],
  ['団体', '団体'],
  ['拠点', '拠点'],
  ['施設', '施設'],
  ['世帯', '世帯'],
  ['企業', '企業'],
  ['機関', '機関'],
  ['地区', '地区'],
  ['時間', '時間'],
  ['日間', '日間'],
  ['市町', '市町'],
  ['町村', '町村'],
  ['人', '人'],
  ['名', '人'],
  ['件', '件'],
  ['回', '回'],
  ['社', '社'],
  ['校', '校'],
  ['園', '園'],
  ['部', '部'],
  ['冊', '冊'],
  ['枚', '枚'],
  ['%', '%'],
  ['割', '割'],
  ['円', '円'],
  ['市', '市'],
  ['町', '町'],
  ['村', '村'],
];
const UNIT_MAP = new Map(UNITS);
const UNIT_ALT = UNITS.map(([s]) => s).join('|');

const NUMBER_RE = new RegExp(`(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(万|千|億)?\\s*(${UNIT_ALT})?`, 'gu');

/** Dates, years and ordinals whose digits are not amounts. */
const NOT_AMOUNT_RES: RegExp[] = [
  // 令和6年度, R6年度, R7.3月末, H30.4.1, 令和元年
  /(?<![A-Za-z])(?:令和|平成|R|H)\s*(?:元|\d{1,2})(?:\s*[./年]\s*\d{1,2}(?:\s*[./月]\s*\d{1,2})?)?\s*(?:年度|年|月末?|日)?/gu,
  /\d{4}\s*(?:年度|年|[./]\s*\d{1,2}(?:\s*[./]\s*\d{1,2})?)/gu,
  /\d{1,2}\s*月\s*(?:\d{1,2}\s*日|末|初旬|中旬|下旬)?/gu,
  /第\s*\d+\s*\S/gu,
  // Only from the first digit of a run: started inside a long run it would rescan it (quadratic).
  /(?<!\d)\d+\s*(?:つ目|番目|次|期)/gu,
];

interface Candidate {
  amount: KpiAmount;
  hasUnit: boolean;
}

function candidates(text: string): Candidate[] {
  let t = text;
  for (const re of NOT_AMOUNT_RES) t = t.replace(re, (m) => ' '.repeat(m.length));
  const out: Candidate[] = [];
  for (const m of t.matchAll(NUMBER_RE)) {
    // Digits glued to Latin letters (型番, "B2") are not amounts.
    const before = t[m.index - 1] ?? '';
    if (/[A-Za-z_.]/.test(before)) continue;
    const prefix = m[3] ?? '';
    const spelled = m[4];
    let value = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    if (!Number.isFinite(value)) continue;
    let unit = spelled ? UNIT_MAP.get(spelled)! : '';
    if (unit === '割' && !prefix) {
      value *= 10;
      unit = '%';
    }
    out.push({
      amount: { value, unit: prefix + unit, source: text.slice(m.index, m.index + m[0].length).trim() },
      hasUnit: prefix + unit !== '',
    });
  }
  return out;
}

function pick(cands: Candidate[], unitHint: string | undefined): KpiAmount | null {
  if (cands.length === 0) return null;
  if (unitHint) {
    const same = cands.filter((c) => c.amount.unit === unitHint);
    if (same.length) return same[same.length - 1]!.amount;
  }
  const withUnit = cands.filter((c) => c.hasUnit);
  // The figure usually closes the KPI's description ("…につながった人数 8人"): take the last one.
  return (withUnit.length ? withUnit[withUnit.length - 1]! : cands[cands.length - 1]!).amount;
}

/**
 * The fiscal year (western) an annotation names: 「R6年度」 → 2024; a date counts in the fiscal year
 * it falls in (April–March: 「R7.3月末時点」 → 2024).
 */
export function annotationYear(text: string): number | null {
  return parseFiscalYear(text);
}

/**
 * Read the amount of one KPI piece. A parenthesised annotation naming the fiscal year and the cell's
 * kind (「（R6年度到達目標：32人）」 in a target cell) wins over the main figure; annotations naming
 * another year (「（R5年度実績：4人）」) or the other kind are ignored; other annotations are used only
 * when the main text holds no number.
 */
export function parseKpiAmount(text: string, opts: KpiParseOptions = {}): KpiAmount | null {
  const s = nfkc(text);
  const kind = opts.kind ?? 'target';
  const fy = opts.fiscalYear ?? null;
  const found: { preferred: KpiAmount | null } = { preferred: null };
  const secondary: Candidate[] = [];
  const main = s.replace(/\(([^()]*)\)|\[([^[\]]*)\]/g, (_m, a?: string, b?: string) => {
    const inner = a ?? b ?? '';
    const year = annotationYear(inner);
    const saysTarget = /目標/.test(inner);
    const saysActual = /実績|結果/.test(inner);
    const saysBaseline = /現状|基準|当初|前年/.test(inner);
    const otherKind = kind === 'target' ? saysActual && !saysTarget : saysTarget && !saysActual;
    const ownKind = kind === 'target' ? saysTarget : saysActual;
    if (saysBaseline || otherKind) return ' ';
    if (year !== null) {
      if (fy !== null && year === fy && found.preferred === null && (ownKind || (!saysTarget && !saysActual))) {
        found.preferred = pick(candidates(inner), opts.unitHint);
      }
      return ' ';
    }
    secondary.push(...candidates(inner));
    return ' ';
  });
  if (found.preferred) return found.preferred;
  return pick(candidates(main), opts.unitHint) ?? pick(secondary, opts.unitHint);
}

/** Split a KPI cell into its numbered pieces and read the amount of each. */
export function parseKpiText(text: string, opts: KpiParseOptions = {}): KpiTextItem[] {
  return splitKpiText(text).map((p) => ({ ...p, amount: parseKpiAmount(p.text, opts) }));
}

// ---------------------------------------------------------------------------------------------
// Rates and grades

const SCALE: Record<string, number> = { 万: 1e4, 千: 1e3, 億: 1e8 };

/** The amount in base units: 1.5万人 → {value: 15000, unit: 人}. */
export function baseAmount(a: KpiAmount): { value: number; unit: string } {
  const f = SCALE[a.unit.charAt(0)];
  return f ? { value: a.value * f, unit: a.unit.slice(1) } : { value: a.value, unit: a.unit };
}

export interface RateOptions {
  direction?: 'higher' | 'lower';
  /** With a baseline, progress = (actual − baseline) ÷ (target − baseline). */
  formula?: RateFormula;
  baseline?: KpiAmount | null;
}

function sameUnit(x: { unit: string }, y: { unit: string }): boolean {
  return x.unit === y.unit || x.unit === '' || y.unit === '';
}

/**
 * The achievement rate in percent: actual ÷ target, or target ÷ actual when smaller is better; with
 * the progress formula and a baseline, (actual − baseline) ÷ (target − baseline). null when either is
 * missing, the units differ (人 vs 件) or the rate is undefined (a target of 0, no way from the baseline).
 */
export function ratePercent(target: KpiAmount | null, actual: KpiAmount | null, opts: RateOptions = {}): number | null {
  if (!target || !actual) return null;
  const t = baseAmount(target);
  const a = baseAmount(actual);
  if (!sameUnit(t, a)) return null;
  if (opts.formula === 'progress' && opts.baseline) {
    const b = baseAmount(opts.baseline);
    if (sameUnit(b, t) && t.value !== b.value) return ((a.value - b.value) / (t.value - b.value)) * 100;
  }
  if (opts.direction === 'lower') {
    if (t.value < 0 || a.value < 0) return null;
    if (a.value === 0) return t.value === 0 ? 100 : null;
    return (t.value / a.value) * 100;
  }
  if (t.value <= 0) return null;
  return (a.value / t.value) * 100;
}

const LOWER_WORDS =
  /減少|削減|抑制|低減|縮減|軽減|以下|未満|下げ|減ら|ゼロ|撲滅|根絶|死亡率|死亡者?数|事故(?:件)?数|発生(?:件)?数|被害|待機児童|離職率|罹患率|喫煙率|失業率|不登校|空き家数|滞納|待ち時間|所要時間/;
const NOT_LOWER = /減少.{0,6}(?:抑制|歯止め|防止|食い止め|緩和|抑え)|(?:増加|向上|拡大|増や|上げ)/;

/** Which way the KPI should move: the profile's patterns first, then its own words (減少, 以下, 死亡率 …). */
export function kpiDirection(texts: readonly string[], profile: Profile): KpiDirection {
  const t = texts.map((x) => nfkc(x)).join('\n');
  for (const rule of profile.direction ?? []) {
    if (t.includes(nfkc(rule.pattern))) return { direction: rule.direction, from: 'profile' };
  }
  if (LOWER_WORDS.test(t) && !NOT_LOWER.test(t)) return { direction: 'lower', from: 'words' };
  return { direction: 'higher', from: 'default' };
}

const QUALITATIVE: readonly [RegExp, 'up' | 'down' | 'keep'][] = [
  [/維持|横ばい|同水準|現状程度/, 'keep'],
  [/減少|削減|低減|縮減|抑制|低下|減らす|下げる/, 'down'],
  [/増加|向上|拡大|増やす|上げる|改善|上昇/, 'up'],
];

/** A target written as a word (増加, 減少, 維持): met when the actual moved that way from the baseline. */
export function qualitativeOutcome(
  targetText: string,
  baseline: KpiAmount | null,
  actual: KpiAmount | null,
): 'met' | 'not-met' | null {
  if (!baseline || !actual) return null;
  const t = nfkc(targetText);
  const kind = QUALITATIVE.find(([re]) => re.test(t))?.[1];
  if (!kind) return null;
  const b = baseAmount(baseline);
  const a = baseAmount(actual);
  if (!sameUnit(a, b)) return null;
  const met = kind === 'up' ? a.value > b.value : kind === 'down' ? a.value < b.value : a.value >= b.value;
  return met ? 'met' : 'not-met';
}

const PENDING_RE = /^(?:\(?(?:集計中|調査中|算出中|未公表|公表前|未確定|確定前|精査中|把握中|公表予定|[^)]{0,12}公表予定)\)?)$/;

/** An actual that says it is not out yet (集計中, 調査中, 未公表, R7年度公表予定). */
export function isPendingActual(text: string): boolean {
  const t = nfkc(text).replace(/[\s\u3000]+/g, '');
  return t !== '' && t.length <= 20 && PENDING_RE.test(t);
}

/** The grade the profile's scale gives for an achievement rate (percent), or null when the scale names no thresholds. */
export function gradeForRate(percent: number, profile: Profile): string | null {
  const scale = profile.gradeScale;
  if (!scaleHasThresholds(scale)) return null;
  for (const step of scale) if (percent + 1e-9 >= step.minPercent!) return step.grade;
  return scale[scale.length - 1]!.grade;
}

const DASH_RE = /^[-ー‐‑‒–—―−－─━~〜]+$/u;
const NONE_WORDS = new Set(['なし', '無し', '該当なし', '設定なし', 'kpiなし', '対象外', 'n/a', 'na', '/']);

/** True when a KPI cell says "no KPI": "-" (any dash), なし, 該当なし … */
export function isNoKpiMark(text: string, profile: Profile): boolean {
  const t = nfkc(text).replace(/[\s\u3000]+/g, '');
  if (t === '') return false;
  return t === nfkc(profile.noKpiGrade) || DASH_RE.test(t) || NONE_WORDS.has(t.toLowerCase());
}

/** Classify a 達成度 cell under the profile's scale. */
export function normalizeGrade(text: string, profile: Profile): { status: GradeStatus; grade: string | null } {
  if (text.replace(/[\s\u3000]+/g, '') === '') return { status: 'empty', grade: null };
  const grades = profile.gradeScale.map((s) => s.grade);
  if (grades.includes(text)) return { status: 'valid', grade: text };
  if (text === profile.noKpiGrade) return { status: 'no-kpi', grade: profile.noKpiGrade };
  const key = gradeKeyOf(text);
  const g = grades.find((x) => gradeKeyOf(x) === key);
  if (g !== undefined) return { status: 'not-normalized', grade: g };
  if (key === gradeKeyOf(profile.noKpiGrade) || DASH_RE.test(key)) {
    return { status: 'not-normalized', grade: profile.noKpiGrade };
  }
  return { status: 'invalid', grade: null };
}

// ---------------------------------------------------------------------------------------------
// Rows

/** A number format that shows the value as a percentage ("0.0%", "0%"; not a literal "%" in quotes). */
export function isPercentFormat(fmt: string | null | undefined): boolean {
  return typeof fmt === 'string' && fmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

/** A number cell as Excel shows it: 0.949 under "0.0%" is 94.9 %. */
function cellAmount(v: CellValue, fmt?: string | null): KpiAmount | null {
  if (typeof v !== 'number') return null;
  if (isPercentFormat(fmt)) {
    const value = Math.round(v * 100 * 1e9) / 1e9;
    return { value, unit: '%', source: `${value}%` };
  }
  return { value: v, unit: '', source: String(v) };
}

/**
 * Reads the KPI cells of one sheet. Cells often repeat ("-", a KPI copied down a column), so each
 * distinct text is split and parsed once; rows with the same text share its KpiAmount objects.
 */
class KpiCellReader {
  private readonly pieces = perText(splitKpiText);
  private readonly amounts = new Map<string, (text: string) => KpiAmount | null>();
  private readonly single = new Map<string, (text: string) => readonly KpiTextItem[]>();

  constructor(private readonly fiscalYear: number | null | undefined) {}

  /** Pieces of a KPI cell: a number is one unnumbered piece; text is split and parsed. */
  items(v: CellValue, kind: KpiKind, hint?: (index: number) => string | undefined, fmt?: string | null): readonly KpiTextItem[] {
    if (typeof v === 'number') return [{ index: 0, text: String(v), amount: cellAmount(v, fmt) }];
    if (typeof v !== 'string' || isExcelError(v)) return [];
    const pieces = this.pieces(v);
    if (pieces.length !== 1) return pieces.map((p) => ({ ...p, amount: this.amount(p.text, kind, hint?.(p.index)) }));
    // One piece (most cells): rows with the same text and hint share one array (nobody changes it).
    return this.onePiece(kind, hint?.(pieces[0]!.index))(v);
  }

  /** The items of a cell of one piece, made once per text for this kind and unit hint. */
  private onePiece(kind: KpiKind, unitHint: string | undefined): (text: string) => readonly KpiTextItem[] {
    const key = `${kind} ${unitHint ?? ''}`;
    let read = this.single.get(key);
    if (!read) {
      read = perText((t) => {
        const p = this.pieces(t)[0]!;
        return [{ ...p, amount: this.amount(p.text, kind, unitHint) }];
      });
      this.single.set(key, read);
    }
    return read;
  }

  private amount(text: string, kind: KpiKind, unitHint: string | undefined): KpiAmount | null {
    const key = `${kind} ${unitHint ?? ''}`;
    let read = this.amounts.get(key);
    if (!read) {
      read = perText((t) => parseKpiAmount(t, { kind, fiscalYear: this.fiscalYear, unitHint }));
      this.amounts.set(key, read);
    }
    return read(text);
  }
}

/**
 * Pair target and actual pieces by their number. An unnumbered piece pairs with the other side's
 * piece when that side has exactly one.
 */
function pairItems(targets: readonly KpiTextItem[], actuals: readonly KpiTextItem[], rate: RateOptions): KpiItem[] {
  // Most cells hold one piece or none: paired here without the general case's sets and searches.
  if (targets.length > 1 || actuals.length > 1) return pairMany(targets, actuals, rate);
  const t = targets[0];
  const a = actuals[0];
  if (!t) return a ? [pairOf(a.index, null, a.amount, rate)] : [];
  if (!a) return [pairOf(t.index, t.amount, null, rate)];
  if (t.index === a.index || t.index === 0 || a.index === 0) return [pairOf(t.index || a.index, t.amount, a.amount, rate)];
  const ti = pairOf(t.index, t.amount, null, rate);
  const ai = pairOf(a.index, null, a.amount, rate);
  return t.index < a.index ? [ti, ai] : [ai, ti];
}

function pairOf(index: number, target: KpiAmount | null, actual: KpiAmount | null, rate: RateOptions): KpiItem {
  return { index, target, actual, ratePercent: ratePercent(target, actual, rate) };
}

/** Several pieces on a side: paired by number (an unnumbered piece is index 0). */
function pairMany(t: readonly KpiTextItem[], a: readonly KpiTextItem[], rate: RateOptions): KpiItem[] {
  const indices = [...new Set([...t.map((x) => x.index), ...a.map((x) => x.index)])].sort((x, y) => x - y);
  return indices.map((index) =>
    pairOf(index, t.find((x) => x.index === index)?.amount ?? null, a.find((x) => x.index === index)?.amount ?? null, rate),
  );
}

/** A rate typed as text, trimmed first: `^\s*…\s*(%)?\s*$` took seconds on "1" and 30,000 spaces. */
const RATE_TEXT_RE = /^([-+]?\d+(?:\.\d+)?)\s*(%)?$/;

/**
 * The rate column's value in percent. A number may be a fraction (0.25, a cell formatted as %) or a
 * percent (25): when the computed rate is known the closer reading wins, else numbers up to 3 are
 * read as fractions (up to 300 %).
 */
export function rateFromCell(v: CellValue, computed: number | null, fmt: string | null): number | null {
  let n: number | null = null;
  let explicitPercent = false;
  if (typeof v === 'number') {
    if (isPercentFormat(fmt)) return Number.isFinite(v) ? v * 100 : null;
    n = v;
  } else if (typeof v === 'string' && !isExcelError(v)) {
    const m = RATE_TEXT_RE.exec(nfkc(v).replace(/,/g, '').trim());
    if (m) {
      n = Number(m[1]);
      explicitPercent = m[2] === '%';
    }
  }
  if (n === null || !Number.isFinite(n)) return null;
  if (explicitPercent) return n;
  if (computed !== null) return Math.abs(n * 100 - computed) <= Math.abs(n - computed) ? n * 100 : n;
  return Math.abs(n) <= 3 ? n * 100 : n;
}

/** Parse the KPI cells of every data row (one KpiRow per layout.dataRows, in order). */
export function parseKpiRows(grid: Grid, layout: Layout, profile: Profile): KpiRow[] {
  const cols = layout.columns;
  const fy = layout.fiscalYear;
  const at = (row: number, col: number | undefined): CellValue => (col === undefined ? null : grid.value(row, col));
  const fmtAt = (row: number, col: number | undefined) => (col === undefined ? null : grid.numberFormat(row, col));
  const reader = new KpiCellReader(fy);
  const blankOrNone = perText((t) => t.trim() === '' || isNoKpiMark(t, profile));
  const gradeOf = perText((t) => normalizeGrade(t, profile));
  const pendingOf = perText(isPendingActual);
  // Judged once per name and target (two levels: a joined key would be built and hashed on every row).
  const byName = new Map<string, (target: string) => KpiDirection>();
  const directionOf = (name: string, target: string): KpiDirection => {
    let f = byName.get(name);
    if (!f) byName.set(name, (f = perText((t) => kpiDirection([name, t], profile))));
    return f(target);
  };
  const nameCol = cols.indicator ?? cols.initiative;
  return layout.dataRows.map((d) => {
    const tv = at(d.row, cols.kpi_target);
    const av = at(d.row, cols.kpi_actual);
    const gv = at(d.row, cols.grade);
    const rv = at(d.row, cols.rate);
    const bv = at(d.row, cols.baseline);
    const targetText = cellText(tv);
    const actualText = cellText(av);
    const gradeText = cellText(gv);
    const hasKpi = !blankOrNone(targetText);
    const pending = pendingOf(actualText);
    const hasActual = !blankOrNone(actualText) && !pending;
    const baseline =
      bv === null || blankOrNone(cellText(bv))
        ? null
        : (reader.items(bv, 'actual', undefined, fmtAt(d.row, cols.baseline))[0]?.amount ?? null);
    const targets = hasKpi ? reader.items(tv, 'target', undefined, fmtAt(d.row, cols.kpi_target)) : [];
    // The KPI's words say its direction: read only for rows with a KPI, each name and target once.
    let direction: KpiDirection = hasKpi
      ? directionOf(
          nameCol === undefined ? '' : grid.shownText(d.row, nameCol).slice(0, 200),
          typeof tv === 'string' ? tv.slice(0, 200) : '',
        )
      : { direction: 'higher', from: 'default' };
    // A target below the baseline says that smaller is better (死亡率 84.3 → 73.9), whatever the words.
    const target0 = targets.length === 1 ? targets[0]!.amount : null;
    if (direction.from === 'default' && baseline && target0) {
      const b = baseAmount(baseline);
      const t = baseAmount(target0);
      if (sameUnit(b, t) && t.value < b.value) direction = { direction: 'lower', from: 'baseline' };
    }
    const rate: RateOptions = { direction: direction.direction, formula: profile.rateFormula, baseline };

    let items: KpiItem[] = [];
    if (hasKpi) {
      const unitOf = (index: number) =>
        (targets.length === 1 ? targets[0] : targets.find((t) => t.index === index))?.amount?.unit || undefined;
      const actuals = hasActual ? reader.items(av, 'actual', unitOf, fmtAt(d.row, cols.kpi_actual)) : [];
      items = pairItems(targets, actuals, rate);
    }
    let qualitative: KpiRow['qualitative'] = null;
    if (hasKpi && items.length <= 1 && items.every((i) => i.target === null)) {
      qualitative = qualitativeOutcome(targetText, baseline, items[0]?.actual ?? null);
      if (qualitative === 'met' && items[0]) items[0].ratePercent = 100;
    }
    const firstRate = items.find((i) => i.ratePercent !== null)?.ratePercent ?? null;
    const fromColumn = hasKpi || rv !== null ? rateFromCell(rv, firstRate, fmtAt(d.row, cols.rate)) : null;
    const { status, grade } = gradeOf(gradeText);
    const errorCell = isExcelError(tv) || (hasActual && isExcelError(av));
    const unparsed =
      hasKpi &&
      !errorCell &&
      fromColumn === null &&
      qualitative === null &&
      (items.every((i) => i.target === null) || (hasActual && items.every((i) => i.actual === null)));
    return {
      row: d.row,
      targetText,
      actualText,
      gradeText,
      hasKpi,
      hasActual,
      items,
      // The rate computed from the target and actual wins over a typed one (rate-mismatch reports that).
      ratePercent: hasKpi ? (firstRate ?? fromColumn) : null,
      gradeStatus: status,
      grade,
      unparsed,
      direction,
      baseline,
      typedRatePercent: fromColumn,
      computedRatePercent: firstRate,
      qualitative,
      pending,
    };
  });
}
