/**
 * A worker of the CLI's pool (pool.ts): checks the files it is sent, one at a time, and writes their
 * outputs. After each file it checks that the shared built-in prototypes are as they were when it
 * started: a crafted workbook that changed one (prototype pollution, e.g. through a defined name on a
 * sheet called "__proto__") gets an error instead of its results, and the worker ends, so that no later
 * file is checked in a polluted realm.
 */
import { parentPort, workerData } from 'worker_threads';
import { processFile, type CheckOptions } from './check-file';
import type { OutputPlan, WriteContext } from './outputs';
import { changedPrototype, snapshot, type Snapshot } from './prototypes';
import { forMainThread } from './transfer';

export interface WorkerSetup {
  opts: CheckOptions;
  ctx: WriteContext;
  /** Files will be written (--write, --fix): load the writers before taking the snapshot. */
  writes: boolean;
}

export interface Job {
  id: number;
  file: string;
  plan: OutputPlan;
}

const setup = workerData as WorkerSetup;
// The snapshot is taken once every module a file may need is loaded (a module may define things on a
// prototype when it loads; a file must not). The one exception is the profile schema (zod), loaded by
// the first file that carries a profile (check-file.ts): it changes no prototype, which
// test/cli/profile-merge-pool.test.ts holds.
const ready = (setup.writes ? Promise.all([import('../xlsx/write'), import('../xlsx/fix')]) : Promise.resolve()).then(snapshot);

parentPort!.on('message', (job: Job) => {
  void ready.then((pristine) => run(job, pristine));
});

function run(job: Job, pristine: Snapshot): void {
  processFile(job.file, setup.opts, job.plan, setup.ctx).then(
    (outcome) => {
      const tainted = changedPrototype(pristine);
      parentPort!.postMessage(tainted ? { id: job.id, tainted } : { id: job.id, outcome: forMainThread(outcome) });
    },
    (e: unknown) => {
      const tainted = changedPrototype(pristine);
      parentPort!.postMessage(tainted ? { id: job.id, tainted } : { id: job.id, failure: String((e as Error)?.message ?? e) });
    },
  );
}
