/** The fuzzer's seed workbooks: the project's real ones (the samples and the real-tables corpus). */
import { existsSync, promises as fs } from 'fs';
import path from 'path';
import type { Seed } from './mutate';
import { readZip } from './zipraw';

/** The repository's root: the nearest folder above with package.json (built in dist-cli/tools/fuzz, or run from tools/fuzz by the tests). */
export const ROOT = ((): string => {
  for (let d = __dirname; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) throw new Error(`no package.json above ${__dirname}`);
  }
})();

export interface WorkerSetup {
  seedFiles: string[];
  runSeed: number;
  /** Run the writers on every n-th case (0: never). */
  writersEvery: number;
  /** The worker's own folder for the writers' files. */
  dir: string;
  /** The zip bomb's bytes (mutate.ts bombBytes). */
  bomb: Uint8Array;
  /** A fault to put into one case instead of running it (the fuzzer's own test: --inject K:crash|hang). */
  inject?: { k: number; kind: 'crash' | 'hang' };
}

/** seeds/*.xlsx and test/fixtures/**\/*.xlsx, sorted (the case numbers depend on the order). */
export async function seedFiles(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const d of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) await walk(p);
      else if (/\.xlsx$/i.test(d.name)) out.push(p);
    }
  };
  for (const d of ['seeds', path.join('test', 'fixtures')]) await walk(path.join(ROOT, d));
  return out.sort();
}

export async function loadSeeds(files: readonly string[]): Promise<Seed[]> {
  return Promise.all(files.map(async (f) => ({ name: path.relative(ROOT, f), parts: readZip(await fs.readFile(f)) })));
}
