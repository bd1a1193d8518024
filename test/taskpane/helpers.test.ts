import type { Finding } from '../../src/core/types';
import { exportText, reportFileName } from '../../src/taskpane/download';
import { isDarkColor, langFromDisplayLanguage, readEnv } from '../../src/taskpane/env';
import { groupFindings } from '../../src/taskpane/groups';
import { p } from '../../src/taskpane/strings';

describe('the pane language', () => {
  it.each([
    ['ja-JP', 'ja'],
    ['ja', 'ja'],
    ['JA-jp', 'ja'],
    [undefined, 'ja'],
    ['', 'ja'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    ['jv-ID', 'en'],
  ])('Office display language %p → %s', (dl, lang) => {
    expect(langFromDisplayLanguage(dl)).toBe(lang);
  });
});

describe('the Office theme', () => {
  it.each([
    ['#1F1F1F', true],
    ['#262626', true],
    ['#333333', true],
    ['#FFFFFF', false],
    ['#E6E6E6', false],
    ['#F0F0F0', false],
    ['nonsense', false],
    [undefined, false],
  ])('body background %p is dark: %p', (c, dark) => {
    expect(isDarkColor(c)).toBe(dark);
  });
});

describe('opened from the ribbon', () => {
  const g = globalThis as { window?: unknown };
  beforeAll(() => {
    g.window = { location: { search: '' }, localStorage: { getItem: () => null, setItem: () => undefined } };
  });
  afterAll(() => {
    delete g.window;
  });
  it('?run=1 (and Office’s own parameters around it) means validate at once', () => {
    expect(readEnv('?_host_Info=Excel$Win32$16.01$ja-JP&run=1').autoRun).toBe(true);
    expect(readEnv('?run=1').autoRun).toBe(true);
    expect(readEnv('').autoRun).toBe(false);
    expect(readEnv('?run=0').autoRun).toBe(false);
  });
});

describe('report file names', () => {
  it('carry the sheet name, made safe for every file system', () => {
    expect(reportFileName('進捗管理表', 'csv')).toBe('kpi-check_進捗管理表.csv');
    expect(reportFileName('R6/上期:案*', 'json')).toBe('kpi-check_R6_上期_案_.json');
    expect(reportFileName('a\u0000b\tc', 'csv')).toBe('kpi-check_a_b_c.csv');
    expect(reportFileName(' .. ', 'json')).toBe('kpi-check_sheet.json');
    expect(reportFileName('x'.repeat(200), 'csv')).toHaveLength('kpi-check_'.length + 80 + 4);
  });

  it('carry the workbook name and the date, so reports of several files and days do not collide', () => {
    const d = new Date(2026, 11, 2, 23, 59);
    expect(reportFileName('進捗管理表', 'csv', '高知県_進捗.xlsx', d)).toBe('kpi-check_高知県_進捗_進捗管理表_20261202.csv');
    expect(reportFileName('進捗管理表', 'json', 'a/b:c.XLSM', d)).toBe('kpi-check_a_b_c_進捗管理表_20261202.json');
    expect(reportFileName('S', 'csv', null, d)).toBe('kpi-check_S_20261202.csv');
    expect(reportFileName('S', 'csv', ' .xlsx', d)).toBe('kpi-check_S_20261202.csv');
  });
});

describe('export on Excel for Mac', () => {
  it('goes to the clipboard, or is shown to copy when the clipboard is refused; elsewhere it downloads', async () => {
    const copied: string[] = [];
    expect(await exportText('Mac', 'r.csv', 'a,b', 'text/csv', { writeText: async (t) => void copied.push(t) })).toBe('copied');
    expect(copied).toEqual(['a,b']);
    const refuse = { writeText: () => Promise.reject(new Error('NotAllowedError')) };
    expect(await exportText('Mac', 'r.csv', 'a,b', 'text/csv', refuse)).toBe('shown');
    expect(await exportText('Mac', 'r.csv', 'a,b', 'text/csv', null)).toBe('shown');
  });
});

describe('grouping findings by rule', () => {
  const f = (ruleId: string, severity: Finding['severity'], row: number): Finding => ({
    ruleId,
    severity,
    row,
    col: 0,
    messageId: 'x',
    data: {},
  });
  it('puts errors first with the missing grade leading, then warnings, then infos', () => {
    const groups = groupFindings([
      f('stray-whitespace', 'info', 1),
      f('html-markup', 'warning', 2),
      f('required-cell-empty', 'error', 3),
      f('missing-grade', 'error', 4),
      f('required-cell-empty', 'error', 5),
      f('grade-not-normalized', 'warning', 6),
    ]);
    expect(groups.map((g) => [g.severity, g.ruleId, g.findings.length])).toEqual([
      ['error', 'missing-grade', 1],
      ['error', 'required-cell-empty', 2],
      ['warning', 'grade-not-normalized', 1],
      ['warning', 'html-markup', 1],
      ['info', 'stray-whitespace', 1],
    ]);
  });
  it('keeps a rule run at two severities (a profile override) apart', () => {
    const groups = groupFindings([f('html-markup', 'error', 1), f('html-markup', 'warning', 2)]);
    expect(groups.map((g) => g.severity)).toEqual(['error', 'warning']);
  });
});

describe('pane words', () => {
  it('fill placeholders and English plurals', () => {
    expect(p('highlighted', 'ja', { n: 3 })).toBe('3 個のセルに色を付けました。');
    expect(p('highlighted', 'en', { n: 1 })).toBe('Highlighted 1 cell.');
    expect(p('highlighted', 'en', { n: 2 })).toBe('Highlighted 2 cells.');
    expect(p('summaryInserted', 'en', { name: '集計' })).toBe('Inserted the summary sheet "集計".');
  });
});
