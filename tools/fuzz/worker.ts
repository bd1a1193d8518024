/**
 * A fuzz worker: makes the cases it is sent (by index) and runs each through runCase, telling the main
 * thread each stage as it starts (so that a hang is put down to one) and each case's outcome. After
 * each case the shared prototypes are compared with the snapshot taken at start (src/cli/prototypes.ts):
 * a case that changed one is a crash, and the worker is replaced, as the CLI's pool does.
 */
import { promises as fs } from 'fs';
import { performance } from 'perf_hooks';
import { parentPort, workerData } from 'worker_threads';
import { changedPrototype, snapshot } from '../../src/cli/prototypes';
import { makeCase, useBomb } from './mutate';
import { runCase, StageCrash, type CaseOutcome, type Stage } from './run-case';
import { loadSeeds, type WorkerSetup } from './seeds';

export type WorkerReply =
  /** The worker has loaded its modules and seeds (k -1): the first case may come. */
  | { k: number; ready: true }
  | { k: number; stage: Stage | 'generate' }
  | { k: number; outcome: CaseOutcome; ms: number; tainted?: string }
  | { k: number; crash: { stage: Stage | 'generate'; name: string; message: string; stack: string }; tainted?: string };

const setup = workerData as WorkerSetup;
useBomb(setup.bomb);
const ready = loadSeeds(setup.seedFiles).then((seeds) => ({ seeds, pristine: snapshot() }));
void ready.then(() => parentPort!.postMessage({ k: -1, ready: true } satisfies WorkerReply));

function describe(e: unknown): { name: string; message: string; stack: string } {
  const err = e as Error;
  return {
    name: String(err?.name ?? typeof e),
    message: String(err?.message ?? e),
    stack: String(err?.stack ?? e),
  };
}

parentPort!.on('message', (k: number) => {
  void ready.then(async ({ seeds, pristine }) => {
    const post = (m: WorkerReply) => parentPort!.postMessage(m);
    let reply: WorkerReply;
    try {
      post({ k, stage: 'generate' });
      const t0 = performance.now();
      const c = makeCase(seeds, setup.runSeed, k);
      if (setup.inject?.k === k) {
        post({ k, stage: 'engine' });
        if (setup.inject.kind === 'hang') for (;;);
        throw new StageCrash('engine', new TypeError('injected crash'));
      }
      const outcome = await runCase(c.bytes, {
        lang: k % 2 ? 'en' : 'ja',
        writers: setup.writersEvery > 0 && k % setup.writersEvery === 0,
        dir: setup.dir,
        onStage: (stage) => post({ k, stage }),
      });
      reply = { k, outcome, ms: performance.now() - t0 };
    } catch (e) {
      const stage = e instanceof StageCrash ? e.stage : 'generate';
      reply = { k, crash: { stage, ...describe(e instanceof StageCrash ? e.error : e) } };
    }
    const tainted = changedPrototype(pristine);
    if (tainted) reply.tainted = tainted;
    await fs.rm(setup.dir, { recursive: true, force: true }).then(() => fs.mkdir(setup.dir, { recursive: true }));
    post(reply);
  });
});
