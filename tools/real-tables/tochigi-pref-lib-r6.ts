import { num, pct, rowRange, type CellSpec, type TableSpec } from './types';

function kpi(no: number, name: string, target: CellSpec, actual: CellSpec, t: number, a: number, grade: string): CellSpec[] {
  return [no, name, target, actual, pct(Math.round((a / t) * 1000) / 1000), grade];
}
const count = (no: number, name: string, t: number, a: number, unit: string, grade: string) =>
  kpi(no, name, num(t, unit), num(a, unit), t, a, grade);

export const spec: TableSpec = {
  id: 'tochigi-pref-lib-r6',
  publisher: '栃木県立図書館',
  title: '令和6年度 運営評価（評価指標と年間数値目標）',
  url: 'https://www.lib.pref.tochigi.lg.jp/about/gaiyou/030/20251016150123.html',
  reconstructed:
    'The grade legend (評価A〜E with their percentages), the three 目指すべき図書館像 and the year are as published; the ' +
    'page gives only the counts of grades (22 indicators: 12 A, 8 B, 2 D). The ten indicators, their targets and ' +
    'actuals are ours, graded by the published legend (6 A, 3 B, 1 D, in about the published proportions).',
  sheet: 'R6運営評価',
  features: [
    'legend-under-table',
    'grades-letters-a-e',
    'header-hyoka-shihyo',
    'era-year-abbrev-r',
    'header-merged-number-and-name',
    'rate-fraction-percent-format',
    'typed-rate-and-grade',
    'section-title-rows',
  ],
  widths: [5, 40, 16, 16, 10, 8],
  rows: [
    ['令和6年度 運営評価'],
    ['目指すべき3つの図書館像の実現を図るため、重点施策ごとに評価指標と年間数値目標を設定'],
    [],
    ['評価指標', null, 'R6年度数値目標', 'R6年度実績', '達成率', '評価'],
    ['目指すべき図書館像1　“とちぎ”のことなら何でもわかる図書館'],
    count(1, '郷土資料の収集点数', 3000, 3412, '点', 'A'),
    count(2, 'デジタルライブラリー公開件数', 500, 523, '件', 'A'),
    count(3, 'レファレンス協同データベース登録件数', 120, 98, '件', 'B'),
    ['目指すべき図書館像2　県内図書館をリードする中核的図書館'],
    count(4, '市町立図書館等への協力貸出冊数', 30000, 31845, '冊', 'A'),
    count(5, '市町立図書館職員等研修の参加者数', 400, 362, '人', 'B'),
    ['目指すべき図書館像3　県民の課題解決のための図書館'],
    count(6, 'レファレンス受付件数', 35000, 36210, '件', 'A'),
    count(7, '入館者数', 400000, 371520, '人', 'B'),
    count(8, '個人貸出冊数', 420000, 428113, '冊', 'A'),
    count(9, '課題解決支援講座の参加者数', 600, 302, '人', 'D'),
    kpi(10, '利用者満足度', pct(0.9), pct(0.934), 0.9, 0.934, 'A'),
    [],
    ['評価指標：AからEの5段階評価とし、原則として年度当初に設定した数値目標の達成率で判断'],
    ['評価A：目標を達成した（100%以上）'],
    ['評価B：概ね目標を達成した（80%以上100%未満）'],
    ['評価C：目標をある程度達成した（60%以上80%未満）'],
    ['評価D：目標をあまり達成できなかった（40%以上60%未満）'],
    ['評価E：目標を達成できなかった（40%未満）'],
  ],
  merges: ['A4:B4', 'A5:F5', 'A9:F9', 'A12:F12'],
  headerRows: [4],
  expect: {
    tables: [
      {
        headerRow: 4,
        columns: { indicator: 'B', kpi_target: 'C', kpi_actual: 'D', rate: 'E', grade: 'F' },
        fiscalYear: 2024,
        dataRows: [...rowRange(6, 8), 10, 11, ...rowRange(13, 17)],
        grades: ['A', 'B', 'C', 'D', 'E'],
        gradeSource: 'legend',
      },
    ],
  },
  selfCheck: {
    steps: [
      { grade: 'A', minPercent: 100 },
      { grade: 'B', minPercent: 80 },
      { grade: 'C', minPercent: 60 },
      { grade: 'D', minPercent: 40 },
      { grade: 'E', minPercent: 0 },
    ],
  },
  bad: {
    edits: [
      { cell: 'F8', value: 'F' },
      { cell: 'F14', value: 'A' },
      { cell: 'B13', value: null },
    ],
    mistakes: [
      { cell: 'F8', ruleId: 'invalid-grade', what: '評価に A〜E にない「F」 / a grade not on the table’s A–E scale' },
      {
        cell: 'F14',
        ruleId: 'grade-mismatch',
        what: '371,520人 ÷ 400,000人 = 92.9 % は凡例では B だが「A」 / A contradicts 92.9 % under the legend (B)',
      },
      { cell: 'B13', ruleId: 'required-cell-empty', what: '評価指標の名前が空欄 / the indicator name left empty' },
    ],
  },
};
