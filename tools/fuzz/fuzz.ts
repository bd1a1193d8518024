/**
 * `npm run fuzz`: mutated real workbooks through the reader, the engine, the reports and the writers
 * (issue 11, item 7). Each case runs in a worker thread with a heap cap and a time limit; a case that
 * throws anything but the reader's own user-facing error is a crash, one over the time limit a hang,
 * and the worker is replaced. It prints the tally, saves the first cases of each distinct failure to
 * the output folder and exits 1 when there was any.
 *
 *   npm run fuzz -- [--cases 10000] [--seed 1] [--case K] [--jobs N] [--time-limit 10] [--heap 512]
 *                   [--writers-every 10] [--out .tmp/fuzz] [--inject K:crash|hang]
 *
 * `--seed N --case K` runs case K of the run with seed N again (the same bytes) and prints its outcome.
 */
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { Worker } from 'worker_threads';
import { bombBytes, makeCase, type FuzzCase, type Seed } from './mutate';
import type { CaseOutcome, Stage } from './run-case';
import { loadSeeds, ROOT, seedFiles, type WorkerSetup } from './seeds';
import type { WorkerReply } from './worker';

interface Options {
  cases: number;
  seed: number;
  only?: number;
  jobs: number;
  timeLimit: number;
  heap: number;
  writersEvery: number;
  out: string;
  inject?: WorkerSetup['inject'];
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    cases: 10000,
    seed: 1,
    jobs: Math.max(1, os.availableParallelism()),
    timeLimit: 10,
    heap: 512,
    writersEvery: 10,
    out: path.join(ROOT, '.tmp', 'fuzz'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    const num = (): number => {
      const n = Number(v);
      if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${a} needs a number`);
      i++;
      return n;
    };
    if (a === '--cases') o.cases = num();
    else if (a === '--seed') o.seed = num();
    else if (a === '--case') o.only = num();
    else if (a === '--jobs') o.jobs = Math.max(1, num());
    else if (a === '--time-limit') o.timeLimit = num();
    else if (a === '--heap') o.heap = num();
    else if (a === '--writers-every') o.writersEvery = num();
    else if (a === '--out') ((o.out = path.resolve(v ?? '')), i++);
    else if (a === '--inject') {
      // The fuzzer's own test: case K crashes or hangs on purpose.
      const m = /^(\d+):(crash|hang)$/.exec(v ?? '');
      if (!m) throw new Error('--inject needs K:crash or K:hang');
      o.inject = { k: Number(m[1]), kind: m[2] as 'crash' | 'hang' };
      i++;
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

type Kind = 'crash' | 'hang' | 'bad output';

interface Failure {
  k: number;
  kind: Kind;
  stage: Stage | 'generate' | 'prototype';
  /** What tells this failure from others: stage, error and the first frame of the project's code. */
  signature: string;
  detail: string;
}

/** The first stack frame in the project's own code (or ExcelJS), as file:line. */
function topFrame(stack: string): string {
  for (const line of stack.split('\n').slice(1)) {
    const m = /\(?([^()\s]*(?:dist-cli|node_modules)[/\\][^():]*):(\d+)/.exec(line);
    if (m)
      return `${m[1]!.replace(/^.*?(node_modules[/\\]|dist-cli[/\\])/, (_, d: string) => (d.startsWith('node') ? d : ''))}:${m[2]}`;
  }
  return '?';
}

const normalise = (s: string) => s.replace(/\d+/g, 'N').slice(0, 100);

/** The English half of a reader message ("… / …"), numbers taken out: the rejection's kind. */
function rejectionKind(message: string): string {
  const i = message.lastIndexOf(' / ');
  return normalise(i >= 0 ? message.slice(i + 3) : message);
}

interface Tally {
  cases: number;
  accepted: number;
  rejected: number;
  wrote: number;
  writerRejected: number;
  crashes: number;
  hangs: number;
  badOutputs: number;
  rejections: Map<string, number>;
  failures: Failure[];
  /** The three slowest cases that finished. */
  slowest: { k: number; ms: number }[];
}

/** A case made again in this thread (a generator that fails says so instead of the bytes). */
function remake(seeds: Seed[], seed: number, k: number): FuzzCase {
  try {
    return makeCase(seeds, seed, k);
  } catch (e) {
    return { seed: '?', ops: [`the generator failed: ${String((e as Error)?.message ?? e)}`], bytes: Buffer.alloc(0) };
  }
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const files = await seedFiles();
  const ks = o.only !== undefined ? [o.only] : Array.from({ length: o.cases }, (_, i) => i);
  const jobs = Math.min(o.jobs, ks.length);
  const started = Date.now();
  console.log(
    `fuzz: seed ${o.seed}, ${ks.length} case${ks.length === 1 ? '' : 's'} from ${files.length} workbooks, ${jobs} worker${jobs === 1 ? '' : 's'}, ` +
      `time limit ${o.timeLimit} s, heap ${o.heap} MB; writers (ExcelJS, slow) on ` +
      (o.writersEvery === 0 ? 'no case' : o.writersEvery === 1 ? 'every case' : `every ${o.writersEvery}th case`),
  );
  const t: Tally = {
    cases: 0,
    accepted: 0,
    rejected: 0,
    wrote: 0,
    writerRejected: 0,
    crashes: 0,
    hangs: 0,
    badOutputs: 0,
    rejections: new Map(),
    failures: [],
    slowest: [],
  };
  const fail = (f: Failure) => {
    t.failures.push(f);
    if (f.kind === 'crash') t.crashes++;
    else if (f.kind === 'hang') t.hangs++;
    else t.badOutputs++;
    if (o.only === undefined) console.error(`case ${f.k}: ${f.kind} in ${f.stage}: ${f.detail.split('\n')[0]}`);
  };
  const record = (k: number, outcome: CaseOutcome) => {
    if (outcome.kind === 'rejected') {
      t.rejected++;
      const kind = rejectionKind(outcome.message);
      t.rejections.set(kind, (t.rejections.get(kind) ?? 0) + 1);
    } else if (outcome.kind === 'accepted') {
      t.accepted++;
      if (outcome.wrote) t.wrote++;
      if (outcome.writerRejected !== undefined) t.writerRejected++;
    } else {
      fail({
        k,
        kind: 'bad output',
        stage: outcome.stage,
        signature: `bad output ${outcome.stage}: ${normalise(outcome.message)}`,
        detail: outcome.message,
      });
    }
  };

  const bomb = bombBytes();
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'kpi-fuzz-'));
  let next = 0;
  let workerNo = 0;
  let lastReport = Date.now();
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = (): void => {
      if (next >= ks.length) {
        if (running === 0) resolve();
        return;
      }
      running++;
      const dir = path.join(base, `w${workerNo++}`);
      const setup: WorkerSetup = { seedFiles: files, runSeed: o.seed, writersEvery: o.writersEvery, dir, bomb, inject: o.inject };
      void fs.mkdir(dir, { recursive: true }).then(() => {
        const w = new Worker(path.join(__dirname, 'worker.js'), {
          workerData: setup,
          resourceLimits: { maxOldGenerationSizeMb: o.heap },
          stdout: true,
          stderr: true,
        });
        // What ExcelJS and the code under test print is not the fuzzer's output.
        w.stdout.resume();
        w.stderr.resume();
        let k = -1;
        let stage: Stage | 'generate' = 'generate';
        let timer: NodeJS.Timeout | undefined;
        let over = false;
        const retire = (): void => {
          if (over) return;
          over = true;
          clearTimeout(timer);
          void w.terminate();
          running--;
          start();
        };
        const take = (): void => {
          if (next >= ks.length) return retire();
          k = ks[next++]!;
          stage = 'generate';
          timer = setTimeout(() => {
            fail({ k, kind: 'hang', stage, signature: `hang in ${stage}`, detail: `over ${o.timeLimit} s in ${stage}` });
            t.cases++;
            retire();
          }, o.timeLimit * 1000);
          w.postMessage(k);
        };
        w.on('message', (m: WorkerReply) => {
          if ('ready' in m) return take();
          if (over || m.k !== k) return;
          if ('stage' in m) {
            stage = m.stage;
            return;
          }
          clearTimeout(timer);
          t.cases++;
          if ('crash' in m) {
            const c = m.crash;
            fail({
              k,
              kind: 'crash',
              stage: c.stage,
              signature: `crash ${c.stage}: ${c.name}: ${normalise(c.message)} @ ${topFrame(c.stack)}`,
              detail: c.stack,
            });
          } else {
            record(k, m.outcome);
            t.slowest.push({ k, ms: m.ms });
            t.slowest.sort((a, b) => b.ms - a.ms).splice(3);
          }
          if (m.tainted) {
            fail({
              k,
              kind: 'crash',
              stage: 'prototype',
              signature: `prototype changed: ${m.tainted}`,
              detail: `a shared prototype changed: ${m.tainted}`,
            });
            return retire();
          }
          if (o.only === undefined && Date.now() - lastReport > 15000) {
            lastReport = Date.now();
            console.error(`… ${t.cases}/${ks.length} cases, ${Math.round((Date.now() - started) / 1000)} s`);
          }
          take();
        });
        w.on('error', (e: Error & { code?: string }) => {
          if (over || k < 0) return;
          t.cases++;
          const what = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (heap ${o.heap} MB)` : `${e.name}: ${e.message}`;
          fail({ k, kind: 'crash', stage, signature: `crash ${stage}: ${normalise(what)}`, detail: `${what}\n${e.stack ?? ''}` });
          retire();
        });
        w.on('exit', () => {
          if (over) return;
          if (k >= 0) {
            t.cases++;
            fail({ k, kind: 'crash', stage, signature: `crash ${stage}: worker exited`, detail: 'the worker exited' });
          }
          retire();
        });
      });
    };
    for (let i = 0; i < jobs; i++) start();
  });
  await fs.rm(base, { recursive: true, force: true });
  const seconds = (Date.now() - started) / 1000;

  // The failing cases, made again from their seed and index: the first three of each kind saved.
  const seeds = await loadSeeds(files);
  const classes = new Map<string, Failure[]>();
  for (const f of t.failures.sort((a, b) => a.k - b.k)) classes.set(f.signature, [...(classes.get(f.signature) ?? []), f]);
  if (classes.size) await fs.mkdir(o.out, { recursive: true });
  const lines: string[] = [];
  for (const [sig, list] of classes) {
    lines.push(`  ${list.length} × ${sig}`);
    for (const f of list.slice(0, 3)) {
      const c = remake(seeds, o.seed, f.k);
      const base = path.join(o.out, `${f.kind.replace(' ', '-')}-${f.stage}-seed${o.seed}-case${f.k}`);
      await fs.writeFile(`${base}.xlsx`, c.bytes);
      await fs.writeFile(`${base}.txt`, `seed ${o.seed} case ${f.k}: ${c.seed}\n${c.ops.join('\n')}\n\n${f.detail}\n`);
      lines.push(`      case ${f.k} (${c.seed}: ${c.ops.join('; ').slice(0, 160)})`);
      lines.push(
        `      saved ${path.relative(process.cwd(), base)}.xlsx; replay: npm run fuzz -- --seed ${o.seed} --case ${f.k}`,
      );
    }
  }

  if (o.only !== undefined) {
    const c = remake(seeds, o.seed, o.only);
    console.log(`case ${o.only}: ${c.seed}\n  ${c.ops.join('\n  ') || '(no change)'}`);
    const f = t.failures[0];
    if (f) console.log(`${f.kind} in ${f.stage}:\n${f.detail}`);
    else console.log(t.rejected ? `rejected: ${[...t.rejections.keys()][0]}` : t.accepted ? 'accepted' : '?');
  }

  const pct = (n: number) => (t.cases ? ` (${((100 * n) / t.cases).toFixed(1)} %)` : '');
  console.log(`  cases                ${t.cases}`);
  console.log(`  accepted             ${t.accepted}${pct(t.accepted)}: read, checked and reported`);
  console.log(`    writers ran on     ${t.wrote}; the writers' ExcelJS read rejected ${t.writerRejected}`);
  console.log(
    `  expected rejections  ${t.rejected}${pct(t.rejected)}: the reader's XlsxReadError (damaged, not an .xlsx, over a limit)`,
  );
  for (const [kind, n] of [...t.rejections].sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`    ${String(n).padStart(6)}  ${kind}`);
  console.log(`  crashes              ${t.crashes}`);
  console.log(`  hangs                ${t.hangs} (over ${o.timeLimit} s)`);
  console.log(`  bad outputs          ${t.badOutputs}`);
  console.log(`  time                 ${seconds.toFixed(1)} s`);
  if (t.slowest.length)
    console.log(`  slowest              ${t.slowest.map((x) => `case ${x.k} ${(x.ms / 1000).toFixed(1)} s`).join(', ')}`);
  if (lines.length) console.log(`failures, by kind:\n${lines.join('\n')}`);
  return t.crashes + t.hangs + t.badOutputs > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(String((e as Error)?.stack ?? e));
    process.exit(2);
  },
);
