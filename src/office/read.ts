/**
 * Reading a worksheet into the core's SheetData through Office.js.
 *
 * A normal sheet costs one round trip: the first request loads the sheet's name, id and protection,
 * the used range's shape, the values and number formats (Range.numberFormat, General left out) of its
 * first HEAD_ROWS rows, the formulas of the formula cells among them (getSpecialCells, ExcelApi 1.9;
 * older hosts load every cell's formula) and their merged areas, plus whatever the caller queues with
 * it. Only a longer sheet needs more: the rest is read in row chunks sized from the bytes per row the
 * first request measured, each well under Excel's 5 MB response limit and 5,000,000 cells per read (a
 * chunk that still comes back too large is halved and read again).
 *
 * Nothing relies on Excel failing in a particular way:
 * - The first request's one call for the merged areas answers exactly when it returns them; when it
 *   returns a null object (no merges, or more than 512, which some hosts answer with a null object) or
 *   fails, the merged areas are read again in blocks too small to hold 512 (MERGE_BLOCK_CELLS).
 * - When the first request fails for another reason than its size, it is repeated without the merged
 *   areas and without the caller's loads (a conditional-format scan can fail on some sheets, office-js
 *   #5222, #6827, #6835); the caller's loads are then tried on their own, and their failure only
 *   means they are missing (null). A first request too large is repeated without the rows.
 * A used range of more than MAX_CELLS is refused with a message before any cell is read.
 */
import { colToLetters, rangeToA1, toA1, type CellRange } from '../core/a1';
import type { CellValue, SheetData } from '../core/grid';
import { parseAreas } from './addresses';
import type { Caps } from './caps';
import { fault } from './faults';

/** Rows read in the first request: a sheet this long or shorter, under 5 MB, costs one round trip. */
export const HEAD_ROWS = 2000;
/** Columns of the first request's window (its values and number formats stay under 5 MB even when all 2,000 × 128 cells are in the used range); a wider used range is read in chunks from the top. */
export const HEAD_COLS = 128;
/** Target size of the response of each further chunk (Excel's limit is 5 MB). */
export const CHUNK_BYTES = 2_000_000;
/** Excel reads at most this many cells at once (per read): every chunk stays under it. */
export const MAX_READ_CELLS = 5_000_000;
/** A larger used range is refused: the pane holds the whole sheet in memory to check it. */
export const MAX_CELLS = 20_000_000;
/**
 * getMergedAreasOrNullObject fails past 512 areas; merged areas do not overlap, so a block of at most
 * 512 cells can never meet that.
 */
export const MERGE_BLOCK_CELLS = 512;
/** Bytes per cell assumed when nothing has been measured yet. */
const DEFAULT_CELL_BYTES = 160;

export interface SheetRead {
  data: SheetData;
  sheetId: string;
  protected: boolean;
  /** Used range address ("A1:K23") or null for an empty sheet. */
  usedRange: string | null;
}

type Raw = (string | number | boolean)[][];

function codeOf(e: unknown): unknown {
  return (e as { code?: unknown } | null)?.code;
}

function isPayloadError(e: unknown): boolean {
  const c = codeOf(e);
  return c === 'ResponsePayloadSizeLimitExceeded' || c === 'RequestPayloadSizeLimitExceeded';
}

/** Failures that say something about Excel's state, not about what was asked: no use repeating. */
const HOST_STATE: ReadonlySet<unknown> = new Set([
  'InactiveWorkbook',
  'InvalidOperation',
  'InvalidOperationInCellEditMode',
  'ApiNotFound',
  'AccessDenied',
]);

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

function toCell(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * A formula is "=…" that differs from the shown value: a text cell typed as '=abc shows "=abc" and
 * some hosts return that same text as its formula.
 */
function toFormula(f: unknown, v: unknown): string | null {
  return typeof f === 'string' && f.length > 1 && f.startsWith('=') && f !== v ? f : null;
}

/** A cell's number format, or null for General (what the core treats as none). */
function toFormat(f: unknown): string | null {
  return typeof f === 'string' && f !== '' && f !== 'General' ? f : null;
}

class Assembler {
  readonly values: CellValue[][] = [];
  readonly formulas: (string | null)[][] = [];
  readonly formats: (string | null)[][] = [];
  private hasFormulas = false;
  private hasFormats = false;

  constructor(readonly used: CellRange) {}

  /** Values of a block read at sheet position (top, left). */
  putValues(top: number, left: number, values: Raw): void {
    values.forEach((row, i) => {
      const vr = (this.values[top + i - this.used.top] ??= []);
      row.forEach((v, j) => {
        const cell = toCell(v);
        if (cell !== null) vr[left + j - this.used.left] = cell;
      });
    });
  }

  /** Formulas of a block at (top, left); values must be in place (a constant's "formula" is its value). */
  putFormulas(top: number, left: number, formulas: Raw): void {
    formulas.forEach((row, i) => {
      const r = top + i - this.used.top;
      row.forEach((f, j) => {
        const c = left + j - this.used.left;
        const v = this.values[r]?.[c];
        const formula = toFormula(f, v === null || v === undefined ? '' : v);
        if (formula === null) return;
        (this.formulas[r] ??= [])[c] = formula;
        this.hasFormulas = true;
      });
    });
  }

  /** Number formats of a block at (top, left); General is left out. */
  putFormats(top: number, left: number, formats: Raw): void {
    formats.forEach((row, i) =>
      row.forEach((f, j) => {
        const nf = toFormat(f);
        if (nf === null) return;
        (this.formats[top + i - this.used.top] ??= [])[left + j - this.used.left] = nf;
        this.hasFormats = true;
      }),
    );
  }

  sheet(name: string, merges: CellRange[]): SheetData {
    const rows = this.used.bottom - this.used.top + 1;
    const cols = this.used.right - this.used.left + 1;
    const fill = <T>(a: T[][]): T[][] => {
      for (let i = 0; i < rows; i++) {
        const r = (a[i] ??= []);
        for (let j = 0; j < cols; j++) if (r[j] === undefined) r[j] = null as T;
      }
      a.length = rows;
      return a;
    };
    return {
      name,
      top: this.used.top,
      left: this.used.left,
      values: fill(this.values),
      ...(this.hasFormulas ? { formulas: fill(this.formulas) } : {}),
      ...(this.hasFormats ? { numberFormats: fill(this.formats) } : {}),
      merges,
    };
  }
}

interface Block {
  rowIndex: number;
  columnIndex: number;
}

/** Where a block's formulas come from: the formula cells (ExcelApi 1.9), or every cell of the range. */
type Formulas = { areas: Excel.RangeAreas } | { range: Excel.Range };

function queueFormulas(range: Excel.Range, caps: Caps): Formulas {
  if (caps.rangeAreas) {
    const areas = range.getSpecialCellsOrNullObject('Formulas');
    areas.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/formulas');
    return { areas };
  }
  range.load('formulas');
  return { range };
}

/** The loaded formulas as blocks. */
function formulaBlocks(f: Formulas, fallback: Block | null): { at: Block; formulas: Raw }[] {
  if ('areas' in f) return f.areas.isNullObject ? [] : f.areas.areas.items.map((a) => ({ at: a, formulas: a.formulas }));
  return fallback && !f.range.isNullObject ? [{ at: fallback, formulas: f.range.formulas }] : [];
}

function formulaBytes(blocks: { formulas: Raw }[]): number {
  return blocks.reduce((n, b) => n + utf8Bytes(JSON.stringify(b.formulas)), 0);
}

/** What a block weighs in a response: its values, number formats and formulas. */
function blockBytes(values: Raw, formats: Raw, formulas: { formulas: Raw }[]): number {
  return utf8Bytes(JSON.stringify(values)) + utf8Bytes(JSON.stringify(formats)) + formulaBytes(formulas);
}

function areaOf(r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): CellRange {
  return { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 };
}

/** Rows per getMergedAreas call so that it can never meet Excel's limit of 512 areas per call. */
function mergeBlockRows(cols: number): number {
  return Math.max(1, Math.floor(MERGE_BLOCK_CELLS / Math.max(1, cols)));
}

/** Queue reading the merged areas of rows top..bottom (columns left..right) in blocks under the limit. */
function queueMerges(ws: Excel.Worksheet, top: number, bottom: number, left: number, right: number): Excel.RangeAreas[] {
  const calls: Excel.RangeAreas[] = [];
  const cols = right - left + 1;
  // A row wider than a block is cut into pieces of whole blocks too.
  const width = Math.min(cols, MERGE_BLOCK_CELLS);
  const rows = mergeBlockRows(width);
  for (let r = top; r <= bottom; r += rows)
    for (let c = left; c <= right; c += width) {
      const ma = ws
        .getRange(`${toA1(r, c)}:${toA1(Math.min(bottom, r + rows - 1), Math.min(right, c + width - 1))}`)
        .getMergedAreasOrNullObject();
      ma.load('address');
      calls.push(ma);
    }
  return calls;
}

/**
 * Read a worksheet. `queueExtra` queues more loads into the first request (it is called again if that
 * request has to be repeated) and its result is handed back.
 */
export async function readSheet<X>(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  caps: Caps,
  queueExtra: () => X,
): Promise<{ read: SheetRead; extra: X | null }> {
  let withHead = true;
  let withExtra = true;
  let windowMerges = true;
  for (;;) {
    ws.load('name,id');
    ws.protection.load('protected');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,rowIndex,columnIndex,rowCount,columnCount');
    const window = ws.getRange(`A1:${colToLetters(HEAD_COLS - 1)}${HEAD_ROWS}`);
    const head = withHead ? window.getUsedRangeOrNullObject(true) : null;
    head?.load('rowIndex,columnIndex,rowCount,columnCount,values,numberFormat');
    const headFormulas = head ? queueFormulas(caps.rangeAreas ? window : head, caps) : null;
    const merged = head && caps.mergedAreas && windowMerges ? window.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    let extra = withExtra ? queueExtra() : null;
    try {
      await ctx.sync();
    } catch (e) {
      if (HOST_STATE.has(codeOf(e))) throw e;
      if (isPayloadError(e) && head) {
        withHead = false;
        continue;
      }
      // Something that fails only on some sheets: read without it (see the top of the file).
      if (merged || withExtra) {
        windowMerges = false;
        withExtra = false;
        continue;
      }
      if (head) {
        withHead = false;
        continue;
      }
      throw e;
    }
    if (!withExtra) extra = await tryAlone(ctx, queueExtra);
    const headRead =
      head && !head.isNullObject
        ? {
            area: areaOf(head),
            values: head.values,
            numberFormat: head.numberFormat,
            formulas: formulaBlocks(headFormulas!, head),
          }
        : null;
    const read = await finish(ctx, ws, caps, {
      name: ws.name,
      id: ws.id,
      protected: ws.protection.protected,
      used: used.isNullObject ? null : areaOf(used),
      head: headRead,
      headRows: !!head,
      // A null object may mean "more than 512": only a list is an answer.
      headMerges: !caps.mergedAreas ? [] : merged && !merged.isNullObject ? parseAreas(merged.address) : null,
    });
    return { read, extra };
  }
}

/** The caller's loads in a request of their own; null when Excel refuses them. */
async function tryAlone<X>(ctx: Excel.RequestContext, queue: () => X): Promise<X | null> {
  const x = queue();
  try {
    await ctx.sync();
    return x;
  } catch (e) {
    if (HOST_STATE.has(codeOf(e))) throw e;
    return null;
  }
}

interface FirstRead {
  name: string;
  id: string;
  protected: boolean;
  used: CellRange | null;
  head: { area: CellRange; values: Raw; numberFormat: Raw; formulas: { at: Block; formulas: Raw }[] } | null;
  /** The first request read the first HEAD_ROWS rows (their cells are complete). */
  headRows: boolean;
  /** Merged areas of the first HEAD_ROWS rows, or null when they are still to be read. */
  headMerges: CellRange[] | null;
}

async function finish(ctx: Excel.RequestContext, ws: Excel.Worksheet, caps: Caps, firstRead: FirstRead): Promise<SheetRead> {
  let first = firstRead;
  const base = { sheetId: first.id, protected: first.protected };
  const used = first.used;
  if (!used) return { ...base, usedRange: null, data: { name: first.name, top: 0, left: 0, values: [], merges: [] } };
  const rows = used.bottom - used.top + 1;
  const cols = used.right - used.left + 1;
  if (rows * cols > MAX_CELLS)
    throw fault('too-large', 'tooManyCells', {
      cells: (rows * cols).toLocaleString('en-US'),
      max: MAX_CELLS.toLocaleString('en-US'),
    });
  // Wider than the first request's window: its rows are incomplete, read everything in chunks.
  if (used.right >= HEAD_COLS) first = { ...first, head: null, headRows: false, headMerges: caps.mergedAreas ? null : [] };

  const asm = new Assembler(used);
  let next = used.top;
  let cellBytes = DEFAULT_CELL_BYTES;
  if (first.head) {
    const h = first.head;
    asm.putValues(h.area.top, h.area.left, h.values);
    asm.putFormats(h.area.top, h.area.left, h.numberFormat);
    for (const b of h.formulas) asm.putFormulas(b.at.rowIndex, b.at.columnIndex, b.formulas);
    const cells = (h.area.bottom - h.area.top + 1) * (h.area.right - h.area.left + 1);
    cellBytes = Math.max(4, blockBytes(h.values, h.numberFormat, h.formulas) / Math.max(1, cells));
  }
  // The head's rows are complete even where its own used range is narrower or shorter.
  if (first.headRows) next = Math.max(next, Math.min(used.bottom + 1, HEAD_ROWS));

  const merges: CellRange[] = [...(first.headMerges ?? [])];
  // Rows read without their merged areas (their one call answered a null object, or failed).
  let mergesOwed = first.headRows && first.headMerges === null && used.top < next ? { top: used.top, bottom: next - 1 } : null;
  const size = (per: number) => Math.max(1, Math.min(Math.floor(CHUNK_BYTES / (per * cols)), Math.floor(MAX_READ_CELLS / cols)));

  let chunkRows = size(cellBytes);
  while (next <= used.bottom || mergesOwed) {
    const chunk = next <= used.bottom;
    const bottom = Math.min(used.bottom, next + chunkRows - 1);
    const r = chunk ? ws.getRange(rangeToA1({ top: next, left: used.left, bottom, right: used.right })) : null;
    r?.load('values,numberFormat');
    const formulas = r ? queueFormulas(r, caps) : null;
    const mergeCalls: Excel.RangeAreas[] = [];
    if (mergesOwed) mergeCalls.push(...queueMerges(ws, mergesOwed.top, mergesOwed.bottom, used.left, used.right));
    if (chunk && caps.mergedAreas) mergeCalls.push(...queueMerges(ws, next, bottom, used.left, used.right));
    try {
      await ctx.sync();
    } catch (e) {
      if (chunk && isPayloadError(e) && bottom > next) {
        chunkRows = Math.max(1, Math.floor((bottom - next + 1) / 2));
        continue;
      }
      throw e;
    }
    mergesOwed = null;
    for (const ma of mergeCalls) if (!ma.isNullObject) merges.push(...parseAreas(ma.address));
    if (!r || !formulas) continue;
    asm.putValues(next, used.left, r.values);
    asm.putFormats(next, used.left, r.numberFormat);
    const blocks = formulaBlocks(formulas, { rowIndex: next, columnIndex: used.left });
    for (const b of blocks) asm.putFormulas(b.at.rowIndex, b.at.columnIndex, b.formulas);
    // Size the next chunk from what this one weighed.
    cellBytes = Math.max(4, blockBytes(r.values, r.numberFormat, blocks) / ((bottom - next + 1) * cols));
    chunkRows = size(cellBytes);
    next = bottom + 1;
  }

  return { ...base, usedRange: rangeToA1(used), data: asm.sheet(first.name, dedupe(merges)) };
}

/** A merge that spans two blocks comes back from both. */
function dedupe(ms: CellRange[]): CellRange[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = `${m.top},${m.left},${m.bottom},${m.right}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
