import { Grid } from '../../src/core/grid';
import type { KpiRow } from '../../src/core/kpi.types';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { buildSummary, mergeLayouts, splitAgencies } from '../../src/core/summary';
import type { Finding, Layout } from '../../src/core/types';

function kpi(row: number, over: Partial<KpiRow>): KpiRow {
  return {
    row,
    targetText: '-',
    actualText: '-',
    gradeText: '-',
    hasKpi: false,
    hasActual: false,
    items: [],
    ratePercent: null,
    gradeStatus: 'no-kpi',
    grade: '-',
    unparsed: false,
    direction: { direction: 'higher', from: 'default' },
    baseline: null,
    typedRatePercent: null,
    computedRatePercent: null,
    qualitative: null,
    pending: false,
    ...over,
  };
}

function finding(row: number | null, severity: Finding['severity']): Finding {
  return { ruleId: 'x', severity, row, col: row === null ? null : 6, messageId: 'm', data: {} };
}

describe('summary model', () => {
  // Rows: 2 section ①, 3 data, 4 section ②, 5–7 data. Agencies in column J (9).
  const values: (string | null)[][] = [];
  const set = (r: number, c: number, v: string) => {
    values[r] ??= [];
    values[r]![c] = v;
  };
  set(3, 9, '高知県子ども・福祉政策部、高知県市長会・高知県町村会（市町村）');
  set(5, 9, '高知県子ども・福祉政策部');
  set(6, 9, '高知労働局、高知県子ども・福祉政策部 *交付金事業');
  set(7, 9, '');
  for (let r = 0; r < 8; r++) values[r] ??= [];
  const grid = new Grid({ name: '進捗管理表', top: 0, left: 0, values });
  const layout: Layout = {
    range: { top: 0, left: 0, bottom: 7, right: 10 },
    headerRows: [0, 1],
    fiscalYear: 2024,
    columns: { agencies: 9, grade: 6 },
    duplicates: [],
    headerCells: [],
    sections: [
      { row: 2, col: 0, title: '①課題やニーズの把握' },
      { row: 4, col: 1, title: '②市町村の支援' },
    ],
    dataRows: [
      { row: 3, section: 0, label: '', targetGroup: 'T' },
      { row: 5, section: 1, label: 'ア', targetGroup: 'T' },
      { row: 6, section: 1, label: 'イ', targetGroup: 'T' },
      { row: 7, section: 1, label: 'ウ', targetGroup: 'T' },
    ],
    repeatedHeaderRows: [],
    series: [],
    fiscalYearSource: null,
    family: 'kpi',
    commentaryRows: [],
    nearTexts: [],
  };
  const kpis = [
    kpi(3, {}),
    kpi(5, {
      hasKpi: true,
      items: [
        { index: 1, target: null, actual: null, ratePercent: 25 },
        { index: 2, target: null, actual: null, ratePercent: 90 },
      ],
      gradeStatus: 'valid',
      grade: 'D',
    }),
    kpi(6, { hasKpi: true, gradeStatus: 'empty', grade: null, gradeText: '' }),
    kpi(7, { hasKpi: true, gradeStatus: 'not-normalized', grade: 'B', gradeText: 'Ｂ' }),
  ];
  const findings = [finding(6, 'error'), finding(7, 'warning'), finding(null, 'info'), finding(4, 'info')];
  const s = buildSummary(grid, layout, kpis, findings, DEFAULT_PROFILE);

  it('counts severities and says whether the sheet can be submitted', () => {
    expect([s.errors, s.warnings, s.infos]).toEqual([1, 1, 2]);
    expect(s.ready).toBe(false);
    expect(buildSummary(grid, layout, kpis, [finding(7, 'warning')], DEFAULT_PROFILE).ready).toBe(true);
    expect(buildSummary(grid, null, [], [], DEFAULT_PROFILE).ready).toBe(false);
  });

  it('counts grades per row, missing ones apart, and KPIs per numbered item', () => {
    expect(s.gradeOrder).toEqual(['S', 'A', 'B', 'C', 'D', '-', 'missing']);
    expect(s.noKpiGrade).toBe('-');
    expect(s.grades).toEqual({ S: 0, A: 0, B: 1, C: 0, D: 1, '-': 1, missing: 1 });
    expect(s.rows).toBe(4);
    expect(s.kpis).toBe(4);
    expect(s.tableRange).toBe('A1:K8');
    expect(s.fiscalYear).toBe(2024);
  });

  it('counts a grade named like an inherited property (constructor, __proto__) as any other grade', () => {
    const odd = [
      kpi(5, { hasKpi: true, gradeStatus: 'valid', grade: 'constructor', gradeText: 'constructor' }),
      kpi(6, { hasKpi: true, gradeStatus: 'valid', grade: '__proto__', gradeText: '__proto__' }),
      kpi(7, { hasKpi: true, gradeStatus: 'valid', grade: 'constructor', gradeText: 'constructor' }),
    ];
    const o = buildSummary(grid, layout, odd, [], DEFAULT_PROFILE);
    expect(o.gradeOrder).toEqual(['S', 'A', 'B', 'C', 'D', '-', 'missing', 'constructor', '__proto__']);
    expect(o.grades['constructor']).toBe(2);
    expect(Object.getOwnPropertyDescriptor(o.grades, '__proto__')?.value).toBe(1);
    expect(JSON.parse(JSON.stringify(o.grades))).toEqual({
      S: 0,
      A: 0,
      B: 0,
      C: 0,
      D: 0,
      '-': 0,
      missing: 0,
      constructor: 2,
      ['__proto__']: 1,
    });
  });

  it('counts per section, findings on the section row included', () => {
    expect(s.sections).toEqual([
      { title: '①課題やニーズの把握', row: 2, initiatives: 1, kpis: 0, graded: 0, findings: 0 },
      { title: '②市町村の支援', row: 4, initiatives: 3, kpis: 4, graded: 2, findings: 3 },
    ]);
  });

  it('counts per agency, split on 、 with notes dropped', () => {
    expect(s.agencies.map((a) => [a.name, a.initiatives, a.kpis, a.findings])).toEqual([
      ['高知県子ども・福祉政策部', 3, 3, 1],
      ['高知県市長会・高知県町村会（市町村）', 1, 0, 0],
      ['高知労働局', 1, 1, 1],
    ]);
    expect(splitAgencies('A、B，C\nD * 交付金事業')).toEqual(['A', 'B', 'C', 'D']);
  });

  it('finds the KPI of each data row when the KPI rows are not in the same order', () => {
    const shuffled = buildSummary(grid, layout, [...kpis].reverse(), findings, DEFAULT_PROFILE);
    expect(shuffled.sections).toEqual(s.sections);
    expect(shuffled.agencies).toEqual(s.agencies);
  });

  it('takes tables of any number of sections (no spread that overflows the stack)', () => {
    const many = (top: number) => ({
      ...layout,
      sections: Array.from({ length: 150_000 }, (_, i) => ({ row: top + i, col: 0, title: `①${i}` })),
      dataRows: [{ row: top + 150_000, section: 149_999, label: '', targetGroup: '' }],
    });
    const merged = mergeLayouts([many(0), many(200_000)]);
    expect(merged.sections).toHaveLength(300_000);
    expect(merged.dataRows.map((d) => d.section)).toEqual([149_999, 299_999]);
    const sum = buildSummary(grid, merged, [], [], DEFAULT_PROFILE);
    expect(sum.sections).toHaveLength(300_000);
    expect(sum.sections[299_999]).toMatchObject({ title: '①149999', initiatives: 1 });
  });
});
