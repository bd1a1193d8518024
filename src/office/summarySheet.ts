/**
 * The summary sheet (集計) through Office.js: the core's plan (src/core/summarySheet.ts), the same one the
 * CLI's checked copy renders, with a real column chart of the grade distribution. (The plan's autofilter
 * on the findings is not applied here: the simulator the tests run on does not model worksheet.autoFilter.)
 *
 * Two round trips: the first finds the source sheet, the sheet names and which sheets are ours; the
 * second builds the new sheet under a temporary name, then deletes our previous summary of the same
 * source and gives the new one its name — so a failure part-way never leaves a half-written 集計 in
 * place of a good one. A user's own sheet is never touched: it only makes us pick another name.
 * (A summary too large for one 5 MB request is written over several, still into the temporary sheet.)
 *
 * Which sheet is ours is never decided by sheet id: ids are not kept between sessions on some hosts
 * (office-js-docs #297, office-js #1390, #552). With ExcelApi 1.12 the sheet carries two custom
 * properties, the source it summarises and the name we gave it: a copy the user made (and renamed)
 * carries them too, but under another name, so it is the user's. Without 1.12 a record in the document
 * settings names the sheet and the title we wrote in its A1; the sheet of that name is ours only when
 * its A1 still says so (one more small request, only on those hosts and only when such a sheet exists).
 */
import { colToLetters, rangeToA1, type CellRange } from '../core/a1';
import type { CheckResult } from '../core/engine';
import { MAX_CELL_TEXT, linkLocation, pickSummaryName, planSummary } from '../core/summarySheet';
import type { PlanCell, PlanStyle, SummaryPlan } from '../core/summarySheet';
import type { Lang } from '../core/types';
import type { Caps } from './caps';
import { fault } from './faults';
import { queueSeparatorProbe, separatorRefused } from './addresses';
import { chunkAddresses } from './highlights';
import { refreshSettings, updateSettings } from './settings';

/** Worksheet custom property (ExcelApi 1.12) that marks a summary sheet as ours; its value is the source sheet. */
export const SUMMARY_PROPERTY = 'KpiCheckSummaryOf';
/** With it, the name we gave the sheet: a renamed copy of our sheet is the user's. */
export const SUMMARY_NAME_PROPERTY = 'KpiCheckSummaryName';
/** Document setting listing our summary sheets where custom properties are not available. */
export const SUMMARY_SETTING = 'kpiCheck.summarySheets';
/** Request size one batch of writes may reach (Excel's limit is 5 MB). */
export const WRITE_BATCH_BYTES = 3_500_000;
/** Excel's column width in points for a width in characters. */
const POINTS_PER_CHAR = 5.7;

export interface SummaryRecord {
  name: string;
  source: string;
  /** The text written in A1 (the plan's title). */
  title: string;
}

// ------------------------------------------------------------------ names

// ------------------------------------------------------------------ cells

/** A formula's string literal. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * What goes into range.formulas: text always with a leading apostrophe, so it stays text whatever it
 * starts with; a link as a HYPERLINK formula.
 */
export function cellInput(c: PlanCell): string | number {
  if (c === null) return '';
  if (typeof c === 'number') return c;
  if (typeof c === 'string') return c === '' ? '' : `'${c.length > MAX_CELL_TEXT - 1 ? c.slice(0, MAX_CELL_TEXT - 1) : c}`;
  return `=HYPERLINK(${literal(`#${linkLocation(c.link)}`)},${literal(c.link.text)})`;
}

// ------------------------------------------------------------------ writing

interface Step {
  bytes: number;
  queue(ws: Excel.Worksheet): void;
}

function styleSteps(ranges: CellRange[], st: PlanStyle, caps: Caps): Step[] {
  const apply = (r: Excel.Range | Excel.RangeAreas) => {
    const f = r.format;
    if (st.bold !== undefined) f.font.bold = st.bold;
    if (st.size !== undefined) f.font.size = st.size;
    if (st.fontColor !== undefined) f.font.color = st.fontColor;
    if (st.underline) f.font.underline = 'Single';
    if (st.fill !== undefined) f.fill.color = st.fill;
    if (st.wrap !== undefined) f.wrapText = st.wrap;
  };
  const steps: Step[] = [];
  if (st.numberFormat !== undefined) {
    const nf = st.numberFormat;
    for (const r of ranges) {
      const h = r.bottom - r.top + 1;
      const w = r.right - r.left + 1;
      steps.push({
        bytes: h * w * (nf.length + 3) + 200,
        queue: (s) => (s.getRange(rangeToA1(r)).numberFormat = Array.from({ length: h }, () => Array<string>(w).fill(nf))),
      });
    }
  }
  const hasFormat =
    st.bold !== undefined ||
    st.size !== undefined ||
    st.fontColor !== undefined ||
    st.underline ||
    st.fill !== undefined ||
    st.wrap !== undefined;
  if (!hasFormat) return steps;
  if (caps.rangeAreas && ranges.length > 1)
    for (const a of chunkAddresses(ranges)) steps.push({ bytes: a.length + 400, queue: (s) => apply(s.getRanges(a)) });
  else for (const r of ranges) steps.push({ bytes: 400, queue: (s) => apply(s.getRange(rangeToA1(r))) });
  return steps;
}

/** The plan as write steps, in order, each with the request bytes it adds. */
function planSteps(plan: SummaryPlan, caps: Caps): Step[] {
  const steps: Step[] = [];
  // Cell values in row bands, so a large findings list can be split over several requests.
  const BAND = 2000;
  for (let top = 0; top < plan.rows.length; top += BAND) {
    const band = plan.rows.slice(top, top + BAND).map((r) => r.map(cellInput));
    const bytes = JSON.stringify(band).length * 3;
    steps.push({
      bytes,
      queue: (ws) =>
        (ws.getRange(rangeToA1({ top, left: 0, bottom: top + band.length - 1, right: band[0]!.length - 1 })).formulas = band),
    });
  }
  // Group equal formats so one request sets each on many areas.
  const groups = new Map<string, { st: PlanStyle; ranges: CellRange[] }>();
  for (const st of plan.styles) {
    const { range, ...rest } = st;
    const k = JSON.stringify(rest);
    const g = groups.get(k);
    if (g) g.ranges.push(range);
    else groups.set(k, { st, ranges: [range] });
  }
  for (const { st, ranges } of groups.values()) steps.push(...styleSteps(ranges, st, caps));
  steps.push({
    bytes: 200 * plan.widths.length,
    queue: (ws) =>
      plan.widths.forEach(
        (w, i) => (ws.getRange(`${colToLetters(i)}:${colToLetters(i)}`).format.columnWidth = Math.round(w * POINTS_PER_CHAR)),
      ),
  });
  steps.push({
    bytes: 600,
    queue: (ws) => {
      ws.freezePanes.freezeRows(plan.freezeRows);
      ws.tabColor = plan.tabColor;
      if (plan.chart) {
        const c = plan.chart;
        const chart = ws.charts.add('ColumnClustered', ws.getRange(rangeToA1(c.source)), 'Columns');
        chart.title.text = c.title;
        chart.setPosition(c.start, c.end);
      }
    },
  });
  return steps;
}

function batches(steps: Step[]): Step[][] {
  const out: Step[][] = [[]];
  let size = 0;
  for (const s of steps) {
    if (size + s.bytes > WRITE_BATCH_BYTES && out[out.length - 1]!.length) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1]!.push(s);
    size += s.bytes;
  }
  return out;
}

function asRecords(v: unknown): SummaryRecord[] {
  return Array.isArray(v)
    ? v.filter(
        (r): r is SummaryRecord => r && typeof r.name === 'string' && typeof r.source === 'string' && typeof r.title === 'string',
      )
    : [];
}

/** The records as the document holds them now (the other runtime may have written one). */
async function readRecords(): Promise<SummaryRecord[]> {
  try {
    return asRecords((await refreshSettings())?.get(SUMMARY_SETTING));
  } catch {
    return [];
  }
}

/** The text of A1 of the sheets named in the records (only those that exist). */
async function titlesOf(ctx: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<Map<Excel.Worksheet, string>> {
  const out = new Map<Excel.Worksheet, string>();
  if (!sheets.length) return out;
  const cells = sheets.map((ws) => ({ ws, a1: ws.getRange('A1') }));
  for (const c of cells) c.a1.load('values');
  await ctx.sync();
  for (const c of cells) out.set(c.ws, String(c.a1.values[0]?.[0] ?? ''));
  return out;
}

/**
 * Queue what tells whether a sheet is our summary sheet; after the sync, the getter gives its source
 * sheet (or null when the sheet is not ours).
 */
export function queueSummaryOf(ws: Excel.Worksheet, caps: Caps): () => Promise<string | null> {
  ws.load('name');
  if (caps.customProperties) {
    const props = ws.customProperties;
    props.load('items/key,items/value');
    const property = (key: string) => props.items.find((x) => x.key.toLowerCase() === key.toLowerCase())?.value ?? null;
    return async () => {
      const of = property(SUMMARY_PROPERTY);
      return of !== null && property(SUMMARY_NAME_PROPERTY) === ws.name ? of : null;
    };
  }
  // Without custom properties: the recorded sheet is ours only if its A1 still holds our title.
  const a1 = ws.getRange('A1');
  a1.load('values');
  return async () => {
    const r = (await readRecords()).find((x) => x.name.toLowerCase() === ws.name.toLowerCase());
    return r && String(a1.values[0]?.[0] ?? '') === r.title ? r.source : null;
  };
}

interface SheetEntry {
  ws: Excel.Worksheet;
  name: string;
  id: string;
  /** The source sheet this is our summary of, or null when it is not ours. */
  summaryOf: string | null;
}

/** Insert (or replace our own) summary sheet; returns its name. */
export async function writeSummarySheet(
  ctx: Excel.RequestContext,
  result: CheckResult,
  lang: Lang,
  caps: Caps,
  now = new Date(),
): Promise<string> {
  const sheets = ctx.workbook.worksheets;
  const records = caps.customProperties ? [] : await readRecords();
  const source = sheets.getItemOrNullObject(result.sheet);
  for (let attempt = 0; ; attempt++) {
    // First in the request: the probe of the list separator the style steps join areas with.
    const confirm = caps.rangeAreas ? queueSeparatorProbe(sheets.getActiveWorksheet()) : () => undefined;
    source.load('name,id,position');
    sheets.load(
      caps.customProperties
        ? 'items/name,items/id,items/customProperties/items/key,items/customProperties/items/value'
        : 'items/name,items/id',
    );
    ctx.workbook.protection.load('protected');
    try {
      await ctx.sync();
      confirm();
      break;
    } catch (e) {
      if (attempt === 0 && caps.rangeAreas && separatorRefused(e)) continue;
      throw e;
    }
  }
  const wbProtection = ctx.workbook.protection;

  if (source.isNullObject) throw fault('sheet-gone', 'sheetGone', { sheet: result.sheet });
  if (wbProtection.protected) throw fault('protected', 'workbookProtected');

  const property = (ws: Excel.Worksheet, key: string) =>
    ws.customProperties.items.find((x) => x.key.toLowerCase() === key.toLowerCase())?.value ?? null;
  const recorded = (ws: Excel.Worksheet) => records.find((r) => r.name.toLowerCase() === ws.name.toLowerCase()) ?? null;
  // Without custom properties: the recorded sheet is ours only if its A1 still holds our title.
  const titles = caps.customProperties
    ? new Map()
    : await titlesOf(
        ctx,
        sheets.items.filter((ws) => recorded(ws)),
      );
  const entries: SheetEntry[] = sheets.items.map((ws) => {
    let summaryOf: string | null = null;
    if (caps.customProperties) {
      const of = property(ws, SUMMARY_PROPERTY);
      summaryOf = of !== null && property(ws, SUMMARY_NAME_PROPERTY) === ws.name ? of : null;
    } else {
      const r = recorded(ws);
      summaryOf = r && titles.get(ws) === r.title ? r.source : null;
    }
    return { ws, name: ws.name, id: ws.id, summaryOf };
  });
  const mine = entries.find((e) => e.summaryOf === result.sheet && e.id !== source.id) ?? null;
  const others = entries.filter((e) => e.summaryOf !== null && e !== mine).length;
  const taken = entries.filter((e) => e !== mine).map((e) => e.name);
  const finalName = mine ? mine.name : pickSummaryName(result.sheet, taken, others);
  let tempName = '';
  for (let i = 1; !tempName || entries.some((e) => e.name.toLowerCase() === tempName.toLowerCase()); i++)
    tempName = `KPICHK_tmp_${i}`;

  // Where the new sheet goes: in place of ours, else right after the source.
  const order = entries.filter((e) => e !== mine).map((e) => e.id);
  const position = mine ? entries.indexOf(mine) : order.indexOf(source.id) + 1;

  const plan = planSummary(result, lang, { now });
  // First in the request: the source must still be there, else nothing at all is written.
  source.load('name');
  const temp = sheets.add(tempName);
  const steps = planSteps(plan, caps);
  const parts = batches(steps);
  try {
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      // The source is checked again before the old summary is replaced.
      if (last && i > 0) source.load('name');
      for (const s of parts[i]!) s.queue(temp);
      if (last) {
        if (caps.customProperties) {
          temp.customProperties.add(SUMMARY_PROPERTY, result.sheet);
          temp.customProperties.add(SUMMARY_NAME_PROPERTY, finalName);
        }
        temp.position = position;
        temp.activate();
        // Last: the old summary goes, the new one takes its name. Everything else is done by then.
        mine?.ws.delete();
        temp.name = finalName;
      }
      await ctx.sync();
    }
  } catch (e) {
    if (!(await finishReplacing(ctx, mine, tempName, finalName))) {
      await removeTemp(ctx, tempName);
      throw e;
    }
  }

  if (!caps.customProperties) {
    const title = String(plan.rows[0]?.[0] ?? '');
    const record: SummaryRecord = { name: finalName, source: result.sheet, title };
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    // A record we read whose sheet is gone or no longer ours.
    const stale = (r: SummaryRecord) =>
      records.some((x) => same(x.name, r.name)) && !entries.some((e) => e.summaryOf !== null && same(e.name, r.name));
    // Merged into the records as saved now: the other runtime may have written since.
    await updateSettings((s) => {
      const kept = asRecords(s.get(SUMMARY_SETTING)).filter((r) => !same(r.name, finalName) && !stale(r));
      s.set(SUMMARY_SETTING, [...kept, record]);
    }).catch(() => undefined);
  }
  return finalName;
}

/**
 * After a failed write: when our old summary is already gone, the new one was complete (deleting the
 * old one comes after every other step), so it only needs its name. Returns true when it got it.
 */
async function finishReplacing(
  ctx: Excel.RequestContext,
  mine: SheetEntry | null,
  tempName: string,
  finalName: string,
): Promise<boolean> {
  if (!mine) return false;
  try {
    const old = ctx.workbook.worksheets.getItemOrNullObject(mine.id);
    const temp = ctx.workbook.worksheets.getItemOrNullObject(tempName);
    old.load('name');
    temp.load('name');
    await ctx.sync();
    if (!old.isNullObject || temp.isNullObject) return false;
    temp.name = finalName;
    await ctx.sync();
    return true;
  } catch {
    return false;
  }
}

/** After a failed write: take away the half-built temporary sheet, if it was created. */
async function removeTemp(ctx: Excel.RequestContext, tempName: string): Promise<void> {
  try {
    const t = ctx.workbook.worksheets.getItemOrNullObject(tempName);
    await ctx.sync();
    if (!t.isNullObject) {
      t.delete();
      await ctx.sync();
    }
  } catch {
    // the original error is the one to report
  }
}
