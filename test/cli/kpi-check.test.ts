import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { assertBuilt, readBook, runCli, SEEDS, sha256, SHEET, tempDir } from './helpers';

const SAMPLE = path.join(SEEDS, 'sample.xlsx');
const DRAFT = path.join(SEEDS, 'sample-draft.xlsx');

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('kpi-cli-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** No stack trace and exactly one line. */
function expectOneLine(stderr: string): void {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).toMatch(/^kpi-check: /);
}

describe('exit codes', () => {
  it('0 for the faithful sample, with the verdict on stdout and nothing on stderr', async () => {
    const r = await runCli([SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('提出できます');
    expect(r.stdout).toContain('令和6年度');
    expect(r.stderr).toBe('');
  });

  it('1 for the draft, listing the missing grade at G13 in Japanese', async () => {
    const r = await runCli([DRAFT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('提出前に修正が必要です');
    expect(r.stdout).toMatch(/^\s+G13\s+.*達成度.*\[missing-grade\]$/m);
    expect(r.stderr).toBe('');
  });

  it('2 for a truncated file, one line on stderr', async () => {
    const bytes = await fs.readFile(SAMPLE);
    const cut = path.join(dir, 'truncated.xlsx');
    await fs.writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = await runCli([cut]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('truncated.xlsx');
  });

  it('2 for a missing file', async () => {
    const r = await runCli([path.join(dir, 'nope.xlsx')]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('nope.xlsx');
  });

  it.each([
    [['--format', 'xml', 'x.xlsx'], /xml/],
    [['--lang', 'fr', 'x.xlsx'], /fr/],
    [['--bogus', 'x.xlsx'], /--bogus/],
    [[], /ファイル/],
  ])('2 for bad arguments %j', async (args, said) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(said);
    expect(r.stdout).toBe('');
  });

  it('an unreadable file among many: the others still get their results, exit 2', async () => {
    const r = await runCli(['--format', 'json', SAMPLE, path.join(dir, 'missing.xlsx'), DRAFT]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.results.map((x: { file: string }) => path.basename(x.file))).toEqual([
      'sample.xlsx',
      'missing.xlsx',
      'sample-draft.xlsx',
    ]);
    expect(report.results[0].summary.errors).toBe(0);
    expect(Object.keys(report.results[1])).toEqual(['file', 'error']);
    expect(report.results[2].findings.some((f: { ruleId: string }) => f.ruleId === 'missing-grade')).toBe(true);
    expectOneLine(r.stderr);
  });

  it('--help and --version exit 0', async () => {
    const h = await runCli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--write');
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('--format json', () => {
  it('prints exactly the contract shape', async () => {
    const r = await runCli(['--format', 'json', DRAFT]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['version', 'results']);
    expect(report.version).toBe(1);
    expect(report.results).toHaveLength(1);
    const res = report.results[0];
    expect(res.file).toBe(DRAFT);
    expect(res.sheet).toBe(SHEET);
    for (const k of ['file', 'sheet', 'table', 'findings', 'summary']) expect(res).toHaveProperty(k);
    expect(res.table).toEqual({
      range: 'A1:K17',
      headerRows: [1, 2],
      fiscalYear: 2024,
      columns: expect.objectContaining({
        target_group: 'A',
        initiative: 'C',
        kpi_target: 'E',
        kpi_actual: 'F',
        grade: 'G',
        agencies: 'J',
      }),
      family: 'sample',
      requiredSet: 'sample',
      gradeScale: { source: 'default', grades: ['S', 'A', 'B', 'C', 'D'], legend: null },
      summary: res.summary,
    });
    expect(res.tables).toEqual([res.table]);
    for (const k of ['rows', 'kpis', 'grades', 'errors', 'warnings', 'infos'])
      expect(typeof res.summary[k]).not.toBe('undefined');
    for (const g of ['S', 'A', 'B', 'C', 'D', '-', 'missing']) expect(typeof res.summary.grades[g]).toBe('number');
    expect(res.summary.rows).toBe(10);
    expect(res.summary.grades.missing).toBe(1);
    expect(res.summary.errors).toBe(4);
    for (const f of res.findings) {
      expect(Object.keys(f).every((k) => ['ruleId', 'severity', 'cell', 'role', 'message', 'suggestion'].includes(k))).toBe(true);
      for (const k of ['ruleId', 'severity', 'cell', 'message']) expect(f).toHaveProperty(k);
      expect(f.cell === null || /^[A-Z]+\d+$/.test(f.cell)).toBe(true);
    }
    expect(res.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'missing-grade',
        severity: 'error',
        cell: 'G13',
        message: expect.stringContaining('達成度'),
      }),
    );
  });

  it('--lang en gives English messages and text', async () => {
    const j = JSON.parse((await runCli(['--format', 'json', '--lang', 'en', DRAFT])).stdout);
    const mg = j.results[0].findings.find((f: { ruleId: string }) => f.ruleId === 'missing-grade');
    expect(mg.message).toMatch(/grade/i);
    expect(mg.message).not.toMatch(/[\u3040-\u30ff]/);
    const t = await runCli(['--lang', 'en', DRAFT]);
    expect(t.stdout).toContain('Fix before submitting');
    expect(t.stdout).toContain('FY2024');
  });

  it('--format sarif is a SARIF 2.1.0 log with a result per finding', async () => {
    const r = await runCli(['--format', 'sarif', DRAFT]);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const j = JSON.parse((await runCli(['--format', 'json', DRAFT])).stdout);
    expect(run.results).toHaveLength(j.results[0].findings.length);
    const mg = run.results.find((x: { ruleId: string }) => x.ruleId === 'missing-grade');
    expect(mg.locations[0].logicalLocations[0].fullyQualifiedName).toBe(`'${SHEET}'!G13`);
  });
});

describe('--sheet and --profile', () => {
  let twoSheets: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const cover = wb.addWorksheet('表紙');
    cover.getCell('A1').value = '令和6年度 進捗管理表 提出用';
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
    twoSheets = path.join(dir, 'two-sheets.xlsx');
    await wb.xlsx.writeFile(twoSheets);
  });

  it('checks the active sheet by default and the named one with --sheet', async () => {
    const d = JSON.parse((await runCli(['--format', 'json', twoSheets])).stdout);
    expect(d.results[0].sheet).toBe('表紙');
    expect(d.results[0].table).toBeNull();
    expect(d.results[0].findings[0].ruleId).toBe('header-not-found');
    const named = await runCli(['--format', 'json', '--sheet', SHEET, twoSheets]);
    expect(named.code).toBe(0);
    expect(JSON.parse(named.stdout).results[0].sheet).toBe(SHEET);
  });

  it('a sheet that does not exist is exit 2, naming the sheets there are', async () => {
    const r = await runCli(['--sheet', 'なし', twoSheets]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('なし');
    expect(r.stderr).toContain('表紙');
  });

  it('a profile with a bad key is exit 2 naming the key', async () => {
    const p = path.join(dir, 'bad-profile.json');
    await fs.writeFile(p, JSON.stringify({ colour: 'red', rules: { 'missing-grade': 'fatal' } }));
    const r = await runCli(['--profile', p, DRAFT]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain('colour');
    expect(r.stderr).toContain('rules.missing-grade');
    expect(r.stdout).toBe('');
  });

  it('a profile that is not JSON, or missing, is exit 2', async () => {
    const p = path.join(dir, 'broken.json');
    await fs.writeFile(p, '{"rules": ');
    expect((await runCli(['--profile', p, DRAFT])).code).toBe(2);
    expect((await runCli(['--profile', path.join(dir, 'none.json'), DRAFT])).code).toBe(2);
  });

  it('a valid profile changes the outcome: errors turned into warnings give exit 0', async () => {
    const p = path.join(dir, 'lenient.json');
    const rules = {
      'missing-grade': 'warning',
      'missing-actual': 'warning',
      'invalid-grade': 'warning',
      'required-cell-empty': 'off',
    };
    await fs.writeFile(p, JSON.stringify({ rules }));
    const r = await runCli(['--format', 'json', '--profile', p, DRAFT]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout).results[0];
    expect(res.summary.errors).toBe(0);
    expect(res.findings.find((f: { ruleId: string }) => f.ruleId === 'missing-grade').severity).toBe('warning');
    expect(res.findings.some((f: { ruleId: string }) => f.ruleId === 'required-cell-empty')).toBe(false);
  });
});

describe('inputs are never changed', () => {
  it('the input file is byte for byte the same after --write and --summary', async () => {
    const input = path.join(dir, 'keep.xlsx');
    await fs.copyFile(DRAFT, input);
    const before = await sha256(input);
    const stat = await fs.stat(input);
    const r = await runCli(['--write', '--summary', path.join(dir, 'keep-summary.xlsx'), input]);
    expect(r.code).toBe(1);
    expect(await sha256(input)).toBe(before);
    expect((await fs.stat(input)).mtimeMs).toBe(stat.mtimeMs);
    await readBook(path.join(dir, 'keep.checked.xlsx'));
  });

  it('--summary never writes over an input, even with --force', async () => {
    const input = path.join(dir, 'victim.xlsx');
    await fs.copyFile(SAMPLE, input);
    const before = await sha256(input);
    const r = await runCli(['--force', '--summary', input, input]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(await sha256(input)).toBe(before);
  });
});
