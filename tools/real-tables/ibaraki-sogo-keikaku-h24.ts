import { num, pct, rowRange, type CellSpec, type TableSpec } from './types';

const row = (goal: string, torikumi: string, name: string, cells: CellSpec[], grade: string): CellSpec[] => [
  goal,
  torikumi,
  name,
  ...cells,
  grade,
];

export const spec: TableSpec = {
  id: 'ibaraki-sogo-keikaku-h24',
  publisher: '茨城県',
  title: '県総合計画の進行管理（平成24年度評価結果） 数値目標の進捗状況',
  url: 'https://happylibus.com/doc/38074/%E7%9C%8C%E7%B7%8F%E5%90%88%E8%A8%88%E7%94%BB%E3%81%AE%E9%80%B2%E8%A1%8C%E7%AE%A1%E7%90%86',
  reconstructed:
    'The plan, its three 目標, the year and the four-grade scale A / B+ / B / C judged on how far the year’s 期待値 was ' +
    'reached are as published (A and B+ count as “概ね期待した成果”); the 204 数値目標 are in an annex the excerpt does ' +
    'not hold. The seven indicators, their 具体的な取組み, values and grades, and the percentages in the legend, are ours.',
  sheet: '数値目標',
  features: [
    'grades-letters-with-plus',
    'legend-under-table',
    'header-gutaitekina-torikumi',
    'target-of-the-year-kitaichi',
    'baseline-genjochi',
    'lower-is-better-kensu',
    'era-year-abbrev-h',
  ],
  widths: [16, 30, 28, 14, 14, 14, 14, 10],
  rows: [
    ['県総合計画の進行管理（平成24年度評価結果）　数値目標の進捗状況'],
    ['目標', '具体的な取組み', '数値目標', '現状値（H22）', '期待値（H24）', '実績値（H24）', '目標値（H27）', '進捗状況'],
    row(
      '住みよい いばらき',
      '犯罪の起きにくい地域づくり',
      '刑法犯認知件数',
      [num(41563, '件'), num(36000, '件'), num(33986, '件'), num(30000, '件')],
      'A',
    ),
    row(
      '住みよい いばらき',
      '交通事故のない社会づくり',
      '交通事故死者数',
      [num(183, '人'), num(160, '人'), num(173, '人'), num(140, '人')],
      'B+',
    ),
    row('人が輝くいばらき', '生活習慣病の予防', '特定健康診査受診率', [pct(0.363), pct(0.45), pct(0.412), pct(0.7)], 'B+'),
    row('人が輝くいばらき', '安心して子どもを生み育てられる環境づくり', '合計特殊出生率', [1.44, 1.5, 1.41, 1.6], 'B+'),
    row(
      '活力あるいばらき',
      '農業の競争力強化',
      '農業産出額',
      [num(4306, '億円'), num(4500, '億円'), num(4281, '億円'), num(4700, '億円')],
      'B+',
    ),
    row(
      '活力あるいばらき',
      '観光の振興',
      '観光入込客数',
      [num(5160, '万人'), num(5800, '万人'), num(5008, '万人'), num(6300, '万人')],
      'B',
    ),
    row(
      '活力あるいばらき',
      '担い手の育成',
      '新規就農者数（年間）',
      [num(240, '人'), num(300, '人'), num(195, '人'), num(350, '人')],
      'C',
    ),
    [],
    ['※進捗状況　A：期待値を達成（100%以上）　B+：期待値の90%以上　B：期待値の70%以上　C：期待値の70%未満'],
    ['　（期待値は、目標値に向けた年度ごとの目標値。A及びB+の評価を、概ね期待した成果が得られたものとする。）'],
  ],
  merges: [],
  headerRows: [2],
  expect: {
    tables: [
      {
        headerRow: 2,
        columns: { initiative: 'B', indicator: 'C', baseline: 'D', kpi_target: 'E', kpi_actual: 'F', grade: 'H' },
        fiscalYear: 2012,
        dataRows: rowRange(3, 9),
        grades: ['A', 'B+', 'B', 'C'],
        gradeSource: 'legend',
      },
    ],
  },
  selfCheck: {
    steps: [
      { grade: 'A', minPercent: 100 },
      { grade: 'B+', minPercent: 90 },
      { grade: 'B', minPercent: 70 },
      { grade: 'C', minPercent: 0 },
    ],
    lowerIsBetter: [3, 4],
  },
};
