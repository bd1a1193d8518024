import { checkSheet } from '../../src/core/engine';
import { entersAsText, fixSpaces, reverseFixes, safeFixes } from '../../src/core/fixes';

describe('texts a fix may write', () => {
  it.each([
    ['B', true],
    ['', true],
    ['研修を実施', true],
    ['A-1', true],
    ['=SUM(A1)', false],
    ['+81', false],
    ['-', false],
    ['@x', false],
    ["'B", false],
    ['123', false],
    ['１２３', false],
    ['80%', false],
    ['2024/4/1', false],
    ['4/1', false],
    ['10:30', false],
    ['TRUE', false],
    ['#N/A', false],
    [' ', false],
  ])('%p stays text when written: %p', (s, ok) => {
    expect(entersAsText(s)).toBe(ok);
  });

  it('fixSpaces trims the edges and makes runs of spaces one, keeping line breaks', () => {
    expect(fixSpaces('　研修  を実施 ')).toBe('研修 を実施');
    expect(fixSpaces('一行目\n二行目　　です')).toBe('一行目\n二行目　です');
  });
});

const header = [
  '対象者',
  '取組内容',
  '実施計画',
  '目標',
  '実績',
  '達成度',
  '実績(年度)',
  '課題と今後の方向性',
  '実施機関及び関係機関',
];

function sheet(rows: (string | number | null)[][], formulas: (string | null)[][] = []) {
  return { name: 'S', top: 0, left: 0, values: [header, ...rows], formulas: [header.map(() => null), ...formulas] };
}

describe('rules attach fixes', () => {
  const row = (grade: string, text = '研修を実施') => [
    '職員',
    text,
    '年2回',
    '研修 10回',
    '研修 8回',
    grade,
    '実施した',
    '継続',
    '福祉課',
  ];

  it('grade-not-normalized, stray-whitespace and html-markup carry certain fixes; missing-grade a suggestion', () => {
    const r = checkSheet(sheet([row('Ｂ'), row('B', ' 研修  を実施'), row('B', '<p>研修</p>'), row('')]));
    const fixOf = (id: string) => r.findings.find((f) => f.ruleId === id)?.fix;
    expect(fixOf('grade-not-normalized')).toEqual({ row: 1, col: 5, from: 'Ｂ', to: 'B', safe: true });
    expect(fixOf('stray-whitespace')).toEqual({ row: 2, col: 1, from: ' 研修  を実施', to: '研修 を実施', safe: true });
    expect(fixOf('html-markup')).toEqual({ row: 3, col: 1, from: '<p>研修</p>', to: '研修', safe: true });
    expect(fixOf('missing-grade')).toMatchObject({ row: 4, col: 5, from: '', safe: false });
    expect(safeFixes(r.findings)).toHaveLength(3);
    expect(reverseFixes(safeFixes(r.findings))[0]).toMatchObject({ from: 'B', to: 'Ｂ' });
  });

  it('a cell with a formula gets no fix', () => {
    const r = checkSheet(sheet([row('Ｂ')], [[null, null, null, null, null, '="Ｂ"', null, null, null]]));
    expect(r.findings.filter((x) => x.row === 1 && x.col === 5 && x.fix)).toEqual([]);
  });
});
