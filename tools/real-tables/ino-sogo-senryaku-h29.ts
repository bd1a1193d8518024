import { num, type CellSpec, type TableSpec } from './types';

function kpi(
  initiative: string | null,
  name: string,
  unit: string,
  base: number,
  target: number,
  a27: number,
  a28: number,
  a29: number,
  grade: string,
): CellSpec[] {
  return [initiative, name, num(base, unit), num(target, unit), num(a27, unit), num(a28, unit), num(a29, unit), grade];
}

export const spec: TableSpec = {
  id: 'ino-sogo-senryaku-h29',
  publisher: 'いの町（高知県）',
  title: 'いの町まち・ひと・しごと創生総合戦略の効果検証（平成29年度）',
  url: 'https://www.town.ino.kochi.jp/chosei/choseikeikaku/keikaku_sougousenryaku/1797/',
  reconstructed:
    'The year, the four-mark scale and its legend (◎ 目標値以上, ○ 目標値と同等, △ 目標値未達成, × 進捗なしor事業終了) are ' +
    'as published; the page links the KPI sheet as a PDF the excerpt does not hold. The eight KPIs, their 具体的な施策, ' +
    'values and marks are ours, laid out as such 総合戦略 KPI sheets are (基準値 H26, 目標値 H31, 実績値 per year).',
  sheet: 'KPI効果検証',
  features: [
    'grades-symbols',
    'legend-under-table',
    'header-gutaitekina-shisaku',
    'baseline-kijunchi',
    'era-year-abbrev-h',
    'year-series-actuals',
    'fiscal-year-not-from-plan-end',
    'initiative-merged-down',
  ],
  widths: [22, 34, 12, 12, 10, 10, 10, 8],
  rows: [
    ['いの町まち・ひと・しごと創生総合戦略の効果検証（平成29年度）'],
    [],
    ['具体的な施策', '重要業績評価指標（KPI）', '基準値（H26）', '目標値（H31）', '実績値', null, null, '評価'],
    [null, null, null, null, 'H27', 'H28', 'H29', null],
    kpi('(1)地場産業の振興', '新規就農者数（年間）', '人', 2, 5, 3, 4, 6, '◎'),
    kpi(null, '6次産業化による商品開発数（累計）', '件', 0, 10, 2, 5, 7, '△'),
    kpi('(2)観光の振興', '観光入込客数（年間）', '千人', 1120, 1200, 1150, 1180, 1200, '○'),
    kpi(null, '体験型観光メニュー数', '件', 5, 15, 8, 12, 16, '◎'),
    kpi('(3)移住・定住の促進', '移住者数（年間）', '人', 10, 30, 18, 22, 25, '△'),
    kpi(null, '空き家バンク登録件数（累計）', '件', 12, 50, 20, 31, 50, '○'),
    kpi('(4)結婚・出産・子育ての支援', '婚活イベントの開催数（年間）', '回', 0, 4, 2, 3, 4, '○'),
    kpi(null, '子育て支援アプリの登録者数', '人', 0, 500, 0, 0, 0, '×'),
    [],
    ['評価区分　◎：目標値以上　○：目標値と同等　△：目標値未達成　×：進捗なしor事業終了'],
  ],
  merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:G3', 'H3:H4', 'A5:A6', 'A7:A8', 'A9:A10', 'A11:A12'],
  headerRows: [3, 4],
  expect: {
    tables: [
      {
        headerRow: 3,
        columns: { initiative: 'A', indicator: 'B', baseline: 'C', kpi_target: 'D', kpi_actual: 'G', grade: 'H' },
        fiscalYear: 2017,
        dataRows: [5, 6, 7, 8, 9, 10, 11, 12],
        grades: ['◎', '○', '△', '×'],
        gradeSource: 'legend',
      },
    ],
  },
  bad: {
    edits: [
      { cell: 'H6', value: null },
      { cell: 'G9', value: null },
      { cell: 'H10', value: '〇' },
    ],
    mistakes: [
      { cell: 'H6', ruleId: 'missing-grade', what: '評価が空欄（7件 ÷ 10件 = 70 %） / the mark deleted' },
      { cell: 'G9', ruleId: 'missing-actual', what: 'H29 の実績値が空欄 / the H29 actual left empty' },
      {
        cell: 'H10',
        ruleId: 'grade-not-normalized',
        what: '「○」（U+25CB）ではなく漢数字の「〇」（U+3007） / the kanji zero 〇 typed for the circle ○',
      },
    ],
  },
};
