/**
 * The shape of one real table of test/fixtures/real/: what tools/generate-real-tables.ts writes into the
 * workbook (cells, merges, number formats), where it comes from, what the engine must find in it and the
 * mistakes planted in its .bad.xlsx copy. One spec file per table in this folder.
 */

/** A cell: a text or number as typed, or an object for a number format, a formula or an error. */
export type CellSpec =
  | string
  | number
  | null
  | {
      /** The value as typed (a number stays a number). */
      v?: string | number;
      /** Number format code ("0.0%", '#,##0"人"'). */
      fmt?: string;
      /** A formula without "=", with its cached result in `v` or `error`. */
      f?: string;
      /** The error the formula shows ("#DIV/0!"). */
      error?: string;
    };

/** Column roles of the engine's report contract, plus `baseline` (issue 7). */
export type Role =
  | 'target_group'
  | 'label'
  | 'initiative'
  | 'plan'
  | 'indicator'
  | 'baseline'
  | 'kpi_target'
  | 'kpi_actual'
  | 'rate'
  | 'grade'
  | 'results'
  | 'issues'
  | 'agencies'
  | 'remarks';

/** Where the scale in force comes from: a legend under the table, a shipped preset, the default S–D, or the entry's profile. */
export type GradeSource = 'legend' | 'preset' | 'default' | 'profile';

/** One table the engine must find on the sheet. */
export interface ExpectedTable {
  /** 1-based first header row. */
  headerRow: number;
  /** Role → column letter, for every column the engine must map. */
  columns: Partial<Record<Role, string>>;
  /** Western fiscal year of the table, or null when the sheet names none. */
  fiscalYear: number | null;
  /** 1-based rows of the KPI / data rows (commentary and notes excluded). */
  dataRows: number[];
  /** The grade scale in force, best first, and where it comes from; null for a table without grades. */
  grades: string[] | null;
  gradeSource: GradeSource | null;
}

export interface Expect {
  tables: ExpectedTable[];
  /** Not a row-per-KPI table: one `unsupported-layout` finding, no error. */
  unsupported?: boolean;
  /** Roles the table really lacks (a missing-column error is acceptable for them). */
  missingRoles?: Role[];
}

export interface PlantedMistake {
  /** The cell the finding must point at ("G12"). */
  cell: string;
  ruleId: string;
  what: string;
}

export interface TableSpec {
  id: string;
  publisher: string;
  title: string;
  url: string;
  /** What is not in the source excerpt and was reconstructed (or "nothing"). */
  reconstructed: string;
  sheet: string;
  features: string[];
  /** Column widths, left to right. */
  widths: number[];
  /** Rows from row 1; `null` or a missing entry is an empty cell. */
  rows: CellSpec[][];
  /** Merged areas ("A3:B3"). */
  merges: string[];
  /** 1-based rows styled as header rows. */
  headerRows: number[];
  expect: Expect;
  /** Profile (as kpi-check reads it) when the table cannot be graded correctly without one, and why. */
  profile?: { json: Record<string, unknown>; why: string };
  /**
   * How the generator's own numbers are graded, for the corpus's self-check (not written to corpus.json):
   * the scale with its thresholds, actual ÷ target or progress from the baseline, and the rows where
   * lower is better. Given where the scale in force names percentages (legend, profile or an assumed preset).
   */
  selfCheck?: { steps: { grade: string; minPercent: number }[]; formula?: 'ratio' | 'progress'; lowerIsBetter?: number[] };
  /** The .bad.xlsx copy: cell edits (the value the cell gets; null empties it) and the mistakes they make. */
  bad?: { edits: { cell: string; value: CellSpec }[]; mistakes: PlantedMistake[] };
}

/** 1-based row numbers from `from` to `to`. */
export function rowRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r <= to; r++) out.push(r);
  return out;
}

/** A rate stored as a fraction shown as a percentage, as Excel keeps it (0.918 shown as 91.8%). */
export function pct(v: number, fmt = '0.0%'): CellSpec {
  return { v, fmt };
}

/** A number shown with thousands separators and a unit ("192,762人"). */
export function num(v: number, unit = '', decimals = 0): CellSpec {
  const body = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return { v, fmt: unit === '' ? body : `${body}"${unit}"` };
}
