import { rowRange, type TableSpec } from './types';

export const spec: TableSpec = {
  id: 'akita-kenko-akita21',
  publisher: '秋田県',
  title: '健康秋田21 中間評価：現状と評価（具体例でみる現状と評価）',
  url: 'https://www.pref.akita.lg.jp/pages/archive/870',
  reconstructed:
    'Nothing in the rows: indicators, 基準値, 現状値, 目標値 and 評価 are as published. The page is HTML; the sheet ' +
    'layout (one indicator per row, the 提言 below) is how the page prints it. The plan year is not on the page, so ' +
    'the sheet names none.',
  sheet: '現状と評価',
  features: [
    'baseline-kijunchi',
    'actual-genjochi',
    'lower-is-better',
    'qualitative-target-genshou',
    'grades-words-kaizen-akka',
    'header-gutairei',
    'commentary-teigen-below',
    'values-as-text-with-units',
  ],
  widths: [52, 12, 12, 12, 8],
  rows: [
    ['健康秋田21 中間評価　現状と評価'],
    ['具体例でみる現状と評価'],
    ['具体例', '基準値', '現状値', '目標値', '評価'],
    ['・肥満（BMI25.0以上）者の割合 成人男性59歳以下', '30.4%', '31.3%', '15.0%', '悪化'],
    ['・食塩摂取量（1人1日あたりの平均） 成人男性', '13.9g', '13.3g', '10.0g', '改善'],
    ['・睡眠によって休養が十分取れた者', '69.0%', '66.4%', '80.0%', '悪化'],
    ['・自殺者数（総数）', '486人', '452人', '330人', '改善'],
    ['・個別健康教育（喫煙）実施市町村', '7.2%', '31.0%', '100%', '改善'],
    ['・12歳児におけるDMF歯数（むし歯の本数）', '3.91本', '2.87本', '2.00本', '改善'],
    ['・個別健康教育（糖尿病）実施市町村', '10.1%', '47.6%', '100%', '改善'],
    ['・脳血管疾患による死亡者（年齢調整死亡率） 男性', 107.3, 81.2, '減少', '改善'],
    ['・がんによる死亡者（年齢調整死亡率） 男性', 237.7, 218.5, '減少', '改善'],
    [],
    ['今後の取組に対する提言等：対策の重点化'],
    ['一次予防（生活習慣の改善による健康づくり、疾病予防）'],
    ['・肥満者の割合、若い女性の「やせ」の割合の改善が必要'],
    ['・食塩の摂取量の一層の改善が必要'],
    ['・たばこの健康に与える影響の啓発が必要'],
  ],
  merges: [],
  headerRows: [3],
  expect: {
    tables: [
      {
        headerRow: 3,
        columns: { indicator: 'A', baseline: 'B', kpi_actual: 'C', kpi_target: 'D', grade: 'E' },
        fiscalYear: null,
        dataRows: rowRange(4, 12),
        grades: ['改善', '変化なし', '悪化'],
        gradeSource: 'preset',
      },
    ],
  },
  bad: {
    edits: [
      { cell: 'E4', value: '改善' },
      { cell: 'E8', value: 'やや改善' },
      { cell: 'C6', value: null },
    ],
    mistakes: [
      {
        cell: 'E4',
        ruleId: 'grade-mismatch',
        what: '肥満者の割合は 30.4% → 31.3% と増えた（目標 15.0%）のに「改善」 / “improved” where the share rose away from the target',
      },
      { cell: 'E8', ruleId: 'invalid-grade', what: '評価に段階にない「やや改善」 / a grade not on the table’s scale' },
      { cell: 'C6', ruleId: 'missing-actual', what: '現状値が空欄 / the latest value left empty' },
    ],
  },
};
