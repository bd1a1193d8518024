/**
 * The written copies of hostile submissions (issue 11): outputs never through a symlink nor over an
 * input or a copy (by real path), every written part valid XML whatever characters the cells hold, text
 * that starts like a formula written with Excel's quote prefix, odd rich text written without a crash,
 * and copies refused (the check still done) where ExcelJS would expand a huge range cell by cell.
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import '../../src/xlsx/quote-prefix';
import { loadCost } from '../../src/xlsx/load-limits';
import { MAX_WRITE_MERGED_CELLS, MAX_WRITE_NAME_CELLS, MAX_WRITE_VALIDATION_CELLS } from '../../src/cli/limits';
import {
  assertBuilt,
  badXmlParts,
  craftXlsx,
  readBook,
  runCli,
  SEEDS,
  sha256,
  sheet,
  SHEET,
  sheetPartOf,
  tempDir,
  xfsOfText,
} from './helpers';

const DRAFT = path.join(SEEDS, 'sample-draft.xlsx');

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('kpi-hostile-writes-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A new folder for one test. */
async function folder(name: string): Promise<string> {
  const d = path.join(dir, name);
  await fs.mkdir(d);
  return d;
}

describe('output files', () => {
  it('a symlink planted as the output is refused, with and without --force; its target is untouched', async () => {
    const d = await folder('symlink');
    const input = path.join(d, 'a.xlsx');
    await fs.copyFile(DRAFT, input);
    const victim = path.join(d, 'victim.txt');
    await fs.writeFile(victim, 'precious');
    await fs.symlink(victim, path.join(d, 'a.checked.xlsx'));
    for (const force of [[], ['--force']]) {
      const r = await runCli(['--write', ...force, input]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('シンボリックリンク');
      expect(r.stderr).toContain('--force でも');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stdout).toContain('G13'); // the check itself ran and was reported
    }
    expect(await fs.readFile(victim, 'utf8')).toBe('precious');
    expect((await fs.lstat(path.join(d, 'a.checked.xlsx'))).isSymbolicLink()).toBe(true);
    expect((await fs.readdir(d)).sort()).toEqual(['a.checked.xlsx', 'a.xlsx', 'victim.txt']);
  });

  it('an existing output is not replaced without --force, and no temporary file is left', async () => {
    const d = await folder('exists');
    const input = path.join(d, 'a.xlsx');
    await fs.copyFile(DRAFT, input);
    await fs.writeFile(path.join(d, 'a.fixed.xlsx'), 'mine');
    const r = await runCli(['--fix', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(await fs.readFile(path.join(d, 'a.fixed.xlsx'), 'utf8')).toBe('mine');
    expect((await fs.readdir(d)).sort()).toEqual(['a.fixed.xlsx', 'a.xlsx']);
  });

  it('a write that fails (a folder at the output name) leaves no temporary file; a stale one blocks nothing', async () => {
    const d = await folder('fails');
    const input = path.join(d, 'a.xlsx');
    await fs.copyFile(DRAFT, input);
    await fs.mkdir(path.join(d, 'a.checked.xlsx'));
    const stale = '.a.fixed.xlsx.999-0123456789ab.tmp';
    await fs.writeFile(path.join(d, stale), 'half a copy from a killed run');
    const r = await runCli(['--write', '--fix', '--force', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a.checked.xlsx を書き出せません');
    expect((await fs.readdir(d)).sort()).toEqual([stale, 'a.checked.xlsx', 'a.fixed.xlsx', 'a.xlsx']);
    expect(sheet(await readBook(path.join(d, 'a.fixed.xlsx')), SHEET)).toBeDefined();
  });

  it('--summary through a symlinked folder replaces neither a checked copy of this run nor an input', async () => {
    const d = await folder('summary-link');
    const input = path.join(d, 'a.xlsx');
    await fs.copyFile(DRAFT, input);
    const hash = await sha256(input);
    const link = path.join(dir, 'summary-link-alias');
    await fs.symlink(d, link);
    const onCopy = await runCli(['--write', '--force', '--summary', path.join(link, 'a.checked.xlsx'), input]);
    expect(onCopy.code).toBe(2);
    expect(onCopy.stderr).toContain('この実行で書き出す');
    const onInput = await runCli(['--force', '--summary', path.join(link, 'a.xlsx'), input]);
    expect(onInput.code).toBe(2);
    expect(onInput.stderr).toContain('入力ファイルなので書き込みません');
    expect(await sha256(input)).toBe(hash);
    // Refused before anything was checked or written.
    expect(await fs.readdir(d)).toEqual(['a.xlsx']);
  });
});

/**
 * The draft with what a hostile (or just odd) submission holds: cells read from _xFFFF_, _xD800_,
 * _x0001_ and _x001B_, a rich-text run with _xFFFE_, a shared string whose only run has no text
 * (<si><r><rPr/></r></si>), a literal "_x0041_", a note with _xFFFF_, a text "=1+1" among the
 * agencies, and a cell of the user's own with Excel's quote prefix.
 */
async function buildHostile(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DRAFT);
  const ws = sheet(wb, SHEET);
  ws.getCell('J10').value = 'PH_FFFF';
  ws.getCell('J9').value = 'PH_CTRL';
  ws.getCell('J6').value = '=1+1';
  ws.getCell('K9').value = { richText: [{ text: 'PH_RUN', font: { bold: true } }, { text: '後半' }] };
  ws.getCell('K10').value = { richText: [{ text: 'PH_EMPTY', font: { italic: true } }] };
  ws.getCell('K11').value = 'PH_LITERAL';
  ws.getCell('K13').value = '=SUM(A1)';
  ws.getCell('K13').style = { ...ws.getCell('K13').style, quotePrefix: true } as Partial<ExcelJS.Style> as ExcelJS.Style;
  ws.getCell('K9').note = 'PH_NOTE';
  const base = file.replace(/\.xlsx$/, '.base.xlsx');
  await wb.xlsx.writeFile(base);
  await craftXlsx(base, file, {
    'xl/sharedStrings.xml': (x) =>
      x
        .replace('PH_FFFF', '市_xFFFF_町_xD800_村')
        .replace('PH_CTRL', '高知_x0001_県_x001B_')
        .replace('PH_RUN', 'a_xFFFE_b')
        .replace(/<r>(?:(?!<\/r>).)*PH_EMPTY(?:(?!<\/r>).)*<\/r>/, '<r><rPr/></r>')
        .replace('PH_LITERAL', '_x005F_x0041_'),
    'xl/comments1.xml': (x) => x.replace('PH_NOTE', 'メモ_xFFFF_'),
  });
  await fs.rm(base);
}

function textOf(v: ExcelJS.CellValue): string {
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text ?? '').join('');
  return String(v);
}

function noteOf(c: ExcelJS.Cell): string {
  const n = c.note;
  return typeof n === 'string' ? n : (n?.texts ?? []).map((t) => t.text).join('');
}

describe('hostile text in the written copies', () => {
  let d: string;
  let run: { code: number | null; stdout: string; stderr: string };
  const INPUT = '=1+1.xlsx';
  const out = (name: string) => path.join(d, name);

  beforeAll(async () => {
    d = await folder('hostile');
    await buildHostile(out(INPUT));
    // A file name that starts like a formula, as given on the command line (the summary lists it so).
    run = await runCli(['--write', '--fix', '--summary', 'office.xlsx', '--format', 'json', INPUT], d);
  });

  it('--write, --fix and --summary all write their copy (odd rich text does not crash the writer)', () => {
    expect(run.stderr).not.toMatch(/書き出せません|内部エラー|TypeError/);
    expect(run.code).toBe(1);
    const res = JSON.parse(run.stdout).results[0];
    expect(res.checkedFile).toBe(INPUT.replace('.xlsx', '.checked.xlsx'));
  });

  it.each(['=1+1.checked.xlsx', '=1+1.fixed.xlsx', 'office.xlsx'])('every XML part of %s is well-formed XML', async (name) => {
    expect(await badXmlParts(out(name))).toEqual([]);
  });

  it('the crafted input itself is well-formed XML (its escapes are plain text): the copies must stay so', async () => {
    expect(await badXmlParts(out(INPUT))).toEqual([]);
  });

  it.each(['=1+1.checked.xlsx', '=1+1.fixed.xlsx'])(
    '%s keeps the texts: controls and a literal "_x0041_" as they were, non-characters as U+FFFD',
    async (name) => {
      const ws = sheet(await readBook(out(name)), SHEET);
      const before = sheet(await readBook(out(INPUT)), SHEET);
      expect(textOf(before.getCell('J10').value)).toBe('市\uFFFF町\uD800村');
      expect(textOf(ws.getCell('J10').value)).toBe('市\uFFFD町\uFFFD村');
      expect(textOf(ws.getCell('J9').value)).toBe('高知\x01県\x1B');
      expect(textOf(ws.getCell('K9').value)).toBe('a\uFFFDb後半');
      expect(textOf(ws.getCell('K11').value)).toBe('_x0041_');
      expect(ws.getCell('K10').value).toEqual({ richText: [expect.objectContaining({ text: '' })] });
      expect(noteOf(ws.getCell('K9'))).toBe('メモ\uFFFD');
    },
  );

  it('text starting with "=" that we write carries the quote prefix: the summary sheet and the consolidated workbook', async () => {
    const checked = out('=1+1.checked.xlsx');
    const summaryPart = await sheetPartOf(checked, '集計');
    const agency = await xfsOfText(checked, summaryPart, '=1+1');
    expect(agency.length).toBeGreaterThan(0);
    for (const xf of agency) expect(xf).toContain('quotePrefix="1"');
    const office = out('office.xlsx');
    const files = await xfsOfText(office, await sheetPartOf(office, '提出状況'), INPUT);
    expect(files).toHaveLength(1);
    expect(files[0]).toContain('quotePrefix="1"');
    // Text that does not start like a formula has none.
    const plain = await xfsOfText(office, await sheetPartOf(office, '提出状況'), 'ファイル');
    expect(plain).toHaveLength(1);
    expect(plain[0]).not.toContain('quotePrefix');
  });

  it("the user's own quote prefix is kept in the copies; their own text starting with = is left as they had it", async () => {
    for (const name of [INPUT, '=1+1.checked.xlsx', '=1+1.fixed.xlsx']) {
      const file = out(name);
      const part = await sheetPartOf(file, SHEET);
      expect([name, await xfsOfText(file, part, '=SUM(A1)')]).toEqual([name, [expect.stringContaining('quotePrefix="1"')]]);
      // J6 is the user's data: written as it was (no quote prefix of ours on their cells).
      expect([name, await xfsOfText(file, part, '=1+1')]).toEqual([name, [expect.not.stringContaining('quotePrefix')]]);
    }
  });
});

describe('what ExcelJS would expand cell by cell', () => {
  it('names its limits once, above what a real table needs', async () => {
    expect([MAX_WRITE_VALIDATION_CELLS, MAX_WRITE_NAME_CELLS, MAX_WRITE_MERGED_CELLS]).toEqual([1_000_000, 1_000_000, 1_000_000]);
    expect(loadCost(await fs.readFile(DRAFT))).toEqual({ validations: 0, names: 0, merges: 84 });
  });

  const validations = Array.from(
    { length: 10 },
    (_, i) =>
      `<dataValidation type="list" allowBlank="1" sqref="${'MNOPQRSTUV'[i]}1:${'MNOPQRSTUV'[i]}1048576"><formula1>"a,b"</formula1></dataValidation>`,
  ).join('');

  it('ten whole-column data validations: --write refused in one line naming the limit, the check reported', async () => {
    const d = await folder('validations');
    const input = path.join(d, 'dv.xlsx');
    await craftXlsx(DRAFT, input, {
      'xl/worksheets/sheet1.xml': (x) =>
        x.replace('</worksheet>', `<dataValidations count="10">${validations}</dataValidations></worksheet>`),
    });
    const r = await runCli(['--write', '--format', 'json', input]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `kpi-check: ${path.join(d, 'dv.checked.xlsx')} を書き出しません: データの入力規則が 10,485,760 セルにわたり、書き出しの上限（1,000,000 セル）を超えています（チェックは行いました）`,
    ]);
    const res = JSON.parse(r.stdout).results[0];
    expect(res.summary.errors).toBeGreaterThan(0);
    expect(res.checkedFile).toBeUndefined();
    expect(await fs.readdir(d)).toEqual(['dv.xlsx']);
  });

  it('a defined name over a whole sheet: --fix refused (English message)', async () => {
    const d = await folder('names');
    const input = path.join(d, 'names.xlsx');
    await craftXlsx(DRAFT, input, {
      'xl/workbook.xml': (x) =>
        x.replace('<definedNames>', `<definedNames><definedName name="all">&apos;${SHEET}&apos;!$A$1:$XFD$1048576</definedName>`),
    });
    const r = await runCli(['--fix', '--lang', 'en', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `not writing ${path.join(d, 'names.fixed.xlsx')}: defined names cover 17,179,869,184 cells, beyond the limit of 1,000,000 cells`,
    );
    expect(r.stdout).toContain('G13');
    expect(await fs.readdir(d)).toEqual(['names.xlsx']);
  });

  it('counts merged cells, validations and names as ExcelJS expands them (print areas aside; "D:D" has no rows, ExcelJS does not expand it)', async () => {
    const d = await folder('counts');
    const input = path.join(d, 'counts.xlsx');
    await craftXlsx(DRAFT, input, {
      'xl/worksheets/sheet1.xml': (x) =>
        x
          .replace(
            /<mergeCells count="(\d+)">/,
            (_, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="M1:XFD1048576"/>`,
          )
          .replace(
            '</worksheet>',
            `<dataValidations count="2"><dataValidation sqref="A1:B2 C3 D:D"/><dataValidation type="list" sqref='E1:E10'/></dataValidations></worksheet>`,
          ),
      'xl/workbook.xml': (x) =>
        x.replace(
          '<definedNames>',
          `<definedNames><definedName name="a">&apos;${SHEET}&apos;!$A$1:$B$3,&apos;${SHEET}&apos;!$C$1</definedName>`,
        ),
    });
    expect(loadCost(await fs.readFile(input))).toEqual({
      validations: 4 + 1 + 10,
      names: 6 + 1,
      merges: 84 + 1048576 * (16384 - 12),
    });
  });

  // Found by the fuzzer (npm run fuzz -- --seed 1 --case 4020, 8290, 9370, 1000; --seed 3 --writers-every 1
  // --case 331, 425): ExcelJS hangs, runs out
  // of memory or writes a copy Excel cannot open. Each copy is refused for that file alone; the check is reported.
  it.each([
    [
      'a column range past column XFD (ExcelJS makes an entry per column)',
      'cols',
      (x: string) => x.replace(/<cols>[\s\S]*?<\/cols>/, '<cols><col min="1" max="99999999" width="9" customWidth="1"/></cols>'),
      'xl/worksheets/sheet1.xml',
      /Excel のシートの範囲（1,048,576 行 × 16,384 列）の外にセルがあるため/,
    ],
    [
      'a defined name on row 2,000,000,000 (ExcelJS sizes an array by it)',
      'far-name',
      (x: string) =>
        x.replace('<definedNames>', `<definedNames><definedName name="far">&apos;${SHEET}&apos;!$A$2000000000</definedName>`),
      'xl/workbook.xml',
      /Excel のシートの範囲（1,048,576 行 × 16,384 列）の外にセルがあるため/,
    ],
    [
      'a data validation of no cells (ExcelJS throws writing it)',
      'empty-sqref',
      (x: string) =>
        x.replace(
          '</worksheet>',
          '<dataValidations count="1"><dataValidation type="list" sqref=""/></dataValidations></worksheet>',
        ),
      'xl/worksheets/sheet1.xml',
      /壊れている/,
    ],
    [
      'a theme holding U+FFFF, which XML forbids (ExcelJS copies it as it is)',
      'theme-ffff',
      (x: string) => x.replace('name="Office Theme"', 'name="Office\uFFFF"'),
      'xl/theme/theme1.xml',
      /壊れている/,
    ],
    [
      'a theme that is not well-formed XML (ExcelJS copies it as it is)',
      'theme',
      (x: string) => x.replace(/(<a:theme[^>]*?name=)"/, '$1'),
      'xl/theme/theme1.xml',
      /壊れている/,
    ],
  ])('%s: --write refused with its reason, the check reported', async (_, name, edit, part, why) => {
    const d = await folder(name);
    const input = path.join(d, `${name}.xlsx`);
    await craftXlsx(DRAFT, input, { [part]: edit });
    const r = await runCli(['--write', '--format', 'json', input]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(path.join(d, `${name}.checked.xlsx`));
    expect(lines[0]).toMatch(why);
    expect(JSON.parse(r.stdout).results[0].summary.errors).toBeGreaterThan(0);
    expect(await fs.readdir(d)).toEqual([`${name}.xlsx`]);
  });

  it('a quoted sheet name that looks like a cell (ABC99999999) is not a reference', async () => {
    const d = await folder('odd-sheet-name');
    const input = path.join(d, 'odd.xlsx');
    await craftXlsx(DRAFT, input, {
      'xl/workbook.xml': (x) =>
        x.replace('<definedNames>', `<definedNames><definedName name="odd">&apos;ABC99999999&apos;!$A$1</definedName>`),
    });
    expect(loadCost(await fs.readFile(input)).names).toBe(1);
  });
});
