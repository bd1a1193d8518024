/** The engine on the layouts of other governments' tables (issue: real tables), case by case. */
import { colToLetters } from '../../src/core/a1';
import { checkSheet } from '../../src/core/engine';
import type { CellValue, SheetData } from '../../src/core/grid';
import { parseLegend } from '../../src/core/legend';
import { kpiDirection, ratePercent } from '../../src/core/kpi';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import { parseFiscalYear, yearOnly } from '../../src/core/years';

const sheet = (values: CellValue[][], extra: Partial<SheetData> = {}): SheetData => ({
  name: 'KPI',
  top: 0,
  left: 0,
  values,
  ...extra,
});
const letters = (cols: Partial<Record<string, number>>) =>
  Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, colToLetters(v!)]));
const profile = (p: unknown) => {
  const r = parseProfile(p);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.profile;
};

describe('years as tables write them', () => {
  it.each<[string, number]>([
    ['26年度', 2014],
    ['6年度', 2024],
    ['H26', 2014],
    ['R6', 2024],
    ['平成32年3月', 2019],
    ['2024年度', 2024],
    ['平成25', 2013],
    ['令和元年度', 2019],
  ])('%s → %d', (text, year) => expect(parseFiscalYear(text)).toBe(year));

  it.each<[string, number | null]>([
    ['H27', 2015],
    ['2024', 2024],
    ['令和6年度', 2024],
    ['R6年度実績', null],
    ['3', null],
  ])('yearOnly(%s) = %s', (text, year) => expect(yearOnly(text)).toBe(year));
});

describe('grade legends', () => {
  const at = (...texts: string[]) => texts.map((text, i) => ({ row: i, col: 0, text }));
  it('reads letters with their thresholds', () => {
    const l = parseLegend(at('※ A：目標達成（100%以上） B：80%以上100%未満 C：50%以上80%未満 D：50%未満'));
    expect(l?.steps.map((s) => [s.grade, s.minPercent])).toEqual([
      ['A', 100],
      ['B', 80],
      ['C', 50],
      ['D', 0],
    ]);
  });
  it('reads symbols without thresholds, one per row', () => {
    const l = parseLegend(at('◎：達成', '○：概ね達成', '△：やや遅れ', '×：遅れ'));
    expect(l?.steps.map((s) => [s.grade, s.minPercent, s.meaning])).toEqual([
      ['◎', undefined, '達成'],
      ['○', undefined, '概ね達成'],
      ['△', undefined, 'やや遅れ'],
      ['×', undefined, '遅れ'],
    ]);
  });
  it('reads the table’s own words and 割', () => {
    const l = parseLegend(at('クリア：目標を達成　横ばい：8割以上　後退：8割未満'), ['クリア', '横ばい', '後退']);
    expect(l?.steps.map((s) => [s.grade, s.minPercent])).toEqual([
      ['クリア', 100],
      ['横ばい', 80],
      ['後退', 0],
    ]);
  });
  it('is no legend in ordinary notes', () => {
    expect(parseLegend(at('出典：総務省統計局', '※1：R5年度末時点'))).toBeNull();
  });
});

describe('direction and the baseline', () => {
  it('reads lower-is-better words, and the profile wins', () => {
    expect(kpiDirection(['交通事故死亡者数'], DEFAULT_PROFILE).direction).toBe('lower');
    expect(kpiDirection(['人口減少の抑制'], DEFAULT_PROFILE).direction).toBe('higher');
    const p = profile({ direction: [{ pattern: '待ち日数', direction: 'lower' }] });
    expect(kpiDirection(['申請の待ち日数'], p)).toEqual({ direction: 'lower', from: 'profile' });
  });
  it('computes target ÷ actual when smaller is better, and progress from the baseline', () => {
    const a = (value: number) => ({ value, unit: '', source: String(value) });
    expect(ratePercent(a(160), a(173), { direction: 'lower' })).toBeCloseTo(92.49, 1);
    expect(ratePercent(a(21000), a(20500), { formula: 'progress', baseline: a(20100) })).toBeCloseTo(44.4, 1);
  });
});

describe('tables of other families', () => {
  const legendRows: CellValue[][] = [[], ['※評価 A：目標達成（100%以上） B：80%以上 C：50%以上 D：50%未満']];

  it('an indicator list is held to the KPI core, graded by the legend under it', () => {
    const r = checkSheet(
      sheet([
        ['令和5年度 施策評価'],
        ['指標名', '基準値', '目標値', '実績値', '評価'],
        ['観光客数', 100, 150, 160, 'A'],
        ['待機児童数の減少', 40, 0, 10, 'D'],
        ...legendRows,
      ]),
    );
    const t = r.tables[0]!;
    expect(letters(t.layout.columns)).toEqual({ indicator: 'A', baseline: 'B', kpi_target: 'C', kpi_actual: 'D', grade: 'E' });
    expect(t.layout.fiscalYear).toBe(2023);
    expect(t.required.id).toBe('kpi-core');
    expect(t.scale.source).toBe('legend');
    expect(t.scale.steps.map((s) => s.grade)).toEqual(['A', 'B', 'C', 'D']);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a year series: the fiscal year’s column is the actual, the others history, no year mismatch', () => {
    const r = checkSheet(
      sheet(
        [
          ['具体的な施策', '指標', '基準値（H26）', '目標値（H31）', '実績値', null, null, '評価'],
          [null, null, null, null, 'H27', 'H28', 'H29', null],
          ['移住の促進', '移住者数', 10, 30, 18, 22, 25, '△'],
          ['子育て支援', '登録者数', 0, 500, 100, 300, 500, '◎'],
          [],
          ['評価区分　◎：目標値以上　○：目標値と同等　△：目標値未達成　×：進捗なし'],
        ],
        {
          merges: [
            { top: 0, left: 4, bottom: 0, right: 6 },
            ...[0, 1, 2, 3, 7].map((c) => ({ top: 0, left: c, bottom: 1, right: c })),
          ],
        },
      ),
    );
    const t = r.tables[0]!;
    expect(letters(t.layout.columns)).toMatchObject({ baseline: 'C', kpi_target: 'D', kpi_actual: 'G', grade: 'H' });
    expect(t.layout.fiscalYear).toBe(2017);
    expect(t.layout.series.map((s) => [s.role, s.columns.map((c) => c.year)])).toEqual([['kpi_actual', [2015, 2016, 2017]]]);
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId)).toEqual([]);
  });

  it('two header blocks on a sheet are two tables, reported separately', () => {
    const block = (title: string, name: string): CellValue[][] => [
      [title],
      ['指標', '目標値', '実績値', '達成率', '評価'],
      [name, 100, 90, 0.9, 'B'],
      [],
    ];
    const r = checkSheet(sheet([...block('目標Ⅰ', '入館者数'), ...block('目標Ⅱ', '参加者数'), ...legendRows]));
    expect(r.tables.map((t) => t.layout.headerRows[0]! + 1)).toEqual([2, 6]);
    expect(r.tables.map((t) => t.layout.dataRows.map((d) => d.row + 1))).toEqual([[3], [7]]);
    expect(r.tables.every((t) => t.scale.source === 'legend')).toBe(true);
  });

  it('the profile maps what detection cannot guess: columns by letter or header text, and the header row', () => {
    const s = sheet([
      ['項目名', '計画', '結果', 'ランク'],
      ['研修受講者数', 40, 32, 'B'],
    ]);
    expect(checkSheet(s).layout).toBeNull();
    const p = profile({ headerRow: 1, columns: { indicator: 'A', kpi_target: '計画', kpi_actual: 'C', grade: 'ランク' } });
    const r = checkSheet(s, p);
    expect(letters(r.layout!.columns)).toEqual({ indicator: 'A', kpi_target: 'B', kpi_actual: 'C', grade: 'D' });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a rate typed as a fraction under a % format is read as Excel shows it', () => {
    const values: CellValue[][] = [
      ['指標', '目標値', '実績値', '達成率'],
      ['利用者満足度', 0.9, 0.934, 1.038],
    ];
    const numberFormats = values.map((r, i) => r.map(() => (i > 0 ? '0.0%' : null)));
    const r = checkSheet(sheet(values, { numberFormats }));
    expect(r.kpis[0]!.typedRatePercent).toBeCloseTo(103.8, 5);
    expect(r.kpis[0]!.items[0]!.actual?.unit).toBe('%');
    expect(r.summary.grades.missing).toBe(0);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
