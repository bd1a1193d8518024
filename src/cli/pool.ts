/**
 * Many files at once: a pool of worker threads (os.availableParallelism(), at most one per file; this
 * thread alone below MIN_FILES_FOR_WORKERS files), each checking one file at a time, so memory is bounded
 * by the workers' count times one file; each worker's heap is capped (MAX_WORKER_HEAP_MB) and a file that
 * exceeds it is reported, the others go on. Results are handed back in input order whatever order the
 * workers finish in.
 */
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { checkFile, checkMsg, type CheckOptions, type CheckOutcome } from './check-file';

/** The most one worker's heap may grow to while it reads and checks one file. */
export const MAX_WORKER_HEAP_MB = 2048;

export interface PoolOptions {
  /** Worker threads; 1 checks in this thread. Default: os.availableParallelism(), at most the files' count. */
  jobs?: number;
  /** Called as each file is done (in any order), for progress. */
  onDone?(outcome: CheckOutcome, index: number): void;
  /** Called for each file's outcome in input order. */
  onResult?(outcome: CheckOutcome, index: number): void | Promise<void>;
}

/** Below this many files one thread is faster: a worker costs about 0.1 s of CPU to load the engine. */
export const MIN_FILES_FOR_WORKERS = 8;

export function defaultJobs(files: number): number {
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(files, os.availableParallelism()));
}

/** Check every file; resolves with the outcomes in input order. */
export async function checkAll(files: string[], opts: CheckOptions, pool: PoolOptions = {}): Promise<CheckOutcome[]> {
  const jobs = Math.max(1, Math.min(files.length, pool.jobs ?? defaultJobs(files.length)));
  const outcomes: (CheckOutcome | undefined)[] = new Array(files.length);
  let emitted = 0;
  let emitting = Promise.resolve();
  const done = (i: number, o: CheckOutcome): void => {
    outcomes[i] = o;
    pool.onDone?.(o, i);
    // Hand results on in input order, one after the other.
    emitting = emitting.then(async () => {
      while (emitted < files.length && outcomes[emitted]) {
        await pool.onResult?.(outcomes[emitted]!, emitted);
        emitted++;
      }
    });
  };

  if (jobs === 1) {
    for (const [i, file] of files.entries()) done(i, await checkFile(file, opts));
    await emitting;
    return outcomes as CheckOutcome[];
  }

  const script = path.join(__dirname, 'worker.js');
  let next = 0;
  const failed = (file: string, reason: string): CheckOutcome => {
    const error = checkMsg('internal', opts.lang, { reason });
    return { result: { file, error }, notes: [`${file}: ${error}`] };
  };
  await new Promise<void>((resolve, reject) => {
    let running = 0;
    const start = (): void => {
      if (next >= files.length) {
        if (running === 0) resolve();
        return;
      }
      running++;
      const w = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: MAX_WORKER_HEAP_MB } });
      let current = -1;
      const feed = (): void => {
        if (next >= files.length) {
          current = -1;
          void w.terminate();
          return;
        }
        current = next++;
        w.postMessage({ id: current, file: files[current], opts });
      };
      w.on('message', (m: { id: number; outcome?: CheckOutcome; failure?: string }) => {
        done(m.id, m.outcome ?? failed(files[m.id]!, m.failure ?? 'unknown'));
        feed();
      });
      w.on('error', (e: Error) => {
        // Out of memory on one file (or a crash): that file is reported, a fresh worker goes on.
        if (current >= 0) done(current, failed(files[current]!, e.message));
        current = -1;
      });
      w.on('exit', () => {
        running--;
        if (current >= 0) done(current, failed(files[current]!, 'worker stopped'));
        if (next < files.length) start();
        else if (running === 0) resolve();
      });
      w.on('online', () => undefined);
      feed();
    };
    try {
      for (let k = 0; k < jobs; k++) start();
    } catch (e) {
      reject(e);
    }
  });
  await emitting;
  return outcomes as CheckOutcome[];
}
