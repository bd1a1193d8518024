/** A worker of the CLI's pool (pool.ts): checks the files it is sent, one at a time. */
import { parentPort } from 'worker_threads';
import { checkFile, type CheckOptions } from './check-file';

parentPort!.on('message', (m: { id: number; file: string; opts: CheckOptions }) => {
  checkFile(m.file, m.opts).then(
    (outcome) => parentPort!.postMessage({ id: m.id, outcome }),
    (e: unknown) => parentPort!.postMessage({ id: m.id, failure: String((e as Error)?.message ?? e) }),
  );
});
