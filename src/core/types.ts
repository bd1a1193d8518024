import type { CellRange } from './a1';
import type { Fix } from './fixes';

/** Column roles. The ids are part of the public report contract. */
export const ROLES = [
  'target_group',
  'label',
  'initiative',
  'plan',
  'indicator',
  'baseline',
  'kpi_target',
  'kpi_actual',
  'rate',
  'grade',
  'results',
  'issues',
  'agencies',
  'remarks',
] as const;
export type Role = (typeof ROLES)[number];

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type Lang = 'ja' | 'en';

/** A text in both languages. Templates may hold {name} placeholders filled from a finding's data. */
export interface Localized {
  ja: string;
  en: string;
}

export interface HeaderCell {
  row: number;
  col: number;
  /** The text as written in the sheet. */
  text: string;
  /** The role it was recognised as, if any. */
  role?: Role;
  /** Western fiscal year named in the cell (令和6年度 / R6年度 / 2024年度 → 2024), if any. */
  fiscalYear?: number;
}

export interface SectionRow {
  row: number;
  /** Column the section title is written in. */
  col: number;
  /** The title as written ("①課題やニーズの把握"). */
  title: string;
}

export interface DataRow {
  row: number;
  /** Index into Layout.sections of the section the row belongs to, or -1 before the first section. */
  section: number;
  /** The sub-label (ア/イ/ウ) from the label column or the start of the initiative text, or "". */
  label: string;
  /** 対象者 as it applies to this row: the cell itself, its merge, or the last one written above. */
  targetGroup: string;
}

/** One column of a year series (実績 H27 | H28 | H29 …). */
export interface YearColumn {
  col: number;
  year: number;
}

/**
 * Several columns of one role, one per year. The column of the table's fiscal year (or the latest
 * filled one) plays the role; the others are history.
 */
export interface YearSeries {
  role: Role;
  columns: YearColumn[];
  /** The column that plays the role (also in Layout.columns). */
  chosen: number;
}

/** Where the table's fiscal year was read. */
export interface FiscalYearSource {
  row: number;
  col: number;
  text: string;
  /** title: a title row above the header; header: the headers' common year; actual: the latest actual column. */
  from: 'title' | 'header' | 'actual';
}

/**
 * The table's family: "sample" tables (取組・実施計画・実績・課題・実施機関, like the seed) are held to the
 * sample's full set of columns; "kpi" tables (indicator lists) to the KPI core.
 */
export type TableFamily = 'sample' | 'kpi';

/** A text near the table (a note, a row below it, a title row) that may hold the grade legend. */
export interface NearText {
  row: number;
  col: number;
  text: string;
}

/** What layout detection found on a sheet. Coordinates are 0-based sheet coordinates. */
export interface Layout {
  /** The table's range (header rows through the last data row). */
  range: CellRange;
  /** The header rows (one or two; the first table header only). */
  headerRows: number[];
  /** The fiscal year named in the headers (western, e.g. 2024), or null when none is named. */
  fiscalYear: number | null;
  /** Column of each recognised role. */
  columns: Partial<Record<Role, number>>;
  /** Roles that were recognised in more than one column: all their columns (the first is the one used). */
  duplicates: { role: Role; cols: number[] }[];
  /** Every non-empty header cell, recognised or not. */
  headerCells: HeaderCell[];
  sections: SectionRow[];
  dataRows: DataRow[];
  /** Rows inside the table that repeat the header (two printed pages pasted together). */
  repeatedHeaderRows: number[];
  /** Year series: several columns of one role by year. */
  series: YearSeries[];
  /** Where fiscalYear was read, or null when none is named. */
  fiscalYearSource: FiscalYearSource | null;
  family: TableFamily;
  /** Commentary rows inside or below the table (≪成果と見直し≫, 提言, 所見 …): neither data nor sections. */
  commentaryRows: number[];
  /** Texts around the table that may hold the grade legend (notes, rows below, title rows). */
  nearTexts: NearText[];
}

/** A finding as the engine reports it; messages are resolved per language by messages.ts. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** 0-based sheet cell, or null for findings about the sheet or a column role that is absent. */
  row: number | null;
  col: number | null;
  /** For column findings (missing-column, duplicate-column). */
  role?: Role;
  /** Key into the rule's messages. */
  messageId: string;
  /** Key into the rule's messages for the suggested fix, if there is one. */
  suggestionId?: string;
  /** Values for the message placeholders. */
  data: Record<string, string | number>;
  /** The change that resolves the finding, when the rule can name it (see fixes.ts). */
  fix?: Fix;
}
