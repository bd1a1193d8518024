/**
 * The proxy machinery of Office.js, simulated: objects are handles whose properties must be loaded
 * and synced before they are read; property writes and method calls are queued and run, in order,
 * at `sync`; loaded data arrives only when the whole request succeeds. A failing operation stops the
 * request where it is — what ran before it stays done, as in Excel, where a batch is not a transaction.
 */
import { SimError, apiNotFound, invalidArgument, itemNotFound, notLoaded } from './errors';
import { LIMITS, type SimWorkbook, type SyncRecord } from './model';

/** What a load asks for: scalar properties and navigation properties with their own trees. */
export interface LoadTree {
  props: Set<string>;
  nav: Map<string, LoadTree>;
}

type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

function treeOf(paths: string[]): LoadTree {
  const root: LoadTree = { props: new Set(), nav: new Map() };
  for (const raw of paths) {
    const p = raw.trim();
    if (!p) continue;
    const parts = p.split('/').map((s) => s.trim());
    let t = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const k = parts[i]!;
      let next = t.nav.get(k);
      if (!next) t.nav.set(k, (next = { props: new Set(), nav: new Map() }));
      t = next;
    }
    const last = parts[parts.length - 1]!;
    // A trailing navigation name ("items", "format") loads that object's scalars.
    if (!t.nav.has(last)) t.props.add(last);
  }
  return root;
}

function list(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : v.split(',');
}

/** Interfaces-style { values: true, format: { fill: { color: true } } } → paths. */
function objectPaths(o: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === '$all') continue;
    if (v === true) out.push(prefix + k);
    else if (v && typeof v === 'object') out.push(...objectPaths(v as Record<string, unknown>, `${prefix}${k}/`));
  }
  return out;
}

export function loadPaths(opt: LoadOption | undefined): string[] {
  if (opt === undefined) return [];
  if (typeof opt === 'string' || Array.isArray(opt)) return list(opt);
  if ('select' in opt || 'expand' in opt) {
    const o = opt as { select?: string | string[]; expand?: string | string[] };
    return [...list(o.select), ...list(o.expand)];
  }
  return objectPaths(opt);
}

interface LoadResult {
  json: unknown;
  apply(): void;
}

interface Op {
  json: unknown;
  run(): LoadResult | void;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A value known only after the next sync (OfficeExtension.ClientResult). */
export class SimClientResult<T> {
  private v: { value: T } | null = null;
  /** @internal */
  _set(v: T): void {
    this.v = { value: v };
  }
  get value(): T {
    if (!this.v) throw notLoaded('value');
    return this.v.value;
  }
}

export class SimRequestContext {
  readonly trackedObjects = { add(): void {}, remove(): void {} };
  private queue: Op[] = [];
  private fresh: SimObject<unknown>[] = [];
  private closed = false;
  private running = false;
  private seq = 0;
  /** Excel.run({ delayForCellEdit: true }): requests wait while the user edits a cell. */
  delayForCellEdit = false;

  constructor(readonly sim: SimWorkbook) {}

  /** @internal */
  _newId(): number {
    return ++this.seq;
  }

  /** @internal */
  _created(o: SimObject<unknown>): void {
    // Proxies made while a request runs (collection items) arrive with their data.
    if (!this.running) this.fresh.push(o);
  }

  /** @internal */
  _queue(op: Op): void {
    if (this.closed)
      throw new SimError(
        'InvalidObjectPath',
        'The object path is not working for what you are trying to do: the request context of Excel.run has ended.',
      );
    this.queue.push(op);
  }

  /** @internal Objects made with the context itself need no request. */
  _discardFresh(): void {
    this.fresh = [];
  }

  /** @internal */
  _close(): void {
    this.closed = true;
  }

  /** @internal Excel.run(object.context, batch) runs a batch on an earlier context again. */
  _reopen(): void {
    this.closed = false;
  }

  /** @internal */
  get _pending(): boolean {
    return this.queue.length > 0 || this.fresh.length > 0;
  }

  /** @internal */
  _require(version: string, api: string): void {
    if (!this.sim.supports(version)) throw apiNotFound(api, version);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.queue;
    const fresh = this.fresh;
    this.queue = [];
    this.fresh = [];
    if (ops.length === 0 && fresh.length === 0) return passThroughValue as T;
    const sim = this.sim;
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, operations: ops.length };
    sim.syncs.push(record);
    if (sim.latencyMs > 0) await new Promise((r) => setTimeout(r, sim.latencyMs));
    else await Promise.resolve();
    try {
      await this.process(ops, fresh, record);
    } catch (e) {
      record.failed = (e as { code?: string }).code ?? 'Error';
      throw e;
    }
    return passThroughValue as T;
  }

  private async process(ops: Op[], fresh: SimObject<unknown>[], record: SyncRecord): Promise<void> {
    const sim = this.sim;
    sim.beforeSync?.(sim.syncs.length);
    record.requestBytes = utf8Length(JSON.stringify(ops.map((o) => o.json)));
    if (sim.inactive)
      throw new SimError(
        'InactiveWorkbook',
        'The operation failed because multiple workbooks are open and the workbook being called by this API has lost focus.',
      );
    if (sim.cellEditMode && this.delayForCellEdit) await sim.cellEditEnded();
    if (sim.cellEditMode)
      throw new SimError(
        sim.host.cellEditError,
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
      );
    if (record.requestBytes > LIMITS.payloadBytes)
      throw new SimError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${record.requestBytes} bytes).`,
      );
    const loads: LoadResult[] = [];
    const fail = sim.host.failAt;
    const failOp = fail && fail.sync === sim.syncs.length ? fail.op : 0;
    if (failOp) sim.host.failAt = null;
    this.running = true;
    try {
      for (let i = 0; i < ops.length; i++) {
        if (i + 1 === failOp)
          throw new SimError(
            fail!.code ?? 'GeneralException',
            `An internal error has occurred (injected at operation ${failOp}).`,
          );
        const r = ops[i]!.run();
        if (r) loads.push(r);
      }
    } finally {
      this.running = false;
    }
    record.responseBytes = loads.length ? utf8Length(JSON.stringify(loads.map((l) => l.json))) : 0;
    if (record.responseBytes > LIMITS.payloadBytes)
      throw new SimError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${record.responseBytes} bytes).`,
      );
    for (const l of loads) l.apply();
    for (const o of fresh) o._settle();
  }
}

export interface PropDef<T> {
  get(t: T): unknown;
  since?: string;
}

export interface Schema<T> {
  props: Record<string, PropDef<T>>;
  nav?: Record<string, () => SimObject<unknown>>;
}

/** Base of every proxy (OfficeExtension.ClientObject). T is what the proxy stands for when resolved. */
export abstract class SimObject<T> {
  /** @internal */
  readonly _id: number;
  /** @internal */
  _data = new Map<string, unknown>();
  /** @internal */
  _isNull: boolean | undefined;
  private children = new Map<string, SimObject<unknown>>();

  constructor(
    readonly context: SimRequestContext,
    /** @internal A readable description of how the object is reached, sent with each operation. */
    readonly _path: string,
    private readonly resolver: () => T | null,
    /** @internal Obtained through an *OrNullObject method. */
    readonly _orNull = false,
  ) {
    this._id = context._newId();
    context._created(this as SimObject<unknown>);
  }

  protected abstract _schema(): Schema<T>;

  /** @internal The live object, or null (a null object). Evaluated at sync. */
  _resolve(): T | null {
    return this.resolver();
  }

  /** @internal The live object; a null object is ItemNotFound. */
  _target(): T {
    const t = this._resolve();
    if (t === null) throw itemNotFound(this._path);
    return t;
  }

  /** @internal After a successful sync: isNullObject becomes known. */
  _settle(): void {
    if (this._isNull !== undefined) return;
    if (!this._orNull) {
      this._isNull = false;
      return;
    }
    try {
      this._isNull = this._resolve() === null;
    } catch {
      // an object whose path cannot be evaluated stays unknown, as it was never sent
    }
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  /** @internal A navigation object, the same proxy on every access so its loaded data stays. */
  protected _child<C extends SimObject<unknown>>(name: string, make: () => C): C {
    let c = this.children.get(name) as C | undefined;
    if (!c) {
      c = make();
      this.children.set(name, c as SimObject<unknown>);
    }
    return c;
  }

  load(option?: LoadOption): this {
    const tree = treeOf(loadPaths(option));
    this.context._queue({
      json: { path: this._path, load: loadPaths(option) },
      run: () => this._read(tree),
    });
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._data);
  }

  /** @internal Read the loaded data at sync (a null object reads as null). */
  _read(tree: LoadTree): LoadResult {
    const t = this._orNull ? this._resolve() : this._target();
    if (t === null)
      return {
        json: null,
        apply: () => {
          this._isNull = true;
        },
      };
    const schema = this._schema();
    const props = tree.props.size === 0 && tree.nav.size === 0 ? Object.keys(schema.props) : [...tree.props];
    const data: Record<string, unknown> = {};
    const applies: (() => void)[] = [];
    for (const p of props) {
      const def = schema.props[p];
      if (!def) {
        if (p === 'isNullObject') continue;
        throw invalidArgument(`unknown property "${p}" of ${this._path}`);
      }
      if (def.since) this.context._require(def.since, p);
      data[p] = def.get(t);
    }
    for (const [name, sub] of tree.nav) {
      const make = schema.nav?.[name];
      if (!make) throw invalidArgument(`unknown navigation property "${name}" of ${this._path}`);
      const r = make()._read(sub);
      data[name] = r.json;
      applies.push(r.apply);
    }
    return {
      json: data,
      apply: () => {
        this._isNull = false;
        for (const p of props) if (p in data) this._data.set(p, data[p]);
        for (const a of applies) a();
      },
    };
  }

  /** @internal A loaded property. */
  protected _get<V>(prop: string): V {
    if (!this._data.has(prop)) throw notLoaded(prop);
    return this._data.get(prop) as V;
  }

  /** @internal Queue a property write. */
  protected _write(prop: string, value: unknown, apply: (t: T) => void, since?: string): void {
    this.context._queue({
      json: { path: this._path, set: prop, value },
      run: () => {
        if (since) this.context._require(since, prop);
        apply(this._target());
      },
    });
  }

  /** @internal Queue a method call; `run` may fill a ClientResult. */
  protected _call(method: string, args: unknown[], run: (t: T) => void, since?: string): void {
    this.context._queue({
      json: { path: this._path, call: method, args },
      run: () => {
        if (since) this.context._require(since, method);
        run(this._target());
      },
    });
  }
}

/** A collection proxy: `items` are known after a load. */
export abstract class SimCollection<T, I extends SimObject<unknown>> extends SimObject<T> {
  private loadedItems: I[] | null = null;

  /** The live items as proxies bound to each one. */
  protected abstract _items(t: T): I[];

  get items(): I[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }

  protected _schema(): Schema<T> {
    return { props: {} };
  }

  override _read(tree: LoadTree): LoadResult {
    const t = this._orNull ? this._resolve() : this._target();
    if (t === null) return { json: null, apply: () => (this._isNull = true) };
    let itemTree = tree.nav.get('items');
    if (!itemTree) {
      // collection.load("name") means items/name; load("items") or load() means every scalar of each item.
      const props = new Set([...tree.props].filter((p) => p !== 'items'));
      itemTree = { props, nav: new Map([...tree.nav].filter(([k]) => k !== 'items')) };
    }
    const items = this._items(t);
    const reads = items.map((i) => i._read(itemTree));
    return {
      json: { items: reads.map((r) => r.json) },
      apply: () => {
        this._isNull = false;
        for (const r of reads) r.apply();
        this.loadedItems = items;
      },
    };
  }

  getCount(): SimClientResult<number> {
    const r = new SimClientResult<number>();
    this._call('getCount', [], (t) => r._set(this._items(t).length));
    return r;
  }
}
