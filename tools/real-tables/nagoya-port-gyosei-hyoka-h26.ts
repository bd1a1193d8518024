import { num, pct, rowRange, type CellSpec, type TableSpec } from './types';

function jigyo(name: string, focus: string | null, level: CellSpec, actual: CellSpec, rate: number, state: string, next: string) {
  return [name, focus, level, actual, pct(rate, '0%'), state, next] as CellSpec[];
}

export const spec: TableSpec = {
  id: 'nagoya-port-gyosei-hyoka-h26',
  publisher: '名古屋港管理組合',
  title: '平成26年度の行政評価 個別施策管理シート「2.DO（個別施策を構成する事務事業の取組内容と今後の方向性）」',
  url: 'http://www.port-of-nagoya.jp/meikan/gyozaisei/gyoseihyoka/1001259/1001260/1001263.html',
  reconstructed:
    'The column words (重点化, 平成25年度までの状況, 平成26年度以降の取組の方向性), their marks and the legend under the ' +
    'table (◎/〇; 順調 80 %以上, やや遅れ 60 %以上, 遅れ 60 %未満; 継続/完了/延伸/統合) are as published on the page ' +
    'that explains the sheet. The six 事務事業, their levels, results and rates (到達すべきレベル, 実績, 到達度 columns) ' +
    'are ours; the sheet itself is a PDF the excerpt does not hold.',
  sheet: '個別施策管理シート',
  features: [
    'grades-words-junchou-yayaokure-okure',
    'legend-under-table',
    'symbol-column-not-grade',
    'typed-rate-and-grade',
    'rate-fraction-percent-format',
    'fiscal-year-not-from-plan-column',
    'public-body-kumiai',
  ],
  widths: [36, 8, 16, 16, 10, 14, 16],
  rows: [
    ['個別施策管理シート　2.DO（個別施策を構成する事務事業の取組内容と今後の方向性）'],
    [
      '事務事業名',
      '重点化',
      '到達すべきレベル',
      '平成25年度までの実績',
      '到達度',
      '平成25年度までの状況',
      '平成26年度以降の取組の方向性',
    ],
    jigyo('港湾施設の老朽化対策（岸壁の改良）', '◎', num(8, '施設'), num(8, '施設'), 1, '順調', '継続'),
    jigyo('臨港道路の整備', '〇', num(3, 'km', 1), num(2.7, 'km', 1), 0.9, '順調', '継続'),
    jigyo('コンテナターミナルの整備', '◎', num(4, 'バース'), num(3, 'バース'), 0.75, 'やや遅れ', '延伸'),
    jigyo('港湾BCP（事業継続計画）の策定', '〇', num(1, '件'), num(1, '件'), 1, '順調', '完了'),
    jigyo('ふ頭緑地の整備', null, num(12, 'ha', 1), num(6.5, 'ha', 1), 0.54, '遅れ', '継続'),
    jigyo('港の見学会・イベントの開催', null, num(40, '回'), num(34, '回'), 0.85, '順調', '統合'),
    [],
    [
      '重点化　◎：施策の構成事務事業で政策的観点から特に重点化を図るべき事務事業　〇：施策の構成事務事業で政策的観点から重点化を図るべき事務事業',
    ],
    [
      '平成25年度までの状況　順調：到達すべきレベルの80%以上クリアした事務事業　やや遅れ：到達すべきレベルの60%以上クリアした事務事業　遅れ：到達すべきレベルの60%未満の事務事業',
    ],
    [
      '平成26年度以降の取組の方向性　継続：施策の成果向上・維持のため、事務事業を継続することが妥当　完了：目的を達成したため、事務事業を完了することが妥当　延伸：状況を勘案し、目標年度を先送りすることが妥当　統合：他の事業とまとめ、一体的に評価することが妥当',
    ],
  ],
  merges: [],
  headerRows: [2],
  expect: {
    tables: [
      {
        headerRow: 2,
        columns: { initiative: 'A', kpi_target: 'C', kpi_actual: 'D', rate: 'E', grade: 'F' },
        fiscalYear: 2013,
        dataRows: rowRange(3, 8),
        grades: ['順調', 'やや遅れ', '遅れ'],
        gradeSource: 'legend',
      },
    ],
  },
  selfCheck: {
    steps: [
      { grade: '順調', minPercent: 80 },
      { grade: 'やや遅れ', minPercent: 60 },
      { grade: '遅れ', minPercent: 0 },
    ],
  },
};
