import { num, pct, rowRange, type CellSpec, type ExpectedTable, type TableSpec } from './types';

/** One 基本指標 row: number, name, 数値目標, 活動実績, 達成率 (actual ÷ target, as typed to 0.1 %), 評価. */
function kpi(no: number, name: string, target: number, actual: number, unit: string, grade: string): CellSpec[] {
  return [no, name, num(target, unit), num(actual, unit), pct(Math.round((actual / target) * 1000) / 1000), grade];
}

/** What the engine must find for one of the two tables (they share columns, year and legend). */
const table = (headerRow: number, dataRows: number[]): ExpectedTable => ({
  headerRow,
  columns: { indicator: 'B', kpi_target: 'C', kpi_actual: 'D', rate: 'E', grade: 'F' },
  fiscalYear: 2007,
  dataRows,
  grades: ['A', 'B', 'C', 'D'],
  gradeSource: 'legend',
});

const HEADER: CellSpec[] = ['基本指標', null, '数値目標', '活動実績', '達成率', '評価'];

export const spec: TableSpec = {
  id: 'kanagawa-kawasaki-lib-h19',
  publisher: '神奈川県立川崎図書館',
  title: '神奈川県立川崎図書館の活動評価（平成19年度）',
  url: 'http://www.klnet.pref.kanagawa.jp/kawasaki/performance/h19hyouka.htm',
  reconstructed:
    'Rows 1–5 are as published (targets, actuals, grades). The excerpt garbles two rates (row 4 shows 81.1 %, row 5 91.8 %); ' +
    'the rates here are actual ÷ target to 0.1 % (99.7 %, 81.1 %). Rows 6–8 are cut off in the excerpt: their grades (C, A, A) ' +
    'come from the published summary, their actuals from the 平成20年度 targets published as "3 %/4 % over the 19年度 actual" ' +
    '(16,700 ÷ 1.03, 160 ÷ 1.04, 2,200 ÷ 1.04), their targets are ours. The source says only "A, B, C, D の4段階"; the ' +
    'thresholds in the legend under the table are ours, chosen to agree with every published grade.',
  sheet: '活動評価',
  features: [
    'two-tables-one-sheet',
    'header-merged-number-and-name',
    'rate-fraction-percent-format',
    'typed-rate-and-grade',
    'legend-under-table',
    'grades-letters',
    'era-year-heisei',
    'section-title-rows',
  ],
  widths: [5, 40, 14, 14, 10, 8],
  rows: [
    ['神奈川県立川崎図書館の活動評価（平成19年度）'],
    [],
    ['目標Ⅰ：資料・情報の提供サービスの充実'],
    HEADER,
    kpi(1, '入館者数', 210000, 192762, '人', 'B'),
    kpi(2, '個人等への図書等貸出点数', 41000, 42762, '点', 'A'),
    kpi(3, '他の図書館等への図書等貸出点数', 7000, 8393, '点', 'A'),
    kpi(4, '雑誌等（書庫内資料）利用冊数', 114000, 113652, '冊', 'B'),
    kpi(5, 'データベース利用者数', 1350, 1095, '人', 'C'),
    [],
    ['目標Ⅱ：付加価値の高い情報発信'],
    HEADER,
    kpi(6, 'レファレンスサービス件数', 18500, 16214, '件', 'C'),
    kpi(7, '県民向け相談・講演会などの開催回数', 150, 154, '回', 'A'),
    kpi(8, '県民向け相談・講演会などの参加者数', 2000, 2115, '人', 'A'),
    [],
    ['※評価　A：数値目標を達成（100%以上）　B：90%以上100%未満　C：80%以上90%未満　D：80%未満'],
  ],
  merges: ['A4:B4', 'A12:B12'],
  headerRows: [4, 12],
  expect: {
    tables: [table(4, rowRange(5, 9)), table(12, rowRange(13, 15))],
  },
  selfCheck: {
    steps: [
      { grade: 'A', minPercent: 100 },
      { grade: 'B', minPercent: 90 },
      { grade: 'C', minPercent: 80 },
      { grade: 'D', minPercent: 0 },
    ],
  },
  bad: {
    edits: [
      { cell: 'F5', value: null },
      { cell: 'F9', value: 'B' },
      { cell: 'E13', value: pct(0.976) },
      { cell: 'D14', value: null },
    ],
    mistakes: [
      { cell: 'F5', ruleId: 'missing-grade', what: '評価が空欄（192,762人 ÷ 210,000人 = 91.8 % なら B） / the grade deleted' },
      {
        cell: 'F9',
        ruleId: 'grade-mismatch',
        what: '81.1 % は表の凡例では C だが「B」 / B contradicts 81.1 % under the table’s own legend (C)',
      },
      {
        cell: 'E13',
        ruleId: 'rate-mismatch',
        what: '達成率 97.6 % と入力（16,214件 ÷ 18,500件 = 87.6 %） / typed rate 97.6 % ≠ actual ÷ target (87.6 %)',
      },
      { cell: 'D14', ruleId: 'missing-actual', what: '活動実績が空欄 / the actual left empty' },
    ],
  },
};
