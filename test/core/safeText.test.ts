import { checkSheet } from '../../src/core/engine';
import { toText } from '../../src/core/report';
import { safeFileName, safeText } from '../../src/core/safeText';
import { seedTable } from '../helpers/table';

describe('safeText', () => {
  it.each<[string, string, string]>([
    ['plain Japanese', '進捗管理表 A1 → B', '進捗管理表 A1 → B'],
    ['ESC of a colour sequence', '\u001b[31m赤', '\\x1b[31m赤'],
    ['OSC 52 clipboard write', '\u001b]52;c;ZWNobw==\u0007', '\\x1b]52;c;ZWNobw==\\x07'],
    ['line break, return, tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['NUL and DEL', '\u0000x\u007f', '\\x00x\\x7f'],
    ['a C1 control (CSI)', '\u009b2J', '\\x9b2J'],
    ['right-to-left override', 'abc\u202exslx.exe', 'abc\\u202exslx.exe'],
    ['isolates and marks', '\u2066\u200f\u061c', '\\u2066\\u200f\\u061c'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['zero-width space and BOM', '\u200b\ufeff', '\\u200b\\ufeff'],
    ['a backslash stays', 'C:\\data\\a.xlsx', 'C:\\data\\a.xlsx'],
    ['emoji and ZWJ stay', '👩‍💻', '👩‍💻'],
  ])('%s', (_name, input, shown) => {
    expect(safeText(input)).toBe(shown);
  });
});

describe('safeFileName', () => {
  it.each<[string, string]>([
    ['data/高知県.xlsx', 'data/高知県.xlsx'],
    ['my file.xlsx', 'my file.xlsx'],
    ['a\n■ b.xlsx — シート「x」', '"a\\n■ b.xlsx — シート「x」"'],
    [' lead.xlsx', '" lead.xlsx"'],
    ['say "hi".xlsx', '"say \\"hi\\".xlsx"'],
    ['x\u202egpj.xlsx', '"x\\u202egpj.xlsx"'],
    ['', '""'],
  ])('%j is shown as %s', (name, shown) => {
    expect(safeFileName(name)).toBe(shown);
  });
});

describe('toText on hostile files', () => {
  const ESC = '\u001b';
  const { sheet } = seedTable([{ kpi_target: '10人', kpi_actual: '8人', grade: `${ESC}]0;pwned${ESC}\\${ESC}[2J` }]);
  const result = checkSheet(sheet);
  const out = toText(
    [
      { file: 'ok.xlsx\n■ forged.xlsx — シート「進捗管理表」\n  判定: 提出できます', sheet: `S${ESC}[1m`, result },
      { file: `bad${ESC}c.xlsx`, error: `cannot read ${ESC}[2J` },
    ],
    'ja',
  );

  it('holds no control character but the line breaks it writes', () => {
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('shows the cell text and names escaped, and quotes the odd file names', () => {
    expect(out).toContain('\\x1b]0;pwned\\x1b\\\\x1b[2J');
    expect(out).toContain('■ "ok.xlsx\\n■ forged.xlsx — シート「進捗管理表」\\n  判定: 提出できます" — ');
    expect(out).toContain('S\\x1b[1m');
    expect(out).toContain('■ "bad\\x1bc.xlsx"');
    expect(out).toContain('cannot read \\x1b[2J');
  });

  it('lets no file name forge a line of its own', () => {
    expect(out.split('\n').filter((l) => l.startsWith('■'))).toHaveLength(2);
    expect(out.split('\n').some((l) => l.startsWith('  判定: 提出できます'))).toBe(false);
  });
});

describe('toText on many findings', () => {
  it('prints 140,000 findings, grouped by severity or by rule', () => {
    const { sheet } = seedTable([{ kpi_target: '10人', kpi_actual: '8人', grade: 'Z' }]);
    const result = checkSheet(sheet);
    const one = result.findings.find((f) => f.ruleId === 'invalid-grade')!;
    const findings = Array.from({ length: 140_000 }, (_, i) => ({ ...one, row: i }));
    const many = { ...result, findings };
    for (const groupBy of ['severity', 'rule'] as const) {
      const out = toText([{ file: 'many.xlsx', sheet: 'S', result: many }], 'en', { groupBy });
      expect(out.split('\n').filter((l) => /\[(?:invalid-grade|Error)\]$/.test(l))).toHaveLength(140_000);
    }
  });
});
