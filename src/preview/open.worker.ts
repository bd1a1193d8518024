/**
 * The preview's workbook opener, in a Web Worker (started by openWorkbook.ts): ExcelJS reads the .xlsx
 * here, off the page's thread, and the simulator workbook goes back as plain data. One request per
 * worker: the page starts a new one for each file.
 */
import { simToPlain, splitRows } from '../office/simulator/transfer';
import { simFromXlsx } from '../office/simulator/xlsx';
import { notXlsxMessage } from '../xlsx/errors';
import { OUT_OF_MEMORY, isOutOfMemory, type OpenReply, type OpenRequest } from './openMessages';

const reply = (m: OpenReply): void => self.postMessage(m);
/** Cells per message of rows: a few tens of milliseconds of work on the page for each. */
const PIECE_CELLS = 10_000;

async function open({ bytes }: OpenRequest): Promise<void> {
  const data = new Uint8Array(bytes);
  // Until the first sheet is converted, a failure is ExcelJS not reading the file.
  let read = false;
  try {
    const sim = await simFromXlsx(data, (progress) => {
      if (progress.stage === 'convert') read = true;
      reply({ type: 'progress', progress });
    });
    const { head, pieces } = splitRows(simToPlain(sim), PIECE_CELLS);
    reply({ type: 'book', book: head, rows: pieces.reduce((n, p) => n + p.rows.length, 0) });
    for (const piece of pieces) reply({ type: 'rows', piece });
    reply({ type: 'done' });
  } catch (e) {
    const message = isOutOfMemory(e) ? OUT_OF_MEMORY : read ? (e instanceof Error ? e.message : String(e)) : notXlsxMessage(data);
    reply({ type: 'error', message });
  }
}

self.addEventListener('message', (ev: MessageEvent<OpenRequest>) => void open(ev.data));
