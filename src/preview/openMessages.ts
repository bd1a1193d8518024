/**
 * What the page and the worker that opens workbooks say to each other (open.worker.ts, openWorkbook.ts),
 * and what the page tells the user meanwhile, Japanese first, then English. No ExcelJS, no DOM.
 */
import type { PlainRows, PlainWorkbook } from '../office/simulator/transfer';
import type { SheetProgress } from '../office/simulator/xlsx';

/** Page → worker: the file's bytes (transferred, not copied). */
export interface OpenRequest {
  bytes: ArrayBuffer;
}

/**
 * Worker → page: progress, then the workbook without its rows (`book`, with the number of rows to
 * come), its rows in pieces (each its own message, so the page builds a large workbook a piece at a
 * time and stays responsive between them), `done`; or an `error` at any point.
 */
export type OpenReply =
  | { type: 'progress'; progress: SheetProgress }
  | { type: 'book'; book: PlainWorkbook; rows: number }
  | { type: 'rows'; piece: PlainRows }
  | { type: 'done' }
  | { type: 'error'; message: string };

/** Where opening has got to: started, a sheet parsed or converted in the worker, rows received by the page. */
export type OpenStage = { stage: 'start' } | SheetProgress | { stage: 'show'; rows: number; of: number };

export const OUT_OF_MEMORY =
  'メモリが足りません。ほかのタブやアプリを閉じてからもう一度開くか、コマンドライン (kpi-check) で確かめてください / ' +
  'not enough memory: close other tabs or programs and open it again, or check it on the command line (kpi-check)';

/** The worker stopped without an answer (it failed to start, or the browser ended it). */
export function stoppedMessage(detail?: string): string {
  const why = detail ? ` (${detail})` : '';
  return `ブックを読み込む処理が止まりました${why} / the workbook reader stopped${why}`;
}

/**
 * Whether an error (or a worker's error message, "Uncaught RangeError: …") is the engine failing to
 * allocate: a buffer, string or array it could not make. Running out of heap outright is not among
 * them: Chromium then ends the whole tab, worker and page alike.
 */
export function isOutOfMemory(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return /RangeError: .*(alloc|memory|invalid (typed )?(array|string) length)|out of memory/i.test(text);
}

/** "2/5" ("2 of 5"), or "2" while the number of sheets is not known. */
function sheetCount(index: number, count: number | null, of: string): string {
  return count === null ? String(index) : `${index}${of}${count}`;
}

/** The progress line: the stage and the sheets. */
export function progressText(p: OpenStage): string {
  switch (p.stage) {
    case 'start':
      return 'ブックを開いています… / Opening the workbook…';
    case 'parse':
      return `シートを読み込んでいます (${sheetCount(p.index, p.count, '/')}) / Reading sheet ${sheetCount(p.index, p.count, ' of ')}`;
    case 'convert':
      return `シートを準備しています (${sheetCount(p.index, p.count, '/')}) / Preparing sheet ${sheetCount(p.index, p.count, ' of ')}`;
    case 'show': {
      const pct = p.of > 0 ? Math.floor((p.rows / p.of) * 100) : 100;
      return `ブックを表示しています (${pct}%) / Showing the workbook (${pct}%)`;
    }
  }
}

/** Seconds since opening began, next to the progress line. */
export function elapsedText(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${s} 秒 / ${s} s`;
}
