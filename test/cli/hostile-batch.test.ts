/**
 * Issue 11's acceptance: one batch of every crafted workbook plus ordinary files finishes by itself,
 * each crafted file with its own error or result, the ordinary files' results as when checked alone,
 * text output free of control characters, every written copy valid XML.
 */
import { promises as fs } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { CRAFTED, DRAFT, ODD_NAME, SAMPLE } from './hostile';
import { assertBuilt, ROOT, runCli, tempDir } from './helpers';

let dir: string;
let out: string;
let files: string[];
const ordinary = ['draft.xlsx', 'sample.xlsx', ODD_NAME];

beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('kpi-hostile-');
  out = path.join(dir, 'out');
  await fs.mkdir(out);
  for (const c of CRAFTED) await fs.writeFile(path.join(dir, c.name), await c.build());
  await fs.copyFile(DRAFT, path.join(dir, 'draft.xlsx'));
  await fs.copyFile(SAMPLE, path.join(dir, 'sample.xlsx'));
  await fs.copyFile(DRAFT, path.join(dir, ODD_NAME));
  // Ordinary files between crafted ones: what a crafted file does must not reach the next one.
  files = [ordinary[0]!, ...CRAFTED.map((c) => c.name), ordinary[1]!, ordinary[2]!];
}, 120_000);

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Every XML part of a written workbook parses with libxml2. */
async function xmlProblems(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const problems: string[] = [];
  for (const f of Object.values(zip.files)) {
    if (f.dir || !/\.(xml|rels)$/.test(f.name)) continue;
    const r = await validateXML({
      xml: { fileName: f.name.replace(/[^\w.]/g, '_'), contents: await f.async('string') },
      normalization: 'format',
    });
    if (!r.valid) problems.push(`${path.basename(file)}:${f.name}: ${r.errors.map((e) => e.message).join('; ')}`);
  }
  return problems;
}

describe('a batch of crafted and ordinary files', () => {
  let json: { results: ({ file: string; error?: string } & Record<string, unknown>)[] };
  let code: number | null;
  let stderr: string;

  beforeAll(async () => {
    const started = performance.now();
    const r = await runCli(
      ['--format', 'json', '--write', out, '--summary', path.join(out, 'summary.xlsx'), '--', ...files],
      dir,
    );
    // An observation for docs/performance.md, not an assertion (the limit is the hook's 60 s).
    await fs.mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    await fs.writeFile(
      path.join(ROOT, 'test-artifacts', 'hostile-batch.json'),
      JSON.stringify({ files: files.length, seconds: (performance.now() - started) / 1000 }) + '\n',
    );
    code = r.code;
    stderr = r.stderr;
    json = JSON.parse(r.stdout);
  }, 60_000);

  it('finishes by itself with a result or an error for every file, in input order', () => {
    expect(code).toBe(2);
    expect(json.results.map((r) => r.file)).toEqual(files);
    for (const r of json.results) {
      if (r.error !== undefined) expect(r.error).toMatch(/^[^\n]+$/);
      else expect(r).toHaveProperty('findings');
    }
  });

  it('gives the ordinary files the results they get alone', async () => {
    for (const name of ordinary) {
      const alone = JSON.parse((await runCli(['--format', 'json', '--', name], dir)).stdout).results[0];
      const inBatch = { ...json.results.find((r) => r.file === name)! };
      delete inBatch.checkedFile;
      expect(inBatch).toEqual(alone);
    }
  }, 60_000);

  it('writes only valid XML, for the ordinary and the crafted files alike', async () => {
    const written = (await fs.readdir(out)).filter((f) => f.endsWith('.xlsx'));
    expect(written).toContain('summary.xlsx');
    expect(written).toContain('draft.checked.xlsx');
    const problems: string[] = [];
    for (const f of written) problems.push(...(await xmlProblems(path.join(out, f))));
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps stderr to one line per message, free of control characters', () => {
    for (const line of stderr.split('\n')) expect(line).not.toMatch(CONTROL);
  });
});

describe('the text output of the batch', () => {
  it('holds no control character, and no file can forge a line', async () => {
    const r = await runCli(['--', ...files], dir);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
    // Every file heading starts with ■ and names one file of the batch: no crafted text makes another.
    const headings = r.stdout.split('\n').filter((l) => l.startsWith('■'));
    expect(headings).toHaveLength(files.length);
  }, 60_000);
});
