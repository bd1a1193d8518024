import { num, rowRange, type CellSpec, type TableSpec } from './types';

function kpi(
  shisaku: string,
  name: string,
  unit: string,
  base: number,
  t27: number,
  a27: number,
  t28: number,
  goal: number,
  state: string,
): CellSpec[] {
  return [shisaku, name, num(base, unit), num(t27, unit), num(a27, unit), num(t28, unit), null, num(goal, unit), state];
}

export const spec: TableSpec = {
  id: 'tsukuba-sogo-senryaku-h27',
  publisher: 'つくば市（茨城県）',
  title: 'まち・ひと・しごと創生事業 平成27年度実績評価シート【個別施策－重要業績評価指標（KPI）】',
  url: 'https://123deta.com/document/oz1w3oey-27Hakutei%E8%B3%87%E6%96%9927%E5%80%8B%E5%88%A5%E6%96%BD%E7%AD%96%E3%81%AB%E4%BB%98%E9%9A%8F%E3%81%99%E3%82%8B%E9%87%8D%E8%A6%81%E6%A5%AD%E7%B8%BE%E8%A9%95%E4%BE%A1%E6%8C%87%E6%A8%99KPI%E3%81%AE%E8%A9%95%E4%BE%A1%E3%82%B7%E3%83%BC%E3%83%88.html',
  reconstructed:
    'The sheet’s words (従前値, 目標値, 実績値 per year, 進捗状況 with 概ね順調, 効果発現要因（総合所見）) and the ' +
    '所見 text are as published; the source has one sheet per KPI with the years across. The six KPIs, their values ' +
    'and 進捗状況 are ours, one KPI per row as a summary of those sheets; the final target written 平成32年3月 (as ' +
    'plans drafted before 令和 wrote it) is ours. The 進捗状況 words have no legend: graded as the four-word preset ' +
    '(順調 ≥ 100 %, 概ね順調 ≥ 80 %, やや遅れ ≥ 50 %, 遅れ below, of the year’s 目標値) — our reading.',
  sheet: 'KPI実績評価',
  features: [
    'grades-words-junchou-4',
    'header-shinchoku-jokyo',
    'year-series-target-and-actual-per-year',
    'latest-filled-actual',
    'era-year-beyond-era-month',
    'baseline-juzenchi',
    'lower-is-better-taiki-jido',
    'commentary-shoken-below',
  ],
  widths: [24, 36, 12, 12, 12, 12, 12, 18, 10],
  rows: [
    ['まち・ひと・しごと創生事業 平成27年度実績評価シート【個別施策－重要業績評価指標（KPI）】'],
    [],
    ['個別施策', 'KPI', '従前値', '平成27年度', null, '平成28年度', null, '目標値（平成32年3月）', '進捗状況'],
    [null, null, null, '目標値', '実績値', '目標値', '実績値', null, null],
    kpi('(1)科学技術の振興によるまちづくり', 'つくば発ベンチャー企業の新規創出数（年間）', '社', 10, 12, 13, 14, 15, '順調'),
    kpi('(1)科学技術の振興によるまちづくり', '研究機関と市内企業の共同研究件数（年間）', '件', 40, 45, 43, 50, 60, '概ね順調'),
    kpi('(2)創業・起業の支援', '創業支援事業による創業者数（年間）', '人', 20, 30, 20, 35, 50, 'やや遅れ'),
    kpi('(3)観光・交流の推進', '観光入込客数（年間）', '千人', 4200, 4300, 4420, 4400, 4600, '順調'),
    kpi('(4)移住・定住の促進', '市外からの転入者数（年間）', '人', 11000, 11500, 10900, 11800, 12500, '概ね順調'),
    kpi('(5)子育て環境の充実', '保育所の待機児童数（4月1日現在）', '人', 71, 50, 110, 30, 0, '遅れ'),
    [],
    [
      '効果発現要因（総合所見）　TGI，県，市がそれぞれのネットワークを活かしながら，研究機関への訪問や各種研究会への参加を行い，新たなプロジェクトの創出に努めた。',
    ],
    ['課題　新規プロジェクトの事業化に向けた，研究機関と市内企業との連携の一層の強化'],
  ],
  merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:G3', 'H3:H4', 'I3:I4'],
  headerRows: [3, 4],
  expect: {
    tables: [
      {
        headerRow: 3,
        columns: { initiative: 'A', indicator: 'B', baseline: 'C', kpi_target: 'D', kpi_actual: 'E', grade: 'I' },
        fiscalYear: 2015,
        dataRows: rowRange(5, 10),
        grades: ['順調', '概ね順調', 'やや遅れ', '遅れ'],
        gradeSource: 'preset',
      },
    ],
  },
  selfCheck: {
    steps: [
      { grade: '順調', minPercent: 100 },
      { grade: '概ね順調', minPercent: 80 },
      { grade: 'やや遅れ', minPercent: 50 },
      { grade: '遅れ', minPercent: 0 },
    ],
    lowerIsBetter: [10],
  },
};
