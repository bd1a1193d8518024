/**
 * Highlights that lose nothing: each finding's cell is painted by a conditional format of our own,
 * recognised by the marker in its rule formula (=ISTEXT("KPICHK:error") is always true). The cells'
 * own fills, fonts and the user's conditional formats are never touched, so clearing means deleting
 * our conditional formats and nothing else. Painting again adds the new ones first and then deletes
 * the old ones, in one request; Excel's batch is no transaction, so when it fails half way the sheet is
 * settled afterwards: the new ones removed (as before) or, when they are all there, the old ones too
 * (fully painted). Cells are batched by severity into RangeAreas (ExcelApi 1.9) whose address lists
 * stay under Excel's 8,192 characters; without 1.9, one conditional format per rectangular block.
 */
import { rangeToA1, type CellRange } from '../core/a1';
import type { Finding } from '../core/types';
import { HIGHLIGHT_COLOR, HIGHLIGHT_KINDS, cellsByKind, type HighlightKind } from '../core/highlight';
import { listSeparator, queueSeparatorProbe, separatorRefused } from './addresses';
import type { Caps } from './caps';

export const HIGHLIGHT_MARK = 'KPICHK';

/** Address lists are cut below Excel's 8,192-character limit. */
export const MAX_ADDRESS_CHARS = 8000;

export function markerFormula(kind: HighlightKind): string {
  return `=ISTEXT("${HIGHLIGHT_MARK}:${kind}")`;
}

export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(`"${HIGHLIGHT_MARK}:`);
}

/** Cells → rectangles: runs down each column, then runs of equal height side by side joined. */
export function toBlocks(cells: { row: number; col: number }[]): CellRange[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: CellRange[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.left === c.col && last.bottom + 1 === c.row) last.bottom = c.row;
    else if (!(last && last.left === c.col && c.row <= last.bottom))
      runs.push({ top: c.row, bottom: c.row, left: c.col, right: c.col });
  }
  const byRows = new Map<string, CellRange[]>();
  for (const r of runs) {
    const k = `${r.top}:${r.bottom}`;
    const list = byRows.get(k);
    const prev = list?.[list.length - 1];
    if (prev && prev.right + 1 === r.left) prev.right = r.left;
    else if (list) list.push(r);
    else byRows.set(k, [r]);
  }
  return [...byRows.values()].flat().sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Address lists ("A1:A3,C5", joined by the host's list separator) each at most `limit` characters. */
export function chunkAddresses(blocks: CellRange[], limit = MAX_ADDRESS_CHARS, sep: string = listSeparator()): string[] {
  const out: string[] = [];
  let cur = '';
  for (const b of blocks) {
    const a = rangeToA1(b);
    if (cur && cur.length + 1 + a.length > limit) {
      out.push(cur);
      cur = a;
    } else cur = cur ? `${cur}${sep}${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** Queue a load of the sheet's conditional formats, enough to tell ours. */
export function queueScan(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  const cfs = ws.getRange().conditionalFormats;
  cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
  return cfs;
}

/** Our conditional formats among the scanned ones. */
export function ours(scan: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return scan.items.filter(
    (cf) => cf.type === 'Custom' && !cf.customOrNullObject.isNullObject && isOurFormula(cf.customOrNullObject.rule.formula),
  );
}

/** Queue deleting our conditional formats found by a scan; returns how many. */
export function queueClear(scan: Excel.ConditionalFormatCollection): number {
  const mine = ours(scan);
  for (const cf of mine) cf.delete();
  return mine.length;
}

/** Queue painting the findings' cells; returns the cells painted and the conditional formats added. */
export function queuePaint(ws: Excel.Worksheet, findings: Finding[], caps: Caps): { cells: number; formats: number } {
  const groups = cellsByKind(findings);
  let painted = 0;
  let formats = 0;
  // Added last = top priority: the strongest kind goes on top.
  for (const kind of [...HIGHLIGHT_KINDS].reverse()) {
    const cells = groups.get(kind);
    if (!cells?.length) continue;
    painted += cells.length;
    const blocks = toBlocks(cells);
    const targets = caps.rangeAreas
      ? chunkAddresses(blocks).map((a) => ws.getRanges(a).conditionalFormats)
      : blocks.map((b) => ws.getRange(rangeToA1(b)).conditionalFormats);
    for (const t of targets) {
      const cf = t.add('Custom');
      cf.custom.rule.formula = markerFormula(kind);
      cf.custom.format.fill.color = HIGHLIGHT_COLOR[kind];
      formats++;
    }
  }
  return { cells: painted, formats };
}

/**
 * Paint the findings and delete the highlights of an earlier run (`old`, from a scan), in one request:
 * new first, old last. Returns the number of cells painted. After a failure the sheet is settled (see
 * the top of the file) and the error thrown.
 */
export async function repaint(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  scan: Excel.ConditionalFormatCollection,
  findings: Finding[],
  caps: Caps,
): Promise<number> {
  const old = ours(scan);
  const known = new Set(scan.items.map((cf) => cf.id));
  for (let attempt = 0; ; attempt++) {
    const probing = caps.rangeAreas && findings.some((f) => f.row !== null && f.col !== null);
    const confirm = probing ? queueSeparatorProbe(ws) : () => undefined;
    const { cells, formats } = queuePaint(ws, findings, caps);
    for (const cf of old) cf.delete();
    if (!formats && !old.length) return 0;
    try {
      await ctx.sync();
      confirm();
      return cells;
    } catch (e) {
      // The probe is the request's first operation: refused, nothing of the request ran.
      if (attempt === 0 && probing && separatorRefused(e)) continue;
      await settle(ctx, ws, known, formats);
      throw e;
    }
  }
}

/**
 * After a repaint failed part-way: back to the old highlights, or on to the new ones when all are
 * there and complete. New = not in the scan before (`known`): a format added but not yet given its
 * rule formula or colour does not look like ours, and is new all the same.
 */
async function settle(ctx: Excel.RequestContext, ws: Excel.Worksheet, known: Set<string>, added: number): Promise<void> {
  try {
    const cfs = ws.getRange().conditionalFormats;
    cfs.load('items/id,items/type,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color');
    await ctx.sync();
    const fresh = cfs.items.filter((cf) => !known.has(cf.id));
    const complete =
      fresh.length === added &&
      fresh.every(
        (cf) =>
          cf.type === 'Custom' && isOurFormula(cf.customOrNullObject.rule.formula) && !!cf.customOrNullObject.format.fill.color,
      );
    const drop = complete ? ours(cfs).filter((cf) => known.has(cf.id)) : fresh;
    for (const cf of drop) cf.delete();
    if (drop.length) await ctx.sync();
  } catch {
    // the first error is the one to report
  }
}
