/**
 * Hostile cell text (issue 11, item 3): every pattern the core runs on cell text costs linear time.
 * Each test feeds the input that was quadratic before (seconds for one 32,767-character cell) and
 * asserts what comes out; the cost itself is measured by `npm run bench` (section "Hostile cells").
 * The property tests hold the linear versions to the patterns they replace, on short texts.
 */
import fc from 'fast-check';
import { checkSheet } from '../../src/core/engine';
import { Grid } from '../../src/core/grid';
import { parseKpiAmount, rateFromCell } from '../../src/core/kpi';
import { parseLegend } from '../../src/core/legend';
import { cutText, MAX_CELL_CHARS } from '../../src/core/limits';
import { preview } from '../../src/core/rules/util';
import { splitAgencies } from '../../src/core/summary';
import { hasHtmlMarkup, htmlToText } from '../../src/core/text';
import { seedTable } from '../helpers/table';

const N = MAX_CELL_CHARS;
/** u repeated to exactly n characters, then tail. */
const fill = (u: string, n: number, tail = '') => u.repeat(Math.ceil(n / u.length)).slice(0, n - tail.length) + tail;

describe('hostile cell text: linear rules, same results', () => {
  it('preview: a cell of spaces and tabs', () => {
    expect(preview(fill(' ', N, 'x'))).toBe('x');
    expect(preview('a' + fill(' \t\u3000', N - 2) + 'b')).toBe('a b');
    expect(preview('a' + fill(' \t', N - 3) + '\nb')).toBe('a / b');
    expect(preview(fill('\u3000', N))).toBe('');
  });

  it('splitAgencies: a cell of spaces, with and without a note', () => {
    expect(splitAgencies(fill(' ', N, 'x'))).toEqual(['x']);
    expect(splitAgencies('県' + fill(' ', N - 3) + '※注')).toEqual(['県']);
    expect(splitAgencies(fill('\u3000', N))).toEqual([]);
    expect(splitAgencies(fill('A *', N))).toEqual(['A']);
  });

  it('rateFromCell: a number followed by spaces', () => {
    expect(rateFromCell('1' + fill(' ', N - 2) + 'x', null, null)).toBeNull();
    expect(rateFromCell('25' + fill(' ', N - 3) + '%', null, null)).toBe(25);
    expect(rateFromCell(fill(' ', N - 3) + '0.5', null, null)).toBe(50);
    expect(rateFromCell(fill('1', N), null, null)).toBeNull(); // too big to be a number
  });

  it('hasHtmlMarkup: many tag openings without a ">"', () => {
    expect(hasHtmlMarkup(fill('<b', N))).toBe(false);
    expect(hasHtmlMarkup(fill('<li', N, 'x'))).toBe(false);
    expect(hasHtmlMarkup(fill('<p', N, '>'))).toBe(true);
    expect(hasHtmlMarkup(fill('<', N, '&amp;'))).toBe(true);
  });

  it('htmlToText: many tag openings without a ">" stay text; with one, they are one tag', () => {
    expect(htmlToText(fill('<p', N))).toBe(fill('<p', N));
    expect(htmlToText(fill('<a ', N - 1))).toBe(fill('<a ', N - 1).trim());
    expect(htmlToText(fill('<li', N, 'x'))).toBe(fill('<li', N, 'x'));
    expect(htmlToText(fill('<li', N - 2, '>') + '項目')).toBe('項目');
  });

  it('parseLegend: a meaning ending in a long run of 、', () => {
    const legend = parseLegend([{ row: 0, col: 0, text: 'A：目標達成 B：未達成' + fill('、', N - 13) }]);
    expect(legend?.steps.map((s) => [s.grade, s.meaning])).toEqual([
      ['A', '目標達成'],
      ['B', '未達成'],
    ]);
    // The meaning is a paragraph when something follows the run: no legend.
    expect(parseLegend([{ row: 0, col: 0, text: 'A：目標達成 B：' + fill('、', N - 9, 'x') }])).toBeNull();
  });

  it('parseKpiAmount: a run of digits (found by the fuzzer: a pattern started inside the run rescanned it)', () => {
    // Too many digits for a figure, and an ordinal (第…期): no amount either way, in linear time.
    expect(parseKpiAmount(fill('1', N))).toBeNull();
    expect(parseKpiAmount('第' + fill('1', N - 2) + '期')).toBeNull();
    expect(parseKpiAmount('12345')).toMatchObject({ value: 12345 });
  });

  it('a table with a worst-case cell in every column is checked whole', () => {
    for (const u of [' ', '<b', '（', '、', '1 ', '①', '1']) {
      const text = fill(u, N, 'x');
      const roles = ['initiative', 'plan', 'kpi_target', 'kpi_actual', 'grade', 'results', 'issues', 'agencies', 'remarks'];
      const hostile = Object.fromEntries(roles.map((r) => [r, text]));
      const { sheet, rows } = seedTable([{ kpi_target: '10人', kpi_actual: '8人', grade: 'B' }, hostile]);
      const result = checkSheet(sheet);
      expect(result.layout?.dataRows.map((d) => d.row)).toEqual(rows);
      expect(result.findings.some((f) => f.ruleId === 'invalid-grade' && f.row === rows[1])).toBe(true);
    }
  });
});

describe('cells longer than Excel allows', () => {
  it('are cut to MAX_CELL_CHARS where the core reads them', () => {
    const grid = new Grid({ name: 'S', top: 0, left: 0, values: [[fill('あ', N + 100), 'short']] });
    expect(MAX_CELL_CHARS).toBe(32767);
    expect(grid.text(0, 0)).toBe(fill('あ', N));
    expect(grid.text(0, 1)).toBe('short');
  });

  it('never inside a surrogate pair', () => {
    const s = fill('a', N - 1) + '😀😀';
    expect(cutText(s, N)).toBe(fill('a', N - 1));
    expect(cutText('a😀', 3)).toBe('a😀');
    expect(cutText('abc', 2)).toBe('ab');
  });
});

describe('the linear versions match the patterns they replace', () => {
  const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map((a) => a.join(''));
  const opts = { numRuns: 400 };

  it('ordinals in KPI amounts ("2期", "3番目"): matched only from the first digit of a run, the same matches', () => {
    const before = /\d+\s*(?:つ目|番目|次|期)/gu;
    const after = /(?<!\d)\d+\s*(?:つ目|番目|次|期)/gu;
    const all = (re: RegExp, t: string) => [...t.matchAll(re)].map((m) => [m.index, m[0]]);
    fc.assert(
      fc.property(text(['1', '2', ' ', '期', '番目', '次', 'つ目', 'x']), (t) => {
        expect(all(after, t)).toEqual(all(before, t));
      }),
      opts,
    );
  });

  it('preview', () => {
    const before = (t: string) => {
      const one = t
        .replace(/\s*[\r\n]+\s*/g, ' / ')
        .replace(/[ \t\u3000]+/g, ' ')
        .trim();
      const chars = [...one];
      return chars.length > 8 ? chars.slice(0, 8).join('') + '…' : one;
    };
    fc.assert(
      fc.property(text([' ', '\t', '\u3000', '\n', '\r', '\u00a0', '\v', 'a', 'あ']), (t) => preview(t, 8) === before(t)),
      opts,
    );
  });

  it('splitAgencies', () => {
    const before = (t: string) =>
      t
        .split(/[、,，\n\r]+/)
        .map((s) => s.replace(/\s*[*＊※].*$/, '').trim())
        .filter((s) => s !== '');
    fc.assert(
      fc.property(text([' ', '、', '\n', '*', '＊', '※', '\u2028', 'A', '県']), (t) => {
        expect(splitAgencies(t)).toEqual(before(t));
      }),
      opts,
    );
  });

  it('hasHtmlMarkup and htmlToText', () => {
    const TAG_RE =
      /<\/?(?:ul|ol|li|p|br|hr|div|span|b|i|u|s|strong|em|font|table|thead|tbody|tr|td|th|a|img|script|style|iframe|svg|object|embed|h[1-6])\b[^>]*>/i;
    const hadMarkup = (s: string) => TAG_RE.test(s) || /&(?:nbsp|amp|lt|gt|quot);/.test(s);
    const before = (s: string) =>
      s
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<li\b[^>]*>/gi, '\n')
        .replace(/<\/(?:p|div|li|ul|ol|tr)>/gi, '\n')
        .replace(/<(?:p|div|ul|ol|tr)\b[^>]*>/gi, '\n')
        .replace(/<\/?[a-z][^>]*>/gi, '')
        .replace(/&nbsp;/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .split('\n')
        .map((l) => l.replace(/[ \t\u3000]+/g, ' ').trim())
        .filter((l) => l !== '')
        .join('\n')
        .trim();
    const pieces = ['<', '>', '/', 'b', 'li', 'p', 'br', 'x', ' ', 'div', 'L', '&amp;', '&lt;', '\n', 'あ'];
    fc.assert(
      fc.property(text(pieces), (t) => {
        expect(hasHtmlMarkup(t)).toBe(hadMarkup(t));
        expect(htmlToText(t)).toBe(before(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('rateFromCell', () => {
    const before = (v: string) => {
      const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(v.normalize('NFKC').replace(/,/g, ''));
      if (!m) return null;
      const n = Number(m[1]);
      return m[2] === '%' ? n : Math.abs(n) <= 3 ? n * 100 : n;
    };
    fc.assert(
      fc.property(text([' ', '\u3000', '1', '2', '.', '%', '％', '-', ',', 'x']), (t) => {
        expect(rateFromCell(t, null, null)).toBe(before(t));
      }),
      opts,
    );
  });
});
