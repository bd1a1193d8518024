/**
 * Opening a workbook for the preview without freezing the page: the file's bytes go to a Web Worker
 * (open.worker.ts, its own bundle with ExcelJS), which reports each sheet as it reads it and sends the
 * simulator workbook back as plain data, its rows in pieces that are added here one message at a time. Every way the worker can end (an answer, an error, the worker
 * failing or being cancelled) settles the promise and ends the worker.
 */
import type { SimWorkbook } from '../office/simulator/model';
import { receivePlain } from '../office/simulator/transfer';
import { OUT_OF_MEMORY, isOutOfMemory, stoppedMessage, type OpenReply, type OpenRequest, type OpenStage } from './openMessages';

/** Opening was cancelled (another file was picked meanwhile): nothing to tell the user. */
export class OpenCancelled extends Error {
  override readonly name = 'OpenCancelled';
}

export interface OpenJob {
  workbook: Promise<SimWorkbook>;
  cancel(): void;
}

/** Open .xlsx bytes in a worker. The buffer is handed over (transferred): it is empty here afterwards. */
export function openWorkbook(bytes: ArrayBuffer, onProgress: (p: OpenStage) => void): OpenJob {
  const worker = new Worker(
    // @ts-expect-error -- tsconfig.json checks for Node (CommonJS); webpack builds this file as an ES module, where import.meta.url is how it finds the worker's bundle.
    new URL('./open.worker.ts', import.meta.url),
    { name: 'open-workbook' },
  );
  let settled = false;
  /** True the first time only: the worker is ended and the promise is settled once. */
  const finish = (): boolean => {
    if (settled) return false;
    settled = true;
    worker.terminate();
    return true;
  };
  let cancel = (): void => undefined;
  const workbook = new Promise<SimWorkbook>((resolve, reject) => {
    let received: ReturnType<typeof receivePlain> | null = null;
    let rows = 0;
    let of = 0;
    const take = (m: OpenReply): void => {
      switch (m.type) {
        case 'progress':
          return onProgress(m.progress);
        case 'book':
          received = receivePlain(m.book);
          of = m.rows;
          return onProgress({ stage: 'show', rows, of });
        case 'rows':
          if (!received) throw new Error('rows before the workbook');
          received.addRows(m.piece);
          rows += m.piece.rows.length;
          return onProgress({ stage: 'show', rows, of });
        case 'done':
          if (!received) throw new Error('no workbook');
          finish();
          return resolve(received.sim);
        case 'error':
          finish();
          return reject(new Error(m.message));
      }
    };
    worker.addEventListener('message', (ev: MessageEvent<OpenReply>) => {
      if (settled) return;
      try {
        take(ev.data);
      } catch (e) {
        finish();
        reject(e);
      }
    });
    worker.addEventListener('error', (ev: ErrorEvent) => {
      // Told to the user, not left in the console as an uncaught error.
      ev.preventDefault();
      if (finish()) reject(new Error(isOutOfMemory(ev.message) ? OUT_OF_MEMORY : stoppedMessage(ev.message || undefined)));
    });
    worker.addEventListener('messageerror', () => {
      if (finish()) reject(new Error(stoppedMessage()));
    });
    cancel = () => {
      if (finish()) reject(new OpenCancelled('cancelled'));
    };
  });
  onProgress({ stage: 'start' });
  const request: OpenRequest = { bytes };
  worker.postMessage(request, [bytes]);
  return { workbook, cancel: () => cancel() };
}
