import { num, pct, rowRange, type CellSpec, type TableSpec } from './types';

const row = (shisaku: string, name: string, base: CellSpec, actual: CellSpec, target: CellSpec, grade: string): CellSpec[] => [
  shisaku,
  name,
  base,
  actual,
  target,
  grade,
];

/** The 判定 scale on progress from the 現状値 (the 80 % for A is our reading of 「順調」). */
const STEPS = [
  { grade: 'A', minPercent: 80 },
  { grade: 'B', minPercent: 0.1 },
  { grade: 'C', minPercent: 0 },
];

export const spec: TableSpec = {
  id: 'tagawa-sogo-keikaku-r1',
  publisher: '田川市（福岡県）',
  title: '田川市第5次総合計画（後期基本計画） 成果指標の進捗状況（令和元年度）',
  url: 'https://www.joho.tagawa.fukuoka.jp/kiji0035135/index.html',
  reconstructed:
    'The plan, its period (平成28–令和2年度), the three-grade 判定 and its legend under the table are as published; ' +
    'the 119 indicators are in a PDF the excerpt does not hold. The eight indicators, their values and grades are ' +
    'ours. The legend grades progress from the 現状値 (the plan’s starting value) towards the 令和2年度 目標値 and ' +
    'gives no percentage: the 80 % for A (“順調”, four fifths of the way at the plan’s fifth of six years) is ours.',
  sheet: '成果指標の進捗状況',
  features: [
    'grades-letters-a-c-progress',
    'header-hantei',
    'baseline-genjochi',
    'legend-under-table-no-percentages',
    'lower-is-better-kensu',
    'fiscal-year-not-from-plan-end',
    'profile-progress-from-baseline',
  ],
  widths: [16, 34, 18, 18, 18, 6],
  rows: [
    ['田川市第5次総合計画（後期基本計画）　成果指標の進捗状況（令和元年度）'],
    ['施策', '成果指標', '現状値（平成26年度）', '実績値（令和元年度）', '目標値（令和2年度）', '判定'],
    row('商工業の振興', '市内事業所の従業者数', num(20100, '人'), num(20500, '人'), num(21000, '人'), 'B'),
    row('商工業の振興', '創業支援による創業件数（年間）', num(5, '件'), num(13, '件'), num(12, '件'), 'A'),
    row('観光の振興', '観光入込客数（年間）', num(950, '千人'), num(1040, '千人'), num(1050, '千人'), 'A'),
    row('子育て支援の充実', '保育所の待機児童数', num(12, '人'), num(0, '人'), num(0, '人'), 'A'),
    row('健康づくりの推進', '特定健康診査の受診率', pct(0.325), pct(0.318), pct(0.6), 'C'),
    row('健康づくりの推進', 'がん検診（胃がん）の受診率', pct(0.082), pct(0.09), pct(0.15), 'B'),
    row('生涯学習の推進', '図書館の年間貸出冊数', num(210000, '冊'), num(198500, '冊'), num(230000, '冊'), 'C'),
    row('防犯対策の推進', '刑法犯認知件数（年間）', num(820, '件'), num(610, '件'), num(600, '件'), 'A'),
    [],
    ['「進捗状況判定」の凡例'],
    [
      '「A」…目標値に対して順調に値が伸びている　「B」…目標値に対して遅れはあるが、値は伸びている　「C」…現状値から値が伸びていない、又は、現状値から値が悪化した',
    ],
  ],
  merges: [],
  headerRows: [2],
  expect: {
    tables: [
      {
        headerRow: 2,
        columns: { initiative: 'A', indicator: 'B', baseline: 'C', kpi_actual: 'D', kpi_target: 'E', grade: 'F' },
        fiscalYear: 2019,
        dataRows: rowRange(3, 10),
        grades: ['A', 'B', 'C'],
        gradeSource: 'profile',
      },
    ],
  },
  selfCheck: { steps: STEPS, formula: 'progress' },
  profile: {
    json: {
      rateFormula: 'progress',
      gradeScale: STEPS,
    },
    why:
      'The legend grades progress from the 現状値 ((actual − 現状値) ÷ (目標値 − 現状値)), not actual ÷ target, and ' +
      'names no percentage. Without a profile the table can only be checked for grades on its scale; with it, a grade ' +
      'that contradicts the progress (A for 44 %) is found. minPercent 0.1 stands for “the value grew” (B) against “did not ' +
      'grow or fell” (C).',
  },
  bad: {
    edits: [
      { cell: 'F3', value: 'A' },
      { cell: 'F7', value: null },
      { cell: 'D9', value: null },
    ],
    mistakes: [
      {
        cell: 'F3',
        ruleId: 'grade-mismatch',
        what: '20,100人 → 20,500人 は目標 21,000人 への 44 % の進捗（B）だが「A」 / A where progress from the baseline is 44 % (B)',
      },
      { cell: 'F7', ruleId: 'missing-grade', what: '判定が空欄 / the grade deleted' },
      { cell: 'D9', ruleId: 'missing-actual', what: '令和元年度の実績値が空欄 / the actual left empty' },
    ],
  },
};
