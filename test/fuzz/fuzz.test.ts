/**
 * The fuzzer on every change (issue 11, item 7): a few hundred mutated real workbooks, with a fixed seed,
 * through the reader, the engine, the reports and the writers (tools/fuzz). A crash, a hang or a bad
 * output fails the test; the failing cases are saved to test-artifacts/fuzz/ and the output names the
 * seed and case to replay: `npm run fuzz -- --seed N --case K`.
 */
import { spawn } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import path from 'path';
import { makeCase } from '../../tools/fuzz/mutate';
import { loadSeeds, seedFiles } from '../../tools/fuzz/seeds';
import { assertBuilt, ROOT, tempDir } from '../cli/helpers';

const FUZZ = path.join(ROOT, 'dist-cli', 'tools', 'fuzz', 'fuzz.js');
const SEED = 20261203;
const CASES = 300;

function fuzz(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [FUZZ, ...args], { cwd: ROOT });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

const count = (out: string, what: string) => Number(new RegExp(`^ {2}${what} +(\\d+)`, 'm').exec(out)?.[1]);

beforeAll(() => {
  assertBuilt();
  if (!existsSync(FUZZ)) throw new Error('dist-cli/tools/fuzz is missing: run `npm run build:cli` first');
});

describe('fuzz', () => {
  it(`${CASES} cases (seed ${SEED}): no crash, no hang, no bad output`, async () => {
    const out = path.join(ROOT, 'test-artifacts', 'fuzz');
    const r = await fuzz(['--cases', String(CASES), '--seed', String(SEED), '--out', out]);
    // On failure the message is the fuzzer's output: the tally, each failure, where it is saved, how to replay it.
    expect({ code: r.code, out: r.out }).toEqual({ code: 0, out: expect.stringMatching(/crashes +0\n +hangs +0 /) });
    expect(count(r.out, 'cases')).toBe(CASES);
    // The cases reach every stage: many are read and checked, many rejected, some written.
    expect(count(r.out, 'accepted')).toBeGreaterThan(CASES / 4);
    expect(count(r.out, 'expected rejections')).toBeGreaterThan(CASES / 10);
    expect(Number(/writers ran on +(\d+)/.exec(r.out)?.[1])).toBeGreaterThan(0);
  }, 600_000);

  it('makes the same case again from its seed and index', async () => {
    const seeds = await loadSeeds(await seedFiles());
    const a = makeCase(seeds, SEED, 17);
    const b = makeCase(seeds, SEED, 17);
    expect(b.ops).toEqual(a.ops);
    expect(b.bytes.equals(a.bytes)).toBe(true);
    expect(makeCase(seeds, SEED, 18).bytes.equals(a.bytes)).toBe(false);
  });

  it.each(['crash', 'hang'] as const)(
    'fails on a %s, saves the case and names its seed and index',
    async (kind) => {
      const dir = await tempDir('kpi-fuzz-test-');
      const r = await fuzz([
        '--cases',
        '4',
        '--seed',
        '5',
        '--writers-every',
        '0',
        '--time-limit',
        '3',
        '--inject',
        `2:${kind}`,
        '--out',
        dir,
      ]);
      expect(r.code).toBe(1);
      expect(count(r.out, kind === 'crash' ? 'crashes' : 'hangs')).toBe(1);
      expect(count(r.out, 'cases')).toBe(4);
      expect(r.out).toContain('replay: npm run fuzz -- --seed 5 --case 2');
      const saved = await fs.readdir(dir);
      expect(saved).toContain(`${kind}-engine-seed5-case2.xlsx`);
      expect(saved).toContain(`${kind}-engine-seed5-case2.txt`);
    },
    120_000,
  );
});
