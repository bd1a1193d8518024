/**
 * Layout detection: find the progress tables on a sheet and say which column and row is what.
 * detector.ts reads headers, rows.ts the body; this file puts each table together (year series, the
 * fiscal year, the family, the profile's columns) and recognises layouts it cannot read.
 */
import type { CellRange } from '../a1';
import { lettersToCol } from '../a1';
import { cellText, type Grid } from '../grid';
import { classifyHeader, isKpiParent, parseFiscalYear } from '../headers';
import { DEFAULT_PROFILE, type Profile } from '../profile';
import { headerKey } from '../text';
import type { FiscalYearSource, HeaderCell, Layout, NearText, Role, TableFamily, YearSeries } from '../types';
import { yearOnly } from '../years';
import { cellKey, Detector, HEADER_SCAN_ROWS, mostCommon, trimmed, type HeaderChoice, type HeaderColumn } from './detector';
import { classifyRows } from './rows';

export { HEADER_SCAN_ROWS, isNoteText, roleText, roleValue } from './detector';
export { isCommentaryText } from './rows';

/** At most this many tables are read on one sheet. */
export const MAX_TABLES = 20;
/** Roles that may come as a year series. */
const SERIES_ROLES: readonly Role[] = ['kpi_actual', 'kpi_target', 'rate', 'grade'];
/** Roles that mark a table of the sample's family. */
const SAMPLE_ROLES: readonly Role[] = ['target_group', 'plan', 'results', 'issues', 'agencies'];

/** A column letter of the profile's columns ("K"), or null when the text is a header text. */
function columnLetter(text: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(text)) return null;
  const c = lettersToCol(text.toUpperCase());
  return c >= 0 && c < 16384 ? c : null;
}

interface Setup {
  profile: Profile;
  letters: Map<number, Role>;
}

/** The profile's `columns`: letters fix a column's role; header texts become the role's first spelling. */
function setup(grid: Grid, profile: Profile): Setup {
  const letters = new Map<number, Role>();
  const spellings: Partial<Record<Role, string[]>> = {};
  const cols = profile.columns ?? {};
  const headerTexts = new Set<string>();
  if (Object.keys(cols).length) {
    for (let r = grid.firstRow; r <= Math.min(grid.lastRow, grid.firstRow + HEADER_SCAN_ROWS); r++)
      for (let c = grid.firstCol; c <= Math.min(grid.lastCol, grid.firstCol + 255); c++) {
        const t = grid.text(r, c).trim();
        if (t !== '' && t.length <= 60) headerTexts.add(headerKey(t));
      }
  }
  for (const [role, value] of Object.entries(cols) as [Role, string][]) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const letter = headerTexts.has(headerKey(value)) ? null : columnLetter(value.trim());
    if (letter !== null) letters.set(letter, role);
    else spellings[role] = [value, ...(spellings[role] ?? [])];
  }
  if (Object.keys(spellings).length === 0) return { profile, letters };
  const headerSpellings = { ...profile.headerSpellings };
  for (const [role, list] of Object.entries(spellings) as [Role, string[]][])
    headerSpellings[role] = [...list, ...(headerSpellings[role] ?? [])];
  return { profile: { ...profile, headerSpellings }, letters };
}

/**
 * Find the progress tables on a sheet: the first header in the first 30 rows (or the profile's
 * headerRow), each later header block below it starting another table. Returns [] when no row names
 * at least three roles including an initiative, indicator or KPI header.
 */
export function detectLayouts(grid: Grid, profile: Profile = DEFAULT_PROFILE): Layout[] {
  if (grid.rowCount === 0 || grid.colCount === 0) return [];
  const s = setup(grid, profile);
  const d = new Detector(grid, s.profile, s.letters);
  let choice: HeaderChoice | null;
  if (profile.headerRow) {
    const h = d.headerScore(profile.headerRow - 1);
    choice = h.score > 0 ? h : null;
  } else {
    choice = d.findHeader(grid.firstRow, grid.firstRow + HEADER_SCAN_ROWS - 1);
  }
  const out: Layout[] = [];
  let titleFrom = grid.firstRow;
  while (choice && out.length < MAX_TABLES) {
    const built = buildTable(d, choice, titleFrom);
    if (!built) break;
    const prev = out.at(-1);
    // A later table under the same title keeps the sheet's year.
    if (prev && built.layout.fiscalYear === null && prev.fiscalYearSource?.from === 'title') {
      built.layout.fiscalYear = prev.fiscalYear;
      built.layout.fiscalYearSource = prev.fiscalYearSource;
    }
    out.push(built.layout);
    if (built.nextHeader === null) break;
    titleFrom = built.layout.range.bottom + 1;
    const next = d.headerScore(built.nextHeader);
    choice = next.score > 0 ? next : null;
  }
  return out;
}

/** The first table on the sheet, or null. */
export function detectLayout(grid: Grid, profile: Profile = DEFAULT_PROFILE): Layout | null {
  return detectLayouts(grid, profile)[0] ?? null;
}

function buildTable(d: Detector, choice: HeaderChoice, titleFrom: number): { layout: Layout; nextHeader: number | null } | null {
  const g = d.grid;
  const part = d.headerLayout(choice);
  if (!part) return null;
  const { headerRows, cols } = part;
  let { left, right } = part;
  const headerEnd = headerRows[headerRows.length - 1]!;
  const inTable = (hc: HeaderColumn) => hc.col >= left && hc.col <= right;
  const byRole = new Map<Role, HeaderColumn[]>();
  for (const hc of [...cols.values()].sort((a, b) => a.col - b.col)) {
    if (!hc.role || !inTable(hc)) continue;
    const list = byRole.get(hc.role);
    if (list) list.push(hc);
    else byRole.set(hc.role, [hc]);
  }

  const roleOf = (hc: HeaderColumn, role: Role | undefined) => {
    const from = hc.role;
    if (from) {
      const list = (byRole.get(from) ?? []).filter((x) => x !== hc);
      if (list.length) byRole.set(from, list);
      else byRole.delete(from);
    }
    if (role) {
      hc.role = role;
      byRole.set(
        role,
        [...(byRole.get(role) ?? []), hc].sort((a, b) => a.col - b.col),
      );
    } else delete hc.role;
  };
  const isKpiFamily = SAMPLE_ROLES.filter((r) => byRole.has(r)).length < 2;
  if (isKpiFamily) {
    const targets = byRole.get('kpi_target') ?? [];
    const named = targets.filter((hc) => !isKpiParent(hc.leaf));
    const nameCol = (byRole.get('indicator') ?? byRole.get('initiative') ?? [])[0]?.col;
    for (const hc of targets) {
      if (named.length === 0 || named.length === targets.length) break;
      // 数値目標 / KPI over the names, beside real 目標値 columns: the indicator.
      if (isKpiParent(hc.leaf) && !byRole.has('indicator')) roleOf(hc, 'indicator');
    }
    const remaining = byRole.get('kpi_target') ?? [];
    const firstName = nameCol ?? (byRole.get('indicator') ?? [])[0]?.col;
    // 目標 at the far left, before the names (基本目標), is not the KPI's target.
    if (firstName !== undefined && remaining.length > 1)
      for (const hc of remaining) if (hc.col < firstName) roleOf(hc, undefined);
    // 活動実績 / 実績 in an indicator list is the KPI's actual.
    if (!byRole.has('kpi_actual') && byRole.has('results'))
      for (const hc of [...byRole.get('results')!]) roleOf(hc, 'kpi_actual');
  }

  // Year series: one role in several columns, each naming its own year.
  const seriesOf = new Map<Role, HeaderColumn[]>();
  for (const role of SERIES_ROLES) {
    const list = byRole.get(role) ?? [];
    const withYear = list.filter((hc) => hc.year !== undefined);
    if (withYear.length >= 2 && new Set(withYear.map((hc) => hc.year)).size >= 2) seriesOf.set(role, withYear);
  }

  // 現状値 is the actual when no later measurement is given.
  if (!byRole.has('kpi_actual')) {
    const base = byRole.get('baseline') ?? [];
    const current = base.find((hc) => hc.currentLike);
    if (current) {
      current.role = 'kpi_actual';
      byRole.set('kpi_actual', [current]);
      const rest = base.filter((hc) => hc !== current);
      if (rest.length) byRole.set('baseline', rest);
      else byRole.delete('baseline');
    }
  }

  const columns: Partial<Record<Role, number>> = {};
  for (const [role, list] of byRole) {
    const series = seriesOf.get(role);
    columns[role] = series ? series[series.length - 1]!.col : list[0]!.col;
  }
  const family: TableFamily = isKpiFamily ? 'kpi' : 'sample';
  // An indicator list without a name header: the first column of texts left of the KPI is the name.
  if (family === 'kpi' && columns.indicator === undefined && columns.initiative === undefined) {
    const kpiCols = (['kpi_target', 'kpi_actual', 'baseline', 'rate', 'grade'] as Role[]).map((r) => columns[r] ?? Infinity);
    const firstKpi = Math.min(...kpiCols);
    for (let c = left; c < firstKpi && c <= right; c++) {
      const sample = d.columnSample(c, headerRows);
      if (sample.texts > sample.numbers && sample.texts >= 2) {
        columns.indicator = c;
        break;
      }
    }
  }

  const body = classifyRows(d, headerRows, left, right, columns, family);
  const hasData = (col: number) => body.dataRows.some((r) => cellText(g.value(r.row, col)).trim() !== '');

  // The fiscal year: a title above the header, else the headers' common year, else the latest actual.
  const seriesCols = new Set([...seriesOf.values()].flat().map((hc) => hc.col));
  let fiscalYearSource: FiscalYearSource | null = titleYear(d, titleFrom, choice.row);
  if (!fiscalYearSource) {
    const workCells: { row: number; col: number; text: string; year: number }[] = [];
    for (const r of headerRows)
      for (let c = left; c <= right; c++) {
        if (seriesCols.has(c)) continue;
        const hc = cols.get(c);
        if (hc?.role === 'baseline' || hc?.role === 'kpi_target') continue;
        const text = trimmed(g.value(r, c));
        const year = text === '' || isYearRange(text) ? null : parseFiscalYear(text);
        if (year !== null) workCells.push({ row: r, col: c, text, year });
      }
    const common = mostCommon(workCells.map((w) => w.year));
    const cell = workCells.find((w) => w.year === common);
    if (cell) fiscalYearSource = { row: cell.row, col: cell.col, text: cell.text, from: 'header' };
  }
  let fiscalYear = fiscalYearSource ? (parseFiscalYear(fiscalYearSource.text) ?? null) : null;
  if (fiscalYearSource?.from === 'title') fiscalYear = titleYearValue(fiscalYearSource.text);

  const series: YearSeries[] = [];
  const actual = seriesOf.get('kpi_actual');
  let seriesYear: number | null = null;
  if (actual) {
    const chosen =
      actual.find((hc) => hc.year === fiscalYear) ??
      [...actual].reverse().find((hc) => hasData(hc.col)) ??
      actual[actual.length - 1]!;
    seriesYear = chosen.year!;
    if (fiscalYear === null) {
      fiscalYear = seriesYear;
      fiscalYearSource = { row: headerEnd, col: chosen.col, text: trimmed(g.shownValue(headerEnd, chosen.col)), from: 'actual' };
    }
  }
  for (const [role, list] of seriesOf) {
    const year = seriesYear ?? fiscalYear;
    const chosen =
      list.find((hc) => hc.year === year) ?? [...list].reverse().find((hc) => hasData(hc.col)) ?? list[list.length - 1]!;
    columns[role] = chosen.col;
    series.push({ role, columns: list.map((hc) => ({ col: hc.col, year: hc.year! })), chosen: chosen.col });
    for (const hc of list) if (hc !== chosen) delete hc.role;
  }

  const duplicates: Layout['duplicates'] = [];
  for (const [role, list] of byRole) {
    if (seriesOf.has(role)) continue;
    const sources = new Map<number, number>();
    for (const hc of list) if (hc.role === role && !sources.has(hc.source)) sources.set(hc.source, hc.col);
    if (sources.size > 1) duplicates.push({ role, cols: [...sources.values()].sort((a, b) => a - b) });
  }
  if (columns.label !== undefined) left = Math.min(left, columns.label);

  const headerCells = d.headerCells(headerRows, left, right, cols);
  const bottom = body.dataRows.length ? body.dataRows[body.dataRows.length - 1]!.row : headerEnd;
  const range: CellRange = { top: headerRows[0]!, left, bottom, right };
  const nearTexts: NearText[] = [...titleTexts(d, titleFrom, choice.row), ...body.nearTexts];
  right = range.right;
  return {
    layout: {
      range,
      headerRows,
      fiscalYear,
      columns,
      duplicates,
      headerCells,
      sections: body.sections,
      dataRows: body.dataRows,
      repeatedHeaderRows: body.repeatedHeaderRows,
      series,
      fiscalYearSource,
      family,
      commentaryRows: body.commentaryRows,
      nearTexts,
    },
    nextHeader: body.nextHeader,
  };
}

/** A year said to be the one of the actuals or the evaluation (令和5年度実績, 平成27年度評価). */
const LABELLED_YEAR = /(?:年度?|\d)\s*(?:の)?\s*(?:実績|評価|進捗|達成)/;

/** 令和2年度～令和6年度: a plan's period, not the year of the table. */
function isYearRange(text: string): boolean {
  return /(?:年度?|\d)\s*[~〜～\-－ー]\s*(?:令和|平成|[RrHh]|\d)/.test(text) && (text.match(/\d/g)?.length ?? 0) >= 2;
}

/** The fiscal year a title names: the year of its 実績/評価/進捗 when it names several; a plan's period is skipped. */
function titleYearValue(text: string): number | null {
  const t = text.normalize('NFKC');
  const re = /(?:令和|平成|[RrHh])\s*(?:元|\d{1,2})\s*年度?|(?:19|20)\d{2}\s*年度?/g;
  const years: { year: number; end: number; start: number }[] = [];
  for (const m of t.matchAll(re)) {
    const y = parseFiscalYear(m[0]);
    if (y !== null) years.push({ year: y, start: m.index, end: m.index + m[0].length });
  }
  if (years.length === 0) return parseFiscalYear(t);
  const labelled = years.find((y) => /^\s*(?:の)?\s*(?:実績|評価|進捗|取組|達成)/.test(t.slice(y.end, y.end + 6)));
  if (labelled) return labelled.year;
  const single = years.filter((y, i) => {
    const between = (a: { end: number }, b: { start: number }) => t.slice(a.end, b.start);
    const prev = years[i - 1];
    const next = years[i + 1];
    const ranged =
      (prev && /^\s*[~〜～\-－ー]\s*$/.test(between(prev, y))) || (next && /^\s*[~〜～\-－ー]\s*$/.test(between(y, next)));
    return !ranged;
  });
  return (single[0] ?? years[years.length - 1]!).year;
}

function titleYear(d: Detector, fromRow: number, headerRow: number): FiscalYearSource | null {
  const g = d.grid;
  for (let r = fromRow; r < headerRow; r++) {
    for (let c = g.firstCol; c <= d.lastScanCol; c++) {
      const v = g.value(r, c);
      if (typeof v !== 'string' || v.length > 200) continue;
      if (isYearRange(v) && !LABELLED_YEAR.test(v.normalize('NFKC'))) continue;
      if (titleYearValue(v) !== null && parseFiscalYear(v) !== null) return { row: r, col: c, text: v.trim(), from: 'title' };
    }
  }
  return null;
}

function titleTexts(d: Detector, fromRow: number, headerRow: number): NearText[] {
  const g = d.grid;
  const out: NearText[] = [];
  for (let r = Math.max(fromRow, headerRow - HEADER_SCAN_ROWS); r < headerRow; r++)
    for (let c = g.firstCol; c <= d.lastScanCol; c++) {
      const t = d.raw(r, c);
      if (t !== '') out.push({ row: r, col: c, text: t });
    }
  return out;
}

export interface HeaderCandidate {
  /** 0-based sheet row. */
  row: number;
  /** The row's non-empty cells (and its sub-header row's), with the role each was recognised as. */
  cells: HeaderCell[];
  roles: Role[];
}

/**
 * The row that looks most like a header in the first 30 rows, even when it names too few roles to be
 * taken as one; null on a sheet without any header word. For messages and the column mapping.
 */
export function headerCandidate(grid: Grid, profile: Profile = DEFAULT_PROFILE): HeaderCandidate | null {
  if (grid.rowCount === 0 || grid.colCount === 0) return null;
  const s = setup(grid, profile);
  const d = new Detector(grid, s.profile, s.letters);
  let best: ReturnType<Detector['headerScore']> | null = null;
  for (let r = grid.firstRow; r <= Math.min(grid.lastRow, grid.firstRow + HEADER_SCAN_ROWS - 1); r++) {
    const h = d.headerScore(r);
    if (h.score > 0 && (!best || h.score > best.score)) best = h;
  }
  if (!best) return null;
  const rows = best.two ? [best.row, best.row + 1] : [best.row];
  const cells: HeaderCell[] = [];
  for (const r of rows)
    for (let c = grid.firstCol; c <= d.lastScanCol; c++) {
      const text = grid.text(r, c);
      if (text.trim() === '') continue;
      const cell: HeaderCell = { row: r, col: c, text };
      const role = s.letters.get(c) ?? classifyHeader(text.trim(), s.profile)?.role;
      if (role) cell.role = role;
      cells.push(cell);
    }
  return { row: best.row, cells, roles: [...best.roles] };
}

/** A layout the engine cannot read as rows of KPIs, and what was seen of it. */
export interface UnsupportedLayout {
  /**
   * years-across: a row of years (平成25（基準値） | 平成27 | 平成31（目標値）) with the figures below it,
   * one block per KPI; measures-down: 目標値 / 実績値 / 達成率 written down a column, each beside its figure.
   */
  kind: 'years-across' | 'measures-down';
  /** 0-based sheet row of the first year row or the first measure. */
  row: number;
  /** The years named across (years-across). */
  years: number[];
  /** Rows naming a measure (measures-down), or the year rows (years-across). */
  rows: number[];
}

const MEASURE_ROLES: ReadonlySet<Role> = new Set<Role>(['kpi_target', 'kpi_actual', 'rate', 'baseline']);

/** A year heading, its annotation aside: 平成25（基準値）, 平成27, R6. */
function yearHeading(text: string): number | null {
  return yearOnly(text.replace(/[(（][^)）]{0,12}[)）]/g, '').trim());
}

/**
 * Layouts that are not one row per KPI: years across with the figures below (one block per KPI), or
 * measures down a column, each beside its figure. Recognised so that the finding says what was seen.
 */
export function detectUnsupported(grid: Grid, profile: Profile = DEFAULT_PROFILE): UnsupportedLayout | null {
  const lastRow = Math.min(grid.lastRow, grid.firstRow + 300);
  const lastCol = Math.min(grid.lastCol, grid.firstCol + 255);
  const isNumber = (r: number, c: number) => typeof grid.value(r, c) === 'number' || /^[\d.,\s%‰]+$/.test(grid.text(r, c).trim());
  const yearRows: number[] = [];
  const years: number[] = [];
  const measureRows: number[] = [];
  for (let r = grid.firstRow; r <= lastRow; r++) {
    const cols: number[] = [];
    for (let c = grid.firstCol; c <= lastCol; c++) {
      const y = yearHeading(grid.text(r, c).trim());
      if (y !== null) {
        cols.push(c);
        if (yearRows.length === 0) years.push(y);
      }
    }
    if (cols.length >= 2 && cols.filter((c) => isNumber(r + 1, c)).length >= 2) yearRows.push(r);
    for (let c = grid.firstCol; c <= Math.min(lastCol, grid.firstCol + 4); c++) {
      const t = grid.text(r, c).trim();
      if (t === '' || t.length > 12) continue;
      const m = classifyHeader(t, profile);
      if (m && MEASURE_ROLES.has(m.role) && isNumber(r, c + 1)) {
        measureRows.push(r);
        break;
      }
    }
  }
  if (yearRows.length >= 1 && years.length >= 2) return { kind: 'years-across', row: yearRows[0]!, years, rows: yearRows };
  if (measureRows.length >= 2) return { kind: 'measures-down', row: measureRows[0]!, years: [], rows: measureRows };
  return null;
}

export { cellKey };
