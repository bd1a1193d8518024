import { rowRange, type CellSpec, type ExpectedTable, type TableSpec } from './types';

const HEAD1: CellSpec[] = ['重点指標', '24年度実績', '目標', '25年度', null, '26年度', null, '27年度', null];
const HEAD2: CellSpec[] = [null, null, null, '実績', '達成度', '実績', '達成度', '実績', '達成度'];
/** The merges of a two-row header starting at `r`. */
const headMerges = (r: number) => [
  `A${r}:A${r + 1}`,
  `B${r}:B${r + 1}`,
  `C${r}:C${r + 1}`,
  `D${r}:E${r}`,
  `F${r}:G${r}`,
  `H${r}:I${r}`,
];

/** What the engine must find for one of the two tables (they share columns, year and legend). */
const table = (headerRow: number, dataRows: number[]): ExpectedTable => ({
  headerRow,
  columns: { indicator: 'A', kpi_target: 'C', kpi_actual: 'H', grade: 'I' },
  fiscalYear: 2015,
  dataRows,
  grades: ['A', 'B', 'C', 'D'],
  gradeSource: 'legend',
});

export const spec: TableSpec = {
  id: 'osaka-pref-lib-h25-27',
  publisher: '大阪府立図書館',
  title: '基本方針と重点目標（平成25-27年度） 重点目標評価シート（基本方針1・基本方針5）',
  url: 'https://p-opac.library.pref.osaka.jp/site/hyoka/jsheet2015-5.html',
  reconstructed:
    'The 重点指標 rows are as published on the 基本方針5 sheet (this URL) and the 基本方針1 sheet ' +
    '(https://vdocuments.pub/ola-3-3-ola-efffoeeff.html), except 新規連携先数 27年度 (4件, A), cut off in the excerpt. ' +
    'The two sheets are put on one sheet, one after the other, as the PDF prints them. The overall 評価 marks (○, ◎) ' +
    'are lost in the extract and ours; the 評価の理由 texts are shortened. The legend under the tables is the ' +
    'published 「重点指標の達成度」評価の目安 (https://www.library.pref.osaka.jp/site/hyoka/lib-hyoka-kijun2013.html).',
  sheet: '重点目標評価シート',
  features: [
    'two-tables-one-sheet',
    'header-juten-shihyo',
    'era-less-year-nendo',
    'year-series-actual-and-grade-per-year',
    'legend-under-table',
    'legend-a-at-110-percent',
    'commentary-between-tables',
    'qualitative-grade-row-above-table',
    'targets-as-text-maitoshi',
  ],
  widths: [30, 12, 18, 10, 8, 10, 8, 10, 8],
  rows: [
    ['基本方針と重点目標（平成25-27年度） 重点目標評価シート'],
    [],
    ['基本方針1 大阪府立図書館は、市町村立図書館を支え、大阪府全域の図書館サービスを発展させます。'],
    ['重点目標1-1 府域市町村立図書館へのより効果的な資料および情報の提供を行い、図書館間相互の連携・協力を強化します。'],
    ['評価（25～27年度）', '○'],
    [
      '【評価の理由】協力貸出担当者連絡会及び巡回相談を毎年実施し、府域各館の課題等の把握に努め、相談や情報共有を行っている。協力貸出冊数は目標値に届かなかったが、協力車による市町村間物流冊数は目標値を上回る増加傾向となっている。',
    ],
    HEAD1,
    HEAD2,
    ['協力貸出冊数（市町村）', '66,756', '毎年 67,000', '62,879', 'B', '62,101', 'B', '62,867', 'B'],
    ['協力車による市町村間物流冊数', '30,140', '最終年度に 30,000', '30,949', 'B', '32,944', 'B', '35,717', 'A'],
    [],
    ['基本方針5 大阪府立図書館は、府民に開かれた図書館として、府民とともにあゆみます。'],
    ['重点目標5-1 図書館が持つ資料や施設を活用し、府民の生涯学習活動を支援するとともに、地域の魅力づくりに貢献します。'],
    ['評価（25～27年度）', '◎'],
    [
      '【評価の理由】中央図書館では、指定管理者へ移行した業務及び生涯学習事業も順調に進んでおり、他団体との連携も多く実現した。今後も図書館の活性化や事業実施による地域の魅力づくりに取り組む。',
    ],
    HEAD1,
    HEAD2,
    ['利用者満足度', '96.2%', '毎年95%', '94.5%', 'B', '94.9%', 'B', '94.8%', 'B'],
    ['イベント参加者数', '5,229人', '毎年5,300人', '5,424人', 'B', '6,568人', 'A', '6,254人', 'A'],
    ['新規連携先数', '-', '毎年3件', '4件', 'A', '5件', 'A', '4件', 'A'],
    [],
    ['「重点指標の達成度」評価の目安（重点指標が毎年の数値目標の場合）'],
    ['A：数値目標を上回る成果を達成（達成度110%以上）'],
    ['B：数値目標を達成（達成度80%以上110%未満）'],
    ['C：数値目標を2分の1以上達成（達成度50%以上80%未満）'],
    ['D：数値目標をかなり下回っており、大幅な改善が必要（達成度50%未満）'],
  ],
  merges: ['A6:I6', 'A15:I15', ...headMerges(7), ...headMerges(16)],
  headerRows: [7, 8, 16, 17],
  expect: {
    tables: [table(7, rowRange(9, 10)), table(16, rowRange(18, 20))],
  },
  selfCheck: {
    steps: [
      { grade: 'A', minPercent: 110 },
      { grade: 'B', minPercent: 80 },
      { grade: 'C', minPercent: 50 },
      { grade: 'D', minPercent: 0 },
    ],
  },
  bad: {
    edits: [
      { cell: 'I18', value: 'C' },
      { cell: 'H19', value: null },
      { cell: 'I10', value: '◎' },
    ],
    mistakes: [
      {
        cell: 'I18',
        ruleId: 'grade-mismatch',
        what: '94.8% ÷ 95% = 99.8 % は目安では B だが「C」 / C contradicts 99.8 % under the table’s legend (B)',
      },
      { cell: 'H19', ruleId: 'missing-actual', what: '27年度の実績が空欄 / the 27年度 actual left empty' },
      {
        cell: 'I10',
        ruleId: 'invalid-grade',
        what: '達成度に活動評価の記号「◎」（A〜D ではない） / the overall mark ◎ typed where the A–D 達成度 goes',
      },
    ],
  },
};
