/**
 * The hostile values the fuzzer writes into workbooks: cell texts (long, Japanese, formula-like,
 * escapes, surrogates, markup), numbers, cell references and ranges, names.
 */
import type { Rng } from './prng';

const MAX = 32767;

/** A unit repeated to n characters. */
function fill(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** The units whose long runs were the worst cases of the engine's text rules (bench/hostile-cells.ts). */
const LONG_UNITS = [
  ' ',
  ' \t',
  '<b',
  '<p',
  '、',
  '（',
  '1 ',
  '①',
  'あ',
  '1',
  '%',
  '1%',
  'A',
  '=',
  'a',
  '\n',
  '_x0041_',
  '&',
  '　',
  'Ａ',
];

const WORDS = [
  '達成',
  '未達成',
  '目標',
  '実績',
  '達成度',
  '評価',
  '進捗',
  '担当課',
  '年度',
  '令和6年度',
  '平成30年度',
  'R6',
  '１２３％',
  '100%',
  '50％',
  '1/2',
  'A',
  'B',
  'C',
  'D',
  'E',
  'S',
  '-',
  'ー',
  '―',
  '◎',
  '○',
  '△',
  '×',
  '高知県',
  '子ども・子育て課、教育委員会',
  '10人',
  '8人',
  '',
  ' ',
  '　',
  '\t',
  '\r\n',
  '\n\n\n',
];

const FORMULA_LIKE = [
  '=SUM(A1:A3)',
  '+1',
  '-1',
  '@x',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example","x")',
  '=1+1',
  '-',
  '=',
  '@',
  '+',
  '＝SUM(A1)',
  '\t=1',
  ' =1',
];

const MARKUP = [
  '<b>太字</b>',
  '<script>alert(1)</script>',
  '<p>段落<br>改行</p>',
  '<!-- x -->',
  ']]>',
  '&amp;amp;',
  '&lt;b&gt;',
  '<a href="javascript:x">x</a>',
  '<img src=x onerror=alert(1)>',
  '<<<<>>>>',
  '<b',
];

const ODD_CHARS = [
  '\uD800',
  '\uDFFF',
  '\uD83D',
  '\uDE00x',
  '\uFFFF',
  '\uFFFE',
  '\u0000',
  '\u0001',
  '\u001B[2J',
  '\u001B]0;title\u0007',
  '\u007F',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u200B',
  '\u202E',
  '\uFEFF',
  '😀',
  '𠮷',
  'é',
  '\u3099',
];

/** A cell text to write: decoded (what the cell should hold), before any XML escaping. */
export function hostileText(rng: Rng): string {
  switch (rng.int(7)) {
    case 0: {
      const n = rng.pick([100, 1000, 8000, MAX - 1, MAX, MAX + 1, 40000]);
      const s = fill(rng.pick(LONG_UNITS), n);
      return rng.chance(0.3) ? rng.pick(WORDS) + s : s;
    }
    case 1:
      return Array.from({ length: rng.range(1, 4) }, () => rng.pick(WORDS)).join(rng.pick(['', ' ', '、', '\n', '・']));
    case 2:
      return rng.pick(FORMULA_LIKE) + (rng.chance(0.5) ? rng.pick(WORDS) : '');
    case 3:
      return rng.pick(MARKUP);
    case 4:
      return rng.pick(WORDS) + rng.pick(ODD_CHARS) + rng.pick(WORDS);
    case 5:
      return rng.pick(ESCAPES);
    default:
      return rng.pick(NUMBER_TEXTS);
  }
}

/** OOXML "_xHHHH_" escapes and XML character references, as they appear in the part (not escaped again). */
export const ESCAPES = [
  '_x0000_',
  '_x001B_[2J',
  '_xFFFF_',
  '_xFFFE_',
  '_xD800_',
  '_xDFFF_',
  '_xD83D__xDE00_',
  '_x000D_',
  '_x000d_',
  '_x005F_x0041_',
  '_x0041',
  '_xZZZZ_',
  '&#0;',
  '&#x1;',
  '&#xFFFF;',
  '&#xD800;',
  '&#x110000;',
  '&#99999999999;',
  '&#x1F600;',
  '&#;',
  '&#x;',
  '&bogus;',
  '&amp',
  '\u001B',
  '\u0000',
  '\uFFFF',
  '<![CDATA[x]]>',
  '<![CDATA[',
  '<!-- c -->',
  '<?pi x?>',
  '\r\n',
  '\r',
];

const NUMBER_TEXTS = [
  '１０％',
  '1e308',
  'NaN',
  'Infinity',
  '-0',
  '0x10',
  '１/２',
  '1,000',
  '△5',
  '▲10',
  '50%以上',
  '0.5',
  '12/31',
  '2024/4/1',
];

/** Contents of a <v>. */
export const NUMBERS = [
  '0',
  '-0',
  '1e308',
  '-1e308',
  '1e309',
  '1e-320',
  'NaN',
  'Infinity',
  '',
  'abc',
  '99999999',
  '-1',
  '0.5',
  '1.5',
  '45000',
  '2958465',
  '2958466',
  '-693594',
  '60',
  'TRUE',
  '#REF!',
  '1'.repeat(400),
  ' 1 ',
  '0x1F',
];

/** Values of r="…" on a cell or a row. */
export const CELL_REFS = [
  'A1',
  'XFD1048576',
  'XFE1',
  'A1048577',
  'A2000000000',
  'A0',
  'a1',
  '1A',
  '',
  '-1',
  'A-1',
  'ZZZZZZ1',
  'A99999999999999999999',
  'A1:B2',
  '$A$1',
  'A 1',
  '１',
  '0',
  '1048576',
  '1048577',
  '2000000000',
  '4294967297',
  '1e9',
  'NaN',
  'x',
  '99999999999999999999',
];

/** Values of ref / sqref: ranges. */
export const RANGES = [
  'A1:XFD1048576',
  'A:A',
  'A:J',
  '1:1048576',
  'A1:A2000000000',
  'A1:J1048576',
  'B2:A1',
  'A1:',
  ':',
  'A1:B2:C3',
  '',
  'A1 B2 C3:D4',
  'XFD1048576:A1',
  'A1:XFE1',
  'A1:B2 '.repeat(5000).trim(),
  'A1:A1',
  'A0:B0',
  '$A$1:$B$3',
  'A1:B2,C3:D4',
];

export const NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  '集計',
  "'",
  'a'.repeat(300),
  '進捗管理表',
  '\u0000',
  'valueOf',
  '__defineGetter__',
];

export const INTS = ['0', '-1', '1', '2', '999999', '4294967296', '1e308', 'NaN', '', 'x', '1.5', '-0', '65536'];

export const TARGETS = [
  'worksheets/sheet1.xml',
  '/xl/worksheets/sheet1.xml',
  'worksheets/sheet2.xml',
  '../../../etc/passwd',
  'http://evil.example/x',
  'worksheets/../worksheets/sheet1.xml',
  '',
  'sharedStrings.xml',
  'file:///etc/passwd',
  'worksheets/sheet1.xml#x',
];

/** A value for an attribute of this name. */
export function attrValue(rng: Rng, name: string): string {
  switch (name) {
    case 'r':
      return rng.pick(CELL_REFS);
    case 'ref':
    case 'sqref':
    case 'spans':
      return rng.pick(RANGES);
    case 't':
      return rng.pick(['s', 'str', 'inlineStr', 'n', 'b', 'e', 'd', 'bogus', '', 'shared', 'array', 'normal']);
    case 'name':
      return rng.pick(NAMES);
    case 'Target':
      return rng.pick(TARGETS);
    case 'formatCode':
      return rng.pick([
        'yyyy/m/d',
        '0%',
        '[$-F800]dddd, mmmm dd, yyyy',
        '@',
        '&quot;',
        '\\',
        '[h]:mm:ss',
        '0.00E+00',
        '[Red]#,##0;[Blue]-#,##0',
        'y'.repeat(10000),
        '',
        'ge.m.d',
      ]);
    case 'state':
      return rng.pick(['visible', 'hidden', 'veryHidden', '', 'bogus']);
    default:
      return rng.chance(0.7)
        ? rng.pick(INTS)
        : rng.pick([
            '',
            'x'.repeat(100000),
            '&amp;',
            '&bogus;',
            '&#0;',
            '&#x110000;',
            '&#xFFFF;',
            '_xFFFF_',
            '__proto__',
            '<',
            '"',
            'rId1',
            'rId999',
          ]);
  }
}

/** Text escaped for an XML text node or attribute value. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
