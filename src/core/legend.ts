/**
 * The grade legend staff write under (or above) a table: 「※ A：目標達成（100%以上） B：80%以上 C：50%以上
 * D：50%未満」, 「◎：達成 ○：概ね達成 △：遅れ」, one grade per row, or grade and meaning in cells side by side.
 * Read into a grade scale, with thresholds when the legend states them for every grade.
 */
import type { GradeStep } from './gradeScales';
import { nfkc } from './text';

/** Grade words of the shipped scales and their kin, longest first so that 概ね達成 wins over 達成. */
const WORDS = [
  '概ね達成',
  '一部達成',
  '未達成',
  '達成',
  '概ね順調',
  '順調',
  'やや遅れ',
  '大幅な遅れ',
  '遅れ',
  '変化なし',
  '横ばい',
  '改善',
  '悪化',
];
const SYMBOLS = '◎○〇●△▲×✕☆★◇◆□■';
const BASE_TOKENS = `${WORDS.join('|')}|[A-Ea-eS](?:-[1-3]|\\+)?|[${SYMBOLS}]`;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Grade tokens: the shipped words, letters (A-1, B+) and symbols, and the grades the table itself uses. */
function tokenRe(extra: readonly string[]): string {
  const own = [...new Set(extra.map((g) => nfkc(g).trim()).filter((g) => g.length >= 1 && g.length <= 12))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe);
  return `(?:${own.length ? own.join('|') + '|' : ''}${BASE_TOKENS})`;
}

/** A token at a boundary, then a separator (：, :, ＝, =, …) — or the token alone in its cell, marked with \uE000. */
function entryRe(token: string): RegExp {
  return new RegExp(`(?<=^|[\\s\\u3000、,。・※()【】\\[\\]\\uE000\\uE001])(${token})\\s*(?:[:=…‥]|\\uE000)`, 'gu');
}
const MIN_RE = /(\d+(?:\.\d+)?)\s*%\s*(?:以上|超)|(\d+(?:\.\d+)?)\s*割\s*(?:以上|超)/;
const BELOW_RE = /(\d+(?:\.\d+)?)\s*(?:%|割)\s*(?:未満|以下|を下回)/;
const ACHIEVED_RE = /達成|上回|以上/;
/** What a meaning never ends with: list separators and spaces. */
const MEANING_TAIL = /[、,・\s]/;

/**
 * The text without the characters of `tail` at its end: what `replace(/[…]+$/, '')` does, in linear
 * time (that pattern took seconds on a meaning of 30,000 「、」 followed by one other character).
 */
function trimTrailing(s: string, tail: RegExp): string {
  let end = s.length;
  while (end > 0 && tail.test(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

export interface Legend {
  /** Sheet row of the first legend text. */
  row: number;
  col: number;
  steps: GradeStep[];
}

export interface LegendText {
  row: number;
  col: number;
  text: string;
}

function legendKey(t: string): string {
  return normalizeGradeToken(nfkc(t).trim()).toUpperCase();
}

const LOOKS_RE = new RegExp(`(?:^|[\\s\\u3000、,。・※()【】])(?:評価|判定|区分)?(?:${BASE_TOKENS})\\s*[:=]`, 'gu');

const STARTS_RE = new RegExp(`^\\s*(?:※\\s*)?(?:${BASE_TOKENS})\\s*[:=]`, 'u');

/** A text that reads like a grade legend: two or more "grade：meaning" entries (or one, after 評価). */
export function looksLikeLegend(text: string): boolean {
  if (typeof text !== 'string' || text.length > 2000) return false;
  const t = nfkc(text);
  const n = [...t.matchAll(LOOKS_RE)].length;
  return n >= 2 || (n === 1 && (/^\s*(?:※\s*)?(?:評価|判定|区分)/.test(t) || STARTS_RE.test(t)));
}

function normalizeGradeToken(t: string): string {
  return t === '〇' ? '○' : t === '✕' ? '×' : t;
}

/**
 * Read a legend from texts (in sheet order). Needs at least two distinct grades; thresholds are kept
 * only when every grade gets one (the first grade's 目標達成 is 100 %, the last grade's 〜未満 is 0 %)
 * and they fall from the first grade to the last.
 */
export function parseLegend(texts: readonly LegendText[], grades: readonly string[] = []): Legend | null {
  if (texts.length === 0) return null;
  const token = tokenRe(grades);
  const bare = new RegExp(`^${token}$`, 'u');
  // A grade alone in its cell reads as "grade：meaning" with the next cell.
  // Cells of one row are joined with \uE000, rows with \uE001: a meaning ends with its row.
  const joined = texts
    .map((t, i) => {
      const s = nfkc(t.text)
        .replace(/[\r\n]+/g, ' ')
        .replace(/(評価|判定|区分)(?=\S{1,4}\s*[:=])/g, '$1 ')
        .trim();
      const sep = i === 0 ? '' : texts[i - 1]!.row === t.row ? '\uE000 ' : '\uE001 ';
      return sep + (bare.test(s) ? `\uE000${s}\uE000` : s);
    })
    .join('');
  const entries: { grade: string; start: number; end: number }[] = [];
  for (const m of joined.matchAll(entryRe(token))) {
    entries.push({ grade: normalizeGradeToken(m[1]!), start: m.index, end: m.index + m[0].length });
  }
  const steps: GradeStep[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (steps.some((s) => s.grade === e.grade)) continue;
    const next = entries[i + 1]?.start ?? joined.length;
    const rowEnd = joined.indexOf('\uE001', e.end);
    const spaced = joined
      .slice(e.end, rowEnd >= 0 && rowEnd < next ? rowEnd : next)
      .replace(/[\uE000]/g, ' ')
      .replace(/\s+/g, ' ');
    const meaning = trimTrailing(spaced, MEANING_TAIL).trim();
    steps.push({ grade: e.grade, meaning: meaning.slice(0, 200) });
  }
  // A grade's meaning is a phrase; a paragraph after a lone ◎ is commentary, not a legend.
  // An entry without a meaning (評価 | ○) is a mark, one with a paragraph is commentary: neither is a legend.
  const kept = steps.filter((s) => (s.meaning ?? '') !== '' && (s.meaning ?? '').length <= 100);
  steps.splice(0, steps.length, ...kept);
  if (steps.length < 2) return null;
  // A legend's grades are all letters, all symbols or all words; where legends of several columns stand
  // together (重点化 ◎〇, 状況 順調/遅れ), the one whose grades the table uses wins.
  const kind = (g: string) => (/^[A-Za-z]/.test(g) ? 'letter' : SYMBOLS.includes(g) ? 'symbol' : 'word');
  if (new Set(steps.map((s) => kind(s.grade))).size > 1) {
    const used = new Set(grades.map(legendKey));
    const groups = ['letter', 'symbol', 'word'].map((k) => steps.filter((s) => kind(s.grade) === k)).filter((g) => g.length >= 2);
    const score = (g: GradeStep[]) => g.filter((s) => used.has(legendKey(s.grade))).length;
    const best = groups.sort((a, b) => score(b) - score(a))[0];
    if (!best) return null;
    steps.splice(0, steps.length, ...best);
  }
  addThresholds(steps);
  const first = texts.find((t) => nfkc(t.text).includes(steps[0]!.grade)) ?? texts[0]!;
  return { row: first.row, col: first.col, steps };
}

function addThresholds(steps: GradeStep[]): void {
  const mins = steps.map((s, i): number | undefined => {
    const meaning = s.meaning ?? '';
    const m = MIN_RE.exec(meaning);
    if (m) return m[1] !== undefined ? Number(m[1]) : Number(m[2]) * 10;
    if (i === steps.length - 1 && BELOW_RE.test(meaning)) return 0;
    if (i === 0 && ACHIEVED_RE.test(meaning)) return 100;
    return undefined;
  });
  const ok = mins.every((m, i) => m !== undefined && (i === 0 || m < mins[i - 1]!));
  if (!ok) return;
  steps.forEach((s, i) => (s.minPercent = mins[i]!));
}
