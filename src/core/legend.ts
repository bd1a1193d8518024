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
const TOKEN = `(?:${WORDS.join('|')}|[A-Ea-eS](?:-[1-3])?|[${SYMBOLS}])`;
/** A token at a boundary, then a separator (：, :, ＝, =, …) — or the token alone in its cell, marked with \u0001. */
const ENTRY_RE = new RegExp(`(?<=^|[\\s\\u3000、,。・※()【】\\[\\]\\u0001])(${TOKEN})\\s*(?:[:=…‥]|\\u0001)`, 'gu');
const MIN_RE = /(\d+(?:\.\d+)?)\s*%\s*(?:以上|超)|(\d+(?:\.\d+)?)\s*割\s*(?:以上|超)/;
const BELOW_RE = /(\d+(?:\.\d+)?)\s*(?:%|割)\s*(?:未満|以下|を下回)/;
const ACHIEVED_RE = /達成|上回|以上/;

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

/** A cell that holds nothing but a grade token ("A", "◎"): joined to the next cell as "A：…". */
const BARE_TOKEN = new RegExp(`^${TOKEN}$`, 'u');

/** Join the cells of one row so that a grade alone in its cell reads as "grade：meaning". */
export function joinLegendCells(cells: readonly string[]): string {
  return cells
    .map((c) => {
      const t = nfkc(c).trim();
      return BARE_TOKEN.test(t) ? `\u0001${t}\u0001` : t;
    })
    .join(' ');
}

function normalizeGradeToken(t: string): string {
  return t === '〇' ? '○' : t === '✕' ? '×' : t;
}

/**
 * Read a legend from texts (in sheet order). Needs at least two distinct grades; thresholds are kept
 * only when every grade gets one (the first grade's 目標達成 is 100 %, the last grade's 〜未満 is 0 %)
 * and they fall from the first grade to the last.
 */
export function parseLegend(texts: readonly LegendText[]): Legend | null {
  if (texts.length === 0) return null;
  const joined = texts.map((t) => nfkc(t.text).replace(/[\r\n]+/g, ' ')).join('\u0001 ');
  const entries: { grade: string; start: number; end: number }[] = [];
  for (const m of joined.matchAll(ENTRY_RE)) {
    entries.push({ grade: normalizeGradeToken(m[1]!), start: m.index, end: m.index + m[0].length });
  }
  const steps: GradeStep[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (steps.some((s) => s.grade === e.grade)) continue;
    const meaning = joined
      .slice(e.end, entries[i + 1]?.start ?? joined.length)
      .replace(/[\u0001]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/[、,・\s]+$/, '')
      .trim();
    steps.push({ grade: e.grade, meaning: meaning.slice(0, 200) });
  }
  if (steps.length < 2) return null;
  // A legend's grades are all letters, all symbols or all words.
  const kind = (g: string) => (/^[A-Za-z]/.test(g) ? 'letter' : SYMBOLS.includes(g) ? 'symbol' : 'word');
  if (new Set(steps.map((s) => kind(s.grade))).size > 1) return null;
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
