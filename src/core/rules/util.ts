import { colToLetters } from '../a1';
import { moveFormula, toR1C1 } from '../formula';
import { roleLabel } from '../i18n';
import type { Role } from '../types';
import type { RuleContext } from './types';

/** The cell when it lies in the grid's used range, else no cell (findings never point outside it). */
export function cellIn(ctx: RuleContext, row: number, col: number): { row: number | null; col: number | null } {
  return ctx.grid.contains(row, col) ? { row, col } : { row: null, col: null };
}

/** Placeholder data naming a role in both languages. */
export function roleNames(role: Role): { roleJa: string; roleEn: string } {
  return { roleJa: roleLabel(role, 'ja'), roleEn: roleLabel(role, 'en') };
}

/** One line, at most max characters ("…" when cut). */
export function preview(text: string, max = 40): string {
  // One pass over each run of white space (`\s*[\r\n]+\s*` took seconds on a cell of spaces): a run
  // holding a line break becomes " / ", spaces and tabs in any other run one space.
  const one = text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' / ' : run.replace(/[ \t\u3000]+/g, ' '))).trim();
  const chars = [...one];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : one;
}

/** 25 → "25", 33.333… → "33.3". */
export function formatPercent(p: number): string {
  return String(Math.round(p * 10) / 10);
}

export function columnLetter(col: number): string {
  return colToLetters(col);
}

/** The table's texts: each different one once, and every cell holding one, row by row. */
interface TableTexts {
  /** Each different text, in the order first met. */
  distinct: string[];
  /** Three numbers a cell, row by row: its row, its column and the index of its text in distinct. */
  cells: Int32Array;
  /** The cells (their numbers in `cells`) by text: those of text k are order[start[k]] … order[start[k + 1] - 1]. */
  order: Int32Array;
  start: Int32Array;
}

const textCache = new WeakMap<object, TableTexts>();

/**
 * Every cell of the table range (within the grid) holding a non-empty string. Several rules scan
 * these; they are collected once per check.
 */
function tableTexts(ctx: RuleContext): TableTexts | null {
  const layout = ctx.layout;
  if (!layout) return null;
  let t = textCache.get(layout);
  if (!t) {
    const distinct: string[] = [];
    const index = new Map<string, number>();
    const g = ctx.grid;
    const top = Math.max(layout.range.top, g.firstRow);
    const bottom = Math.min(layout.range.bottom, g.lastRow);
    const left = Math.max(layout.range.left, g.firstCol);
    const right = Math.min(layout.range.right, g.lastCol);
    // Room for every cell of the range up to a million cells (12 MB), grown beyond.
    let cells = new Int32Array(3 * Math.max(1, Math.min(1 << 20, (bottom - top + 1) * (right - left + 1))));
    let n = 0;
    // The text last met in each column and its index: a text copied down a column is not looked up again.
    const lastText: (string | undefined)[] = [];
    const lastId: number[] = [];
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        const v = g.value(row, col);
        if (typeof v !== 'string' || v === '') continue;
        const k = col - left;
        let id: number;
        if (lastText[k] === v) id = lastId[k]!;
        else {
          const known = index.get(v);
          if (known === undefined) {
            id = distinct.length;
            index.set(v, id);
            distinct.push(v);
          } else id = known;
          lastText[k] = v;
          lastId[k] = id;
        }
        if (n + 3 > cells.length) {
          const grown = new Int32Array(cells.length * 2);
          grown.set(cells);
          cells = grown;
        }
        cells[n++] = row;
        cells[n++] = col;
        cells[n++] = id;
      }
    }
    t = { distinct, cells, ...byText(cells, n, distinct.length) };
    textCache.set(layout, t);
  }
  return t;
}

/**
 * The first n numbers of `cells` (three a cell) grouped by text: a counting sort, each text's cells kept
 * row by row, so that a rule visits only the cells of the texts it flags. (Its own function: the loop
 * above is compiled while it runs, before this code has run once.)
 */
function byText(cells: Int32Array, n: number, texts: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(texts + 1);
  for (let i = 2; i < n; i += 3) start[cells[i]! + 1]!++;
  for (let k = 0; k < texts; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, texts);
  const order = new Int32Array(n / 3);
  for (let i = 0; i < n; i += 3) order[next[cells[i + 2]!]!++] = i / 3;
  return { order, start };
}

/**
 * Each cell of the table holding a text that `judge` gives a verdict for (anything but null), with that
 * verdict: text by text, each text's cells row by row (findings are sorted afterwards). A rule that
 * judges a cell by its text alone judges each different text once, and visits only the cells of the
 * texts it flags: cells repeat ("-", agency lists, a sentence copied down a column).
 */
export function eachJudged<T>(
  ctx: RuleContext,
  judge: (text: string) => T | null,
  each: (row: number, col: number, text: string, verdict: T) => void,
): void {
  const t = tableTexts(ctx);
  if (!t) return;
  const { distinct, cells, order, start } = t;
  for (let k = 0; k < distinct.length; k++) {
    const text = distinct[k]!;
    const verdict = judge(text);
    if (verdict === null) continue;
    for (let j = start[k]!; j < start[k + 1]!; j++) each(cells[3 * order[j]!]!, cells[3 * order[j]! + 1]!, text, verdict);
  }
}

/** The columns of the table range that lie in the grid. */
export function gridColumns(ctx: RuleContext): number[] {
  const layout = ctx.layout;
  if (!layout) return [];
  const cols: number[] = [];
  for (let c = Math.max(layout.range.left, ctx.grid.firstCol); c <= Math.min(layout.range.right, ctx.grid.lastCol); c++)
    cols.push(c);
  return cols;
}

export interface ColumnFormulas {
  formulas: { row: number; formula: string; pattern: string }[];
  /** The pattern most formulas share, when more than half of them (and at least two) do. */
  majority: { pattern: string; row: number; formula: string; count: number } | null;
  /** Data rows whose cell is not empty (a value or a formula); only counted when there are 2+ formulas. */
  filled: number[];
}

const formulaCache = new WeakMap<object, Map<number, ColumnFormulas>>();

/** The formulas of one column across the data rows, compared as relative R1C1 patterns (cached per check). */
export function columnFormulas(ctx: RuleContext, col: number): ColumnFormulas {
  const layout = ctx.layout;
  if (!layout || !ctx.grid.hasFormulas) return { formulas: [], majority: null, filled: [] };
  let byCol = formulaCache.get(layout);
  if (!byCol) formulaCache.set(layout, (byCol = new Map()));
  const hit = byCol.get(col);
  if (hit) return hit;

  const formulas: ColumnFormulas['formulas'] = [];
  for (const d of layout.dataRows) {
    const formula = ctx.grid.formula(d.row, col);
    if (formula !== null) formulas.push({ row: d.row, formula, pattern: toR1C1(formula, d.row, col) });
  }
  const filled: number[] = [];
  let majority: ColumnFormulas['majority'] = null;
  if (formulas.length >= 2) {
    for (const d of layout.dataRows) if (!ctx.grid.isEmpty(d.row, col)) filled.push(d.row);
    const counts = new Map<string, { count: number; row: number; formula: string }>();
    for (const f of formulas) {
      const c = counts.get(f.pattern);
      if (c) c.count++;
      else counts.set(f.pattern, { count: 1, row: f.row, formula: f.formula });
    }
    for (const [pattern, c] of counts) {
      if (c.count >= 2 && c.count * 2 > formulas.length && (!majority || c.count > majority.count)) majority = { pattern, ...c };
    }
  }
  const out = { formulas, majority, filled };
  byCol.set(col, out);
  return out;
}

/** The majority formula as it would read in another row of the column. */
export function expectedFormula(m: NonNullable<ColumnFormulas['majority']>, row: number, col: number): string {
  return moveFormula(m.formula, m.row, col, row, col);
}
