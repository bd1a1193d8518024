import { checkSheet } from '../../src/core/engine';
import { Grid, type CellValue } from '../../src/core/grid';
import {
  annotationYear,
  baseAmount,
  gradeForRate,
  isNoKpiMark,
  normalizeGrade,
  parseKpiAmount,
  parseKpiRows,
  parseKpiText,
  ratePercent,
} from '../../src/core/kpi';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import type { Layout } from '../../src/core/types';
import { SEED_ACTUAL, SEED_GRADE, SEED_TARGET } from '../helpers/seedKpi';
import { seedTable } from '../helpers/table';

/** Rows of [target, actual, rate, grade] in columns A–D, all data rows. */
function rows(cells: CellValue[][], fiscalYear: number | null = 2024) {
  const grid = new Grid({ name: 's', top: 0, left: 0, values: cells });
  const layout: Layout = {
    range: { top: 0, left: 0, bottom: Math.max(0, cells.length - 1), right: 3 },
    headerRows: [],
    fiscalYear,
    columns: { kpi_target: 0, kpi_actual: 1, rate: 2, grade: 3 },
    duplicates: [],
    headerCells: [],
    sections: [],
    dataRows: cells.map((_, row) => ({ row, section: -1, label: '', targetGroup: '' })),
    repeatedHeaderRows: [],
    series: [],
    fiscalYearSource: null,
    family: 'kpi',
    commentaryRows: [],
    nearTexts: [],
  };
  return parseKpiRows(grid, layout, DEFAULT_PROFILE);
}

const amount = (text: string, opts: Parameters<typeof parseKpiAmount>[1] = { fiscalYear: 2024 }) => {
  const a = parseKpiAmount(text, opts);
  return a && { value: a.value, unit: a.unit };
};

describe('the seed KPI', () => {
  it('reads the fiscal-year target from the annotation (32, not 54)', () => {
    expect(parseKpiText(SEED_TARGET, { kind: 'target', fiscalYear: 2024 })).toEqual([
      { index: 1, text: expect.stringContaining('人數 54人'), amount: { value: 32, unit: '人', source: '32人' } },
    ]);
  });

  it('ignores the prior-year figure in parentheses (8, not 4)', () => {
    expect(parseKpiText(SEED_ACTUAL, { kind: 'actual', fiscalYear: 2024 })).toEqual([
      { index: 1, text: expect.stringContaining('人數 8人'), amount: { value: 8, unit: '人', source: '8人' } },
    ]);
  });

  it('comes out as 8 ÷ 32 = 25 % → D', () => {
    const [k] = rows([[SEED_TARGET, SEED_ACTUAL, null, SEED_GRADE]]);
    expect(k).toMatchObject({
      hasKpi: true,
      hasActual: true,
      ratePercent: 25,
      gradeStatus: 'valid',
      grade: 'D',
      unparsed: false,
    });
    expect(k!.items).toEqual([
      {
        index: 1,
        target: { value: 32, unit: '人', source: '32人' },
        actual: { value: 8, unit: '人', source: '8人' },
        ratePercent: 25,
      },
    ]);
    expect(gradeForRate(k!.ratePercent!, DEFAULT_PROFILE)).toBe('D');
  });

  it('passes through the engine on a seed-like sheet with no KPI findings', () => {
    const t = seedTable([{ label: 'ア' }, { label: 'イ', kpi_target: SEED_TARGET, kpi_actual: SEED_ACTUAL, grade: SEED_GRADE }], {
      mergeTargetGroup: true,
    });
    const r = checkSheet(t.sheet);
    expect(r.kpis.map((k) => [k.row, k.hasKpi, k.ratePercent, k.grade])).toEqual([
      [t.rows[0], false, null, '-'],
      [t.rows[1], true, 25, 'D'],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('without a fiscal year it does not guess which annotation is this year’s', () => {
    expect(amount(SEED_TARGET, { kind: 'target', fiscalYear: null })).toEqual({ value: 54, unit: '人' });
    expect(amount(SEED_TARGET, { kind: 'target', fiscalYear: 2025 })).toEqual({ value: 54, unit: '人' });
  });
});

describe('parseKpiAmount', () => {
  it.each<[string, string, { value: number; unit: string } | null]>([
    ['full-width digits and commas', '目標：１，２００人', { value: 1200, unit: '人' }],
    ['half-width commas', '延べ参加者数 12,345人', { value: 12345, unit: '人' }],
    ['a decimal percent', '就職率 12.5％', { value: 12.5, unit: '%' }],
    ['パーセント', '満足度 80パーセント', { value: 80, unit: '%' }],
    ['件', '相談件数 120件', { value: 120, unit: '件' }],
    ['回', '研修会の開催 年3回', { value: 3, unit: '回' }],
    ['か所', '居場所 5か所', { value: 5, unit: 'か所' }],
    ['箇所', '居場所 5箇所', { value: 5, unit: 'か所' }],
    ['カ所', '居場所 5カ所', { value: 5, unit: 'か所' }],
    ['ヶ所', '居場所 5ヶ所', { value: 5, unit: 'か所' }],
    ['市町村 (not 市)', '実施市町村数 20市町村', { value: 20, unit: '市町村' }],
    ['団体', '協力団体 15団体', { value: 15, unit: '団体' }],
    ['事業所', '認定就労訓練事業所 8事業所', { value: 8, unit: '事業所' }],
    ['名 read as 人', '参加者 30名', { value: 30, unit: '人' }],
    ['万人', '来場者 1.5万人', { value: 1.5, unit: '万人' }],
    ['万円', '補助金 250万円', { value: 250, unit: '万円' }],
    ['割 read as percent', '参加率 3割', { value: 30, unit: '%' }],
    ['a bare number', '目標 32', { value: 32, unit: '' }],
    ['a year before the figure', '令和6年度末までに 40人', { value: 40, unit: '人' }],
    ['a date before the figure', 'R7.3月末時点 12人', { value: 12, unit: '人' }],
    ['a western year', '2024年度 100件', { value: 100, unit: '件' }],
    ['an ordinal', '第2期計画期間中に 6回', { value: 6, unit: '回' }],
    ['the figure, not a sub-figure in parentheses', '参加者 20人（うち女性5人）', { value: 20, unit: '人' }],
    ['a figure only in parentheses', '就労につながった人数（32人）', { value: 32, unit: '人' }],
    ['no number at all', '就労体験の機会を拡大する', null],
    ['"-"', '-', null],
    ['a year only', '令和6年度', null],
  ])('%s: %s', (_name, text, expected) => {
    expect(amount(text)).toEqual(expected);
  });

  it('prefers a this-year annotation of its own kind and ignores the other kind', () => {
    expect(amount('累計 100人（令和6年度目標：40人）', { kind: 'target', fiscalYear: 2024 })).toEqual({ value: 40, unit: '人' });
    expect(amount('累計 100人（令和6年度目標：40人）', { kind: 'actual', fiscalYear: 2024 })).toEqual({ value: 100, unit: '人' });
    expect(amount('10人（R6年度実績：12人）', { kind: 'actual', fiscalYear: 2024 })).toEqual({ value: 12, unit: '人' });
    expect(amount('10人（R6年度実績：12人）', { kind: 'target', fiscalYear: 2024 })).toEqual({ value: 10, unit: '人' });
    expect(amount('12人（現状値：4人）', { kind: 'target', fiscalYear: 2024 })).toEqual({ value: 12, unit: '人' });
    // A date annotation counts in the fiscal year it falls in (March 2025 → FY2024).
    expect(amount('10人（R7.3月末時点：12人）', { kind: 'actual', fiscalYear: 2024 })).toEqual({ value: 12, unit: '人' });
  });

  it('prefers the unit of the target when the actual holds several figures', () => {
    expect(amount('就労体験拠点 3拠点で延べ 25人', { kind: 'actual', unitHint: '人' })).toEqual({ value: 25, unit: '人' });
    expect(amount('延べ 25人が 3拠点を利用', { kind: 'actual', unitHint: '拠点' })).toEqual({ value: 3, unit: '拠点' });
    expect(amount('延べ 25人が 3拠点を利用', { kind: 'actual' })).toEqual({ value: 3, unit: '拠点' });
  });
});

describe('annotationYear', () => {
  it.each<[string, number | null]>([
    ['R6年度到達目標：32人', 2024],
    ['R5年度実績：4人', 2023],
    ['令和元年度', 2019],
    ['２０２４年度', 2024],
    ['R7.3月末時点', 2024],
    ['令和6年4月1日現在', 2024],
    ['うち女性5人', null],
  ])('%s → %s', (text, year) => {
    expect(annotationYear(text)).toBe(year);
  });
});

describe('parseKpiText: several KPIs in one cell', () => {
  it('splits at ①②… and reads each', () => {
    const items = parseKpiText('【県】①相談件数 120件\n②研修の開催 3回\n③居場所 5ヶ所', { fiscalYear: 2024 });
    expect(items.map((i) => [i.index, i.amount?.value, i.amount?.unit])).toEqual([
      [1, 120, '件'],
      [2, 3, '回'],
      [3, 5, 'か所'],
    ]);
  });

  it('reads an unnumbered cell as one KPI with index 0, and an empty cell as none', () => {
    expect(parseKpiText('参加者 30名').map((i) => [i.index, i.amount?.value])).toEqual([[0, 30]]);
    expect(parseKpiText('  ')).toEqual([]);
  });

  it('reads cells with list markup as staff see them', () => {
    expect(parseKpiText('<p>①参加者 10人</p><ul><li>②相談 4件</li></ul>').map((i) => i.amount?.source)).toEqual(['10人', '4件']);
  });
});

describe('parseKpiRows', () => {
  it('pairs numbered targets and actuals by their number, not their order', () => {
    const [k] = rows([['①研修 10人\n②相談 20件', '②相談 10件\n①研修 5人', null, 'C']]);
    expect(k!.items.map((i) => [i.index, i.target?.value, i.actual?.value, i.ratePercent])).toEqual([
      [1, 10, 5, 50],
      [2, 20, 10, 50],
    ]);
    expect(k!.ratePercent).toBe(50);
  });

  it('pairs an unnumbered actual with a single numbered target', () => {
    const [k] = rows([[SEED_TARGET, '8人', null, 'D']]);
    expect(k!.items).toHaveLength(1);
    expect(k!.ratePercent).toBe(25);
  });

  it.each<[string, string, CellValue, [number, number | null, number | null, number | null][]]>([
    ['a numbered target, the actual unnumbered', '①研修 10人', '5人', [[1, 10, 5, 50]]],
    ['the target unnumbered, a numbered actual', '研修 10人', '②研修 5人', [[2, 10, 5, 50]]],
    ['both with the same number', '②研修 10人', '②研修 5人', [[2, 10, 5, 50]]],
    [
      'different numbers: two KPIs, each one-sided',
      '②研修 10人',
      '①研修 5人',
      [
        [1, null, 5, null],
        [2, 10, null, null],
      ],
    ],
    ['a target and no actual', '研修 10人', null, [[0, 10, null, null]]],
  ])('pairs one piece a side: %s', (_name, target, actual, expected) => {
    const [k] = rows([[target, actual, null, 'C']]);
    expect(k!.items.map((i) => [i.index, i.target?.value ?? null, i.actual?.value ?? null, i.ratePercent])).toEqual(expected);
  });

  it('does not compute a rate across different units', () => {
    const [k] = rows([['10人', '3回', null, 'A']]);
    expect(k).toMatchObject({ ratePercent: null, unparsed: false });
  });

  it('compares 万人 with 人 in base units', () => {
    const [k] = rows([['来場者 1.5万人', '来場者 12,000人', null, 'B']]);
    expect(k!.ratePercent).toBeCloseTo(80);
    expect(baseAmount({ value: 1.5, unit: '万人', source: '' })).toEqual({ value: 15000, unit: '人' });
  });

  it.each<[string, CellValue, number | null]>([
    ['a fraction (formatted as %)', 0.25, 25],
    ['a percent number', 25, 25],
    ['percent text', '25%', 25],
    ['an error value (falls back to the computed rate)', '#DIV/0!', 25],
    ['"-" (falls back to the computed rate)', '-', 25],
  ])('reads the rate column: %s', (_name, rate, expected) => {
    const [k] = rows([[32, 8, rate, 'D']]);
    expect(k!.ratePercent).toBe(expected);
  });

  it('reads numeric KPI columns and a rate column without target/actual numbers', () => {
    const [a, b] = rows([
      [32, 8, null, 'D'],
      ['相談件数', '増加', 0.9, 'B'],
    ]);
    expect(a).toMatchObject({ hasKpi: true, ratePercent: 25, unparsed: false });
    expect(a!.items[0]!.target).toEqual({ value: 32, unit: '', source: '32' });
    expect(b).toMatchObject({ hasKpi: true, ratePercent: 90, unparsed: false });
  });

  it('marks a row unparsed when nothing can be read, and never guesses a rate', () => {
    const [a, b, c] = rows([
      ['就労体験の機会を拡大する', '拡大した', null, 'B'],
      ['相談件数 100件', '集計後に報告', null, 'B'],
      ['相談件数 100件', null, null, null],
    ]);
    expect(a).toMatchObject({ unparsed: true, ratePercent: null });
    expect(b).toMatchObject({ unparsed: true, ratePercent: null });
    expect(c).toMatchObject({ unparsed: false, hasActual: false, ratePercent: null });
  });

  it.each<[string, CellValue]>([
    ['"-"', '-'],
    ['a full-width dash', '－'],
    ['a long-vowel mark', 'ー'],
    ['なし', 'なし'],
    ['該当なし', '該当なし'],
    ['empty', null],
  ])('reads %s in the target as no KPI', (_name, target) => {
    const [k] = rows([[target, '-', null, '-']]);
    expect(k).toMatchObject({ hasKpi: false, hasActual: false, items: [], ratePercent: null, unparsed: false });
  });

  it('gives one KpiRow per data row, in order', () => {
    const out = rows([
      [10, 5, null, 'C'],
      ['-', '-', null, '-'],
      [null, null, null, null],
    ]);
    expect(out.map((k) => k.row)).toEqual([0, 1, 2]);
  });
});

describe('grades', () => {
  it.each<[string, ReturnType<typeof normalizeGrade>]>([
    ['S', { status: 'valid', grade: 'S' }],
    ['D', { status: 'valid', grade: 'D' }],
    ['-', { status: 'no-kpi', grade: '-' }],
    ['', { status: 'empty', grade: null }],
    [' \u3000', { status: 'empty', grade: null }],
    ['Ｂ', { status: 'not-normalized', grade: 'B' }],
    ['b', { status: 'not-normalized', grade: 'B' }],
    [' B ', { status: 'not-normalized', grade: 'B' }],
    ['ー', { status: 'not-normalized', grade: '-' }],
    ['－', { status: 'not-normalized', grade: '-' }],
    ['E', { status: 'invalid', grade: null }],
    ['B+', { status: 'invalid', grade: null }],
  ])('normalizeGrade(%j)', (text, expected) => {
    expect(normalizeGrade(text, DEFAULT_PROFILE)).toEqual(expected);
  });

  it.each<[number, string]>([
    [150, 'S'],
    [120, 'S'],
    [119.9, 'A'],
    [100, 'A'],
    [80, 'B'],
    [79.99, 'C'],
    [50, 'C'],
    [49.9, 'D'],
    [25, 'D'],
    [0, 'D'],
    [-5, 'D'],
  ])('gradeForRate(%d) is %s', (rate, grade) => {
    expect(gradeForRate(rate, DEFAULT_PROFILE)).toBe(grade);
  });

  it('follows the profile’s thresholds', () => {
    const strict: Profile = {
      ...DEFAULT_PROFILE,
      gradeScale: [
        { grade: 'A', minPercent: 100 },
        { grade: 'B', minPercent: 60 },
        { grade: 'C', minPercent: 0 },
      ],
    };
    expect([130, 100, 60, 59].map((p) => gradeForRate(p, strict))).toEqual(['A', 'A', 'B', 'C']);
  });

  it('knows the no-KPI marks', () => {
    expect(['-', '－', '―', 'ー', 'なし', '該当なし', ' - '].every((t) => isNoKpiMark(t, DEFAULT_PROFILE))).toBe(true);
    expect(['', '0', '10人', 'D'].some((t) => isNoKpiMark(t, DEFAULT_PROFILE))).toBe(false);
  });

  it('computes rates only for positive targets', () => {
    const a = (value: number, unit = '人') => ({ value, unit, source: '' });
    expect(ratePercent(a(32), a(8))).toBe(25);
    expect(ratePercent(a(0), a(8))).toBeNull();
    expect(ratePercent(a(10), null)).toBeNull();
    expect(ratePercent(a(10, ''), a(5))).toBe(50);
  });
});
