import { existsSync, promises as fs } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import { PROFILE_SETTING } from '../../src/office/excelHost';
import { WORKBOOK_PROFILE_SETTING } from '../../src/xlsx-read';
import { assertBuilt, BIN, readBook, ROOT, runCli, SEEDS, sheet, tempDir } from './helpers';

const SAMPLE = path.join(SEEDS, 'sample.xlsx');
const DRAFT = path.join(SEEDS, 'sample-draft.xlsx');

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('kpi-cli-more-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** XML attribute text. */
function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The draft with document settings as Office saves an add-in's settings: xl/webextensions/webextension1.xml
 * with <we:property name value/>, the value JSON-encoded (MS-OWEXML CT_OsfWebExtensionProperty).
 */
async function withSettings(file: string, out: string, settings: Record<string, string>): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const props = Object.entries(settings)
    .map(([k, v]) => `<we:property name="${attr(k)}" value="${attr(v)}"/>`)
    .join('');
  zip.file(
    'xl/webextensions/webextension1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5C5F6C2B-7E0E-4C5E-9D55-6B8F0E0F0A11}"><we:reference id="2f0e5b0c-9a7d-4d9b-8d3c-1f6f2c6c0a01" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );
  await fs.writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

const rulesOf = (res: { findings: { ruleId: string }[] }) => new Set(res.findings.map((f) => f.ruleId));

describe("the workbook's own profile", () => {
  it('is looked up under the setting the add-in saves it in', () => {
    expect(WORKBOOK_PROFILE_SETTING).toBe(PROFILE_SETTING);
  });

  it('is used for that file; --profile overrides it; --no-workbook-profile ignores it; the report says which', async () => {
    const own = await withSettings(DRAFT, path.join(dir, 'own.xlsx'), {
      [PROFILE_SETTING]: JSON.stringify({ rules: { 'missing-grade': 'off', 'grade-mismatch': 'off' } }),
    });
    const profileFile = path.join(dir, 'p.json');
    await fs.writeFile(profileFile, JSON.stringify({ rules: { 'stray-whitespace': 'off' } }));

    const r = await runCli(['--format', 'json', own, DRAFT]);
    const [a, b] = JSON.parse(r.stdout).results;
    expect(a.profileSource).toBe('workbook');
    expect(rulesOf(a).has('missing-grade')).toBe(false);
    expect(b.profileSource).toBe('default');
    expect(rulesOf(b).has('missing-grade')).toBe(true);

    const f = JSON.parse((await runCli(['--format', 'json', '--profile', profileFile, own])).stdout).results[0];
    expect(f.profileSource).toBe('file');
    expect(rulesOf(f).has('missing-grade')).toBe(true);

    const n = JSON.parse((await runCli(['--format', 'json', '--no-workbook-profile', own])).stdout).results[0];
    expect(n.profileSource).toBe('default');
    expect(n.findings).toEqual(b.findings);
  });

  it('loads its schema on first need, in a worker that then checks the next file as if alone', async () => {
    // The worker loads zod for the first file that carries a profile, after the prototype snapshot: a
    // schema that changed a shared prototype would turn the next file into an error here.
    const own = await withSettings(DRAFT, path.join(dir, 'own-first.xlsx'), {
      [PROFILE_SETTING]: JSON.stringify({ rules: { 'missing-grade': 'off' } }),
    });
    const r = await runCli(['--format', 'json', '--jobs', '1', own, DRAFT, own]);
    expect(r.stderr).toBe('');
    const [a, b, c] = JSON.parse(r.stdout).results;
    const alone = JSON.parse((await runCli(['--format', 'json', DRAFT])).stdout).results[0];
    expect([a.profileSource, b.profileSource, c.profileSource]).toEqual(['workbook', 'default', 'workbook']);
    expect(b).toEqual(alone);
    expect(c.findings).toEqual(a.findings);
  });

  it('every report says that a file was checked with its own profile, and what that profile switches off', async () => {
    const own = await withSettings(DRAFT, path.join(dir, 'own-off.xlsx'), {
      [PROFILE_SETTING]: JSON.stringify({ rules: { 'missing-grade': 'off' }, noKpiGrade: '—' }),
    });
    const off = [{ id: 'missing-grade', setting: 'off', default: 'error' }];

    const json = JSON.parse((await runCli(['--format', 'json', own, DRAFT])).stdout).results;
    expect(json[0].profileDifferences).toEqual({ settings: ['noKpiGrade'], rules: off });
    expect(json[1]).not.toHaveProperty('profileDifferences');

    const text = (await runCli([own, DRAFT])).stdout;
    const [first, second] = text.split('\n■ ');
    expect(first).toContain('設定: ブックに保存された設定（既定と異なる点: ルール missing-grade を無効、KPI なしの記号）');
    expect(second).not.toContain('設定:');
    expect((await runCli(['--lang', 'en', own])).stdout).toContain(
      'Settings: saved in the workbook (differs from the default: rule missing-grade off; no-KPI mark)',
    );

    const sarif = JSON.parse((await runCli(['--format', 'sarif', own, DRAFT])).stdout);
    const notes = sarif.runs[0].invocations[0].toolConfigurationNotifications;
    expect(notes).toHaveLength(1);
    expect(notes[0].level).toBe('warning');
    expect(notes[0].message.text).toContain('missing-grade');
    expect(notes[0].properties.profileDifferences.rules).toEqual(off);
  });

  it('an invalid saved profile: a one-line warning, the default profile, the check goes on', async () => {
    const bad = await withSettings(DRAFT, path.join(dir, 'bad.xlsx'), {
      [PROFILE_SETTING]: JSON.stringify({ gradeScale: 'S' }),
    });
    const r = await runCli(['--format', 'json', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kpi-check: .*bad\.xlsx: ブックに保存されたプロファイルが正しくない.*gradeScale/);
    expect(JSON.parse(r.stdout).results[0].profileSource).toBe('default');
  });
});

describe('a damaged settings part', () => {
  it('does not stop the check: one warning line, the default profile', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(DRAFT));
    zip.file('xl/webextensions/webextension1.xml', '<we:webextension><we:properties><we:property name="x"');
    const file = path.join(dir, 'damaged-settings.xlsx');
    await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await runCli(['--format', 'json', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).results[0].profileSource).toBe('default');
  });
});

describe('many files', () => {
  it('reports in input order whatever the workers finish first, the same as one at a time', async () => {
    const files = [DRAFT, path.join(dir, 'missing.xlsx'), SAMPLE, DRAFT, SAMPLE, DRAFT];
    const pooled = await runCli(['--format', 'json', '--jobs', '3', ...files]);
    const single = await runCli(['--format', 'json', '--jobs', '1', ...files]);
    expect(pooled.code).toBe(2);
    expect(pooled.stdout).toBe(single.stdout);
    expect(JSON.parse(pooled.stdout).results.map((x: { file: string }) => x.file)).toEqual(files);
    expect(pooled.stderr).toBe(single.stderr);
  });

  it('refuses a --jobs that is not a whole number of at least 1', async () => {
    const r = await runCli(['--jobs', '0', SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kpi-check: --jobs/);
  });
});

describe('--merge REPORT.json… --summary OUT.xlsx', () => {
  it('builds the same consolidated workbook as --summary over the same files', async () => {
    const missing = path.join(dir, 'gone.xlsx');
    const direct = path.join(dir, 'direct.xlsx');
    await runCli(['--summary', direct, DRAFT, SAMPLE, missing]);
    const r1 = path.join(dir, 'r1.json');
    const r2 = path.join(dir, 'r2.json');
    await fs.writeFile(r1, (await runCli(['--format', 'json', DRAFT])).stdout);
    await fs.writeFile(r2, (await runCli(['--format', 'json', SAMPLE, missing])).stdout);
    const merged = path.join(dir, 'merged.xlsx');
    const r = await runCli(['--merge', r1, r2, '--summary', merged]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    const [a, b] = [await readBook(direct), await readBook(merged)];
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) {
      const other = sheet(b, ws.name);
      const cells = (w: typeof ws) => {
        const out: unknown[][] = [];
        w.eachRow((row, n) => row.eachCell({ includeEmpty: true }, (c, col) => out.push([n, col, c.value, c.fill])));
        return out;
      };
      expect(cells(other)).toEqual(cells(ws));
    }
  });

  it("names a file's own profile in a column of its own, the same from --summary and from --merge", async () => {
    const own = await withSettings(DRAFT, path.join(dir, 'own-sum.xlsx'), {
      [PROFILE_SETTING]: JSON.stringify({ rules: { 'missing-grade': 'off' } }),
    });
    const direct = path.join(dir, 'own-direct.xlsx');
    await runCli(['--summary', direct, own, SAMPLE]);
    const report = path.join(dir, 'own.json');
    await fs.writeFile(report, (await runCli(['--format', 'json', own, SAMPLE])).stdout);
    const merged = path.join(dir, 'own-merged.xlsx');
    expect((await runCli(['--merge', report, '--summary', merged])).stderr).toBe('');
    for (const file of [direct, merged]) {
      const ws = (await readBook(file)).worksheets[0]!;
      const head = (ws.getRow(1).values as unknown[]).slice(1);
      expect(head[head.length - 1]).toBe('設定（既定との違い）');
      const col = head.length;
      expect(ws.getCell(2, col).value).toBe('設定: ブックに保存された設定（既定と異なる点: ルール missing-grade を無効）');
      expect(ws.getCell(3, col).value ?? '').toBe('');
    }
    // With no file on its own profile, no such column.
    const plain = path.join(dir, 'plain-sum.xlsx');
    await runCli(['--summary', plain, DRAFT, SAMPLE]);
    const head = ((await readBook(plain)).worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(head).not.toContain('設定（既定との違い）');
  });

  it('needs --summary, and says which report it cannot read', async () => {
    const r = await runCli(['--merge', path.join(dir, 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kpi-check: --merge には --summary/);
    const junk = path.join(dir, 'junk.json');
    await fs.writeFile(junk, '{"hello": 1}');
    const j = await runCli(['--merge', junk, '--summary', path.join(dir, 'never.xlsx')]);
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(/junk\.json.*not a kpi-check JSON report/);
  });
});

describe('what the CLI loads', () => {
  type Loaded = { exceljs: boolean; engine: boolean };
  /**
   * Run the CLI with a hook that lists, at exit, whether ExcelJS and the engine were ever loaded, in the
   * main thread and in the pool's workers (the files are checked there).
   */
  async function loaded(args: string[]): Promise<{ main: Loaded; worker?: Loaded }> {
    const hook = path.join(dir, 'hook.js');
    const out = (who: string) => path.join(dir, `loaded-${who}.json`);
    await fs.rm(out('main'), { force: true });
    await fs.rm(out('worker'), { force: true });
    await fs.writeFile(
      hook,
      // Written as soon as a flag changes: a worker that is terminated sees no 'exit' event.
      `const M = require('module'); const load = M._load; const fs = require('fs');
const who = require('worker_threads').isMainThread ? 'main' : 'worker';
const file = ${JSON.stringify(dir)} + '/loaded-' + who + '.json';
const flags = { exceljs: false, engine: false }; const save = () => fs.writeFileSync(file, JSON.stringify(flags)); save();
M._load = function (req, parent, isMain) { const r = load.apply(this, arguments);
  try { const f = M._resolveFilename(req, parent, isMain);
    const now = { exceljs: flags.exceljs || f.includes('node_modules/exceljs'), engine: flags.engine || f.includes('core/engine') };
    if (now.exceljs !== flags.exceljs || now.engine !== flags.engine) { Object.assign(flags, now); save(); } } catch {}
  return r; };`,
    );
    const { spawnSync } = await import('child_process');
    spawnSync(process.execPath, ['-r', hook, BIN, ...args], { cwd: ROOT });
    const read = async (who: string) =>
      existsSync(out(who)) ? (JSON.parse(await fs.readFile(out(who), 'utf8')) as Loaded) : undefined;
    return { main: (await read('main'))!, worker: await read('worker') };
  }

  it('a plain check never loads ExcelJS; --version and --help load neither ExcelJS nor the engine', async () => {
    // The engine runs in a worker; the main thread only reports.
    expect(await loaded(['--format', 'json', DRAFT])).toEqual({
      main: { exceljs: false, engine: false },
      worker: { exceljs: false, engine: true },
    });
    expect(await loaded(['--version'])).toEqual({ main: { exceljs: false, engine: false } });
    expect(await loaded(['--help'])).toEqual({ main: { exceljs: false, engine: false } });
    // The summary is written by the main thread; the checked copy by the worker that checked the file.
    expect((await loaded(['--summary', path.join(dir, 'load-sum.xlsx'), DRAFT])).main.exceljs).toBe(true);
    const written = await loaded(['--write', path.join(dir, 'load-out'), DRAFT]);
    expect(written).toEqual({ main: { exceljs: false, engine: false }, worker: { exceljs: true, engine: true } });
  });
});
