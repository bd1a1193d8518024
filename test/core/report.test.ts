import path from 'path';
import { checkSheet, type CheckResult } from '../../src/core/engine';
import type { SheetData } from '../../src/core/grid';
import { fiscalYearLabel, t } from '../../src/core/i18n';
import {
  csvField,
  displayWidth,
  pathToUri,
  tableInfo,
  toCsv,
  toJsonReport,
  toSarif,
  toText,
  type FileResult,
} from '../../src/core/report';
import { ALL_RULES } from '../../src/core/rules';
import { loadWorkbook, sheetToData } from '../../src/xlsx/read';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');

let sampleData: SheetData;
let draftData: SheetData;
let sample: CheckResult;
let draft: CheckResult;

async function data(file: string): Promise<SheetData> {
  const wb = await loadWorkbook(path.join(SEEDS, file));
  return sheetToData(wb.getWorksheet('進捗管理表')!);
}

beforeAll(async () => {
  sampleData = await data('sample.xlsx');
  draftData = await data('sample-draft.xlsx');
  sample = checkSheet(sampleData);
  draft = checkSheet(draftData);
});

/** A copy of the sheet with one cell changed (sheet coordinates, 0-based). */
function withCell(d: SheetData, row: number, col: number, value: string): SheetData {
  const values = d.values.map((r) => [...r]);
  values[row - d.top]![col - d.left] = value;
  return { ...d, values };
}

/** RFC 4180 parser, enough to check what toCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += c;
  }
  if (field !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

function fr(file: string, result: CheckResult): FileResult {
  return { file, sheet: result.sheet, result };
}

describe('tableInfo', () => {
  it('gives 1-based header rows, the A1 range and a column letter per role', () => {
    const info = tableInfo(sample.layout!);
    expect(info.range).toBe('A1:K17');
    expect(info.headerRows).toEqual([1, 2]);
    expect(info.fiscalYear).toBe(2024);
    expect(info.columns).toMatchObject({
      target_group: 'A',
      initiative: 'C',
      kpi_target: 'E',
      kpi_actual: 'F',
      grade: 'G',
      agencies: 'J',
    });
    expect(Object.values(info.columns).every((l) => /^[A-Z]+$/.test(l))).toBe(true);
  });
});

describe('toJsonReport', () => {
  it('has exactly the contract keys, and the draft missing-grade finding at G13', () => {
    const report = toJsonReport([fr('seeds/sample-draft.xlsx', draft), { file: 'gone.xlsx', error: 'file not found' }], 'ja');
    expect(Object.keys(report)).toEqual(['version', 'results']);
    expect(report.version).toBe(1);
    const [ok, bad] = report.results;
    expect(bad).toEqual({ file: 'gone.xlsx', error: 'file not found' });
    if (!ok || 'error' in ok) throw new Error('expected a checked result');
    // Keys are only ever added (tables and what each table was held to came with the real-tables work).
    expect(Object.keys(ok)).toEqual(['file', 'sheet', 'table', 'tables', 'findings', 'summary']);
    expect(Object.keys(ok.table!)).toEqual([
      'range',
      'headerRows',
      'fiscalYear',
      'columns',
      'family',
      'requiredSet',
      'gradeScale',
      'summary',
    ]);
    expect(ok.tables).toEqual([ok.table]);
    expect(ok.table!.family).toBe('sample');
    expect(ok.table!.requiredSet).toBe('sample');
    expect(ok.table!.gradeScale).toEqual({ source: 'default', grades: ['S', 'A', 'B', 'C', 'D'], legend: null });
    expect(Object.keys(ok.summary)).toEqual(expect.arrayContaining(['rows', 'kpis', 'grades', 'errors', 'warnings', 'infos']));
    expect(Object.keys(ok.summary.grades)).toEqual(expect.arrayContaining(['S', 'A', 'B', 'C', 'D', '-', 'missing']));
    expect(ok.summary.grades.missing).toBe(1);
    expect(ok.summary.errors).toBe(ok.findings.filter((f) => f.severity === 'error').length);
    for (const f of ok.findings) {
      expect(['ruleId', 'severity', 'cell', 'message']).toEqual(
        expect.arrayContaining(Object.keys(f).filter((k) => k !== 'role' && k !== 'suggestion')),
      );
      expect(Object.keys(f).slice(0, 3)).toEqual(['ruleId', 'severity', 'cell']);
      expect(typeof f.message).toBe('string');
      expect(f.message).not.toMatch(/\{\w+\}/);
    }
    const mg = ok.findings.find((f) => f.ruleId === 'missing-grade');
    expect(mg).toMatchObject({ severity: 'error', cell: 'G13' });
    expect(mg!.message).toMatch(/達成度/);
  });

  it('reports a column finding with its role and a null cell', () => {
    const agenciesCol = draft.layout!.columns.agencies!;
    const headerRows = draft.layout!.headerRows;
    let d = draftData;
    for (const r of headerRows) d = withCell(d, r, agenciesCol, '連絡先');
    const res = checkSheet(d);
    const out = toJsonReport([fr('x.xlsx', res)], 'en').results[0]!;
    if ('error' in out) throw new Error('unexpected');
    const mc = out.findings.find((f) => f.ruleId === 'missing-column' && f.role === 'agencies');
    expect(mc).toBeDefined();
    expect(mc!.cell).toBeNull();
  });

  it('writes English messages with lang en', () => {
    const out = toJsonReport([fr('d.xlsx', draft)], 'en').results[0]!;
    if ('error' in out) throw new Error('unexpected');
    const mg = out.findings.find((f) => f.ruleId === 'missing-grade')!;
    expect(mg.message).toMatch(/grade/i);
    expect(mg.message).not.toMatch(/[\u3040-\u30ff]/);
  });
});

describe('rule ids', () => {
  it('are lowercase words joined by hyphens (findings at one cell are ordered by them in code-unit order)', () => {
    for (const r of ALL_RULES) expect(r.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});

describe('toSarif', () => {
  it('lists every rule and gives each result its rule, level and cell', () => {
    const log = toSarif([fr('seeds/sample-draft.xlsx', draft)], 'ja', { toolVersion: '1.2.3' }) as any;
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    for (const r of run.tool.driver.rules) expect(r.shortDescription.text.length).toBeGreaterThan(0);
    expect(run.results).toHaveLength(draft.findings.length);
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('seeds/sample-draft.xlsx');
    }
    const mg = run.results.find((r: any) => r.ruleId === 'missing-grade');
    expect(mg.level).toBe('error');
    expect(mg.locations[0].logicalLocations[0].fullyQualifiedName).toBe("'進捗管理表'!G13");
    const info = run.results.find((r: any) => r.ruleId === 'stray-whitespace');
    expect(info.level).toBe('note');
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it('reports an unreadable file as a failed invocation, not a result', () => {
    const log = toSarif([{ file: 'C:\\提出\\a b.xlsx', error: 'damaged' }], 'en') as any;
    const run = log.runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('damaged');
    expect(run.artifacts[0].location.uri).toBe('file:///C:/%E6%8F%90%E5%87%BA/a%20b.xlsx');
  });
});

describe('toText', () => {
  it('shows the table, fiscal year and verdict, with findings grouped by severity (errors first)', () => {
    const out = toText([fr('seeds/sample-draft.xlsx', draft)], 'ja');
    expect(out).toContain('seeds/sample-draft.xlsx');
    expect(out).toContain('A1:K17');
    expect(out).toContain('令和6年度');
    expect(out).toContain(t('notReady', 'ja'));
    const errorsAt = out.indexOf('エラー（4 件）');
    const warningsAt = out.indexOf('警告（');
    const infoAt = out.indexOf('情報（');
    expect(errorsAt).toBeGreaterThan(0);
    expect(warningsAt).toBeGreaterThan(errorsAt);
    expect(infoAt).toBeGreaterThan(warningsAt);
    const g13 = out.split('\n').find((l) => /^\s+G13\s/.test(l));
    expect(g13).toMatch(/達成度.*\[missing-grade\]/);
    // The stray-whitespace finding (J4, row 4) is listed under 情報 even though it is the first by position.
    expect(out.indexOf('J4 ')).toBeGreaterThan(infoAt);
  });

  it('says ready for the sample and speaks English with lang en', () => {
    expect(toText([fr('s.xlsx', sample)], 'ja')).toContain('提出できます');
    const en = toText([fr('s.xlsx', sample), fr('d.xlsx', draft), { file: 'x.xlsx', error: 'file not found' }], 'en');
    expect(en).toContain('Ready to submit');
    expect(en).toContain('Fix before submitting');
    expect(en).toContain('Could not read: file not found');
    expect(en).toContain('3 files: 1 ready, 1 need fixes, 1 unreadable');
    expect(en).toContain('FY2024');
  });

  it('can group by rule', () => {
    const out = toText([fr('d.xlsx', draft)], 'ja', { groupBy: 'rule' });
    expect(out).toMatch(/missing-grade（1 件）/);
  });
});

describe('toCsv', () => {
  it('writes one quoted RFC 4180 row per finding, with a BOM and CRLF', () => {
    const weird = '=A,"B"\nC';
    const res = checkSheet(withCell(draftData, 5, draft.layout!.columns.grade!, weird));
    const csv = toCsv([fr('=cmd.xlsx', res)], 'ja');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['ファイル', 'シート', 'セル', '重要度', 'ルール', '内容', '修正案']);
    expect(rows).toHaveLength(res.findings.length + 1);
    const g6 = rows.find((r) => r[2] === 'G6')!;
    expect(g6[0]).toBe("'=cmd.xlsx");
    expect(g6[3]).toBe('エラー');
    expect(g6[4]).toBe('invalid-grade');
    expect(g6[5]).toContain('=A,"B"');
    expect(rows.every((r) => r.length === 7)).toBe(true);
  });

  it('accepts a bare CheckResult and unreadable files', () => {
    const one = parseCsv(toCsv(sample, 'en', { file: 'book.xlsx', bom: false }));
    expect(one).toEqual([['File', 'Sheet', 'Cell', 'Severity', 'Rule', 'Message', 'Suggestion']]);
    const bad = parseCsv(toCsv([{ file: 'x.xlsx', error: 'damaged' }], 'en', { bom: false }));
    expect(bad[1]).toEqual(['x.xlsx', '', '', 'Error', '', 'Could not read: damaged', '']);
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+81', "'+81"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
  ])('csvField(%j) = %j', (input, out) => {
    expect(csvField(input)).toBe(out);
  });
});

describe('helpers', () => {
  it('fiscal year labels', () => {
    expect(fiscalYearLabel(2024, 'ja')).toBe('令和6年度（2024年度）');
    expect(fiscalYearLabel(2019, 'ja')).toBe('令和元年度（2019年度）');
    expect(fiscalYearLabel(2018, 'ja')).toBe('平成30年度（2018年度）');
    expect(fiscalYearLabel(2024, 'en')).toBe('FY2024');
    expect(fiscalYearLabel(null, 'ja')).toBe('記載なし');
  });

  it('t fills placeholders and English plurals', () => {
    expect(t('errorCount', 'en', { n: 1 })).toBe('1 error');
    expect(t('errorCount', 'en', { n: 3 })).toBe('3 errors');
    expect(t('errorCount', 'ja', { n: 3 })).toBe('エラー 3 件');
  });

  it('displayWidth counts wide characters twice', () => {
    expect(displayWidth('G13')).toBe(3);
    expect(displayWidth('列: 備考')).toBe(8);
  });

  it('pathToUri', () => {
    expect(pathToUri('seeds/a.xlsx')).toBe('seeds/a.xlsx');
    expect(pathToUri('/tmp/提出 #1.xlsx')).toBe('file:///tmp/%E6%8F%90%E5%87%BA%20%231.xlsx');
  });
});
