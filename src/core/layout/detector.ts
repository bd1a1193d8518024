/**
 * Layout detection, the header part: which row is the header, and which column plays which role.
 * The data rows are read by rows.ts; index.ts puts a table together.
 */
import { cellText, type CellValue, type Grid } from '../grid';
import { classifyHeader, isBareLabel, isKpiParent, isSectionTitle, parseFiscalYear, type HeaderMatch } from '../headers';
import type { Profile } from '../profile';
import type { HeaderCell, Layout, Role } from '../types';
import { yearOnly } from '../years';

/** The header is looked for in this many rows from the top of the used range. */
export const HEADER_SCAN_ROWS = 30;
/** Header rows are read this many columns wide. */
export const HEADER_SCAN_COLS = 256;
/** Rows below the header sampled to tell the sub-label column from the text column. */
const LABEL_SAMPLE_ROWS = 300;
/** A header row must name at least this many distinct roles, */
export const MIN_ROLES = 3;
/** and at least one of these (or a KPI parent). */
export const CORE_ROLES: ReadonlySet<Role> = new Set<Role>([
  'initiative',
  'plan',
  'indicator',
  'baseline',
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

export interface RowInfo {
  roles: Set<Role>;
  matched: number;
  unmatched: number;
  matchedCols: number[];
  kpiParent: boolean;
}

export interface HeaderColumn {
  col: number;
  leaf: string;
  parent: string;
  /** The fiscal year the leaf or its parent names (実績 over H27 | H28, or H27 over 目標 | 実績). */
  year?: number;
  /** 現状値: the baseline when a later actual exists, else the actual. */
  currentLike?: boolean;
  /** Key of the header cell the leaf came from (cells of one merge share it). */
  source: number;
  /** Key of the parent header cell, or -1. */
  parentSource: number;
  role?: Role;
}

/** A cell of numbering: 1, 2., (3), ①, Ⅳ-2. */
const NUMBERING_RE = /^[\s\d０-９.,．，()（）\-‐－・\u2460-\u2473\u2160-\u217f]+$/u;

function isYearNumber(v: number): boolean {
  return Number.isInteger(v) && v >= 1950 && v <= 2100;
}

export function trimmed(v: CellValue): string {
  return cellText(v).trim();
}

/** Text without any white space, for comparing a row with the header as written. */
export function squeeze(v: CellValue): string {
  const t = cellText(v);
  return /\s/.test(t) ? t.replace(/\s+/g, '') : t;
}

export function cellKey(row: number, col: number): number {
  return row * 16384 + col;
}

/** The header of one table: its rows, its edges and what each column's header says. */
export interface HeaderPart {
  headerRows: number[];
  left: number;
  right: number;
  cols: Map<number, HeaderColumn>;
}

export interface HeaderChoice {
  row: number;
  two: boolean;
  score: number;
  roles: Set<Role>;
}

export class Detector {
  private readonly cache = new Map<string, HeaderMatch | null>();
  readonly lastScanCol: number;

  /**
   * @param letterRoles roles the profile maps to a column letter: a header cell there plays the role
   *   whatever it says.
   */
  constructor(
    readonly grid: Grid,
    readonly profile: Profile,
    readonly letterRoles: ReadonlyMap<number, Role> = new Map(),
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

  private readonly years = new Map<string, boolean>();

  /** A header text that is only a year (H27, R6, 2024年度), cached per text. */
  isYear(text: string): boolean {
    if (text.length > 16) return false;
    let y = this.years.get(text);
    if (y === undefined) {
      if (this.years.size > 20000) this.years.clear();
      y = yearOnly(text) !== null;
      this.years.set(text, y);
    }
    return y;
  }

  raw(row: number, col: number): string {
    return trimmed(this.grid.value(row, col));
  }

  rowInfo(row: number, fromCol: number, toCol: number): RowInfo {
    const info: RowInfo = { roles: new Set(), matched: 0, unmatched: 0, matchedCols: [], kpiParent: false };
    for (let c = fromCol; c <= toCol; c++) {
      const v = this.grid.value(row, c);
      if (v === null) continue;
      const lettered = this.letterRoles.get(c);
      if (lettered !== undefined && cellText(v).trim() !== '') {
        info.roles.add(lettered);
        info.matched++;
        info.matchedCols.push(c);
        continue;
      }
      if (typeof v !== 'string') {
        if (typeof v !== 'number' || !isYearNumber(v)) info.unmatched++;
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
      } else if (!this.isYear(t)) info.unmatched++;
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
    const years = this.yearCols(below, fromCol, toCol);
    if (
      years.length >= 2 &&
      info.matched <= years.length &&
      years.some((c) => this.raw(row, c) === '' || this.grid.isCoveredByMerge(row, c))
    )
      return true;
    if (info.matched === 0 || info.matched < info.unmatched) return false;
    return info.matchedCols.some((c) => {
      if (this.grid.isCoveredByMerge(row, c)) return true;
      const above = this.raw(row, c);
      if (above === '') return true;
      const m = this.grid.mergeAt(row, c);
      return (m !== null && m.right > m.left) || isKpiParent(above);
    });
  }

  /** A merged cell of the row reaches down into the next row (a header written over two rows). */
  hasMergeDown(row: number, fromCol: number, toCol: number): boolean {
    for (let c = fromCol; c <= toCol; c++) {
      const m = this.grid.mergeAt(row, c);
      if (m && m.top === row && m.bottom > row && !this.grid.isEmpty(m.top, m.left)) return true;
    }
    return false;
  }

  /** Columns of a row that hold nothing but a year (H27, R6, 2024). */
  yearCols(row: number, fromCol: number, toCol: number): number[] {
    const out: number[] = [];
    for (let c = fromCol; c <= toCol; c++) {
      const v = this.grid.value(row, c);
      if (typeof v === 'number' ? isYearNumber(v) : typeof v === 'string' && this.isYear(v.trim())) out.push(c);
    }
    return out;
  }

  /** How well a row serves as the (first) header row: the roles it and its sub-header row name. */
  headerScore(r: number): HeaderChoice & { core: boolean } {
    const firstCol = this.grid.firstCol;
    const lastCol = this.lastScanCol;
    const info = this.rowInfo(r, firstCol, lastCol);
    const roles = new Set(info.roles);
    const two = this.isSubHeaderRow(r, firstCol, lastCol);
    // A first header row may name nothing itself (安定所 | 求人充足件数) and stand over the sub-headers.
    if (roles.size === 0 && !(two && this.hasMergeDown(r, firstCol, lastCol)))
      return { row: r, two: false, score: 0, roles, core: false };
    let kpiParent = info.kpiParent;
    if (two) {
      const sub = this.rowInfo(r + 1, firstCol, lastCol);
      for (const role of sub.roles) roles.add(role);
      kpiParent ||= sub.kpiParent;
    }
    const core = kpiParent || [...roles].some((role) => CORE_ROLES.has(role));
    return { row: r, two, score: roles.size, roles, core };
  }

  /** The best header row between two rows (inclusive), or null when none names enough roles. */
  findHeader(fromRow: number, toRow: number): HeaderChoice | null {
    let best: HeaderChoice | null = null;
    for (let r = fromRow; r <= Math.min(toRow, this.grid.lastRow); r++) {
      const h = this.headerScore(r);
      if (h.score >= MIN_ROLES && h.core && (!best || h.score > best.score)) best = h;
    }
    return best;
  }

  /** Is the row a header of its own (a second table's), not a row of data? */
  isHeaderRow(r: number, left: number, right: number, filled: number): boolean {
    const info = this.rowInfo(r, left, right);
    if (info.roles.size < MIN_ROLES || info.matched * 2 < filled) return false;
    return info.kpiParent || [...info.roles].some((role) => CORE_ROLES.has(role));
  }

  /**
   * The header's columns for the header at `best`: role of each column, the table's left and right
   * edges, duplicates and header cells. Data rows are read afterwards (rows.ts).
   */
  headerLayout(best: HeaderChoice): HeaderPart | null {
    const g = this.grid;
    const firstCol = g.firstCol;
    const lastCol = this.lastScanCol;

    const headerRows = best.two ? [best.row, best.row + 1] : [best.row];
    const cols = this.headerColumns(best.row, best.two, firstCol, lastCol);
    for (const [c, role] of this.letterRoles) {
      const hc = cols.get(c);
      if (hc) hc.role = role;
      else if (c >= firstCol && c <= lastCol)
        cols.set(c, { col: c, leaf: '', parent: '', source: cellKey(best.row, c), parentSource: -1, role });
    }

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
    for (const [c, role] of this.letterRoles) {
      // The profile's letters win over anything the headers said.
      for (const hc of cols.values()) if (hc.role === role && hc.col !== c) delete hc.role;
      const hc = cols.get(c);
      if (hc) hc.role = role;
    }

    // A sub-label column without a header of its own, just left of the text column.
    const initiative = [...cols.values()].filter((hc) => hc.role === 'initiative').sort((a, b) => a.col - b.col)[0];
    if (initiative && ![...cols.values()].some((hc) => hc.role === 'label')) {
      const c = initiative.col - 1;
      const hc = cols.get(c);
      if (c >= firstCol && !hc?.role && this.labelShare(c, headerRows) >= 0.5) {
        if (hc) hc.role = 'label';
        else cols.set(c, { col: c, leaf: '', parent: '', source: cellKey(best.row, c), parentSource: -1, role: 'label' });
        left = Math.min(left, c);
      }
    }
    return { headerRows, left, right, cols };
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
      const leafYear = yearOnly(hc.leaf);
      const year = leafYear ?? parseFiscalYear(hc.leaf) ?? (hc.parent !== '' ? parseFiscalYear(hc.parent) : null);
      if (year !== null) hc.year = year;
      const m = leafYear === null ? this.match(hc.leaf) : null;
      if (leafYear !== null) {
        // 実績 over H27 | H28 | H29: each year's column plays the parent's role (a series).
        const pm = hc.parent !== '' ? this.match(hc.parent) : null;
        if (pm && !(pm.kpiParent && pm.role === 'kpi_target' && !/目標/.test(hc.parent)))
          hc.role = pm.actualLike || pm.role === 'results' ? 'kpi_actual' : pm.role;
      } else if (m) {
        let role = m.role;
        const afterKpi = prev?.role === 'kpi_target' || prev?.role === 'kpi_actual' || prev?.role === 'baseline';
        if (underKpi && !m.fromProfile) {
          if (m.actualLike || role === 'results') role = 'kpi_actual';
          else if (role === 'initiative') role = 'indicator';
        } else if (
          m.actualLike &&
          afterKpi &&
          (prev!.parent === hc.parent || (prev!.year !== undefined && hc.year !== undefined))
        ) {
          role = 'kpi_actual';
        } else if (
          m.actualLike &&
          hc.year !== undefined &&
          (yearOnly(hc.parent) !== null || (/実績$/.test(hc.leaf) && yearOnly(hc.leaf.replace(/実績$/, '')) !== null))
        ) {
          // 実績 under 25年度 (or "24年度実績"): one year of the KPI's actuals.
          role = 'kpi_actual';
        }
        hc.role = role;
        if (role === 'baseline' && /現状/.test(hc.leaf)) hc.currentLike = true;
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
   * under 指標 the column with the names; for any other role only the first column keeps it.
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
      const stats = list.map((hc) => ({ hc, ...this.columnSample(hc.col, headerRows) }));
      if (list[0]!.role === 'indicator') {
        // 指標 over a number column (1, 2, ①) and the names: the names play the role.
        let names = stats[0]!;
        for (const s of stats)
          if (s.texts > s.numbers && (names.texts <= names.numbers || s.textLength > names.textLength)) names = s;
        for (const s of stats) if (s !== names) delete s.hc.role;
        continue;
      }
      if (list[0]!.role !== 'initiative') {
        for (const hc of list.slice(1)) delete hc.role;
        continue;
      }
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
  columnSample(col: number, headerRows: number[]): { labels: number; texts: number; textLength: number; numbers: number } {
    let labels = 0;
    let texts = 0;
    let textLength = 0;
    let numbers = 0;
    const header = new Set(headerRows.map((r) => squeeze(this.grid.value(r, col))));
    const headerEnd = headerRows[headerRows.length - 1]!;
    const end = Math.min(this.grid.lastRow, headerEnd + LABEL_SAMPLE_ROWS);
    for (let r = headerEnd + 1; r <= end; r++) {
      const t = this.raw(r, col);
      if (t === '' || header.has(squeeze(t))) continue;
      // A row-wide merge is a heading or commentary, not this column's data.
      const m = this.grid.mergeAt(r, col);
      if (m && m.right - m.left >= 2) continue;
      if (typeof this.grid.value(r, col) === 'number' || NUMBERING_RE.test(t)) numbers++;
      else if (isBareLabel(t)) labels++;
      else if (!isSectionTitle(t) && !isNoteText(t)) {
        texts++;
        textLength += t.length;
      }
    }
    return { labels, texts, textLength, numbers };
  }

  /** Share of a column's non-empty cells below the header that hold only a sub-label. */
  private labelShare(col: number, headerRows: number[]): number {
    const s = this.columnSample(col, headerRows);
    return s.labels === 0 ? 0 : s.labels / (s.labels + s.texts);
  }

  headerCells(headerRows: number[], left: number, right: number, cols: Map<number, HeaderColumn>): HeaderCell[] {
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
}

export function mostCommon(values: (number | undefined | null)[]): number | null {
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
