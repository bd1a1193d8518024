/**
 * The part of the Excel JavaScript API the add-in uses, on the simulator's workbook. Names, argument
 * orders and behaviour follow Excel (see @types/office-js); requirement sets are enforced per host
 * (ApiNotFound on an older host), as are protection, sheet names and Excel's size limits.
 */
import { MAX_COLS, MAX_ROWS, type CellRange } from '../../core/a1';
import { EXCEL_ERRORS, type CellValue } from '../../core/grid';
import { cellCount, intersect, localAddress, parseArea, parseAreaList, sheetAddress, subtract } from './address';
import { SimError, accessDenied, invalidArgument, itemNotFound } from './errors';
import { enter } from './input';
import {
  LIMITS,
  checkSheetName,
  internStyle,
  normalizeColour,
  type SimCell,
  type SimConditionalFormat,
  type SimSheet,
  type SimSheetEventArgs,
  type SimSheetEventName,
  type SimStyle,
  type SimWorkbook,
} from './model';
import { SimCollection, SimObject, type SimRequestContext, type Schema } from './proxy';

export interface RangeTarget {
  sheet: SimSheet;
  areas: CellRange[];
}

const WHOLE_SHEET: CellRange = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };

function areaOf(t: RangeTarget): CellRange {
  const a = t.areas[0];
  if (!a || t.areas.length !== 1) throw invalidArgument('this operation needs a single rectangular range');
  return a;
}

function checkReadSize(t: RangeTarget, prop: string): void {
  const n = t.areas.reduce((s, a) => s + cellCount(a), 0);
  if (n > LIMITS.readCells)
    throw new SimError(
      'RangeExceedsLimit',
      `The cell count in the range has exceeded the maximum supported number (${prop} of ${n} cells).`,
    );
}

function grid<V>(t: RangeTarget, prop: string, f: (c: SimCell | undefined) => V): V[][] {
  checkReadSize(t, prop);
  const a = areaOf(t);
  const out: V[][] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    const row: V[] = [];
    for (let c = a.left; c <= a.right; c++) row.push(f(t.sheet.cell(r, c)));
    out.push(row);
  }
  return out;
}

function shown(v: CellValue): string | number | boolean {
  return v === null ? '' : v;
}

function valueType(c: SimCell | undefined): string {
  const v = c?.value ?? null;
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return ERRORS.has(v) && c?.quotePrefix !== true ? 'Error' : 'String';
}

const ERRORS: ReadonlySet<string> = new Set(EXCEL_ERRORS);

function displayText(c: SimCell | undefined): string {
  const v = c?.value ?? null;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Each cell of the range gets f(cell, row offset, column offset). */
function forEachCell(t: RangeTarget, f: (r: number, c: number, i: number, j: number) => void): void {
  for (const a of t.areas) {
    if (cellCount(a) > LIMITS.readCells)
      throw new SimError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) f(r, c, r - a.top, c - a.left);
  }
}

function restyle(t: RangeTarget, what: string, patch: (s: SimStyle) => SimStyle): void {
  t.sheet.assertWritable(what);
  forEachCell(t, (r, c) => t.sheet.update(r, c, (cell) => withStyle(cell, internStyle(patch({ ...cell.style })))));
}

function withStyle(cell: SimCell, style: SimStyle | undefined): SimCell {
  const out: SimCell = { value: cell.value };
  if (cell.formula !== undefined) out.formula = cell.formula;
  if (cell.quotePrefix) out.quotePrefix = true;
  if (style) out.style = style;
  return out;
}

/** One value when every cell agrees, else null (as Excel reports mixed formats). */
function uniform<V>(t: RangeTarget, f: (c: SimCell | undefined) => V): V | null {
  let first = true;
  let v: V | null = null;
  let mixed = false;
  forEachCell(t, (r, c) => {
    if (mixed) return;
    const x = f(t.sheet.cell(r, c));
    if (first) {
      v = x;
      first = false;
    } else if (x !== v) mixed = true;
  });
  return mixed ? null : v;
}

function write2d(t: RangeTarget, input: unknown, kind: 'values' | 'formulas' | 'numberFormat'): void {
  const a = areaOf(t);
  t.sheet.assertWritable(`setting ${kind}`);
  const rows = a.bottom - a.top + 1;
  const cols = a.right - a.left + 1;
  const scalar = !Array.isArray(input);
  if (!scalar) {
    const arr = input as unknown[];
    if (arr.length !== rows || arr.some((row) => !Array.isArray(row) || row.length !== cols))
      throw invalidArgument(
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${kind}, ${rows}×${cols}).`,
      );
  }
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const v = scalar ? input : (input as unknown[][])[i]![j];
      const r = a.top + i;
      const c = a.left + j;
      if (kind === 'numberFormat') {
        if (v === null || v === undefined) continue;
        if (typeof v !== 'string') throw invalidArgument('numberFormat');
        t.sheet.update(r, c, (cell) =>
          withStyle(cell, internStyle({ ...cell.style, numberFormat: v === 'General' ? undefined : v })),
        );
        continue;
      }
      const old = t.sheet.cell(r, c);
      const e = enter(v, old?.style?.numberFormat === '@');
      if (e === 'unchanged') continue;
      let style = old?.style;
      if (e.impliedFormat && !style?.numberFormat) style = internStyle({ ...style, numberFormat: e.impliedFormat });
      const cell: SimCell = { value: e.value };
      if (e.formula !== undefined) cell.formula = e.formula;
      if (e.quotePrefix) cell.quotePrefix = true;
      if (style) cell.style = style;
      t.sheet.setCell(r, c, cell);
    }
}

function mergesIn(t: RangeTarget): CellRange[] {
  return t.sheet.merges.filter((m) => t.areas.some((a) => intersect(a, m)));
}

// ------------------------------------------------------------------ workbook and worksheets

export class WorkbookApi extends SimObject<SimWorkbook> {
  constructor(ctx: SimRequestContext) {
    super(ctx, 'workbook', () => ctx.sim);
  }
  protected _schema(): Schema<SimWorkbook> {
    return { props: {}, nav: { worksheets: () => this.worksheets, protection: () => this.protection } };
  }
  get worksheets(): WorksheetCollectionApi {
    return this._child('worksheets', () => new WorksheetCollectionApi(this.context));
  }
  get protection(): WorkbookProtectionApi {
    return this._child('protection', () => new WorkbookProtectionApi(this.context));
  }
  getSelectedRange(): RangeApi {
    const ctx = this.context;
    const sheet = new WorksheetApi(ctx, 'selection.worksheet', () => {
      const sel = ctx.sim.selection;
      return (sel && ctx.sim.sheetById(sel.sheetId)) || ctx.sim.activeSheet;
    });
    return new RangeApi(ctx, 'workbook.getSelectedRange()', () => {
      const sel = ctx.sim.selection;
      const s = sheet._target();
      return { sheet: s, areas: [sel && sel.sheetId === s.id ? sel.range : { top: 0, left: 0, bottom: 0, right: 0 }] };
    });
  }
}

export class WorkbookProtectionApi extends SimObject<SimWorkbook> {
  constructor(ctx: SimRequestContext) {
    super(ctx, 'workbook.protection', () => ctx.sim);
  }
  protected _schema(): Schema<SimWorkbook> {
    return { props: { protected: { get: (w) => w.structureProtected, since: '1.7' } } };
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

export class WorksheetCollectionApi extends SimCollection<SimWorkbook, WorksheetApi> {
  constructor(ctx: SimRequestContext) {
    super(ctx, 'workbook.worksheets', () => ctx.sim);
  }
  protected _items(w: SimWorkbook): WorksheetApi[] {
    return w.sheets.map((s) => WorksheetApi.bound(this.context, s));
  }
  getActiveWorksheet(): WorksheetApi {
    return new WorksheetApi(this.context, 'worksheets.getActiveWorksheet()', () => this.context.sim.activeSheet);
  }
  getItem(key: string): WorksheetApi {
    return new WorksheetApi(this.context, `worksheets.getItem(${JSON.stringify(key)})`, () => {
      const s = this.find(key);
      if (!s) throw itemNotFound(`worksheet "${key}"`);
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetApi {
    return new WorksheetApi(
      this.context,
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => {
        this.context._require('1.4', 'getItemOrNullObject');
        return this.find(key) ?? null;
      },
      true,
    );
  }
  private find(key: string): SimSheet | undefined {
    return this.context.sim.sheetById(key) ?? this.context.sim.sheet(key);
  }
  add(name?: string): WorksheetApi {
    const ctx = this.context;
    let created: SimSheet | null = null;
    const ws = new WorksheetApi(ctx, `worksheets.add(${JSON.stringify(name ?? null)})`, () => created);
    this._call('add', [name ?? null], (w) => {
      if (w.structureProtected) throw accessDenied('adding a sheet to a workbook whose structure is protected');
      let n = name;
      if (n === undefined) {
        let i = w.sheets.length + 1;
        while (w.sheet(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      created = w.addSheet(n);
      w.emit('onAdded', { type: 'WorksheetAdded', worksheetId: created.id });
    });
    return ws;
  }

  /** Any sheet activated (ExcelApi 1.7). */
  get onActivated(): SimEventHandlers {
    return new SimEventHandlers(this.context, 'onActivated', '1.7');
  }
  /** A sheet deleted (ExcelApi 1.7). */
  get onDeleted(): SimEventHandlers {
    return new SimEventHandlers(this.context, 'onDeleted', '1.7');
  }
  /** A sheet added (ExcelApi 1.7). */
  get onAdded(): SimEventHandlers {
    return new SimEventHandlers(this.context, 'onAdded', '1.7');
  }
  /** A sheet renamed (ExcelApi 1.17). */
  get onNameChanged(): SimEventHandlers {
    return new SimEventHandlers(this.context, 'onNameChanged', '1.17');
  }
}

/**
 * OfficeExtension.EventHandlers: `add` registers at the next sync (not before), `remove` on the result
 * unregisters at the sync after it; the host calls handlers asynchronously, in no request context.
 */
export class SimEventHandlers {
  constructor(
    private readonly ctx: SimRequestContext,
    private readonly event: SimSheetEventName,
    private readonly since: string,
  ) {}
  add(handler: (args: SimSheetEventArgs) => unknown): { context: SimRequestContext; remove(): void } {
    const { ctx, event, since } = this;
    if (typeof handler !== 'function') throw invalidArgument('an event handler must be a function');
    ctx._queue({
      json: { path: `workbook.worksheets.${event}`, call: 'add' },
      run: () => {
        ctx._require(since, event);
        if (event === 'onActivated' && ctx.sim.activatedHandlerDenied)
          throw accessDenied('registering a handler for worksheets.onActivated');
        ctx.sim.handlers[event].add(handler);
      },
    });
    return {
      context: ctx,
      remove() {
        ctx._queue({
          json: { path: `workbook.worksheets.${event}`, call: 'remove' },
          run: () => void ctx.sim.handlers[event].delete(handler),
        });
      },
    };
  }
}

export class WorksheetApi extends SimObject<SimSheet> {
  /** Once resolved, a worksheet proxy stays bound to that sheet (by id), as Office.js does. */
  private boundId: string | null = null;

  static bound(ctx: SimRequestContext, s: SimSheet): WorksheetApi {
    const ws = new WorksheetApi(ctx, `worksheets.getItem(${JSON.stringify(s.id)})`, () => s);
    ws.boundId = s.id;
    return ws;
  }

  override _resolve(): SimSheet | null {
    const sim = this.context.sim;
    if (this.boundId) {
      const s = sim.sheetById(this.boundId);
      if (!s) throw itemNotFound('the worksheet has been deleted');
      return s;
    }
    const s = super._resolve();
    if (s) this.boundId = s.id;
    return s;
  }

  override _target(): SimSheet {
    const s = this._resolve();
    if (!s) throw itemNotFound('the worksheet has been deleted');
    return s;
  }

  protected _schema(): Schema<SimSheet> {
    const sim = this.context.sim;
    return {
      props: {
        name: { get: (s) => s.name },
        id: { get: (s) => s.id },
        position: { get: (s) => sim.sheets.indexOf(s) },
        visibility: { get: (s) => s.visibility },
        tabColor: { get: (s) => s.tabColor ?? '', since: '1.7' },
      },
      nav: {
        protection: () => this.protection,
        customProperties: () => this.customProperties,
        charts: () => this.charts,
        freezePanes: () => this.freezePanes,
      },
    };
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._write('name', v, (s) => {
      const w = this.context.sim;
      if (w.structureProtected) throw accessDenied('renaming a sheet in a workbook whose structure is protected');
      checkSheetName(v);
      const other = w.sheet(v);
      if (other && other !== s) throw new SimError('ItemAlreadyExists', `A sheet named "${v}" already exists.`);
      const before = s.name;
      s.name = v;
      if (before !== v)
        w.emit('onNameChanged', { type: 'WorksheetNameChanged', worksheetId: s.id, nameBefore: before, nameAfter: v });
    });
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._write('position', v, (s) => {
      const w = this.context.sim;
      if (!Number.isInteger(v) || v < 0 || v >= w.sheets.length) throw invalidArgument('position');
      w.sheets.splice(w.sheets.indexOf(s), 1);
      w.sheets.splice(v, 0, s);
    });
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._write('visibility', v, (s) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw invalidArgument('visibility');
      s.visibility = v;
    });
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._write('tabColor', v, (s) => (s.tabColor = v === '' ? null : normalizeColour(v)), '1.7');
  }

  get protection(): WorksheetProtectionApi {
    return this._child('protection', () => new WorksheetProtectionApi(this.context, this));
  }
  get customProperties(): WorksheetCustomPropertyCollectionApi {
    return this._child('customProperties', () => new WorksheetCustomPropertyCollectionApi(this.context, this));
  }
  get charts(): ChartCollectionApi {
    return this._child('charts', () => new ChartCollectionApi(this.context, this));
  }
  get freezePanes(): WorksheetFreezePanesApi {
    return this._child('freezePanes', () => new WorksheetFreezePanesApi(this.context, this));
  }

  activate(): void {
    this._call('activate', [], (s) => {
      if (s.visibility !== 'Visible') throw new SimError('InvalidOperation', `The sheet "${s.name}" is hidden.`);
      const w = this.context.sim;
      if (w.activeSheetId !== s.id) {
        w.activeSheetId = s.id;
        w.selection = { sheetId: s.id, range: { top: 0, left: 0, bottom: 0, right: 0 } };
        w.emit('onActivated', { type: 'WorksheetActivated', worksheetId: s.id });
      }
    });
  }

  delete(): void {
    this._call('delete', [], (s) => {
      const w = this.context.sim;
      if (w.structureProtected) throw accessDenied('deleting a sheet of a workbook whose structure is protected');
      if (!w.sheets.some((x) => x !== s && x.visibility === 'Visible'))
        throw new SimError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      w.removeSheet(s);
    });
  }

  getRange(address?: string): RangeApi {
    return new RangeApi(this.context, `${this._path}.getRange(${JSON.stringify(address ?? '')})`, () => {
      const s = this._target();
      if (address === undefined || address === '') return { sheet: s, areas: [WHOLE_SHEET] };
      const areas = parseAreaList(address);
      if (areas.length !== 1) throw invalidArgument(`getRange takes one area: "${address.slice(0, 80)}"`);
      const a = areas[0]!;
      if (a.sheet !== undefined && a.sheet.toLowerCase() !== s.name.toLowerCase())
        throw invalidArgument(`the address names another sheet: "${address}"`);
      return { sheet: s, areas: [a.range] };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeApi {
    return new RangeApi(
      this.context,
      `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        this.context._require('1.7', 'getRangeByIndexes');
        const s = this._target();
        if (![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) || rowCount < 1 || columnCount < 1)
          throw invalidArgument('getRangeByIndexes');
        const area = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
        if (area.top < 0 || area.left < 0 || area.bottom >= MAX_ROWS || area.right >= MAX_COLS)
          throw invalidArgument('getRangeByIndexes');
        return { sheet: s, areas: [area] };
      },
    );
  }

  getRanges(address: string): RangeAreasApi {
    return new RangeAreasApi(this.context, `${this._path}.getRanges(${JSON.stringify(address.slice(0, 200))})`, () => {
      this.context._require('1.9', 'getRanges');
      const s = this._target();
      // Only the host's list separator is taken between areas (HostBehaviours.listSeparator).
      const areas = parseAreaList(address, this.context.sim.host.listSeparator);
      for (const a of areas)
        if (a.sheet !== undefined && a.sheet.toLowerCase() !== s.name.toLowerCase())
          throw invalidArgument(`the address names another sheet: "${a.sheet}"`);
      return { sheet: s, areas: areas.map((a) => a.range) };
    });
  }

  getCell(row: number, column: number): RangeApi {
    return this.getRange(localAddress({ top: row, left: column, bottom: row, right: column }));
  }

  getUsedRange(valuesOnly?: boolean): RangeApi {
    return new RangeApi(this.context, `${this._path}.getUsedRange(${valuesOnly ?? false})`, () => {
      const s = this._target();
      return { sheet: s, areas: [s.usedRange(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 }] };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi {
    return new RangeApi(
      this.context,
      `${this._path}.getUsedRangeOrNullObject(${valuesOnly ?? false})`,
      () => {
        this.context._require('1.4', 'getUsedRangeOrNullObject');
        const s = this._target();
        const u = s.usedRange(valuesOnly === true);
        return u ? { sheet: s, areas: [u] } : null;
      },
      true,
    );
  }
}

export class WorksheetProtectionApi extends SimObject<SimSheet> {
  constructor(
    ctx: SimRequestContext,
    private readonly ws: WorksheetApi,
  ) {
    super(ctx, `${ws._path}.protection`, () => ws._target());
  }
  protected _schema(): Schema<SimSheet> {
    return { props: { protected: { get: (s) => s.protected, since: '1.2' } } };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(): void {
    this._call('protect', [], (s) => (s.protected = true), '1.2');
  }
  unprotect(): void {
    this._call('unprotect', [], (s) => (s.protected = false), '1.2');
  }
}

// ------------------------------------------------------------------ custom properties (ExcelApi 1.12)

interface PropTarget {
  sheet: SimSheet;
  key: string;
}

export class WorksheetCustomPropertyCollectionApi extends SimCollection<SimSheet, WorksheetCustomPropertyApi> {
  constructor(
    ctx: SimRequestContext,
    private readonly ws: WorksheetApi,
  ) {
    super(ctx, `${ws._path}.customProperties`, () => {
      ctx._require('1.12', 'customProperties');
      return ws._target();
    });
  }
  protected _items(s: SimSheet): WorksheetCustomPropertyApi[] {
    return s.customProperties.map((p) => this.item(p.key, false));
  }
  private item(key: string, orNull: boolean): WorksheetCustomPropertyApi {
    return new WorksheetCustomPropertyApi(
      this.context,
      `${this._path}.getItem${orNull ? 'OrNullObject' : ''}(${JSON.stringify(key)})`,
      () => {
        const s = this._target();
        const p = s.customProperties.find((x) => x.key.toLowerCase() === key.toLowerCase());
        if (!p) {
          if (orNull) return null;
          throw itemNotFound(`custom property "${key}"`);
        }
        return { sheet: s, key: p.key };
      },
      orNull,
    );
  }
  getItem(key: string): WorksheetCustomPropertyApi {
    return this.item(key, false);
  }
  getItemOrNullObject(key: string): WorksheetCustomPropertyApi {
    return this.item(key, true);
  }
  add(key: string, value: string): WorksheetCustomPropertyApi {
    this._call('add', [key, value], (s) => {
      if (typeof key !== 'string' || key === '' || key.length > 255) throw invalidArgument('custom property key');
      s.assertWritable('adding a custom property');
      const v = String(value);
      const p = s.customProperties.find((x) => x.key.toLowerCase() === key.toLowerCase());
      if (p) p.value = v;
      else s.customProperties.push({ key, value: v });
    });
    return this.item(key, false);
  }
}

export class WorksheetCustomPropertyApi extends SimObject<PropTarget> {
  protected _schema(): Schema<PropTarget> {
    const find = (t: PropTarget) => t.sheet.customProperties.find((p) => p.key === t.key);
    return {
      props: {
        key: { get: (t) => t.key },
        value: { get: (t) => find(t)?.value ?? '' },
      },
    };
  }
  get key(): string {
    return this._get('key');
  }
  get value(): string {
    return this._get('value');
  }
  set value(v: string) {
    this._write('value', v, (t) => {
      const p = t.sheet.customProperties.find((x) => x.key === t.key);
      if (!p) throw itemNotFound(`custom property "${t.key}"`);
      p.value = String(v);
    });
  }
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.customProperties = t.sheet.customProperties.filter((p) => p.key !== t.key);
    });
  }
}

// ------------------------------------------------------------------ charts and freeze panes

interface ChartTarget {
  sheet: SimSheet;
  id: string;
}

function chartOf(t: ChartTarget) {
  const c = t.sheet.charts.find((x) => x.id === t.id);
  if (!c) throw itemNotFound('chart');
  return c;
}

export class ChartCollectionApi extends SimCollection<SimSheet, ChartApi> {
  constructor(
    ctx: SimRequestContext,
    private readonly ws: WorksheetApi,
  ) {
    super(ctx, `${ws._path}.charts`, () => ws._target());
  }
  protected _items(s: SimSheet): ChartApi[] {
    return s.charts.map(
      (c) =>
        new ChartApi(this.context, `${this._path}.getItem(${JSON.stringify(c.id)})`, () => ({ sheet: this._target(), id: c.id })),
    );
  }
  add(type: string, sourceData: RangeApi, seriesBy = 'Auto'): ChartApi {
    let made: ChartTarget | null = null;
    const chart = new ChartApi(this.context, `${this._path}.add(${JSON.stringify(type)})`, () => made);
    this._call('add', [type, sourceData._path, seriesBy], (s) => {
      s.assertWritable('adding a chart');
      const src = sourceData._target();
      const area = areaOf(src);
      const id = this.context.sim.nextId('chart');
      s.charts.push({
        id,
        name: `Chart ${s.charts.length + 1}`,
        type,
        sourceSheetId: src.sheet.id,
        sourceRange: { ...area },
        seriesBy,
        title: null,
        position: null,
      });
      made = { sheet: s, id };
    });
    return chart;
  }
}

export class ChartApi extends SimObject<ChartTarget> {
  protected _schema(): Schema<ChartTarget> {
    return {
      props: {
        id: { get: (t) => t.id },
        name: { get: (t) => chartOf(t).name },
        chartType: { get: (t) => chartOf(t).type },
      },
      nav: { title: () => this.title },
    };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._write('name', v, (t) => (chartOf(t).name = v));
  }
  get title(): ChartTitleApi {
    return this._child('title', () => new ChartTitleApi(this.context, `${this._path}.title`, () => this._target()));
  }
  setPosition(startCell: string, endCell?: string): void {
    this._call('setPosition', [startCell, endCell ?? null], (t) => {
      parseArea(startCell);
      if (endCell) parseArea(endCell);
      chartOf(t).position = endCell ? { start: startCell, end: endCell } : { start: startCell };
    });
  }
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.assertWritable('deleting a chart');
      t.sheet.charts = t.sheet.charts.filter((c) => c.id !== t.id);
    });
  }
}

export class ChartTitleApi extends SimObject<ChartTarget> {
  protected _schema(): Schema<ChartTarget> {
    return { props: { text: { get: (t) => chartOf(t).title ?? '' } } };
  }
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._write('text', v, (t) => (chartOf(t).title = v));
  }
}

export class WorksheetFreezePanesApi extends SimObject<SimSheet> {
  constructor(
    ctx: SimRequestContext,
    private readonly ws: WorksheetApi,
  ) {
    super(ctx, `${ws._path}.freezePanes`, () => ws._target());
  }
  protected _schema(): Schema<SimSheet> {
    return { props: {} };
  }
  freezeRows(count = 1): void {
    this._call('freezeRows', [count], (s) => (s.freeze = { rows: count, columns: 0 }), '1.7');
  }
  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], (s) => (s.freeze = { rows: 0, columns: count }), '1.7');
  }
  unfreeze(): void {
    this._call('unfreeze', [], (s) => (s.freeze = { rows: 0, columns: 0 }), '1.7');
  }
}

// ------------------------------------------------------------------ ranges

abstract class RangeLike extends SimObject<RangeTarget> {
  get format(): RangeFormatApi {
    return this._child('format', () => new RangeFormatApi(this.context, `${this._path}.format`, () => this._target()));
  }
  get conditionalFormats(): ConditionalFormatCollectionApi {
    return this._child(
      'conditionalFormats',
      () =>
        new ConditionalFormatCollectionApi(this.context, `${this._path}.conditionalFormats`, () => {
          this.context._require('1.6', 'conditionalFormats');
          return this._target();
        }),
    );
  }
  select(): void {
    this._call('select', [], (t) => {
      const w = this.context.sim;
      if (w.activeSheetId !== t.sheet.id)
        throw new SimError('InvalidSelection', 'The current selection is invalid for this operation: the sheet is not active.');
      w.selection = { sheetId: t.sheet.id, range: t.areas[0]! };
    });
  }
}

export class RangeApi extends RangeLike {
  protected _schema(): Schema<RangeTarget> {
    return {
      props: {
        address: { get: (t) => sheetAddress(t.sheet.name, areaOf(t)) },
        addressLocal: { get: (t) => sheetAddress(t.sheet.name, areaOf(t)) },
        values: { get: (t) => grid(t, 'values', (c) => shown(c?.value ?? null)) },
        formulas: { get: (t) => grid(t, 'formulas', (c) => c?.formula ?? shown(c?.value ?? null)) },
        numberFormat: { get: (t) => grid(t, 'numberFormat', (c) => c?.style?.numberFormat ?? 'General') },
        valueTypes: { get: (t) => grid(t, 'valueTypes', valueType) },
        text: { get: (t) => grid(t, 'text', displayText) },
        rowCount: { get: (t) => areaOf(t).bottom - areaOf(t).top + 1 },
        columnCount: { get: (t) => areaOf(t).right - areaOf(t).left + 1 },
        rowIndex: { get: (t) => areaOf(t).top },
        columnIndex: { get: (t) => areaOf(t).left },
        cellCount: { get: (t) => cellCount(areaOf(t)) },
      },
      nav: { format: () => this.format, conditionalFormats: () => this.conditionalFormats },
    };
  }

  get address(): string {
    return this._get('address');
  }
  get values(): (string | number | boolean)[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._write('values', v, (t) => write2d(t, v, 'values'));
  }
  get formulas(): (string | number | boolean)[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._write('formulas', v, (t) => write2d(t, v, 'formulas'));
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._write('numberFormat', v, (t) => write2d(t, v, 'numberFormat'));
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }

  private derived(name: string, f: (a: CellRange, t: RangeTarget) => CellRange | null, orNull = false, since?: string): RangeApi {
    return new RangeApi(
      this.context,
      `${this._path}.${name}`,
      () => {
        if (since) this.context._require(since, name.replace(/\(.*/, ''));
        const t = this._target();
        const r = f(areaOf(t), t);
        if (!r) {
          if (orNull) return null;
          throw invalidArgument(name);
        }
        if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS || r.bottom < r.top || r.right < r.left)
          throw invalidArgument(`${name}: outside the sheet`);
        return { sheet: t.sheet, areas: [r] };
      },
      orNull,
    );
  }

  getCell(row: number, column: number): RangeApi {
    return this.derived(`getCell(${row},${column})`, (a) => ({
      top: a.top + row,
      left: a.left + column,
      bottom: a.top + row,
      right: a.left + column,
    }));
  }
  getRow(row: number): RangeApi {
    return this.derived(`getRow(${row})`, (a) => ({ ...a, top: a.top + row, bottom: a.top + row }));
  }
  getColumn(column: number): RangeApi {
    return this.derived(`getColumn(${column})`, (a) => ({ ...a, left: a.left + column, right: a.left + column }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeApi {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, (a) => ({
      top: a.top + rowOffset,
      bottom: a.bottom + rowOffset,
      left: a.left + columnOffset,
      right: a.right + columnOffset,
    }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeApi {
    return this.derived(
      `getResizedRange(${deltaRows},${deltaColumns})`,
      (a) => ({ ...a, bottom: a.bottom + deltaRows, right: a.right + deltaColumns }),
      false,
      '1.7',
    );
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeApi {
    return this.derived(
      `getAbsoluteResizedRange(${numRows},${numColumns})`,
      (a) => ({ ...a, bottom: a.top + numRows - 1, right: a.left + numColumns - 1 }),
      false,
      '1.7',
    );
  }
  getIntersectionOrNullObject(anotherRange: RangeApi | string): RangeApi {
    return this.derived(
      `getIntersectionOrNullObject(${typeof anotherRange === 'string' ? JSON.stringify(anotherRange) : anotherRange._path})`,
      (a) => {
        const other = typeof anotherRange === 'string' ? parseArea(anotherRange).range : areaOf(anotherRange._target());
        return intersect(a, other);
      },
      true,
      '1.4',
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi {
    return this.derived(
      `getUsedRangeOrNullObject(${valuesOnly ?? false})`,
      (a, t) => {
        const u = t.sheet.usedRange(valuesOnly === true);
        return u ? intersect(a, u) : null;
      },
      true,
      '1.4',
    );
  }

  getMergedAreasOrNullObject(): RangeAreasApi {
    return new RangeAreasApi(
      this.context,
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        this.context._require('1.13', 'getMergedAreasOrNullObject');
        const t = this._target();
        const m = mergesIn(t);
        if (m.length > 512) {
          if (this.context.sim.host.mergedAreasOver512 === 'nullObject') return null;
          throw new SimError('GeneralException', `The range holds ${m.length} merged areas; getMergedAreas returns at most 512.`);
        }
        return m.length ? { sheet: t.sheet, areas: m } : null;
      },
      true,
    );
  }

  /** Only "Formulas" is simulated: the formula cells as rectangles (runs down each column, joined side by side). */
  getSpecialCellsOrNullObject(cellType: string): RangeAreasApi {
    return new RangeAreasApi(
      this.context,
      `${this._path}.getSpecialCellsOrNullObject(${JSON.stringify(cellType)})`,
      () => {
        this.context._require('1.9', 'getSpecialCellsOrNullObject');
        if (cellType !== 'Formulas')
          throw new SimError('NotImplemented', `the simulator knows only "Formulas" special cells, not "${cellType}"`);
        const t = this._target();
        const a = areaOf(t);
        const u = t.sheet.usedRange(true);
        const scan = u ? intersect(a, u) : null;
        const runs: CellRange[] = [];
        if (scan)
          for (let c = scan.left; c <= scan.right; c++) {
            let run: CellRange | null = null;
            for (let r = scan.top; r <= scan.bottom; r++) {
              if (t.sheet.cell(r, c)?.formula === undefined) {
                run = null;
                continue;
              }
              if (run) run.bottom = r;
              else runs.push((run = { top: r, bottom: r, left: c, right: c }));
            }
          }
        const joined: CellRange[] = [];
        for (const r of runs.sort((x, y) => x.top - y.top || x.bottom - y.bottom || x.left - y.left)) {
          const last = joined[joined.length - 1];
          if (last && last.top === r.top && last.bottom === r.bottom && last.right + 1 === r.left) last.right = r.right;
          else joined.push(r);
        }
        return joined.length ? { sheet: t.sheet, areas: joined } : null;
      },
      true,
    );
  }

  merge(across = false): void {
    this._call(
      'merge',
      [across],
      (t) => {
        const a = areaOf(t);
        t.sheet.assertWritable('merging cells');
        const rows = across
          ? Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({ ...a, top: a.top + i, bottom: a.top + i }))
          : [a];
        t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, a));
        for (const m of rows) {
          if (m.top === m.bottom && m.left === m.right) continue;
          for (let r = m.top; r <= m.bottom; r++)
            for (let c = m.left; c <= m.right; c++)
              if (r !== m.top || c !== m.left) t.sheet.update(r, c, (cell) => withStyle({ value: null }, cell.style));
          t.sheet.merges.push(m);
        }
      },
      '1.2',
    );
  }

  unmerge(): void {
    this._call(
      'unmerge',
      [],
      (t) => {
        t.sheet.assertWritable('unmerging cells');
        const a = areaOf(t);
        t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, a));
      },
      '1.2',
    );
  }
}

export class RangeAreasApi extends RangeLike {
  protected _schema(): Schema<RangeTarget> {
    return {
      props: {
        address: { get: (t) => t.areas.map((a) => sheetAddress(t.sheet.name, a)).join(',') },
        addressLocal: { get: (t) => t.areas.map((a) => sheetAddress(t.sheet.name, a)).join(',') },
        areaCount: { get: (t) => t.areas.length },
        cellCount: { get: (t) => t.areas.reduce((n, a) => n + cellCount(a), 0) },
      },
      nav: { areas: () => this.areas, format: () => this.format, conditionalFormats: () => this.conditionalFormats },
    };
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get areas(): RangeCollectionApi {
    return this._child('areas', () => new RangeCollectionApi(this.context, `${this._path}.areas`, () => this._target()));
  }
}

export class RangeCollectionApi extends SimCollection<RangeTarget, RangeApi> {
  protected _items(t: RangeTarget): RangeApi[] {
    return t.areas.map(
      (a) => new RangeApi(this.context, `${this._path}[${localAddress(a)}]`, () => ({ sheet: t.sheet, areas: [a] })),
    );
  }
  getItemAt(index: number): RangeApi {
    return new RangeApi(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      const a = t.areas[index];
      if (!a) throw invalidArgument('index');
      return { sheet: t.sheet, areas: [a] };
    });
  }
}

// ------------------------------------------------------------------ formats

export class RangeFormatApi extends SimObject<RangeTarget> {
  protected _schema(): Schema<RangeTarget> {
    return {
      props: {
        wrapText: { get: (t) => uniform(t, (c) => c?.style?.wrapText ?? false) },
        horizontalAlignment: { get: (t) => uniform(t, (c) => c?.style?.horizontalAlignment ?? 'General') },
        verticalAlignment: { get: (t) => uniform(t, (c) => c?.style?.verticalAlignment ?? 'Bottom') },
        columnWidth: {
          get: (t) => {
            const a = areaOf(t);
            const w = (c: number) => t.sheet.columnWidths.get(c) ?? 48;
            const first = w(a.left);
            for (let c = a.left + 1; c <= Math.min(a.right, a.left + 16384); c++) if (w(c) !== first) return null;
            return first;
          },
          since: '1.2',
        },
      },
      nav: { fill: () => this.fill, font: () => this.font },
    };
  }
  get fill(): RangeFillApi {
    return this._child('fill', () => new RangeFillApi(this.context, `${this._path}.fill`, () => this._target()));
  }
  get font(): RangeFontApi {
    return this._child('font', () => new RangeFontApi(this.context, `${this._path}.font`, () => this._target()));
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._write('wrapText', v, (t) => restyle(t, 'wrapText', (s) => ({ ...s, wrapText: v ? true : undefined })));
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._write('horizontalAlignment', v, (t) =>
      restyle(t, 'alignment', (s) => ({ ...s, horizontalAlignment: v === 'General' ? undefined : v })),
    );
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._write('verticalAlignment', v, (t) =>
      restyle(t, 'alignment', (s) => ({ ...s, verticalAlignment: v === 'Bottom' ? undefined : v })),
    );
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._write(
      'columnWidth',
      v,
      (t) => {
        if (typeof v !== 'number' || !(v >= 0) || v > 1789) throw invalidArgument('columnWidth');
        t.sheet.assertWritable('column width');
        for (const a of t.areas) for (let c = a.left; c <= a.right; c++) t.sheet.columnWidths.set(c, v);
      },
      '1.2',
    );
  }
  autofitColumns(): void {
    this._call(
      'autofitColumns',
      [],
      (t) => {
        t.sheet.assertWritable('autofit');
        for (const a of t.areas) {
          const u = t.sheet.usedRange(true);
          const rows = u ? intersect(a, u) : null;
          for (let c = a.left; c <= Math.min(a.right, rows ? rows.right : a.left); c++) {
            let widest = 0;
            if (rows)
              for (let r = rows.top; r <= rows.bottom; r++) {
                const cell = t.sheet.cell(r, c);
                if (!cell || cell.style?.wrapText) continue;
                for (const line of displayText(cell).split('\n'))
                  widest = Math.max(
                    widest,
                    [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0),
                  );
              }
            t.sheet.columnWidths.set(c, Math.min(409, Math.max(12, widest * 6 + 6)));
          }
        }
      },
      '1.2',
    );
  }
}

export class RangeFillApi extends SimObject<RangeTarget> {
  protected _schema(): Schema<RangeTarget> {
    return { props: { color: { get: (t) => uniform(t, (c) => c?.style?.fill ?? '#FFFFFF') } } };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._write('color', v, (t) => {
      const col = normalizeColour(v);
      restyle(t, 'fill', (s) => ({ ...s, fill: col }));
    });
  }
  clear(): void {
    this._call('clear', [], (t) => restyle(t, 'fill', (s) => ({ ...s, fill: undefined })));
  }
}

export class RangeFontApi extends SimObject<RangeTarget> {
  protected _schema(): Schema<RangeTarget> {
    const f = (k: keyof NonNullable<SimStyle['font']>, d: unknown) => ({
      get: (t: RangeTarget) => uniform(t, (c) => c?.style?.font?.[k] ?? d),
    });
    return {
      props: {
        bold: f('bold', false),
        italic: f('italic', false),
        color: f('color', '#000000'),
        size: f('size', 11),
        name: f('name', 'Calibri'),
        underline: f('underline', 'None'),
      },
    };
  }
  private setFont(key: keyof NonNullable<SimStyle['font']>, v: unknown, check: (v: unknown) => unknown): void {
    this._write(key, v, (t) => {
      const value = check(v);
      restyle(t, 'font', (s) => ({ ...s, font: { ...s.font, [key]: value } }));
    });
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this.setFont('bold', v, (x) => (x === true ? true : undefined));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this.setFont('italic', v, (x) => (x === true ? true : undefined));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this.setFont('color', v, normalizeColour);
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this.setFont('size', v, (x) => {
      if (typeof x !== 'number' || x < 1 || x > 409) throw invalidArgument('font size');
      return x;
    });
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this.setFont('name', v, (x) => String(x));
  }
  get underline(): string {
    return this._get('underline');
  }
  set underline(v: string) {
    this.setFont('underline', v, (x) => (x === 'None' ? undefined : String(x)));
  }
}

// ------------------------------------------------------------------ conditional formats (ExcelApi 1.6)

const CF_TYPES = new Set([
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
]);

interface CfTarget {
  sheet: SimSheet;
  cf: SimConditionalFormat;
}

function cfsOver(t: RangeTarget): SimConditionalFormat[] {
  return t.sheet.conditionalFormats.filter((cf) => cf.ranges.some((r) => t.areas.some((a) => intersect(a, r))));
}

/** Cells under two or more of the user's own conditional formats, within `areas` (office-js #5222, #6827, #6835). */
function userStacked(sheet: SimSheet, areas: CellRange[]): boolean {
  const user = sheet.conditionalFormats.filter((cf) => !cf.api);
  for (let i = 0; i < user.length; i++)
    for (let j = i + 1; j < user.length; j++)
      for (const a of user[i]!.ranges)
        for (const b of user[j]!.ranges) {
          const both = intersect(a, b);
          if (both && areas.some((x) => intersect(x, both))) return true;
        }
  return false;
}

export class ConditionalFormatCollectionApi extends SimCollection<RangeTarget, ConditionalFormatApi> {
  override _read(tree: Parameters<SimObject<RangeTarget>['_read']>[0]): ReturnType<SimObject<RangeTarget>['_read']> {
    const t = this._orNull ? this._resolve() : this._target();
    if (t && this.context.sim.host.conditionalFormatBugs.read && userStacked(t.sheet, t.areas))
      throw itemNotFound('conditional format (reading the rules of a cell with several user-made rules)');
    return super._read(tree);
  }
  protected _items(t: RangeTarget): ConditionalFormatApi[] {
    return cfsOver(t).map((cf) => this.getItem(cf.id));
  }
  add(type: string): ConditionalFormatApi {
    let made: CfTarget | null = null;
    const proxy = new ConditionalFormatApi(this.context, `${this._path}.add(${JSON.stringify(type)})`, () => {
      if (!made) throw itemNotFound('conditional format');
      const m: CfTarget = made;
      if (!m.sheet.conditionalFormats.includes(m.cf)) throw itemNotFound('conditional format');
      return m;
    });
    this._call('add', [type], (t) => {
      if (!CF_TYPES.has(type)) throw invalidArgument(`conditional format type "${type}"`);
      t.sheet.assertWritable('adding a conditional format');
      const cf = t.sheet.addConditionalFormat({
        type,
        ranges: t.areas.map((a) => ({ ...a })),
        ...(type === 'Custom' ? { formula: '' } : {}),
        format: {},
        stopIfTrue: false,
        api: true,
      });
      made = { sheet: t.sheet, cf };
    });
    return proxy;
  }
  getItemAt(index: number): ConditionalFormatApi {
    return new ConditionalFormatApi(this.context, `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      const cf = cfsOver(t)[index];
      if (!cf) throw invalidArgument('index');
      return { sheet: t.sheet, cf };
    });
  }
  getItem(id: string): ConditionalFormatApi {
    return new ConditionalFormatApi(this.context, `${this._path}.getItem(${JSON.stringify(id)})`, () => {
      const t = this._target();
      const cf = t.sheet.conditionalFormats.find((x) => x.id === id);
      if (!cf) throw itemNotFound('conditional format');
      return { sheet: t.sheet, cf };
    });
  }
  clearAll(): void {
    this._call('clearAll', [], (t) => {
      t.sheet.assertWritable('clearing conditional formats');
      const kept: SimConditionalFormat[] = [];
      for (const cf of t.sheet.conditionalFormats) {
        let ranges = cf.ranges;
        for (const a of t.areas) ranges = ranges.flatMap((r) => subtract(r, a));
        if (ranges.length) kept.push({ ...cf, ranges });
      }
      t.sheet.conditionalFormats = kept;
    });
  }
}

export class ConditionalFormatApi extends SimObject<CfTarget> {
  protected _schema(): Schema<CfTarget> {
    return {
      props: {
        id: { get: (t) => t.cf.id },
        type: { get: (t) => t.cf.type },
        priority: { get: (t) => t.sheet.conditionalFormats.indexOf(t.cf) },
        stopIfTrue: { get: (t) => t.cf.stopIfTrue },
      },
      nav: { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject },
    };
  }
  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._write('priority', v, (t) => {
      t.sheet.assertWritable('conditional format priority');
      const list = t.sheet.conditionalFormats;
      list.splice(list.indexOf(t.cf), 1);
      list.splice(Math.max(0, Math.min(list.length, Math.trunc(v))), 0, t.cf);
    });
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._write('stopIfTrue', v, (t) => {
      t.sheet.assertWritable('conditional format');
      t.cf.stopIfTrue = v === true;
    });
  }
  get custom(): CustomConditionalFormatApi {
    return this._child(
      'custom',
      () =>
        new CustomConditionalFormatApi(this.context, `${this._path}.custom`, () => {
          const t = this._target();
          if (t.cf.type !== 'Custom') throw new SimError('InvalidArgument', 'The conditional format is not of the Custom type.');
          return t;
        }),
    );
  }
  get customOrNullObject(): CustomConditionalFormatApi {
    return this._child(
      'customOrNullObject',
      () =>
        new CustomConditionalFormatApi(
          this.context,
          `${this._path}.customOrNullObject`,
          () => {
            const t = this._target();
            return t.cf.type === 'Custom' ? t : null;
          },
          true,
        ),
    );
  }
  delete(): void {
    this._call('delete', [], (t) => {
      t.sheet.assertWritable('deleting a conditional format');
      if (this.context.sim.host.conditionalFormatBugs.delete && !t.cf.api && userStacked(t.sheet, t.cf.ranges))
        throw itemNotFound('conditional format (deleting one of several user-made rules on a cell)');
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
    });
  }
}

export class CustomConditionalFormatApi extends SimObject<CfTarget> {
  protected _schema(): Schema<CfTarget> {
    return { props: {}, nav: { rule: () => this.rule, format: () => this.format } };
  }
  get rule(): ConditionalFormatRuleApi {
    return this._child('rule', () => new ConditionalFormatRuleApi(this.context, `${this._path}.rule`, () => this._target()));
  }
  get format(): ConditionalRangeFormatApi {
    return this._child('format', () => new ConditionalRangeFormatApi(this.context, `${this._path}.format`, () => this._target()));
  }
}

export class ConditionalFormatRuleApi extends SimObject<CfTarget> {
  protected _schema(): Schema<CfTarget> {
    return { props: { formula: { get: (t) => t.cf.formula ?? '' }, formulaLocal: { get: (t) => t.cf.formula ?? '' } } };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._write('formula', v, (t) => {
      t.sheet.assertWritable('conditional format rule');
      if (typeof v !== 'string' || v.length > 8192) throw invalidArgument('formula');
      t.cf.formula = v;
    });
  }
}

export class ConditionalRangeFormatApi extends SimObject<CfTarget> {
  protected _schema(): Schema<CfTarget> {
    return { props: {}, nav: { fill: () => this.fill, font: () => this.font } };
  }
  get fill(): ConditionalRangeFillApi {
    return this._child('fill', () => new ConditionalRangeFillApi(this.context, `${this._path}.fill`, () => this._target()));
  }
  get font(): ConditionalRangeFontApi {
    return this._child('font', () => new ConditionalRangeFontApi(this.context, `${this._path}.font`, () => this._target()));
  }
}

export class ConditionalRangeFillApi extends SimObject<CfTarget> {
  protected _schema(): Schema<CfTarget> {
    return { props: { color: { get: (t) => t.cf.format.fill ?? null } } };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._write('color', v, (t) => {
      t.sheet.assertWritable('conditional format');
      t.cf.format = { ...t.cf.format, fill: normalizeColour(v) };
    });
  }
  clear(): void {
    this._call('clear', [], (t) => {
      const { fill: _gone, ...rest } = t.cf.format;
      t.cf.format = rest;
    });
  }
}

export class ConditionalRangeFontApi extends SimObject<CfTarget> {
  protected _schema(): Schema<CfTarget> {
    return {
      props: {
        color: { get: (t) => t.cf.format.fontColor ?? null },
        bold: { get: (t) => t.cf.format.fontBold ?? false },
        italic: { get: (t) => t.cf.format.fontItalic ?? false },
      },
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._write('color', v, (t) => (t.cf.format = { ...t.cf.format, fontColor: normalizeColour(v) }));
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._write('bold', v, (t) => (t.cf.format = { ...t.cf.format, fontBold: v === true }));
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._write('italic', v, (t) => (t.cf.format = { ...t.cf.format, fontItalic: v === true }));
  }
}
