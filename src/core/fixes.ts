/**
 * Quick fixes, the `--fix` of spreadsheets: a fix is data a rule attaches to its finding (the cell,
 * the text it holds, the text it should hold), decided here once; the Office.js adapter and the
 * .xlsx writer each apply it, and the pane's 元に戻す applies it backwards.
 */
import type { Grid } from './grid';
import type { Finding } from './types';

export interface Fix {
  /** 0-based sheet cell. */
  row: number;
  col: number;
  /** The text the cell holds now ("" for an empty cell): a fix applies only while it still does. */
  from: string;
  to: string;
  /**
   * True when the fix is certain (Ｂ → B, stray spaces, HTML tags): offered one click and in
   * 安全な修正をまとめて適用. False for a suggestion (a grade from the rate): applied only on an
   * explicit click on its finding, never in bulk.
   */
  safe: boolean;
}

const ERROR_TEXT = /^#(?:DIV\/0!|REF!|VALUE!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i;

/**
 * True when Excel keeps the text as that very text when it is written to a General cell (as typed):
 * not a formula (= + - @), not a number, percentage, date, time, TRUE/FALSE or error code, no
 * leading apostrophe, no leading or trailing line break. Only such texts are written by a fix, so a
 * fix and its undo never change a cell's type and never start a formula.
 */
export function entersAsText(s: string): boolean {
  if (s === '') return true;
  if (/^[=+\-@']/.test(s)) return false;
  const t = s.normalize('NFKC').trim();
  if (t === '') return false;
  if (/^[+-]?[\d,.]*\d[\d,.]*(?:[eE][+-]?\d+)?\s*%?$/.test(t)) return false;
  if (/^[¥$]\s*[\d,.]+$/.test(t)) return false;
  if (/^\d{1,4}[/-]\d{1,2}(?:[/-]\d{1,4})?$/.test(t) || /^\d{1,2}:\d{2}(?::\d{2})?$/.test(t)) return false;
  if (/^(?:true|false)$/i.test(t) || ERROR_TEXT.test(t)) return false;
  return true;
}

/**
 * The fix of one cell, or undefined when it cannot be certain: the cell holds a formula, is not text
 * (or empty), or either text would not stay text in Excel.
 */
export function cellFix(grid: Grid, row: number, col: number, to: string, safe = true): Fix | undefined {
  if (grid.formula(row, col) !== null) return undefined;
  const v = grid.value(row, col);
  if (v !== null && typeof v !== 'string') return undefined;
  const from = v ?? '';
  if (from === to || !entersAsText(from) || !entersAsText(to)) return undefined;
  return { row, col, from, to, safe };
}

/** Leading and trailing spaces (full-width too) removed, runs of spaces inside a line made one. */
export function fixSpaces(text: string): string {
  return text
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
    .replace(/([^\s\u3000])([ \t\u3000]{2,})(?=[^\s\u3000])/gu, (_, a: string, run: string) => a + run.charAt(0));
}

/** The certain fixes among findings, one per cell (the first), in the findings' order. */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  const seen = new Set<string>();
  const out: Fix[] = [];
  for (const f of findings) {
    if (!f.fix?.safe) continue;
    const key = `${f.fix.row}:${f.fix.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f.fix);
  }
  return out;
}

/** The fixes that undo `fixes` (to → from), for the pane's 元に戻す. */
export function reverseFixes(fixes: readonly Fix[]): Fix[] {
  return fixes.map((f) => ({ ...f, from: f.to, to: f.from }));
}
