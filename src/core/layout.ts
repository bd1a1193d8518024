/** Layout detection: find the progress table on a sheet and say which column and row is what. */
import type { CellRange } from './a1';
import { cellText, isExcelError, type CellValue, type Grid } from './grid';
import {
  classifyHeader,
  isBareLabel,
  isKpiParent,
  isSectionTitle,
  parseFiscalYear,
  splitLabel,
  type HeaderMatch,
} from './headers';
import { DEFAULT_PROFILE, type Profile } from './profile';
import type { DataRow, HeaderCell, Layout, Role, SectionRow } from './types';

/** The header is looked for in this many rows from the top of the used range. */
export const HEADER_SCAN_ROWS = 30;
/** Header rows are read this many columns wide. */
const HEADER_SCAN_COLS = 256;
/** Rows below the header sampled to tell the sub-label column from the text column. */
const LABEL_SAMPLE_ROWS = 300;
/** A header row must name at least this many distinct roles, */
const MIN_ROLES = 3;
/** and at least one of these (or a KPI parent). */
const CORE_ROLES: ReadonlySet<Role> = new Set<Role>([
  'initiative',
  'plan',
  'indicator',
  'kpi_target',
  'kpi_actual',
  'rate',
  'grade',
]);
/** Parent headers are looked for this far to the left of a sub-header whose parent cell is empty. */
const PARENT_REACH = 10;

const NOTE_RE =
  /^[\s\u3000]*(?:※|[*＊]|注\s*[0-9０-９]*\s*[:：.．)）]|[(（]注|注記|注意[:：]|出典|出所|資料[:：]|備考[:：]|参考[:：])/;

/** A note under or beside the table ("※ 達成度は…", "出典：…", "(注) …"). */
export function isNoteText(text: string): boolean {
  return typeof text === 'string' && NOTE_RE.test(text);
}

/** The text Excel shows in the role's column on a row (a merged cell shows its area's value); "" without that column. */
export function roleText(grid: Grid, layout: Layout, row: number, role: Role): string {
  const col = layout.columns[role];
  return col === undefined ? '' : grid.shownText(row, col);
}

/** The value Excel shows in the role's column on a row, or null without that column. */
export function roleValue(grid: Grid, layout: Layout, row: number, role: Role): CellValue {
  const col = layout.columns[role];
  return col === undefined ? null : grid.shownValue(row, col);
}

interface RowInfo {
  roles: Set<Role>;
  matched: number;
  unmatched: number;
  matchedCols: number[];
  kpiParent: boolean;
}

interface HeaderColumn {
  col: number;
  leaf: string;
  parent: string;
  /** Key of the header cell the leaf came from (cells of one merge share it). */
  source: number;
  /** Key of the parent header cell, or -1. */
  parentSource: number;
  role?: Role;
}

function trimmed(v: CellValue): string {
  return cellText(v).trim();
}

/** Text without any white space, for comparing a row with the header as written. */
function squeeze(v: CellValue): string {
  const t = cellText(v);
  return /\s/.test(t) ? t.replace(/\s+/g, '') : t;
}

function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

class Detector {
  private readonly cache = new Map<string, HeaderMatch | null>();
  private readonly lastScanCol: number;

  constructor(
    private readonly grid: Grid,
    private readonly profile: Profile,
  ) {
    this.lastScanCol = Math.min(grid.lastCol, grid.firstCol + HEADER_SCAN_COLS - 1);
  }

  match(text: string): HeaderMatch | null {
    if (text.length > 60 || text === '') return null;
    let m = this.cache.get(text);
    if (m === undefined) {
      if (this.cache.size > 20000) this.cache.clear();
      m = classifyHeader(text, this.profile);
      this.cache.set(text, m);
    }
    return m;
  }

  raw(row: number, col: number): string {
    return trimmed(this.grid.value(row, col));
  }

  rowInfo(row: number, fromCol: number, toCol: number): RowInfo {
    const info: RowInfo = { roles: new Set(), matched: 0, unmatched: 0, matchedCols: [], kpiParent: false };
    for (let c = fromCol; c <= toCol; c++) {
      const v = this.grid.value(row, c);
      if (v === null) continue;
      if (typeof v !== 'string') {
        info.unmatched++;
        continue;
      }
      const t = v.trim();
      if (t === '') continue;
      const m = this.match(t);
      if (m) {
        info.roles.add(m.role);
        info.matched++;
        info.matchedCols.push(c);
        if (m.kpiParent) info.kpiParent = true;
      } else info.unmatched++;
    }
    return info;
  }

  /** Is the row below `row` a second header row (sub-headers such as KPI's 目標・実績・達成度)? */
  isSubHeaderRow(row: number, fromCol: number, toCol: number): boolean {
    const below = row + 1;
    if (below > this.grid.lastRow) return false;
    for (let c = fromCol; c <= toCol; c++) {
      const m = this.grid.mergeAt(row, c);
      if (m && m.top === row && m.bottom >= below && !this.grid.isEmpty(m.top, m.left)) return true;
    }
    const info = this.rowInfo(below, fromCol, toCol);
    if (info.matched === 0 || info.matched < info.unmatched) return false;
    return info.matchedCols.some((c) => {
      if (this.grid.isCoveredByMerge(row, c)) return true;
      const above = this.raw(row, c);
      if (above === '') return true;
      const m = this.grid.mergeAt(row, c);
      return (m !== null && m.right > m.left) || isKpiParent(above);
    });
  }

  detect(): Layout | null {
    const g = this.grid;
    if (g.rowCount === 0 || g.colCount === 0) return null;
    const firstCol = g.firstCol;
    const lastCol = this.lastScanCol;

    let best: { row: number; two: boolean; score: number } | null = null;
    const scanEnd = Math.min(g.lastRow, g.firstRow + HEADER_SCAN_ROWS - 1);
    for (let r = g.firstRow; r <= scanEnd; r++) {
      const info = this.rowInfo(r, firstCol, lastCol);
      if (info.roles.size === 0) continue;
      const two = this.isSubHeaderRow(r, firstCol, lastCol);
      const roles = new Set(info.roles);
      let kpiParent = info.kpiParent;
      if (two) {
        const sub = this.rowInfo(r + 1, firstCol, lastCol);
        for (const role of sub.roles) roles.add(role);
        kpiParent ||= sub.kpiParent;
      }
      const core = kpiParent || [...roles].some((role) => CORE_ROLES.has(role));
      if (roles.size >= MIN_ROLES && core && (!best || roles.size > best.score)) best = { row: r, two, score: roles.size };
    }
    if (!best) return null;

    const headerRows = best.two ? [best.row, best.row + 1] : [best.row];
    const headerEnd = headerRows[headerRows.length - 1]!;
    const cols = this.headerColumns(best.row, best.two, firstCol, lastCol);

    let left = Infinity;
    let right = -Infinity;
    for (const hc of cols.values()) {
      if (hc.role) {
        left = Math.min(left, hc.col);
        right = Math.max(right, hc.col);
      }
    }
    if (left > right) return null;
    const hasHeader = (c: number) =>
      headerRows.some((r) => this.raw(r, c) !== '' || g.isCoveredByMerge(r, c) || (g.mergeAt(r, c)?.right ?? c) > c);
    while (left - 1 >= firstCol && hasHeader(left - 1)) left--;
    while (right + 1 <= lastCol && hasHeader(right + 1)) right++;

    this.resolveGroups(cols, headerRows);
    const text = this.lostTextColumn(cols, headerRows, left, right);
    if (text !== null) right = Math.max(right, text);
    const columns: Partial<Record<Role, number>> = {};
    const sourcesByRole = new Map<Role, Map<number, number>>();
    for (const hc of [...cols.values()].sort((a, b) => a.col - b.col)) {
      if (!hc.role || hc.col < left || hc.col > right) continue;
      if (columns[hc.role] === undefined) columns[hc.role] = hc.col;
      let s = sourcesByRole.get(hc.role);
      if (!s) sourcesByRole.set(hc.role, (s = new Map()));
      if (!s.has(hc.source)) s.set(hc.source, hc.col);
    }

    // A sub-label column without a header of its own, just left of the text column.
    if (columns.label === undefined && columns.initiative !== undefined) {
      const c = columns.initiative - 1;
      const hc = cols.get(c);
      if (c >= firstCol && !hc?.role && this.labelShare(c, headerRows) >= 0.5) {
        columns.label = c;
        left = Math.min(left, c);
      }
    }

    const duplicates: Layout['duplicates'] = [];
    for (const [role, sources] of sourcesByRole) {
      if (sources.size > 1) duplicates.push({ role, cols: [...sources.values()].sort((a, b) => a - b) });
    }

    const headerCells = this.headerCells(headerRows, left, right, cols);
    const fiscalYear =
      mostCommon(headerCells.map((h) => h.fiscalYear)) ?? this.titleYear(g.firstRow, best.row, firstCol, lastCol);

    const body = this.classifyRows(headerRows, left, right, columns);
    const bottom = body.dataRows.length ? body.dataRows[body.dataRows.length - 1]!.row : headerEnd;
    const range: CellRange = { top: headerRows[0]!, left, bottom, right };
    return {
      range,
      headerRows,
      fiscalYear,
      columns,
      duplicates,
      headerCells,
      sections: body.sections,
      dataRows: body.dataRows,
      repeatedHeaderRows: body.repeatedHeaderRows,
    };
  }

  /** What each column's header says: its leaf text, its parent, and the role they give. */
  private headerColumns(row: number, two: boolean, firstCol: number, lastCol: number): Map<number, HeaderColumn> {
    const g = this.grid;
    const out = new Map<number, HeaderColumn>();
    const sourceOf = (r: number, c: number) => {
      const m = g.mergeAt(r, c);
      return m ? cellKey(m.top, m.left) : cellKey(r, c);
    };
    for (let c = firstCol; c <= lastCol; c++) {
      const top = trimmed(g.shownValue(row, c));
      const m1 = g.mergeAt(row, c);
      const hc: HeaderColumn = { col: c, leaf: top, parent: '', source: sourceOf(row, c), parentSource: -1 };
      if (two && !(m1 && m1.bottom > row)) {
        const sub = trimmed(g.shownValue(row + 1, c));
        if (sub !== '') {
          hc.leaf = sub;
          hc.source = sourceOf(row + 1, c);
          const parentCol = top !== '' ? c : this.parentToTheLeft(row, c, firstCol);
          if (parentCol !== null) {
            hc.parent = trimmed(g.shownValue(row, parentCol));
            hc.parentSource = sourceOf(row, parentCol);
          }
        }
      }
      if (hc.leaf !== '') out.set(c, hc);
    }

    let prev: HeaderColumn | undefined;
    for (let c = firstCol; c <= lastCol; c++) {
      const hc = out.get(c);
      if (!hc) {
        prev = undefined;
        continue;
      }
      const underKpi = hc.parent !== '' && isKpiParent(hc.parent);
      const m = this.match(hc.leaf);
      if (m) {
        let role = m.role;
        if (underKpi && !m.fromProfile) {
          if (m.actualLike || role === 'results') role = 'kpi_actual';
          else if (role === 'initiative') role = 'indicator';
        } else if (m.actualLike && prev?.role === 'kpi_target' && prev.parent === hc.parent) {
          role = 'kpi_actual';
        }
        hc.role = role;
        // 内容 under 取組内容: one header over the label and text columns, told apart by their data.
        if (hc.parent !== '' && !underKpi && this.match(hc.parent)?.role === role) hc.source = hc.parentSource;
      } else if (hc.parent !== '' && !underKpi) {
        const pm = this.match(hc.parent);
        if (pm) {
          hc.role = pm.role;
          hc.source = hc.parentSource;
        }
      }
      prev = hc;
    }
    return out;
  }

  /** A parent header written once over sub-headers without a merge: the nearest cell to the left. */
  private parentToTheLeft(row: number, col: number, firstCol: number): number | null {
    for (let c = col - 1; c >= Math.max(firstCol, col - PARENT_REACH); c--) {
      if (this.grid.mergeAt(row, c)) return null;
      if (this.raw(row, c) === '') continue;
      return this.raw(row + 1, c) !== '' ? c : null;
    }
    return null;
  }

  /**
   * Columns that got one role from one header cell (a merge, or a parent over unnamed sub-columns):
   * under 取組内容 the column with the text is the initiative and a column of ア/イ/ウ the label;
   * for any other role only the first column keeps it.
   */
  private resolveGroups(cols: Map<number, HeaderColumn>, headerRows: number[]): void {
    const groups = new Map<string, HeaderColumn[]>();
    for (const hc of cols.values()) {
      if (!hc.role) continue;
      const k = `${hc.source}:${hc.role}`;
      const list = groups.get(k);
      if (list) list.push(hc);
      else groups.set(k, [hc]);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      list.sort((a, b) => a.col - b.col);
      if (list[0]!.role !== 'initiative') {
        for (const hc of list.slice(1)) delete hc.role;
        continue;
      }
      const stats = list.map((hc) => ({ hc, ...this.columnSample(hc.col, headerRows) }));
      let text = stats[stats.length - 1]!;
      for (const s of stats) if (s.textLength > text.textLength) text = s;
      let label: (typeof stats)[number] | undefined;
      for (const s of stats) if (s !== text && s.labels > 0 && (!label || s.labels > label.labels)) label = s;
      if (!label) label = stats.find((s) => s.hc.col === text.hc.col - 1);
      for (const s of stats) {
        if (s === text) s.hc.role = 'initiative';
        else if (s === label) s.hc.role = 'label';
        else delete s.hc.role;
      }
    }
  }

  /**
   * 取組内容 over the sub-label column whose merge over the text column was lost (hosts that read no
   * merges): the column right of it has no header of its own and holds the texts, while the header's
   * column holds only sub-labels (ア/イ/ウ) or nothing. Makes them label and initiative, as the merge
   * would, and returns the text column; else null.
   */
  private lostTextColumn(cols: Map<number, HeaderColumn>, headerRows: number[], left: number, right: number): number | null {
    let hc: HeaderColumn | undefined;
    for (const h of cols.values()) {
      if (h.col < left || h.col > right) continue;
      if (h.role === 'label') return null;
      if (h.role === 'initiative' && (!hc || h.col < hc.col)) hc = h;
    }
    if (!hc) return null;
    const col = hc.col + 1;
    if (col > this.lastScanCol || cols.has(col) || headerRows.some((r) => this.raw(r, col) !== '')) return null;
    const own = this.columnSample(hc.col, headerRows);
    const next = this.columnSample(col, headerRows);
    // One stray text (a note typed among the ア/イ/ウ) per four labels is tolerated.
    if (own.texts * 4 > own.labels || next.texts <= next.labels || next.textLength <= own.textLength) return null;
    hc.role = 'label';
    cols.set(col, {
      col,
      leaf: hc.leaf,
      parent: hc.parent,
      source: hc.source,
      parentSource: hc.parentSource,
      role: 'initiative',
    });
    return col;
  }

  /** A column's cells below the header; section titles, notes and the header repeated left out. */
  private columnSample(col: number, headerRows: number[]): { labels: number; texts: number; textLength: number } {
    let labels = 0;
    let texts = 0;
    let textLength = 0;
    const header = new Set(headerRows.map((r) => squeeze(this.grid.value(r, col))));
    const headerEnd = headerRows[headerRows.length - 1]!;
    const end = Math.min(this.grid.lastRow, headerEnd + LABEL_SAMPLE_ROWS);
    for (let r = headerEnd + 1; r <= end; r++) {
      const t = this.raw(r, col);
      if (t === '' || header.has(squeeze(t))) continue;
      if (isBareLabel(t)) labels++;
      else if (!isSectionTitle(t) && !isNoteText(t)) {
        texts++;
        textLength += t.length;
      }
    }
    return { labels, texts, textLength };
  }

  /** Share of a column's non-empty cells below the header that hold only a sub-label. */
  private labelShare(col: number, headerRows: number[]): number {
    const s = this.columnSample(col, headerRows);
    return s.labels === 0 ? 0 : s.labels / (s.labels + s.texts);
  }

  private headerCells(headerRows: number[], left: number, right: number, cols: Map<number, HeaderColumn>): HeaderCell[] {
    const roleBySource = new Map<number, Role>();
    // A merge over label + text (取組内容) is the initiative's header.
    for (const hc of cols.values()) {
      if (hc.role && (!roleBySource.has(hc.source) || roleBySource.get(hc.source) === 'label'))
        roleBySource.set(hc.source, hc.role);
    }
    const out: HeaderCell[] = [];
    for (const r of headerRows) {
      for (let c = left; c <= right; c++) {
        const v = this.grid.value(r, c);
        const text = cellText(v);
        if (text.trim() === '') continue;
        const cell: HeaderCell = { row: r, col: c, text };
        const role = roleBySource.get(cellKey(r, c));
        if (role) cell.role = role;
        const fy = parseFiscalYear(text);
        if (fy !== null) cell.fiscalYear = fy;
        out.push(cell);
      }
    }
    return out;
  }

  /** The fiscal year named in title rows above the header, when the header names none. */
  private titleYear(fromRow: number, headerRow: number, firstCol: number, lastCol: number): number | null {
    const years: number[] = [];
    for (let r = fromRow; r < headerRow; r++) {
      for (let c = firstCol; c <= lastCol; c++) {
        const v = this.grid.value(r, c);
        if (typeof v !== 'string' || v.length > 200) continue;
        const fy = parseFiscalYear(v);
        if (fy !== null) years.push(fy);
      }
    }
    return mostCommon(years);
  }

  private classifyRows(
    headerRows: number[],
    left: number,
    right: number,
    columns: Partial<Record<Role, number>>,
  ): { sections: SectionRow[]; dataRows: DataRow[]; repeatedHeaderRows: number[] } {
    const g = this.grid;
    const sections: SectionRow[] = [];
    const dataRows: DataRow[] = [];
    const repeatedHeaderRows: number[] = [];
    const tgCol = columns.target_group;
    const labelCol = columns.label;
    const initCol = columns.initiative;
    const titleCols = [tgCol, labelCol, initCol].filter((c): c is number => c !== undefined);
    const lastTitleCol = titleCols.length ? Math.max(...titleCols) : right;
    const headerRoles = new Set<Role>();
    const headerTexts = new Set<string>();
    let maxHeaderLength = 0;
    for (const r of headerRows) {
      for (const role of this.rowInfo(r, left, right).roles) headerRoles.add(role);
      for (let c = left; c <= right; c++) {
        const t = squeeze(this.grid.value(r, c));
        if (t !== '') headerTexts.add(t);
        maxHeaderLength = Math.max(maxHeaderLength, cellText(this.grid.value(r, c)).length);
      }
    }
    const repeatMin = Math.min(MIN_ROLES, headerRoles.size);

    let targetGroup = '';
    let blankRun = 0;
    let ended = false;
    const filled: number[] = [];
    const start = headerRows[headerRows.length - 1]! + 1;

    for (let r = start; r <= g.lastRow; r++) {
      filled.length = 0;
      // Cells written exactly like a header cell: only such rows can repeat the header.
      let asHeader = 0;
      let formulaErrors = 0;
      for (let c = left; c <= right; c++) {
        const v = g.value(r, c);
        if (v === null) continue;
        if (typeof v === 'string') {
          if (v.trim() === '') continue;
          if (v.length <= maxHeaderLength && (headerTexts.has(v) || headerTexts.has(squeeze(v)))) asHeader++;
          if (isExcelError(v) && g.formula(r, c) !== null) formulaErrors++;
        }
        filled.push(c);
      }
      // Rows holding nothing but formulas that fail (#DIV/0! below the data) are template rows, not data.
      if (filled.length === 0 || formulaErrors === filled.length) {
        blankRun++;
        continue;
      }
      const first = filled[0]!;
      const firstText = this.raw(r, first);

      if (filled.length <= 2 && isNoteText(firstText)) {
        if (blankRun > 0 && dataRows.length > 0) ended = true;
        blankRun = 0;
        continue;
      }
      if (asHeader >= 2 && filled.length >= repeatMin && this.isRepeatedHeader(r, left, right, filled.length, repeatMin)) {
        repeatedHeaderRows.push(r);
        if (this.isSubHeaderRow(r, left, right)) repeatedHeaderRows.push(++r);
        ended = false;
        blankRun = 0;
        continue;
      }
      blankRun = 0;
      if (ended) continue;

      const titleAt = filled.find((c) => c !== tgCol || filled.length === 1);
      if (
        titleAt !== undefined &&
        titleAt <= lastTitleCol &&
        (filled.length === 1 || (filled.length === 2 && filled[0] === tgCol)) &&
        isSectionTitle(this.raw(r, titleAt))
      ) {
        if (titleAt !== tgCol && tgCol !== undefined) targetGroup = this.targetGroupAt(r, tgCol, targetGroup) ?? targetGroup;
        sections.push({ row: r, col: titleAt, title: this.raw(r, titleAt) });
        continue;
      }
      if (tgCol !== undefined) targetGroup = this.targetGroupAt(r, tgCol, targetGroup) ?? targetGroup;
      if (filled.length === 1 && first === tgCol && !isBareLabel(firstText)) continue;

      dataRows.push({
        row: r,
        section: sections.length - 1,
        label: this.labelAt(r, labelCol, initCol, left, tgCol),
        targetGroup,
      });
    }
    return { sections, dataRows, repeatedHeaderRows };
  }

  private isRepeatedHeader(row: number, left: number, right: number, filled: number, minRoles: number): boolean {
    const info = this.rowInfo(row, left, right);
    return info.roles.size >= minRoles && info.matched * 2 >= filled;
  }

  /** The 対象者 a row names (its own cell or the merge over it), or null when it names none. */
  private targetGroupAt(row: number, col: number, current: string): string | null {
    const t = trimmed(this.grid.shownValue(row, col));
    if (t === current) return t;
    if (t === '' || isBareLabel(t) || isSectionTitle(t)) return null;
    return t;
  }

  private labelAt(
    row: number,
    labelCol: number | undefined,
    initCol: number | undefined,
    left: number,
    tgCol: number | undefined,
  ): string {
    if (labelCol !== undefined) {
      const t = trimmed(this.grid.shownValue(row, labelCol));
      if (t !== '') return splitLabel(t).label || t;
    }
    if (initCol !== undefined) {
      const s = splitLabel(this.raw(row, initCol));
      if (s.label) return s.label;
      // Pages extracted from a PDF shift cells left: a lone ア in a column before the text column.
      for (let c = left; c < initCol; c++) {
        if (c === labelCol) continue;
        const t = this.raw(row, c);
        if (t !== '' && isBareLabel(t)) return splitLabel(t).label;
        if (t !== '' && c !== tgCol) break;
      }
    }
    return '';
  }
}

function mostCommon(values: (number | undefined | null)[]): number | null {
  const counts = new Map<number, number>();
  let best: number | null = null;
  let bestCount = 0;
  for (const v of values) {
    if (v === undefined || v === null) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Find the progress table on a sheet: its header row(s) in the first 30 rows (scored by the roles
 * their cells name), the column of each role, the section rows and the data rows below. Returns null
 * when no row names at least three roles including an initiative, plan or KPI header.
 */
export function detectLayout(grid: Grid, profile: Profile = DEFAULT_PROFILE): Layout | null {
  return new Detector(grid, profile).detect();
}
