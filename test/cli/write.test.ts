import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { checkSheet } from '../../src/core/engine';
import { loadWorkbook, sheetToData } from '../../src/xlsx/read';
import { highlightKind } from '../../src/core/highlight';
import { HIGHLIGHT_FILL, SameFileError, writeChecked } from '../../src/xlsx/write';
import {
  assertBuilt,
  fillOf,
  readBook,
  rowsOf,
  runCli,
  SEEDS,
  sha256,
  sheet,
  SHEET,
  sheetPartOf,
  tempDir,
  xfsOfText,
  zipPart,
  zipParts,
} from './helpers';

const SAMPLE = path.join(SEEDS, 'sample.xlsx');
const DRAFT = path.join(SEEDS, 'sample-draft.xlsx');
const MISSING_GRADE = 'FFFF6633';
const ERROR = 'FFFFC7CE';
const WARNING = 'FFFFEB9C';
const INFO = 'FFBDD7EE';

interface JsonFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  cell: string | null;
  message: string;
}

let dir: string;
beforeAll(async () => {
  assertBuilt();
  dir = await tempDir('kpi-write-');
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/**
 * The draft as a user might have it: their own note on a flagged cell, a formula, an in-workbook link,
 * a number format, a conditional format, a sheet of their own called 集計, and agency names that start
 * with characters a spreadsheet would read as a formula.
 */
async function buildRichInput(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DRAFT);
  const ws = sheet(wb, SHEET);
  ws.getCell('J4').note = '利用者のメモ';
  ws.getCell('K4').value = { formula: 'LEN(C4)', result: 42 };
  ws.getCell('K6').value = { text: '表の先頭へ', hyperlink: `#'${SHEET}'!A1` };
  ws.getCell('K7').value = 0.25;
  ws.getCell('K7').numFmt = '0.0%';
  ws.addConditionalFormatting({
    ref: 'F3:F17',
    rules: [{ type: 'containsText', operator: 'containsText', text: '人', priority: 1, style: { font: { bold: true } } }],
  });
  ws.getCell('J6').value = '=高知県社会福祉協議会';
  ws.getCell('J7').value = '@市町村、+高知労働局';
  const own = wb.addWorksheet('集計');
  own.getCell('A1').value = '利用者が作った集計';
  own.getCell('B2').value = { formula: 'COUNTA(進捗管理表!C:C)', result: 12 };
  await wb.xlsx.writeFile(file);
}

function cellsOf(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const m = new Map<string, ExcelJS.Cell>();
  ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (c) => m.set(c.address, c)));
  return m;
}

function styleWithoutFill(c: ExcelJS.Cell): unknown {
  const { fill: _fill, ...rest } = c.style ?? {};
  return JSON.parse(JSON.stringify(rest));
}

describe('--write', () => {
  let input: string;
  let out: string;
  let findings: JsonFinding[];
  let summary: { errors: number; warnings: number; infos: number; rows: number; kpis: number; grades: Record<string, number> };
  let inputHash: string;
  let original: ExcelJS.Workbook;
  let checked: ExcelJS.Workbook;

  beforeAll(async () => {
    input = path.join(dir, 'rich.xlsx');
    await buildRichInput(input);
    inputHash = await sha256(input);
    const r = await runCli(['--write', '--format', 'json', input]);
    expect(r.code).toBe(1);
    const res = JSON.parse(r.stdout).results[0];
    findings = res.findings;
    summary = res.summary;
    out = path.join(dir, 'rich.checked.xlsx');
    expect(res.checkedFile).toBe(out);
    original = await readBook(input);
    checked = await readBook(out);
  });

  it('leaves the input byte for byte as it was', async () => {
    expect(await sha256(input)).toBe(inputHash);
  });

  it('fills the flagged cells by severity, the missing grade in its own colour', () => {
    const ws = sheet(checked, SHEET);
    expect(fillOf(ws.getCell('G13'))).toBe(MISSING_GRADE);
    expect(fillOf(ws.getCell('G6'))).toBe(ERROR);
    expect(fillOf(ws.getCell('F9'))).toBe(ERROR);
    expect(fillOf(ws.getCell('H7'))).toBe(WARNING);
    expect(fillOf(ws.getCell('G15'))).toBe(WARNING);
    expect(fillOf(ws.getCell('J4'))).toBe(INFO);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const colour = { error: ERROR, warning: WARNING, info: INFO } as const;
    const byCell = new Map<string, JsonFinding[]>();
    for (const f of findings) if (f.cell) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
    for (const [cell, fs_] of byCell) {
      const worst = fs_.reduce((a, b) => (rank[b.severity] < rank[a.severity] ? b : a));
      const want = fs_.some((f) => f.ruleId === 'missing-grade') ? MISSING_GRADE : colour[worst.severity];
      expect([cell, fillOf(ws.getCell(cell))]).toEqual([cell, want]);
    }
  });

  it('adds a note with the message, but keeps a note the user wrote', () => {
    const ws = sheet(checked, SHEET);
    const note = ws.getCell('G13').note;
    const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    const mg = findings.find((f) => f.ruleId === 'missing-grade')!;
    expect(text).toContain(mg.message);
    const userNote = ws.getCell('J4').note;
    const userText = typeof userNote === 'string' ? userNote : (userNote?.texts ?? []).map((t) => t.text).join('');
    expect(userText).toBe('利用者のメモ');
  });

  it('keeps every value, formula, link and format of the input; only flagged cells change their fill', () => {
    const flagged = new Set(findings.map((f) => f.cell).filter((c): c is string => c !== null));
    const a = sheet(original, SHEET);
    const b = sheet(checked, SHEET);
    const ca = cellsOf(a);
    const cb = cellsOf(b);
    for (const addr of new Set([...ca.keys(), ...cb.keys()])) {
      const x = ca.get(addr) ?? a.getCell(addr);
      const y = cb.get(addr) ?? b.getCell(addr);
      expect([addr, y.value]).toEqual([addr, x.value]);
      expect([addr, y.formula]).toEqual([addr, x.formula]);
      expect([addr, styleWithoutFill(y)]).toEqual([addr, styleWithoutFill(x)]);
      if (!flagged.has(addr)) expect([addr, y.fill]).toEqual([addr, x.fill]);
    }
    expect(b.getCell('K4').formula).toBe('LEN(C4)');
    expect(b.getCell('K6').value).toEqual({ text: '表の先頭へ', hyperlink: `#'${SHEET}'!A1` });
    expect(b.getCell('K7').numFmt).toBe('0.0%');
    expect(b.model.merges.sort()).toEqual(a.model.merges.sort());
    for (let c = 1; c <= 11; c++) expect(b.getColumn(c).width).toBe(a.getColumn(c).width);
    for (let r = 1; r <= 17; r++) expect(b.getRow(r).height).toBe(a.getRow(r).height);
    const cf = (w: ExcelJS.Worksheet) =>
      JSON.stringify((w as unknown as { conditionalFormattings: unknown }).conditionalFormattings);
    expect(cf(b)).toBe(cf(a));
    expect(cf(a)).toContain('containsText');
    expect(b.views).toEqual(a.views);
  });

  it("keeps the user's own 集計 sheet and names ours 集計_<sheet>, as the add-in does", () => {
    const own = sheet(checked, '集計');
    expect(own.getCell('A1').value).toBe('利用者が作った集計');
    expect(own.getCell('B2').formula).toBe('COUNTA(進捗管理表!C:C)');
    expect(own.rowCount).toBe(2);
    expect(checked.worksheets.map((w) => w.name)).toEqual([SHEET, '集計', `集計_${SHEET}`]);
  });

  it('the summary sheet shows the verdict, the counts and the grade distribution', () => {
    const ws = sheet(checked, `集計_${SHEET}`);
    expect(String(ws.getCell('A1').value)).toContain(SHEET);
    expect(String(ws.getCell('A1').value)).toContain('令和6年度');
    expect(String(ws.getCell('B2').value)).toContain('提出前に修正が必要です');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const rows = rowsOf(ws);
    const valueAfter = (label: string) => rows.find((r) => r.values[0] === label)?.values[1];
    expect(valueAfter('エラー')).toBe(summary.errors);
    expect(valueAfter('警告')).toBe(summary.warnings);
    expect(valueAfter('情報')).toBe(summary.infos);
    expect(valueAfter('取組数')).toBe(summary.rows);
    expect(valueAfter('KPI 数')).toBe(summary.kpis);
    expect(valueAfter('未記入')).toBe(summary.grades.missing);
    expect(valueAfter('D')).toBe(summary.grades.D);
    expect(valueAfter('-（KPI なし）')).toBe(summary.grades['-']);
    const dRow = rows.find((r) => r.values[0] === 'D')!;
    expect(String(dRow.values[3])).toMatch(/^█+$/);
    const header = rows.find((r) => r.values[0] === 'セル')!;
    expect(ws.getCell(header.row, 1).font?.bold).toBe(true);
  });

  it('links each finding to its cell and lists it with its message', () => {
    const ws = sheet(checked, `集計_${SHEET}`);
    const rows = rowsOf(ws);
    const header = rows.find((r) => r.values[0] === 'セル')!;
    const list = rows.filter((r) => r.row > header.row);
    expect(list).toHaveLength(findings.length);
    for (const f of findings.filter((x) => x.cell)) {
      const r = list.find((x) => (x.values[0] as { text?: string })?.text === f.cell && x.values[2] === f.ruleId);
      expect(r).toBeDefined();
      expect(r!.values[0]).toEqual({ text: f.cell, hyperlink: `#'${SHEET}'!${f.cell}` });
      expect(r!.values[5]).toBe(f.message);
    }
    expect(ws.autoFilter).toBeDefined();
  });

  it('writes the links as places in the workbook, with no external relationship', async () => {
    const parts = await zipParts(out);
    const sheetPart = parts
      .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
      .sort()
      .pop()!;
    const xml = (await zipPart(out, sheetPart))!;
    expect(xml).toContain(`location="&apos;${SHEET}&apos;!G13"`);
    expect(xml).not.toMatch(/<hyperlink [^>]*r:id=/);
    const rels = await zipPart(out, sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels');
    expect(rels ?? '').not.toContain('TargetMode="External"');
  });

  it('text starting with = + @ copied into the summary stays text, never a formula', async () => {
    const ws = sheet(checked, `集計_${SHEET}`);
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(c.formula).toBeUndefined();
        if (typeof c.value === 'string' && /^[=+@-]/.test(c.value)) texts.push(c.value);
      }),
    );
    expect(texts).toEqual(expect.arrayContaining(['=高知県社会福祉協議会', '@市町村', '+高知労働局']));
    const parts = await zipParts(out);
    const sheetPart = parts
      .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
      .sort()
      .pop()!;
    expect(await zipPart(out, sheetPart)).not.toContain('<f>');
    // …and carries Excel's quote prefix, so that F2 + Enter in Excel does not make it a formula either.
    const summaryPart = await sheetPartOf(out, `集計_${SHEET}`);
    for (const t of ['=高知県社会福祉協議会', '@市町村', '+高知労働局']) {
      const xfs = await xfsOfText(out, summaryPart, t);
      expect(xfs.length).toBeGreaterThan(0);
      for (const xf of xfs) expect([t, xf]).toEqual([t, expect.stringContaining('quotePrefix="1"')]);
    }
  });
});

describe('output files', () => {
  it('never replaces an existing output without --force; does with it', async () => {
    const input = path.join(dir, 'exists.xlsx');
    await fs.copyFile(DRAFT, input);
    const out = path.join(dir, 'exists.checked.xlsx');
    await fs.writeFile(out, 'mine');
    const r = await runCli(['--write', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('G13');
    expect(await fs.readFile(out, 'utf8')).toBe('mine');
    const f = await runCli(['--write', '--force', input]);
    expect(f.code).toBe(1);
    expect(sheet(await readBook(out), '集計')).toBeDefined();
  });

  it('--write DIR puts the copies in DIR; two inputs with one name do not overwrite each other', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    const outDir = path.join(dir, 'out');
    await fs.mkdir(a);
    await fs.mkdir(b);
    await fs.copyFile(SAMPLE, path.join(a, 'book.xlsx'));
    await fs.copyFile(DRAFT, path.join(b, 'book.xlsx'));
    const r = await runCli(['--write', outDir, '--force', path.join(a, 'book.xlsx'), path.join(b, 'book.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('book.checked.xlsx');
    const written = await readBook(path.join(outDir, 'book.checked.xlsx'));
    // The first input (the clean sample) owns the name: its summary says ready.
    expect(String(sheet(written, '集計').getCell('B2').value)).toContain('提出できます');
    expect(await fs.readdir(a)).toEqual(['book.xlsx']);
  });

  it('"--write FILE.xlsx" takes the file as an input, not as a folder', async () => {
    const input = path.join(dir, 'direct.xlsx');
    await fs.copyFile(SAMPLE, input);
    const r = await runCli(['--write', input]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('direct.checked.xlsx');
    await readBook(path.join(dir, 'direct.checked.xlsx'));
  });
});

describe('--summary', () => {
  it('writes one workbook with a row per file and every finding with its file and cell', async () => {
    const sum = path.join(dir, 'office.xlsx');
    const missing = path.join(dir, 'not-here.xlsx');
    const r = await runCli(['--format', 'json', '--summary', sum, SAMPLE, DRAFT, missing]);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    const draft = report.results[1];
    const wb = await readBook(sum);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['提出状況', '指摘一覧']);

    const files = rowsOf(sheet(wb, '提出状況'));
    const head = files[0]!.values;
    expect(head.slice(0, 9)).toEqual(['ファイル', 'シート', '年度', '判定', 'エラー', '警告', '情報', '取組数', 'KPI 数']);
    expect(files).toHaveLength(4);
    const col = (name: string) => head.indexOf(name);
    const d = files.find((x) => x.values[0] === DRAFT)!.values;
    expect(d[col('シート')]).toBe(SHEET);
    expect(d[col('年度')]).toBe('令和6年度（2024年度）');
    expect(d[col('判定')]).toBe('要修正');
    expect(d[col('エラー')]).toBe(draft.summary.errors);
    expect(d[col('警告')]).toBe(draft.summary.warnings);
    expect(d[col('達成度 未記入')]).toBe(1);
    expect(d[col('達成度 D')]).toBe(draft.summary.grades.D);
    expect(files.find((x) => x.values[0] === SAMPLE)!.values[col('判定')]).toBe('提出可');
    const m = files.find((x) => x.values[0] === missing)!.values;
    expect(m[col('判定')]).toBe('読込不可');
    expect(String(m[m.length - 1])).toContain('file not found');

    const list = rowsOf(sheet(wb, '指摘一覧'));
    expect(list[0]!.values).toEqual(['ファイル', 'シート', 'セル', '重要度', 'ルール', '内容', '修正案']);
    const draftRows = list.filter((x) => x.values[0] === DRAFT);
    expect(draftRows).toHaveLength(draft.findings.length);
    expect(draftRows.map((x) => x.values[0 + 2])).toEqual(draft.findings.map((f: JsonFinding) => f.cell ?? ''));
    expect(list.find((x) => x.values[2] === 'G13')!.values.slice(3, 5)).toEqual(['エラー', 'missing-grade']);
    expect(list.some((x) => x.values[0] === missing)).toBe(true);
    expect(list.some((x) => x.values[0] === SAMPLE)).toBe(false);
  });

  it('refuses to replace an existing file without --force', async () => {
    const sum = path.join(dir, 'taken.xlsx');
    await fs.writeFile(sum, 'mine');
    const r = await runCli(['--summary', sum, SAMPLE]);
    expect(r.code).toBe(2);
    expect(await fs.readFile(sum, 'utf8')).toBe('mine');
  });
});

describe('write.ts helpers', () => {
  it('highlightKind: a missing grade outranks every severity', () => {
    const f = (ruleId: string, severity: 'error' | 'warning' | 'info') => ({
      ruleId,
      severity,
      row: 1,
      col: 1,
      messageId: 'm',
      data: {},
    });
    expect(highlightKind([f('html-markup', 'warning'), f('missing-grade', 'error')])).toBe('missing-grade');
    expect(highlightKind([f('stray-whitespace', 'info'), f('html-markup', 'warning')])).toBe('warning');
    expect(HIGHLIGHT_FILL['missing-grade']).toBe(MISSING_GRADE);
  });

  it('writeChecked refuses to write over its input, even with force', async () => {
    const input = path.join(dir, 'self.xlsx');
    await fs.copyFile(SAMPLE, input);
    const before = await sha256(input);
    const wb = await loadWorkbook(input);
    const result = checkSheet(sheetToData(sheet(wb, SHEET)));
    await expect(writeChecked(input, input, result, 'ja', { force: true })).rejects.toBeInstanceOf(SameFileError);
    await expect(writeChecked(input, path.join(dir, '.', 'self.xlsx'), result, 'ja', { force: true })).rejects.toBeInstanceOf(
      SameFileError,
    );
    expect(await sha256(input)).toBe(before);
  });
});
