/**
 * The simulator's workbook: plain data (sheets of cells with values, formulas and formats, merges,
 * conditional formats, custom properties, protection, the active sheet and the selection) plus the
 * counters of the round trips made against it. No Office, no DOM, no Node APIs: it runs in the
 * browser preview as well as in the tests.
 */
import { MAX_COLS, MAX_ROWS, toA1, type CellRange } from '../../core/a1';
import type { CellValue } from '../../core/grid';
import { localAddress, parseArea, parseAreaList } from './address';
import { SimError, accessDenied, invalidArgument } from './errors';
import { enter } from './input';

export interface SimFont {
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB". */
  color?: string;
  size?: number;
  name?: string;
  underline?: string;
}

/** A cell's own format. Treated as immutable: changing a format replaces the object. */
export interface SimStyle {
  /** Solid fill "#RRGGBB"; absent = no fill. */
  fill?: string;
  font?: SimFont;
  numberFormat?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Format details the simulator does not model (borders, pattern fills…) as read from a file, kept as they were. */
  extra?: unknown;
}

export interface SimCell {
  value: CellValue;
  formula?: string;
  quotePrefix?: boolean;
  style?: SimStyle;
}

export interface SimConditionalFormat {
  id: string;
  /** Excel.ConditionalFormatType: "Custom", "CellValue", "DataBar"… */
  type: string;
  ranges: CellRange[];
  /** The rule formula of a Custom format. */
  formula?: string;
  format: { fill?: string; fontColor?: string; fontBold?: boolean; fontItalic?: boolean };
  stopIfTrue: boolean;
  /** A format read from a file that the simulator does not model, kept as it was. */
  source?: unknown;
  /** Added through the API (conditionalFormats.add); any other format was made by the user. */
  api?: true;
}

export interface SimChart {
  id: string;
  name: string;
  type: string;
  /** The source data: a range of a sheet (it follows the sheet when renamed). */
  sourceSheetId: string;
  sourceRange: CellRange;
  seriesBy: string;
  title: string | null;
  /** Top-left and bottom-right cells it is placed over, if set. */
  position: { start: string; end?: string } | null;
}

export interface SimCustomProperty {
  key: string;
  value: string;
}

const FORBIDDEN = /[[\]:*?/\\]/;

/** Excel's rules for a worksheet name; throws InvalidArgument like Excel. */
export function checkSheetName(name: unknown): string {
  if (typeof name !== 'string') throw invalidArgument('sheet name');
  if (name.length === 0 || name.length > 31) throw invalidArgument(`sheet name "${name}" must be 1–31 characters`);
  if (FORBIDDEN.test(name)) throw invalidArgument(`sheet name "${name}" contains one of [ ] : * ? / \\`);
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument(`sheet name "${name}" starts or ends with an apostrophe`);
  if (name.toLowerCase() === 'history') throw invalidArgument('the sheet name "History" is reserved');
  return name;
}

const NAMED_COLOURS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
};

/** "#abc", "#aabbcc", "red" → "#AABBCC"; anything else is InvalidArgument. */
export function normalizeColour(c: unknown): string {
  if (typeof c !== 'string') throw invalidArgument('colour');
  const s = c.trim();
  const named = NAMED_COLOURS[s.toLowerCase()];
  if (named) return named;
  let m = /^#?([0-9a-f]{6})$/i.exec(s);
  if (m) return `#${m[1]!.toUpperCase()}`;
  m = /^#?([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s);
  if (m) return `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`.toUpperCase();
  throw invalidArgument(`colour "${s}"`);
}

const styleCache = new Map<string, SimStyle>();

/** The same style object for equal styles, so a million cells do not hold a million copies. */
export function internStyle(s: SimStyle | undefined): SimStyle | undefined {
  if (!s) return undefined;
  const clean: SimStyle = {};
  for (const [k, v] of Object.entries(s)) if (v !== undefined) (clean as Record<string, unknown>)[k] = v;
  if (Object.keys(clean).length === 0) return undefined;
  const key = JSON.stringify(clean);
  let hit = styleCache.get(key);
  if (!hit) {
    hit = Object.freeze(clean);
    if (styleCache.size < 100000) styleCache.set(key, hit);
  }
  return hit;
}

export class SimSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  tabColor: string | null = null;
  merges: CellRange[] = [];
  /** Index 0 has the top priority. */
  conditionalFormats: SimConditionalFormat[] = [];
  customProperties: SimCustomProperty[] = [];
  /** Column index → width in points. */
  columnWidths = new Map<number, number>();
  freeze = { rows: 0, columns: 0 };
  charts: SimChart[] = [];
  private rows: (SimCell | undefined)[][] = [];
  /** The values-only used range, kept until a cell changes. */
  private usedCache: { range: CellRange | null } | null = null;

  constructor(
    readonly workbook: SimWorkbook,
    public id: string,
    public name: string,
  ) {}

  cell(row: number, col: number): SimCell | undefined {
    return this.rows[row]?.[col];
  }

  setCell(row: number, col: number, cell: SimCell | undefined): void {
    if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) throw invalidArgument('cell outside the sheet');
    this.usedCache = null;
    const empty = !cell || (cell.value === null && cell.formula === undefined && !cell.style);
    let r = this.rows[row];
    if (!r) {
      if (empty) return;
      r = this.rows[row] = [];
    }
    if (empty) {
      if (col < r.length) r[col] = undefined;
    } else r[col] = cell;
  }

  /** Change one cell in place of the old one (cells are replaced, never mutated). */
  update(row: number, col: number, f: (c: SimCell) => SimCell): void {
    const old = this.cell(row, col) ?? { value: null };
    this.setCell(row, col, f(old));
  }

  /** Rows that hold anything, as [row, cells]. */
  *rowEntries(): Generator<[number, (SimCell | undefined)[]]> {
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (cells) yield [r, cells];
    }
  }

  /** The used range: cells with a value or formula, and with valuesOnly false also formatted cells. */
  usedRange(valuesOnly: boolean): CellRange | null {
    if (valuesOnly && this.usedCache) return this.usedCache.range && { ...this.usedCache.range };
    const r = this.scanUsed(valuesOnly);
    if (valuesOnly) this.usedCache = { range: r && { ...r } };
    return r;
  }

  private scanUsed(valuesOnly: boolean): CellRange | null {
    let top = -1;
    let bottom = -1;
    let left = Number.MAX_SAFE_INTEGER;
    let right = -1;
    for (const [r, cells] of this.rowEntries()) {
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        if (cell.value === null && cell.formula === undefined && (valuesOnly || !cell.style)) continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    }
    if (!valuesOnly)
      for (const m of this.merges) {
        if (top < 0 || m.top < top) top = m.top;
        if (m.bottom > bottom) bottom = m.bottom;
        if (m.left < left) left = m.left;
        if (m.right > right) right = m.right;
      }
    return top < 0 ? null : { top, bottom, left, right };
  }

  /** Throws AccessDenied when the sheet is protected. */
  assertWritable(what: string): void {
    if (this.protected) throw accessDenied(`${what} on the protected sheet "${this.name}"`);
  }

  // ---- helpers for tests and fixtures (not part of the Excel API)

  /** Enter values like typing them (strings starting with "=" become formulas) from the top-left cell of `at`. */
  setValues(at: string, values: unknown[][]): void {
    const { range } = parseArea(at);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const e = enter(v, false);
        if (e === 'unchanged') return;
        this.update(range.top + i, range.left + j, (c) => {
          const out: SimCell = { value: e.value };
          if (e.formula) out.formula = e.formula;
          if (e.quotePrefix) out.quotePrefix = true;
          if (c.style) out.style = c.style;
          return out;
        });
      }),
    );
  }

  /** Change the format of every cell in the area(s). */
  setStyle(address: string, patch: Partial<SimStyle>): void {
    for (const a of parseAreaList(address))
      for (let r = a.range.top; r <= a.range.bottom; r++)
        for (let c = a.range.left; c <= a.range.right; c++)
          this.update(r, c, (cell) => ({ ...cell, style: internStyle({ ...cell.style, ...patch }) }));
  }

  addConditionalFormat(cf: Omit<SimConditionalFormat, 'id'>): SimConditionalFormat {
    const full = { ...cf, id: this.workbook.nextId('cf') };
    this.conditionalFormats.unshift(full);
    return full;
  }

  snapshot(): SheetSnapshot {
    const cells: Record<string, CellSnapshot> = {};
    for (const [r, row] of this.rowEntries())
      row.forEach((cell, c) => {
        if (!cell) return;
        const s: CellSnapshot = { value: cell.value };
        if (cell.formula !== undefined) s.formula = cell.formula;
        if (cell.quotePrefix) s.quotePrefix = true;
        if (cell.style) s.style = cell.style;
        cells[toA1(r, c)] = s;
      });
    return {
      name: this.name,
      id: this.id,
      visibility: this.visibility,
      protected: this.protected,
      tabColor: this.tabColor,
      cells,
      merges: this.merges.map(localAddress).sort(),
      conditionalFormats: this.conditionalFormats.map((cf) => ({ ...cf, ranges: cf.ranges.map(localAddress) })),
      customProperties: this.customProperties.map((p) => ({ ...p })),
      columnWidths: Object.fromEntries([...this.columnWidths].sort((a, b) => a[0] - b[0])),
      freeze: { ...this.freeze },
      charts: this.charts.map(({ sourceSheetId, sourceRange, ...c }) => ({
        ...c,
        source: `${this.workbook.sheetById(sourceSheetId)?.name ?? '#REF!'}!${localAddress(sourceRange)}`,
      })),
    };
  }
}

export interface CellSnapshot {
  value: CellValue;
  formula?: string;
  quotePrefix?: true;
  style?: SimStyle;
}

export interface SheetSnapshot {
  name: string;
  id: string;
  visibility: string;
  protected: boolean;
  tabColor: string | null;
  /** Every cell that holds a value, formula or format, by A1 address. */
  cells: Record<string, CellSnapshot>;
  merges: string[];
  conditionalFormats: (Omit<SimConditionalFormat, 'ranges'> & { ranges: string[] })[];
  customProperties: SimCustomProperty[];
  columnWidths: Record<number, number>;
  freeze: { rows: number; columns: number };
  charts: (Omit<SimChart, 'sourceSheetId' | 'sourceRange'> & { source: string })[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet: string;
  settings: Record<string, unknown>;
}

export interface SyncRecord {
  /** UTF-8 bytes of the JSON of the queued operations (with the values written). */
  requestBytes: number;
  /** UTF-8 bytes of the JSON of the data loaded. */
  responseBytes: number;
  operations: number;
  /** The error code when the request failed. */
  failed?: string;
}

/** Excel on the web refuses requests and responses over 5 MB and reads of more than 5,000,000 cells. */
export const LIMITS = {
  payloadBytes: 5 * 1024 * 1024,
  readCells: 5_000_000,
  addressLength: 8192,
  sheetNameLength: 31,
};

/**
 * ExcelApi requirement set each simulated host supports. Office 2019 is the volume-licensed perpetual
 * edition offices buy: ExcelApi 1.7 ("Office 2019: Version 1801", the requirement-set table of
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets); the
 * retail edition updates like Microsoft 365.
 */
export const HOSTS = {
  Office2016: '1.2',
  Office2019: '1.7',
  Office2021: '1.14',
  LTSC2024: '1.17',
  M365: '1.20',
  Web: '1.20',
} as const;
export type HostName = keyof typeof HOSTS;

export function versionAtLeast(have: string, need: string): boolean {
  const [a1 = 0, a2 = 0] = have.split('.').map(Number);
  const [b1 = 0, b2 = 0] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** The worksheet collection events the simulator fires (ExcelApi 1.7; onNameChanged 1.17). */
export type SimSheetEventName = 'onActivated' | 'onDeleted' | 'onNameChanged' | 'onAdded';

export interface SimSheetEventArgs {
  type: string;
  worksheetId: string;
  source?: 'Local' | 'Remote';
  nameBefore?: string;
  nameAfter?: string;
}

/**
 * Where real Excel differs from a well-behaved one: each option reproduces a documented limit or a
 * known office-js bug, and is set per test (`sim.host.<option> = …`). The defaults are what the
 * cited page or issue describes for the common host (Excel on the web / Windows in Japanese).
 */
export interface HostBehaviours {
  /**
   * The error a request gets while the user edits a cell and Excel.run was not given
   * `delayForCellEdit`: "the batch automatically fails" (https://learn.microsoft.com/javascript/api/excel/excel.runoptions),
   * with no code promised. The default here is the generic InvalidOperation; the code reported in
   * office-js #625, #3021 and #3388 is InvalidOperationInCellEditMode.
   */
  cellEditError: 'InvalidOperation' | 'InvalidOperationInCellEditMode';
  /**
   * The host's list separator, the only one `getRanges` accepts between areas: ";" on Windows desktop
   * with e.g. German or Czech regional settings (office-js #1167, #1985), "," elsewhere. Addresses
   * Excel returns always use ",".
   */
  listSeparator: ',' | ';';
  /**
   * `getMergedAreasOrNullObject` over a range with more than 512 merged areas "will fail to return the
   * result" (Range.getMergedAreasOrNullObject in the ExcelApi 1.13 reference): an error, or on some
   * hosts a null object, as if there were no merges.
   */
  mergedAreasOver512: 'throw' | 'nullObject';
  /**
   * office-js #5222, #6827, #6835: on cells with two or more conditional formats made by the user (or
   * a duplicated rule), reading the conditional formats' items fails (`read`), and deleting one of
   * those formats fails with ItemNotFound (`delete`).
   */
  conditionalFormatBugs: { read: boolean; delete: boolean };
  /**
   * Excel runs a batch operation by operation; the reference promises no rollback of a batch that fails
   * (OfficeExtension.Error reports only the failure), so the simulator models the worst case: what ran
   * before the failing operation stays done. Fails operation `op` (1-based) of request `sync` (1-based,
   * counted since the last resetStats) with `code`, once.
   */
  failAt: { sync: number; op: number; code?: string } | null;
}

export function defaultHostBehaviours(): HostBehaviours {
  return {
    cellEditError: 'InvalidOperation',
    listSeparator: ',',
    mergedAreasOver512: 'throw',
    conditionalFormatBugs: { read: false, delete: false },
    failAt: null,
  };
}

export class SimWorkbook {
  sheets: SimSheet[] = [];
  /** The host's own behaviours at the edges (see HostBehaviours). */
  host: HostBehaviours = defaultHostBehaviours();
  activeSheetId = '';
  /** The selected range (on the active sheet). */
  selection: { sheetId: string; range: CellRange } | null = null;
  /** Workbook structure protection: no sheets added, deleted or renamed. */
  structureProtected = false;
  /**
   * Office.context.document.settings as the task pane's runtime holds them in memory, and as last
   * saved in the document with saveAsync. Without a shared runtime each runtime (the pane, the ribbon's
   * function file) loads its own copy when it starts and `saveAsync` writes that whole copy
   * (https://learn.microsoft.com/javascript/api/office/office.settings: "saved per add-in and per
   * document"; the shared runtime exists to share state, https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
   * Other runtimes' copies are in `runtimeSettings`, made on first use from the saved settings.
   */
  settings: Record<string, unknown> = {};
  savedSettings: Record<string, unknown> = {};
  runtimeSettings: Record<string, Record<string, unknown>> = {};
  /** The ExcelApi requirement set of the simulated host. */
  apiVersion: string = HOSTS.M365;
  /** Another workbook window has the focus: requests fail with InactiveWorkbook. */
  inactive = false;
  /** A cell is being edited: requests fail with host.cellEditError, or wait with delayForCellEdit. */
  private editing = false;
  private editEnded: (() => void)[] = [];
  get cellEditMode(): boolean {
    return this.editing;
  }
  set cellEditMode(v: boolean) {
    this.editing = v;
    if (!v) for (const f of this.editEnded.splice(0)) f();
  }
  /** Resolves when the user leaves cell edit mode. */
  cellEditEnded(): Promise<void> {
    return this.editing ? new Promise((r) => this.editEnded.push(r)) : Promise.resolve();
  }
  /** Called before each request is processed, with the 1-based sync number: tests change the workbook "meanwhile". */
  beforeSync: ((n: number) => void) | null = null;
  /** Simulated network time per round trip (ms); 0 by default. */
  latencyMs = 0;
  readonly syncs: SyncRecord[] = [];
  /**
   * Office.js bug (github.com/OfficeDev/office-js/issues/1814): with handlers on both onActivated and
   * onDeleted, a deleted sheet arrives as onActivated with type "WorksheetActivated"; onDeleted never fires.
   */
  deletedArrivesAsActivated = false;
  /**
   * Office.js bug (github.com/OfficeDev/office-js/issues/1103, Excel 2019 builds): registering an
   * onActivated handler fails with AccessDenied.
   */
  activatedHandlerDenied = false;
  /** Event handlers registered through the API (worksheets.onActivated …), by event. */
  readonly handlers: Record<SimSheetEventName, Set<(args: SimSheetEventArgs) => unknown>> = {
    onActivated: new Set(),
    onDeleted: new Set(),
    onNameChanged: new Set(),
    onAdded: new Set(),
  };
  private ids = 0;

  /** A workbook with the given sheets (at least one; the first is active). */
  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const n of sheetNames) this.addSheet(n);
  }

  nextId(kind: string): string {
    this.ids++;
    const n = String(this.ids).padStart(12, '0');
    return kind === 'sheet' ? `{00000000-0001-0000-${n.slice(0, 4)}-${n}}` : `${kind}-${this.ids}`;
  }

  addSheet(name: string, at?: number): SimSheet {
    checkSheetName(name);
    if (this.sheet(name)) throw new SimError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    const s = new SimSheet(this, this.nextId('sheet'), name);
    if (at === undefined) this.sheets.push(s);
    else this.sheets.splice(at, 0, s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  /** Sheet by name (case-insensitive, as Excel compares them). */
  sheet(name: string): SimSheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  sheetById(id: string): SimSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  get activeSheet(): SimSheet {
    const s = this.sheetById(this.activeSheetId) ?? this.sheets[0];
    if (!s) throw new SimError('GeneralException', 'The workbook has no sheets.');
    return s;
  }

  /** Test helper: make a sheet active (and select its A1), as a user clicking its tab. */
  activate(name: string): void {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    const changed = this.activeSheetId !== s.id;
    this.activeSheetId = s.id;
    this.selection = { sheetId: s.id, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    if (changed) this.emit('onActivated', { type: 'WorksheetActivated', worksheetId: s.id });
  }

  /**
   * Fire a worksheet event as Excel does: after the change, asynchronously, to every handler
   * registered (and synced) for it, in any request context.
   */
  emit(event: SimSheetEventName, args: SimSheetEventArgs): void {
    let target = event;
    if (event === 'onDeleted' && this.deletedArrivesAsActivated && this.handlers.onActivated.size > 0) {
      target = 'onActivated';
      args = { ...args, type: 'WorksheetActivated' };
    }
    const handlers = [...this.handlers[target]];
    if (!handlers.length) return;
    setTimeout(() => {
      for (const h of handlers) void Promise.resolve(h({ source: 'Local', ...args })).catch(() => undefined);
    }, 0);
  }

  removeSheet(s: SimSheet): void {
    const i = this.sheets.indexOf(s);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    const wasActive = this.activeSheetId === s.id;
    if (wasActive) {
      const next = this.sheets
        .slice(i)
        .concat(this.sheets.slice(0, i).reverse())
        .find((x) => x.visibility === 'Visible');
      this.activeSheetId = next?.id ?? this.sheets[0]?.id ?? '';
      this.selection = null;
    }
    if (this.selection?.sheetId === s.id) this.selection = null;
    this.emit('onDeleted', { type: 'WorksheetDeleted', worksheetId: s.id });
    if (wasActive && this.activeSheetId)
      this.emit('onActivated', { type: 'WorksheetActivated', worksheetId: this.activeSheetId });
  }

  /**
   * Save, close and reopen the workbook: the runtimes start again (their settings copies are dropped)
   * and, as on desktop Excel, worksheet ids are not kept between sessions: they come back made from the
   * sheet's position, "{00000000-0001-0000-0003-000000000000}" (office-js-docs #297, office-js #1390;
   * every new workbook's first sheet has the same id on the web, office-js #552).
   */
  reopen(): void {
    const ids = new Map<string, string>();
    this.sheets.forEach((s, i) => {
      const id = `{00000000-0001-0000-${String(i).padStart(4, '0')}-000000000000}`;
      ids.set(s.id, id);
      s.id = id;
    });
    for (const s of this.sheets) for (const c of s.charts) c.sourceSheetId = ids.get(c.sourceSheetId) ?? c.sourceSheetId;
    this.activeSheetId = ids.get(this.activeSheetId) ?? this.activeSheetId;
    if (this.selection)
      this.selection = { ...this.selection, sheetId: ids.get(this.selection.sheetId) ?? this.selection.sheetId };
    this.settings = JSON.parse(JSON.stringify(this.savedSettings)) as Record<string, unknown>;
    this.runtimeSettings = {};
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  get largestRequest(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  get largestResponse(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  resetStats(): void {
    this.syncs.length = 0;
  }

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => s.snapshot()),
      activeSheet: this.activeSheet.name,
      settings: JSON.parse(JSON.stringify(this.settings)) as Record<string, unknown>,
    };
  }
}
