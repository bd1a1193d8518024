import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import './fast-merges';
import './internal-links';
import './xml-safe';
import { quoteIfNeeded } from './quote-prefix';
import { checkTarget, writeFileSafely, type TargetOptions } from './files';
import { checkLoadCost, WriteLimitError } from './load-limits';
import { workbookBytes } from './errors';
import { loadWorkbookBytes } from './read';
import { toReadError } from '../xlsx-read/workbook';
import type { CheckResult } from '../core/engine';
import { HIGHLIGHT_COLOR, HIGHLIGHT_KINDS, highlightKind, type HighlightKind } from '../core/highlight';
import { fiscalYearLabel, gradeLabel, severityLabel, t } from '../core/i18n';
import { localizeFinding } from '../core/messages';
import { findingCell, findingLines, type FileResult } from '../core/report';
import { consolidatedFromResults, type Consolidated, type ConsolidatedFile } from './consolidated';

export type { Consolidated, ConsolidatedFile } from './consolidated';
import { MAX_CELL_TEXT, linkLocation, pickSummaryName, planSummary } from '../core/summarySheet';
import type { PlanCell, PlanStyle } from '../core/summarySheet';
import type { Finding, Lang } from '../core/types';

/** Fill colours (ARGB) of the highlights: the core's colours, opaque. */
export const HIGHLIGHT_FILL = Object.fromEntries(HIGHLIGHT_KINDS.map((k) => [k, `FF${HIGHLIGHT_COLOR[k].slice(1)}`])) as Record<
  HighlightKind,
  string
>;

export { OutputExistsError, SameFileError, SymlinkOutputError } from './files';
export { WriteLimitError } from './load-limits';

export type WriteOptions = TargetOptions;

export interface WriteCheckedOptions extends WriteOptions {
  /** The input workbook as already loaded (in full, unmodified) from inputPath, to save reading it again. */
  workbook?: ExcelJS.Workbook;
}

/** Save a workbook to outPath safely (files.ts): never over a protected path (an input), a symlink, or a file unless opts.force. */
export async function save(wb: ExcelJS.Workbook, outPath: string, opts: WriteOptions): Promise<void> {
  checkTarget(outPath, opts);
  writeFileSafely(outPath, Buffer.from(await wb.xlsx.writeBuffer()), opts);
}

/**
 * An input workbook loaded with ExcelJS to write a copy of it, once its cost is known to be within the
 * limits (load-limits.ts): WriteLimitError otherwise.
 */
export async function loadForCopy(inputPath: string): Promise<ExcelJS.Workbook> {
  const { buf, file } = await workbookBytes(inputPath);
  try {
    checkLoadCost(buf);
  } catch (e) {
    // A part the check never needed can still be damaged: the copy is refused as a damaged file.
    throw e instanceof WriteLimitError ? e : toReadError(e, buf, file);
  }
  return loadWorkbookBytes(buf, file);
}

/** Cell text as a plain string value (never a formula), within Excel's length limit. */
function text(s: string): string {
  if (s.length <= MAX_CELL_TEXT) return s;
  // Not between the two halves of a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(s[MAX_CELL_TEXT - 1]!) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
  return s.slice(0, cut);
}

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

function noteText(findings: Finding[], lang: Lang): string {
  const lines = [`${t('appName', lang)}:`];
  for (const f of findings) {
    const { message, suggestion } = localizeFinding(f, lang);
    lines.push(`【${severityLabel(f.severity, lang)}】${message}${suggestion ? `\n→ ${suggestion}` : ''}`);
  }
  return text(lines.join('\n'));
}

/** Fill the cells that have findings and attach a note (unless the cell already has one of its own). */
function highlight(ws: ExcelJS.Worksheet, findings: Finding[], lang: Lang): void {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const a = findingCell(f);
    if (a) byCell.set(a, [...(byCell.get(a) ?? []), f]);
  }
  for (const [addr, fs_] of byCell) {
    const cell = ws.getCell(addr);
    // Styles read from a file are shared between cells with the same style id: replace, never mutate.
    cell.style = { ...cell.style, fill: solid(HIGHLIGHT_FILL[highlightKind(fs_)]) };
    if (!cell.note) cell.note = noteText(fs_, lang);
  }
}

const READY_FILL = 'FFC6EFCE';
const NOT_READY_FILL = 'FFFFC7CE';
const HEADER_FILL = 'FFD9E1F2';

class SheetWriter {
  row = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {}

  put(row: number, col: number, value: string | number, style: Partial<ExcelJS.Style> = {}): ExcelJS.Cell {
    const cell = this.ws.getCell(row, col);
    cell.value = typeof value === 'string' ? text(value) : value;
    if (Object.keys(style).length) cell.style = { ...cell.style, ...style };
    quoteIfNeeded(cell);
    return cell;
  }

  header(values: string[]): number {
    const r = this.row++;
    values.forEach((v, i) =>
      this.put(r, i + 1, v, {
        font: { bold: true },
        fill: solid(HEADER_FILL),
        alignment: { vertical: 'middle', wrapText: true },
        border: { bottom: { style: 'thin' } },
      }),
    );
    return r;
  }

  line(values: (string | number | null)[]): number {
    const r = this.row++;
    values.forEach((v, i) => {
      if (v !== null) this.put(r, i + 1, v, { alignment: { vertical: 'top', wrapText: typeof v === 'string' } });
    });
    return r;
  }
}

/** #RRGGBB → opaque ARGB. */
function argb(hex: string): string {
  return `FF${hex.slice(1).toUpperCase()}`;
}

function planValue(c: Exclude<PlanCell, null>): ExcelJS.CellValue {
  if (typeof c !== 'object') return c; // a string value is written as text, never as a formula
  const { sheet, cell, text: label } = c.link;
  return { text: label, hyperlink: `#${linkLocation(c.link)}`, tooltip: `${sheet}!${cell}` };
}

function planStyle(cell: ExcelJS.Cell, st: PlanStyle): void {
  const font: Partial<ExcelJS.Font> = { ...cell.font };
  if (st.bold !== undefined) font.bold = st.bold;
  if (st.size !== undefined) font.size = st.size;
  if (st.fontColor !== undefined) font.color = { argb: argb(st.fontColor) };
  if (st.underline) font.underline = true;
  const style: Partial<ExcelJS.Style> = { ...cell.style, font };
  if (st.fill !== undefined) style.fill = solid(argb(st.fill));
  if (st.wrap !== undefined) style.alignment = { ...cell.alignment, wrapText: st.wrap };
  if (st.numberFormat !== undefined) style.numFmt = st.numberFormat;
  cell.style = style;
}

/** Add the summary sheet for one checked sheet (the core's plan, with bars for the chart); returns its name. */
export function addSummarySheet(
  wb: ExcelJS.Workbook,
  result: CheckResult,
  lang: Lang,
  sourceFile?: string,
  now = new Date(),
): string {
  const plan = planSummary(result, lang, { now, sourceFile, bars: true });
  const name = pickSummaryName(
    result.sheet,
    wb.worksheets.map((w) => w.name),
    0,
  );
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: plan.freezeRows, xSplit: 0 }],
    properties: { tabColor: { argb: argb(plan.tabColor) } },
  });
  plan.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.rows.forEach((cells, r) =>
    cells.forEach((c, col) => {
      if (c === null) return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = planValue(c);
      quoteIfNeeded(cell);
    }),
  );
  for (const st of plan.styles)
    for (let r = st.range.top; r <= st.range.bottom; r++)
      for (let c = st.range.left; c <= st.range.right; c++) planStyle(ws.getCell(r + 1, c + 1), st);
  const f = plan.autoFilter;
  if (f) ws.autoFilter = { from: { row: f.top + 1, column: f.left + 1 }, to: { row: f.bottom + 1, column: f.right + 1 } };
  return name;
}

/**
 * Write a copy of the input workbook with the problem cells highlighted and a 集計 sheet added.
 * The input is re-read with ExcelJS so everything it keeps is kept; only fills and notes of flagged
 * cells change. Never writes to the input, never replaces an existing file unless opts.force.
 */
export async function writeChecked(
  inputPath: string,
  outPath: string,
  result: CheckResult,
  lang: Lang,
  opts: WriteCheckedOptions = {},
): Promise<{ summarySheet: string }> {
  const protect = [inputPath, ...(opts.protect ?? [])];
  checkTarget(outPath, { force: opts.force, protect });
  const wb = opts.workbook ?? (await loadForCopy(inputPath));
  const ws = wb.getWorksheet(result.sheet);
  if (!ws) throw new Error(`sheet not found: ${result.sheet}`);
  highlight(ws, result.findings, lang);
  const summarySheet = addSummarySheet(wb, result, lang, path.basename(inputPath));
  await save(wb, outPath, { force: opts.force, protect });
  return { summarySheet };
}

/** The collecting office's workbook: one row per file and every finding with its file and cell. */
export async function writeConsolidated(
  outPath: string,
  results: FileResult[] | Consolidated,
  lang: Lang,
  opts: WriteOptions = {},
): Promise<void> {
  checkTarget(outPath, opts);
  const input = Array.isArray(results) ? consolidatedFromResults(results, lang) : results;
  const wb = new ExcelJS.Workbook();
  wb.creator = t('appName', lang);
  const gradeKeys: string[] = [];
  let noKpi = '-';
  for (const r of input.files) {
    if (r.error !== undefined) continue;
    noKpi = r.noKpiGrade;
    for (const g of r.gradeOrder) if (!gradeKeys.includes(g)) gradeKeys.push(g);
  }

  const withProfiles = input.files.some((r) => r.profile !== undefined);
  const files = wb.addWorksheet(t('filesSheet', lang), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const fw = new SheetWriter(files);
  const head = [
    t('file', lang),
    t('sheet', lang),
    t('fiscalYear', lang),
    t('verdict', lang),
    t('errors', lang),
    t('warnings', lang),
    t('infos', lang),
    t('rows', lang),
    t('kpis', lang),
    ...gradeKeys.map((g) => `${t('grade', lang)} ${gradeLabel(g, noKpi, lang)}`),
    t('message', lang),
    // Only when some file was checked with a profile other than the default: what it changes.
    ...(withProfiles ? [t('profileColumn', lang)] : []),
  ];
  fw.header(head);
  [36, 20, 22, 14, 8, 8, 8, 10, 8, ...gradeKeys.map(() => 10), 50, ...(withProfiles ? [60] : [])].forEach(
    (wd, i) => (files.getColumn(i + 1).width = wd),
  );
  const profileCell = (r: ConsolidatedFile) => (withProfiles ? [r.profile ?? ''] : []);
  for (const r of input.files) {
    if (r.error !== undefined) {
      const row = fw.line([
        r.file,
        r.sheet,
        '',
        t('unreadableShort', lang),
        null,
        null,
        null,
        null,
        null,
        ...gradeKeys.map(() => null),
        r.error,
        ...profileCell(r),
      ]);
      files.getCell(row, 4).fill = solid('FFD9D9D9');
      continue;
    }
    const row = fw.line([
      r.file,
      r.sheet,
      fiscalYearLabel(r.fiscalYear, lang),
      t(r.ready ? 'readyShort' : 'notReadyShort', lang),
      r.errors,
      r.warnings,
      r.infos,
      r.rows,
      r.kpis,
      ...gradeKeys.map((g) => r.grades[g] ?? 0),
      r.tableFound ? '' : t('tableNotFound', lang),
      ...profileCell(r),
    ]);
    files.getCell(row, 4).fill = solid(r.ready ? READY_FILL : NOT_READY_FILL);
  }
  files.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, fw.row - 1), column: head.length } };

  const list = wb.addWorksheet(t('findingsSheet', lang), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  const lw = new SheetWriter(list);
  const { header } = findingLines([], lang);
  const lines = input.lines;
  lw.header(header);
  [36, 20, 10, 10, 22, 60, 48].forEach((wd, i) => (list.getColumn(i + 1).width = wd));
  for (const l of lines) list.getCell(lw.line(l.cells), 4).fill = solid(HIGHLIGHT_FILL[l.kind]);
  list.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, lw.row - 1), column: 7 } };

  await save(wb, outPath, opts);
}
