/**
 * The summary sheet (集計) as one plan of cells and formats, from the core's SummaryModel. The Office.js
 * adapter and the CLI's ExcelJS copy both render this plan; neither lays the sheet out itself.
 */
import { quoteSheetName, type CellRange } from './a1';
import type { CheckResult } from './engine';
import { HIGHLIGHT_COLOR, highlightKind, type HighlightKind } from './highlight';
import { fiscalYearLabel, gradeLabel, roleLabel, severityCount, severityLabel, t } from './i18n';
import { localizeFinding } from './messages';
import { findingCell } from './report';
import { SEVERITIES, type Lang } from './types';

export const SUMMARY_SHEET_NAME = '集計';
/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/** A link to a cell of the workbook. */
export interface PlanLink {
  sheet: string;
  cell: string;
  text: string;
}

/** A cell of the plan. A string is always text, never a formula, whatever it starts with. */
export type PlanCell = string | number | null | { link: PlanLink };

/** Colours are #RRGGBB. */
export interface PlanStyle {
  range: CellRange;
  bold?: boolean;
  size?: number;
  fill?: string;
  fontColor?: string;
  underline?: boolean;
  wrap?: boolean;
  numberFormat?: string;
}

export interface SummaryPlan {
  /** Cells from A1, row by row, every row the same length. */
  rows: PlanCell[][];
  styles: PlanStyle[];
  /** Column widths from column A, in characters. */
  widths: number[];
  freezeRows: number;
  tabColor: string;
  /** A column chart of the grade table, or null when the plan draws bars instead. */
  chart: { source: CellRange; title: string; start: string; end: string } | null;
  /** The findings table with its header, or null when there are no findings. */
  autoFilter: CellRange | null;
}

export interface SummaryOptions {
  /** The creation time shown on the sheet. */
  now: Date;
  /** The checked file's name, shown first when given. */
  sourceFile?: string;
  /** For hosts that cannot draw charts: a column of █ bars beside the grade table instead of a chart. */
  bars?: boolean;
}

const COLS = 7;
const WIDTHS = [30, 12, 12, 12, 12, 60, 48];
const HEADER_FILL = '#D9E1F2';
const LINK_COLOR = '#0563C1';
const READY = { fill: '#C6EFCE', font: '#006100', tab: '#43A047' };
const NOT_READY = { fill: '#FFC7CE', font: '#9C0006', tab: '#E53935' };
const BAR_LENGTH = 30;
const BAR_COLOR: Record<string, string> = {
  S: '#2E7D32',
  A: '#43A047',
  B: '#1E88E5',
  C: '#F9A825',
  D: '#EF6C00',
  missing: '#D84315',
  invalid: '#C62828',
};
const BAR_OTHER = '#9E9E9E';

/** Excel's serial date-time for a local time. */
export function excelDateTime(d: Date): number {
  return (d.getTime() - d.getTimezoneOffset() * 60000) / 86400000 + 25569;
}

/** Where a link goes inside the workbook ("'Sheet'!G22"), to put after "#". */
export function linkLocation(l: PlanLink): string {
  return `${quoteSheetName(l.sheet)}!${l.cell}`;
}

function cellText(s: string): string {
  return s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s;
}

/** The summary sheet as cells and formats, from the core's model. */
export function planSummary(result: CheckResult, lang: Lang, opts: SummaryOptions): SummaryPlan {
  const s = result.summary;
  const rows: PlanCell[][] = [];
  const styles: PlanStyle[] = [];
  const row = (cells: PlanCell[]): number => {
    const full = cells.map((c) => (typeof c === 'string' ? cellText(c) : c));
    rows.push([...full, ...Array<PlanCell>(Math.max(0, COLS - cells.length)).fill(null)]);
    return rows.length - 1;
  };
  const span = (r: number, c0: number, c1: number): CellRange => ({ top: r, bottom: r, left: c0, right: c1 });
  const header = (cells: (string | null)[]): number => {
    const r = row(cells);
    styles.push({ range: span(r, 0, cells.length - 1), bold: true, fill: HEADER_FILL, wrap: true });
    return r;
  };
  const heading = (title: string): void => {
    row([]);
    styles.push({ range: span(row([title]), 0, 0), bold: true, size: 12 });
  };

  const title = `${t('summaryTitle', lang)} — ${t('sheetQuoted', lang, { name: s.sheet })} ${fiscalYearLabel(s.fiscalYear, lang)}`;
  styles.push({ range: span(row([title]), 0, 0), bold: true, size: 14 });
  const counts = SEVERITIES.map((sev) =>
    severityCount(sev, sev === 'error' ? s.errors : sev === 'warning' ? s.warnings : s.infos, lang),
  );
  const verdict = row([
    t('verdict', lang),
    `${t(s.ready ? 'ready' : 'notReady', lang)} — ${counts.join(lang === 'ja' ? '・' : ', ')}`,
  ]);
  const tone = s.ready ? READY : NOT_READY;
  styles.push({ range: span(verdict, 0, 0), bold: true });
  styles.push({ range: span(verdict, 1, COLS - 1), bold: true, fill: tone.fill, fontColor: tone.font });
  row([]);

  const kv: [string, PlanCell][] = [];
  if (opts.sourceFile !== undefined) kv.push([t('file', lang), opts.sourceFile]);
  kv.push(
    [t('sheet', lang), s.sheet],
    [t('table', lang), s.tableRange ?? t('tableNotFound', lang)],
    [t('fiscalYear', lang), fiscalYearLabel(s.fiscalYear, lang)],
    [t('errors', lang), s.errors],
    [t('warnings', lang), s.warnings],
    [t('infos', lang), s.infos],
    [t('rows', lang), s.rows],
    [t('kpis', lang), s.kpis],
    [t('createdAt', lang), excelDateTime(opts.now)],
  );
  const kvTop = rows.length;
  for (const [k, v] of kv) row([k, v]);
  styles.push({ range: { top: kvTop, bottom: rows.length - 1, left: 0, right: 0 }, bold: true });
  styles.push({ range: span(rows.length - 1, 1, 1), numberFormat: 'yyyy/mm/dd hh:mm' });

  heading(t('gradeDistribution', lang));
  const gradeHead = header([t('grade', lang), t('count', lang), t('share', lang), ...(opts.bars ? [t('chart', lang)] : [])]);
  const noKpi = s.noKpiGrade;
  const total = s.gradeOrder.reduce((n, g) => n + (s.grades[g] ?? 0), 0);
  const max = Math.max(1, ...s.gradeOrder.map((g) => s.grades[g] ?? 0));
  for (const g of s.gradeOrder) {
    const n = s.grades[g] ?? 0;
    const bar = opts.bars && n > 0 ? '█'.repeat(Math.max(1, Math.round((n / max) * BAR_LENGTH))) : null;
    const r = row([gradeLabel(g, noKpi, lang), n, total ? n / total : 0, bar]);
    if (bar) styles.push({ range: span(r, 3, 3), fontColor: BAR_COLOR[g] ?? BAR_OTHER });
  }
  styles.push({ range: { top: gradeHead + 1, bottom: rows.length - 1, left: 2, right: 2 }, numberFormat: '0%' });
  const chart = opts.bars
    ? null
    : {
        source: { top: gradeHead, bottom: rows.length - 1, left: 0, right: 1 },
        title: t('gradeDistribution', lang),
        start: 'I4',
        end: 'O20',
      };

  if (s.sections.length) {
    heading(t('bySection', lang));
    header([t('section', lang), t('rows', lang), t('kpis', lang), t('graded', lang), t('findings', lang)]);
    const top = rows.length;
    for (const sec of s.sections) row([sec.title || t('noSection', lang), sec.initiatives, sec.kpis, sec.graded, sec.findings]);
    styles.push({ range: { top, bottom: rows.length - 1, left: 0, right: 0 }, wrap: true });
  }
  if (s.agencies.length) {
    heading(t('byAgency', lang));
    header([t('agency', lang), t('rows', lang), t('kpis', lang), t('findings', lang)]);
    const top = rows.length;
    for (const a of s.agencies) row([a.name, a.initiatives, a.kpis, a.findings]);
    styles.push({ range: { top, bottom: rows.length - 1, left: 0, right: 0 }, wrap: true });
  }

  heading(t('findingsList', lang));
  let autoFilter: CellRange | null = null;
  if (s.findings.length === 0) row([t('noFindings', lang)]);
  else {
    const head = header([
      t('cell', lang),
      t('severity', lang),
      t('rule', lang),
      null,
      null,
      t('message', lang),
      t('suggestion', lang),
    ]);
    const linkRows: number[] = [];
    const kindRows = new Map<HighlightKind, number[]>();
    for (const f of s.findings) {
      const cell = findingCell(f);
      const where: PlanCell = cell
        ? { link: { sheet: s.sheet, cell, text: cell } }
        : f.role
          ? `${t('column', lang)}: ${roleLabel(f.role, lang)}`
          : '—';
      const { message, suggestion } = localizeFinding(f, lang);
      const r = row([where, severityLabel(f.severity, lang), f.ruleId, null, null, message, suggestion ?? '']);
      if (cell) linkRows.push(r);
      const kind = highlightKind([f]);
      (kindRows.get(kind) ?? kindRows.set(kind, []).get(kind)!).push(r);
    }
    styles.push({ range: { top: head + 1, bottom: rows.length - 1, left: 5, right: 6 }, wrap: true });
    for (const b of rowBlocks(linkRows, 0)) styles.push({ range: b, fontColor: LINK_COLOR, underline: true });
    for (const [kind, rs] of kindRows) for (const b of rowBlocks(rs, 1)) styles.push({ range: b, fill: HIGHLIGHT_COLOR[kind] });
    autoFilter = { top: head, bottom: rows.length - 1, left: 0, right: COLS - 1 };
  }

  return { rows, styles, widths: [...WIDTHS], freezeRows: 2, tabColor: tone.tab, chart, autoFilter };
}

/** Runs of consecutive rows in one column as ranges. */
function rowBlocks(rs: number[], col: number): CellRange[] {
  const out: CellRange[] = [];
  for (const r of rs) {
    const last = out[out.length - 1];
    if (last && last.bottom + 1 === r) last.bottom = r;
    else out.push({ top: r, bottom: r, left: col, right: col });
  }
  return out;
}

// ------------------------------------------------------------------ the sheet's name

const FORBIDDEN = /[[\]:*?/\\]/g;

/** A sheet name within Excel's rules: no []:*?/\, no apostrophe at either end, at most 31 characters. */
export function safeSheetName(s: string): string {
  let n = s.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '');
  n = firstUnits(n, 31);
  return n.replace(/'+$/, '') || '_';
}

/**
 * The longest start of `s` of at most `max` UTF-16 units (Excel counts a sheet name's 31 characters
 * that way: 𠮷 is two), never cutting a surrogate pair in half.
 */
function firstUnits(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.charCodeAt(max - 1);
  return s.slice(0, cut >= 0xd800 && cut <= 0xdbff ? max - 1 : max);
}

/** `base (n)` within 31 characters. */
function numbered(base: string, n: number): string {
  const suffix = ` (${n})`;
  return safeSheetName(firstUnits(base, 31 - suffix.length) + suffix);
}

/**
 * The summary's name: 集計 for the first summary in a workbook, 集計_<sheet> when a summary of another
 * sheet is already there or 集計 is a user's sheet, with " (2)", " (3)"… when that is taken too.
 */
export function pickSummaryName(source: string, taken: string[], otherSummaries: number): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const candidates = otherSummaries === 0 ? [SUMMARY_SHEET_NAME] : [];
  candidates.push(safeSheetName(`${SUMMARY_SHEET_NAME}_${source}`));
  for (const c of candidates) if (!used.has(c.toLowerCase())) return c;
  const base = candidates[candidates.length - 1]!;
  for (let i = 2; ; i++) {
    const c = numbered(base, i);
    if (!used.has(c.toLowerCase())) return c;
  }
}
