/**
 * Every file is checked in a worker thread, never in the CLI's own thread: each file is isolated from the
 * others and from the operator's process. A pool of os.availableParallelism() workers (at most one per
 * file) takes one file at a time; each worker's heap is capped (MAX_WORKER_HEAP_MB) and each file has a
 * time limit. A file that exceeds a limit, crashes its worker or changes a shared prototype (worker.ts)
 * gets its own one-line error, its worker is replaced by a fresh one, and the batch goes on. Results
 * are handed back in input order whatever order the workers finish in.
 */
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { safeFileName } from '../core/safeText';
import type { CheckOutcome } from './check-file';
import { DEFAULT_TIME_LIMIT_S, MAX_WORKER_HEAP_MB } from './limits';
import { msg } from './messages';
import type { OutputPlan } from './outputs';
import type { Job, WorkerSetup } from './worker';

export interface PoolOptions {
  /** Worker threads. Default: os.availableParallelism(), at most the files' count. */
  jobs?: number;
  /** Time limit per file, in seconds (default DEFAULT_TIME_LIMIT_S). */
  timeLimit?: number;
  /** Heap cap per worker in MiB (default MAX_WORKER_HEAP_MB). */
  heapMb?: number;
  /** The worker script (default: worker.js beside this file); tests pass one that misbehaves. */
  script?: string;
  /** Called as each file is done (in any order), for progress. */
  onDone?(outcome: CheckOutcome, index: number): void;
  /** Called for each file's outcome in input order. */
  onResult?(outcome: CheckOutcome, index: number): void | Promise<void>;
}

export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(files, os.availableParallelism()));
}

/** A file that could not be checked to the end: its one-line error. */
function failedOutcome(file: string, error: string): CheckOutcome {
  return { result: { file, error }, notes: [`${safeFileName(file)}: ${error}`], exit: 2 };
}

interface Reply {
  id: number;
  outcome?: CheckOutcome;
  failure?: string;
  tainted?: string;
}

/** Check every file (with its planned outputs); resolves with the outcomes in input order. */
export async function checkAll(
  files: readonly string[],
  plans: readonly OutputPlan[],
  setup: WorkerSetup,
  pool: PoolOptions = {},
): Promise<CheckOutcome[]> {
  const lang = setup.opts.lang;
  const jobs = Math.max(1, Math.min(files.length, pool.jobs ?? defaultJobs(files.length)));
  const limitS = pool.timeLimit ?? DEFAULT_TIME_LIMIT_S;
  const script = pool.script ?? path.join(__dirname, 'worker.js');
  const heapMb = pool.heapMb ?? MAX_WORKER_HEAP_MB;
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

  const spawn = (): Worker => {
    const w = new Worker(script, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    // Errors are handled per job below; one after the job is settled (while terminating) is no news.
    w.on('error', () => undefined);
    return w;
  };

  /** One file in the slot's worker (a fresh one if the last was retired). */
  const runJob = (slot: { worker?: Worker }, id: number): Promise<CheckOutcome> =>
    new Promise((resolve) => {
      const file = files[id]!;
      const w = (slot.worker ??= spawn());
      let settled = false;
      const finish = (o: CheckOutcome, retire: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (retire) {
          slot.worker = undefined;
          void w.terminate();
        }
        resolve(o);
      };
      const fail = (error: string) => finish(failedOutcome(file, error), true);
      const onMessage = (m: Reply): void => {
        if (m.tainted) fail(msg('tainted', lang, { what: m.tainted }));
        else if (m.outcome) finish(m.outcome, false);
        else finish(failedOutcome(file, msg('internal', lang, { reason: m.failure ?? 'unknown' })), false);
      };
      const onError = (e: Error & { code?: string }): void =>
        fail(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? msg('memoryLimit', lang, { mb: heapMb })
            : msg('internal', lang, { reason: e.message }),
        );
      const onExit = (): void => fail(msg('internal', lang, { reason: 'worker stopped' }));
      const timer = setTimeout(() => fail(msg('timeLimit', lang, { seconds: limitS })), limitS * 1000);
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      w.postMessage({ id, file, plan: plans[id]! } satisfies Job);
    });

  let next = 0;
  const runSlot = async (): Promise<void> => {
    const slot: { worker?: Worker } = {};
    while (next < files.length) {
      const id = next++;
      done(id, await runJob(slot, id));
    }
    await slot.worker?.terminate();
  };
  await Promise.all(Array.from({ length: jobs }, runSlot));
  await emitting;
  return outcomes as CheckOutcome[];
}
