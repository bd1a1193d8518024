/**
 * The simulator's workbook as plain data and back: what the browser preview posts from the Web Worker
 * that opens a workbook to the page. Plain means what structured cloning copies as it is (objects,
 * arrays, strings, numbers; no classes, Maps or functions). Each distinct format is listed once and
 * cells point at it by index, so a sheet of 500,000 cells in three formats carries three formats.
 *
 * Kept: every sheet (id, name, cells with values, formulas, quote prefixes and formats, merges,
 * conditional formats, custom properties, column widths, frozen panes, charts, visibility, protection,
 * tab colour), the active sheet, the selection, structure protection, the document settings and the
 * host's behaviours. Not kept: what belongs to a session (event handlers, the counters of syncs, hooks
 * set by tests, cell edit mode).
 */
import type { CellRange } from '../../core/a1';
import type { CellValue } from '../../core/grid';
import {
  SimWorkbook,
  internStyle,
  type HostBehaviours,
  type SimCell,
  type SimChart,
  type SimConditionalFormat,
  type SimCustomProperty,
  type SimStyle,
} from './model';

/** A cell: its value, then its formula (or null), the index of its format (or -1), 1 for a quote prefix; trailing defaults left off. */
export type PlainCell = [value: CellValue, formula?: string | null, style?: number, quotePrefix?: 1];

export interface PlainRow {
  /** 0-based row number. */
  row: number;
  /** By 0-based column; null where there is no cell. */
  cells: (PlainCell | null)[];
}

export interface PlainSheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  tabColor: string | null;
  merges: CellRange[];
  conditionalFormats: SimConditionalFormat[];
  customProperties: SimCustomProperty[];
  /** [column, width in points]. */
  columnWidths: [number, number][];
  freeze: { rows: number; columns: number };
  charts: SimChart[];
  rows: PlainRow[];
}

export interface PlainWorkbook {
  styles: SimStyle[];
  sheets: PlainSheet[];
  activeSheetId: string;
  selection: { sheetId: string; range: CellRange } | null;
  structureProtected: boolean;
  settings: Record<string, unknown>;
  savedSettings: Record<string, unknown>;
  runtimeSettings: Record<string, Record<string, unknown>>;
  apiVersion: string;
  host: HostBehaviours;
  /** The workbook's id counter, so that ids made after the transfer do not repeat the ones kept. */
  lastId: number;
}

/** SimWorkbook keeps its id counter private; carrying a workbook across is the one reason to read it. */
type WithIds = { ids: number };

/** A deep copy of plain JSON-like data (formats' `extra`, conditional formats' `source`, settings). */
function copy<T>(v: T): T {
  return structuredClone(v);
}

/** The workbook as plain data, sharing nothing with it. */
export function simToPlain(sim: SimWorkbook): PlainWorkbook {
  const styles: SimStyle[] = [];
  const styleIndex = new Map<SimStyle, number>();
  const indexOf = (s: SimStyle): number => {
    let i = styleIndex.get(s);
    if (i === undefined) {
      i = styles.push(copy(s)) - 1;
      styleIndex.set(s, i);
    }
    return i;
  };
  const plainCell = (c: SimCell): PlainCell => {
    const style = c.style ? indexOf(c.style) : -1;
    if (c.quotePrefix) return [c.value, c.formula ?? null, style, 1];
    if (style >= 0) return [c.value, c.formula ?? null, style];
    return c.formula !== undefined ? [c.value, c.formula] : [c.value];
  };
  const sheets = sim.sheets.map((s): PlainSheet => {
    const rows: PlainRow[] = [];
    for (const [row, cells] of s.rowEntries()) {
      const out: (PlainCell | null)[] = [];
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        out.push(cell ? plainCell(cell) : null);
      }
      if (out.some((c) => c !== null)) rows.push({ row, cells: out });
    }
    return {
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      tabColor: s.tabColor,
      merges: s.merges.map((m) => ({ ...m })),
      conditionalFormats: copy(s.conditionalFormats),
      customProperties: s.customProperties.map((p) => ({ ...p })),
      columnWidths: [...s.columnWidths],
      freeze: { ...s.freeze },
      charts: copy(s.charts),
      rows,
    };
  });
  return {
    styles,
    sheets,
    activeSheetId: sim.activeSheetId,
    selection: sim.selection && { sheetId: sim.selection.sheetId, range: { ...sim.selection.range } },
    structureProtected: sim.structureProtected,
    settings: copy(sim.settings),
    savedSettings: copy(sim.savedSettings),
    runtimeSettings: copy(sim.runtimeSettings),
    apiVersion: sim.apiVersion,
    host: copy(sim.host),
    lastId: (sim as unknown as WithIds).ids,
  };
}

/** Some rows of one sheet (its index in `sheets`): a large workbook travels as its head, then such pieces. */
export interface PlainRows {
  sheet: number;
  rows: PlainRow[];
}

/** The workbook without its rows, and the rows in pieces of about `cells` cells each (at least a row). */
export function splitRows(plain: PlainWorkbook, cells: number): { head: PlainWorkbook; pieces: PlainRows[] } {
  const pieces: PlainRows[] = [];
  const sheets = plain.sheets.map((p, sheet): PlainSheet => {
    let rows: PlainRow[] = [];
    let n = 0;
    for (const row of p.rows) {
      rows.push(row);
      n += row.cells.length;
      if (n >= cells) {
        pieces.push({ sheet, rows });
        rows = [];
        n = 0;
      }
    }
    if (rows.length) pieces.push({ sheet, rows });
    return { ...p, rows: [] };
  });
  return { head: { ...plain, sheets }, pieces };
}

/**
 * A workbook made from plain data (which it takes over: its objects become the workbook's), and a
 * way to add the rows that come after it in pieces.
 */
export function receivePlain(plain: PlainWorkbook): { sim: SimWorkbook; addRows(piece: PlainRows): void } {
  const sim = new SimWorkbook([]);
  const styles = plain.styles.map((s) => internStyle(s));
  for (const p of plain.sheets) {
    const s = sim.addSheet(p.name);
    s.id = p.id;
    s.visibility = p.visibility;
    s.protected = p.protected;
    s.tabColor = p.tabColor;
    s.merges = p.merges;
    s.conditionalFormats = p.conditionalFormats;
    s.customProperties = p.customProperties;
    s.columnWidths = new Map(p.columnWidths);
    s.freeze = p.freeze;
    s.charts = p.charts;
  }
  sim.activeSheetId = plain.activeSheetId;
  sim.selection = plain.selection;
  sim.structureProtected = plain.structureProtected;
  sim.settings = plain.settings;
  sim.savedSettings = plain.savedSettings;
  sim.runtimeSettings = plain.runtimeSettings;
  sim.apiVersion = plain.apiVersion;
  sim.host = plain.host;
  (sim as unknown as WithIds).ids = plain.lastId;
  const addRows = ({ sheet, rows }: PlainRows): void => {
    const s = sim.sheets[sheet];
    if (!s) throw new Error(`rows for sheet ${sheet} of a workbook of ${sim.sheets.length}`);
    for (const { row, cells } of rows)
      cells.forEach((c, col) => {
        if (!c) return;
        const [value, formula, style = -1, quotePrefix] = c;
        const cell: SimCell = { value };
        if (formula !== undefined && formula !== null) cell.formula = formula;
        if (quotePrefix) cell.quotePrefix = true;
        const st = styles[style];
        if (st) cell.style = st;
        s.setCell(row, col, cell);
      });
  };
  plain.sheets.forEach((p, sheet) => addRows({ sheet, rows: p.rows }));
  return { sim, addRows };
}

/** A workbook made from plain data (which it takes over). */
export function simFromPlain(plain: PlainWorkbook): SimWorkbook {
  return receivePlain(plain).sim;
}
