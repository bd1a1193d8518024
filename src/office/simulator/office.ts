/**
 * `Excel` and `Office` globals backed by a SimWorkbook, for the tests and the browser preview:
 * Excel.run with a request context on the simulator, Office.context.requirements per simulated host,
 * document settings, display language and theme.
 */
import { WorkbookApi } from './api';
import { SimError } from './errors';
import { HOSTS, type HostName, type SimWorkbook } from './model';
import { SimRequestContext } from './proxy';

export class SimExcelContext extends SimRequestContext {
  readonly workbook: WorkbookApi;
  constructor(sim: SimWorkbook) {
    super(sim);
    this.workbook = new WorkbookApi(this);
    this._discardFresh();
  }
}

export interface InstallOptions {
  /** The simulated host (its ExcelApi version), or an explicit version. Default: M365 (ExcelApi 1.20). */
  host?: HostName | { excelApi: string };
  /** Office's display language, e.g. "ja-JP" (default) or "en-US". */
  displayLanguage?: string;
  /** Office.context.officeTheme, for panes that follow the theme. */
  officeTheme?: {
    bodyBackgroundColor: string;
    bodyForegroundColor: string;
    controlBackgroundColor: string;
    controlForegroundColor: string;
  };
  /** Other requirement sets the host supports, e.g. { SharedRuntime: "1.1" }. */
  requirementSets?: Record<string, string>;
  /** Office.context.platform; default "OfficeOnline". */
  platform?: string;
  /** Office.context.document.url; default "simulator.xlsx". */
  url?: string;
  /**
   * The JavaScript runtime these globals stand for. Without a shared runtime the task pane ("pane",
   * the default, whose copy is `sim.settings`) and the ribbon's function file ("function") each hold
   * their own copy of the document settings (see SimWorkbook.settings).
   */
  runtime?: string;
}

interface AsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { code: number; name: string; message: string };
}
type Callback<T> = (r: AsyncResult<T>) => void;

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function settingsOf(sim: SimWorkbook, runtime: string) {
  const copy = (): Record<string, unknown> =>
    runtime === 'pane' ? sim.settings : (sim.runtimeSettings[runtime] ??= clone(sim.savedSettings));
  const replace = (v: Record<string, unknown>): void => {
    if (runtime === 'pane') sim.settings = v;
    else sim.runtimeSettings[runtime] = v;
  };
  const settings = {
    get(name: string): unknown {
      const c = copy();
      return Object.prototype.hasOwnProperty.call(c, name) ? clone(c[name]) : null;
    },
    set(name: string, value: unknown): void {
      if (typeof name !== 'string' || name === '') throw new SimError('InvalidArgument', 'setting name');
      copy()[name] = clone(value);
    },
    remove(name: string): void {
      delete copy()[name];
    },
    /** Writes the whole in-memory copy over what the document holds. */
    saveAsync(a?: unknown, b?: unknown): void {
      const cb = (typeof a === 'function' ? a : b) as Callback<void> | undefined;
      setTimeout(() => {
        sim.savedSettings = clone(copy());
        cb?.({ status: 'succeeded', value: undefined });
      }, 0);
    },
    refreshAsync(cb?: Callback<unknown>): void {
      setTimeout(() => {
        replace(clone(sim.savedSettings));
        cb?.({ status: 'succeeded', value: settings });
      }, 0);
    },
    addHandlerAsync(_type: unknown, _handler: unknown, cb?: Callback<void>): void {
      setTimeout(() => cb?.({ status: 'succeeded', value: undefined }), 0);
    },
  };
  return settings;
}

function versionAtLeast(have: string, need: string | number | undefined): boolean {
  if (need === undefined) return true;
  const [a1 = 0, a2 = 0] = have.split('.').map(Number);
  const [b1 = 0, b2 = 0] = String(need).split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

export interface InstalledGlobals {
  Excel: unknown;
  Office: unknown;
  /** Put back whatever `Excel`, `Office` and `OfficeExtension` were before. */
  uninstall(): void;
}

/** Define globalThis.Excel, Office and OfficeExtension on top of the simulator. */
export function installExcelGlobals(sim: SimWorkbook, opts: InstallOptions = {}): InstalledGlobals {
  const host = opts.host ?? 'M365';
  sim.apiVersion = typeof host === 'string' ? HOSTS[host] : host.excelApi;
  const sets: Record<string, string> = { ...(opts.requirementSets ?? {}) };
  const platform = opts.platform ?? 'OfficeOnline';

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== 'function') throw new SimError('InvalidArgument', 'Excel.run needs a batch function');
    const earlier = args.length > 1 && args[0] instanceof SimExcelContext ? args[0] : null;
    const ctx = earlier ?? new SimExcelContext(sim);
    earlier?._reopen();
    const options = args.length > 1 && !earlier ? (args[0] as { delayForCellEdit?: unknown } | null) : null;
    ctx.delayForCellEdit = options?.delayForCellEdit === true;
    try {
      const result = (await (batch as (c: SimExcelContext) => Promise<T>)(ctx)) as T;
      if (ctx._pending) await ctx.sync();
      return result;
    } finally {
      ctx._close();
    }
  }

  const Excel = {
    run,
    RequestContext: SimExcelContext,
    ErrorCodes: {
      accessDenied: 'AccessDenied',
      apiNotFound: 'ApiNotFound',
      generalException: 'GeneralException',
      inactiveWorkbook: 'InactiveWorkbook',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      invalidReference: 'InvalidReference',
      invalidSelection: 'InvalidSelection',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      rangeExceedsLimit: 'RangeExceedsLimit',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
    ConditionalFormatType: {
      custom: 'Custom',
      dataBar: 'DataBar',
      colorScale: 'ColorScale',
      iconSet: 'IconSet',
      topBottom: 'TopBottom',
      presetCriteria: 'PresetCriteria',
      containsText: 'ContainsText',
      cellValue: 'CellValue',
    },
    ChartType: { columnClustered: 'ColumnClustered', barClustered: 'BarClustered', pie: 'Pie' },
    ChartSeriesBy: { auto: 'Auto', columns: 'Columns', rows: 'Rows' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  };

  const Office = {
    context: {
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name.toLowerCase() === 'excelapi') return versionAtLeast(sim.apiVersion, minVersion);
          const have = Object.entries(sets).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
          return have !== undefined && versionAtLeast(have, minVersion);
        },
      },
      document: { settings: settingsOf(sim, opts.runtime ?? 'pane'), url: opts.url ?? 'simulator.xlsx', mode: 'readWrite' },
      displayLanguage: opts.displayLanguage ?? 'ja-JP',
      contentLanguage: opts.displayLanguage ?? 'ja-JP',
      officeTheme: opts.officeTheme,
      platform,
      host: 'Excel',
      diagnostics: { host: 'Excel', platform, version: `simulator (ExcelApi ${sim.apiVersion})` },
    },
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      const info = { host: 'Excel', platform };
      cb?.(info);
      return Promise.resolve(info);
    },
    initialize: undefined as unknown,
  };

  const OfficeExtension = { Error: SimError, ClientResult: Object };

  const g = globalThis as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  g.Excel = Excel;
  g.Office = Office;
  g.OfficeExtension = OfficeExtension;
  return {
    Excel,
    Office,
    uninstall() {
      g.Excel = before.Excel;
      g.Office = before.Office;
      g.OfficeExtension = before.OfficeExtension;
    },
  };
}
