/**
 * One file can never hurt another: every file is checked in a worker of the pool, with a heap cap and a
 * time limit; a file that hangs, runs out of memory, kills its worker or changes a shared prototype gets
 * its own one-line error, a fresh worker takes the next file, and the other files' results are exactly
 * those of checking them alone.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { checkAll } from '../../src/cli/pool';
import { changedPrototype, snapshot } from '../../src/cli/prototypes';
import type { WorkerSetup } from '../../src/cli/worker';
import { assertBuilt, ROOT, runCli, SEEDS, tempDir } from './helpers';

const DRAFT = path.join(SEEDS, 'sample-draft.xlsx');
const SAMPLE = path.join(SEEDS, 'sample.xlsx');
let dir: string;
let script: string;

/** A worker that misbehaves on files named for it and is the real worker for every other file. */
const MISBEHAVING = `const { parentPort } = require('worker_threads');
parentPort.on('message', (job) => {
  const name = require('path').basename(job.file);
  if (name.startsWith('hang')) for (;;) {}
  if (name.startsWith('oom')) { const keep = []; for (;;) keep.push(new Array(1e5).fill(name)); }
  if (name.startsWith('exit')) process.exit(3);
  if (name.startsWith('pollute')) Object.prototype.polluted = 'yes';
});
require(${JSON.stringify(path.join(ROOT, 'dist-cli', 'src', 'cli', 'worker.js'))});
`;

const setup: WorkerSetup = { opts: { lang: 'en' }, ctx: { lang: 'en', inputs: [] }, writes: false };
const noOutputs = (n: number) => Array.from({ length: n }, () => ({ clashes: [] }));

beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('kpi-isolation-');
  script = path.join(dir, 'misbehaving-worker.js');
  await fs.writeFile(script, MISBEHAVING);
  for (const name of ['hang', 'oom', 'exit', 'pollute']) await fs.copyFile(DRAFT, path.join(dir, `${name}.xlsx`));
});

describe('the pool', () => {
  const files = () => ['hang', 'oom', 'exit', 'pollute'].flatMap((n) => [path.join(dir, `${n}.xlsx`), DRAFT]);

  it('gives each misbehaving file its own error and the others their own results, in input order', async () => {
    const [alone] = await checkAll([DRAFT], noOutputs(1), setup, { script });
    const outcomes = await checkAll(files(), noOutputs(8), setup, { script, jobs: 2, timeLimit: 3, heapMb: 64 });
    expect(outcomes.map((o) => o.result.file)).toEqual(files());
    const errors = outcomes.map((o) => ('error' in o.result ? o.result.error : undefined));
    expect(errors[0]).toMatch(/longer than the limit of 3 s a file/);
    expect(errors[2]).toMatch(/more than the memory limit of 64 MiB a file/);
    expect(errors[4]).toMatch(/internal error while checking: worker stopped/);
    expect(errors[6]).toMatch(/changed a shared JavaScript object \(Object\.prototype\.polluted\)/);
    for (const k of [0, 2, 4, 6]) {
      expect(outcomes[k]!.exit).toBe(2);
      expect(outcomes[k]!.notes).toEqual([`${files()[k]}: ${errors[k]}`]);
    }
    // Every ordinary file after a misbehaving one, in the same slot, is checked as if alone.
    for (const k of [1, 3, 5, 7]) expect(outcomes[k]).toEqual(alone);
  }, 60_000);

  it('is not fooled by a prototype change that is undone: values and accessors are compared', () => {
    const before = snapshot();
    expect(changedPrototype(before)).toBeUndefined();
    const original = Array.prototype.includes;
    try {
      Array.prototype.includes = () => true;
      expect(changedPrototype(before)).toBe('Array.prototype.includes');
    } finally {
      Array.prototype.includes = original;
    }
    Object.defineProperty(Object.prototype, 'sneaky', { get: () => 1, configurable: true });
    try {
      expect(changedPrototype(before)).toBe('Object.prototype.sneaky');
    } finally {
      delete (Object.prototype as { sneaky?: number }).sneaky;
    }
    expect(changedPrototype(before)).toBeUndefined();
  });
});

describe('kpi-check', () => {
  it('reports a file over the time limit on one line, exit 2, and goes on', async () => {
    const r = await runCli(['--lang', 'en', '--format', 'json', '--time-limit', '0.001', DRAFT, SAMPLE]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `kpi-check: ${DRAFT}: check stopped: the file took longer than the limit of 0.001 s a file (see --time-limit)`,
      `kpi-check: ${SAMPLE}: check stopped: the file took longer than the limit of 0.001 s a file (see --time-limit)`,
    ]);
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file)).toEqual([DRAFT, SAMPLE]);
  });

  it('refuses a time limit that is not a positive number', async () => {
    for (const bad of ['0', '-1', 'soon']) {
      const r = await runCli(['--time-limit', bad, DRAFT]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('kpi-check: --time-limit には正の秒数を指定してください\n');
    }
  });

  it('takes every argument after -- as a file, even one that looks like an option', async () => {
    const odd = path.join(dir, '--profile=p.xlsx');
    await fs.copyFile(DRAFT, odd);
    await fs.copyFile(DRAFT, path.join(dir, 'sample-draft.xlsx'));
    const r = await runCli(['--format', 'json', '--', '--profile=p.xlsx', path.basename(DRAFT)], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file)).toEqual(['--profile=p.xlsx', 'sample-draft.xlsx']);
  });
});
