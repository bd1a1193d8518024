import { rowRange, type TableSpec } from './types';

export const spec: TableSpec = {
  id: 'yamagata-hatten-keikaku-2021',
  publisher: '山形県',
  title: '第4次山形県総合発展計画 実施計画 目標指標の進捗状況（2021年度）',
  url: 'https://www.yamagata-np.jp/news/202208/12/kj_2022081200368.php',
  reconstructed:
    'From a newspaper report of the prefecture’s published evaluation: the indicators and their 目標値/直近値 where ' +
    'the article gives them (東北順位 1位; 風水害の死亡者数 0; 交通事故死者数 25人以下; IC30分圏域人口率 73 % / 65 %; ' +
    '観光消費額 2,600億円 / 1,349億円; 雪害による死亡者数 0 / 12人) and the four categories (クリア, おおむね順調, ' +
    '横ばい, 策定時を下回る). The 策定時 values, the 直近値 of the cleared indicators, the last two rows and the ' +
    'legend’s wording are ours; the years are written in western style as the prefecture’s plan does (2024年度).',
  sheet: '目標指標',
  features: [
    'baseline-sakuteiji',
    'latest-chokkinchi',
    'lower-is-better-shishasu',
    'target-ika',
    'target-zero',
    'rank-indicator',
    'grades-words-baseline',
    'header-tassei-jokyo',
    'western-year-nendo',
    'legend-under-table',
  ],
  widths: [40, 14, 18, 18, 16],
  rows: [
    ['第4次山形県総合発展計画 実施計画　目標指標の進捗状況（2021年度）'],
    ['目標指標', '策定時', '直近値（2021年度）', '目標値（2024年度）', '達成状況'],
    ['新規就農者数の東北順位', '2位', '1位', '1位', '達成'],
    ['風水害による死亡者数', '0人', '0人', '0人', '達成'],
    ['交通事故死者数', '35人', '24人', '25人以下', '達成'],
    ['高速道路等のIC30分圏域県内人口率', '65%', '65%', '73%', '横ばい'],
    ['観光消費額', '2,210億円', '1,349億円', '2,600億円', '策定時を下回る'],
    ['雪害による死亡者数', '8人', '12人', '0人', '策定時を下回る'],
    ['移住者数（年間）', '1,000人', '1,200人', '1,500人', 'おおむね順調'],
    ['再生可能エネルギー導入量（累計）', '60万kW', '80万kW', '100万kW', 'おおむね順調'],
    [],
    [
      '※達成状況　達成：目標値を達成　おおむね順調：策定時から改善し目標値に向け進捗　横ばい：策定時と同水準　策定時を下回る：策定時の値より悪化',
    ],
  ],
  merges: [],
  headerRows: [2],
  expect: {
    tables: [
      {
        headerRow: 2,
        columns: { indicator: 'A', baseline: 'B', kpi_actual: 'C', kpi_target: 'D', grade: 'E' },
        fiscalYear: 2021,
        dataRows: rowRange(3, 10),
        grades: ['達成', 'おおむね順調', '横ばい', '策定時を下回る'],
        gradeSource: 'legend',
      },
    ],
  },
};
