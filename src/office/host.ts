import type { CheckResult } from '../core/engine';
import type { Profile } from '../core/profile';
import type { Fix } from '../core/fixes';
import type { HeaderCell, Lang } from '../core/types';
import type { FixOutcome } from './fixes';

/** A failure the pane shows as a message bar: what happened and what to do, in both languages. */
export class HostError extends Error {
  constructor(
    readonly code: 'protected' | 'sheet-gone' | 'too-large' | 'api-unsupported' | 'workbook-changed' | 'no-table' | 'unknown',
    readonly ja: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'HostError';
  }
}

export interface ValidateOutcome {
  result: CheckResult;
  /** The id of the sheet checked (it stays when the sheet is renamed). */
  sheetId?: string;
  /** Number of cells painted. */
  highlighted: number;
  /** Why the findings could not be painted (a protected sheet): the result stands, nothing was written. */
  notPainted?: HostError;
}

export interface SheetInfo {
  name: string;
  /** Used range address, e.g. "A1:K23", or null for an empty sheet. */
  usedRange: string | null;
}

/** The active sheet as the pane follows it: which sheet it is, whether it is our summary, what else is there. */
export interface SheetState extends SheetInfo {
  id: string;
  /** The source sheet when the active sheet is our own summary sheet (集計), else null. */
  summaryOf: string | null;
  /** Every sheet of the workbook, in tab order. */
  sheets: { id: string; name: string }[];
}

/** The header cells Settings maps to roles: those of the table found, or of the best candidate row. */
export interface HeaderChoice {
  sheet: string;
  /** True when a table was recognised (its header cells); false for the candidate row of a sheet without one. */
  found: boolean;
  /** The (first) header row, 0-based. */
  row: number;
  cells: HeaderCell[];
}

/** Stops following the workbook's sheets. */
export type Unwatch = () => Promise<void>;

/**
 * What the task pane and the ribbon command ask of Excel. Implemented on Office.js by
 * src/office/excelHost.ts (which runs on real Excel and, in tests and the preview, on the simulator).
 */
/** What the workbook holds as its profile. */
export interface SavedProfile {
  profile: Profile | null;
  /** Why a saved profile is not used (empty when there is none or it is valid). */
  errors: string[];
}

export interface ExcelHost {
  /** The active sheet's name and used range (one round trip). */
  activeSheet(): Promise<SheetInfo>;
  /** The active sheet with its id, whether it is our summary sheet and the workbook's sheets (one round trip). */
  sheetState(): Promise<SheetState>;
  /**
   * Call `onChange` whenever a sheet is activated, renamed, added or deleted (worksheet events,
   * ExcelApi 1.7; renames 1.17). Resolves to null when the host cannot tell (older host, or the
   * registration refused): the pane then reads the active sheet when it gets the focus.
   */
  watchSheets(onChange: () => void): Promise<Unwatch | null>;
  /** Read the active sheet (or the named one) and run the engine, painting nothing (what the pane shows on open). */
  inspect(profile: Profile, sheet?: string): Promise<CheckResult>;
  /** The header cells of the active sheet (or the named one) under a profile, found or candidate; null when there is none. */
  headerChoice(profile: Profile, sheet?: string): Promise<HeaderChoice | null>;
  /** Read the active sheet (or the named one), run the engine, paint highlights (replacing earlier ones). */
  validate(profile: Profile, sheet?: string): Promise<ValidateOutcome>;
  /** Remove every highlight this add-in painted, on every sheet; returns the number of sheets cleared. */
  clearHighlights(): Promise<number>;
  /**
   * Write quick fixes to a sheet (two round trips); a cell that changed since or holds a formula is
   * skipped. Undo is the same call with reverseFixes() of what was applied.
   */
  writeFixes(sheet: string, fixes: readonly Fix[]): Promise<FixOutcome>;
  /** Insert (or replace our own) summary sheet for a result; returns the sheet's name. */
  insertSummary(result: CheckResult, lang: Lang): Promise<string>;
  /** Activate a sheet and select one cell ("G22"). */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * The profile saved in the workbook (document settings): null when there is none, or when the saved
   * one is not valid, and then `errors` says why (the pane tells the user; the default is used).
   */
  loadProfile(): Promise<SavedProfile>;
  saveProfile(profile: Profile | null): Promise<void>;
}
