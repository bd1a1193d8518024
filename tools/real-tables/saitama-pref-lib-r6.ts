import { num, pct, type CellSpec, type TableSpec } from './types';

/** One 数値目標 block as the page prints it: the name, then 目標値 / 実績値 / 達成率 down, 評価 beside. */
function block(top: number, name: string, target: CellSpec, actual: CellSpec, rate: CellSpec, grade: string) {
  return {
    rows: [
      ['数値目標', name],
      [null, '目標値', target, '評価'],
      [null, '実績値', actual, grade],
      [null, '達成率', rate],
    ] as CellSpec[][],
    merges: [`A${top}:A${top + 3}`, `B${top}:D${top}`, `D${top + 2}:D${top + 3}`],
  };
}

const b1 = block(14, '多様な資料の新規収蔵冊数', num(31630, '点'), num(33507, '点'), pct(1.06, '0%'), 'S');
const b2 = block(18, 'デジタルライブラリーのアクセス件数', num(46000, '件'), num(78101, '件'), pct(1.7, '0%'), 'S');
const b3 = block(22, '県立図書館資料の満足度', pct(0.9), pct(0.885), pct(0.98, '0%'), 'A');

export const spec: TableSpec = {
  id: 'saitama-pref-lib-r6',
  publisher: '埼玉県立図書館',
  title: '令和4年度から令和6年度 重点取組達成状況（令和6年度評価）',
  url: 'https://www.lib.pref.saitama.jp/about/admin/cat180/hyoka-R6.html',
  reconstructed:
    'The scale table, the 重点目標/重点取組 titles and the first two 数値目標 blocks are as published. The third block ' +
    '(県立図書館資料の満足度) is cut off in the excerpt: its values (90.0 %, 88.5 %, 98 %, A) are ours. The cell layout ' +
    'of a block (name on top, 目標値/実績値/達成率 down, 評価 beside) follows the page’s table.',
  sheet: '重点取組達成状況',
  features: ['unsupported-block-per-kpi', 'scale-table-above', 'header-juten-torikumi', 'grades-letters-s-d', 'era-year-reiwa'],
  widths: [10, 36, 16, 30],
  rows: [
    ['令和4年度から令和6年度 重点取組達成状況（令和6年度評価）'],
    [],
    ['評価', '数値目標の達成水準', '困難な取組における進捗状況'],
    ['S', '目標に達している', '予定どおりの進捗が見られる'],
    ['A', '目標の8割以上に達している', '8割程度の進捗が見られる'],
    ['B', '目標の5割以上に達している', '5割程度の進捗が見られる'],
    ['C', '目標の5割未満である', '取組に着手している'],
    ['D', '成果・進捗がほとんど見られない', '取組に着手していない（要努力）'],
    [],
    ['重点目標1 専門的な資料・情報や地域資料等の収集・保存の充実'],
    ['重点取組1-1 多様な媒体の資料・情報の収集・保存'],
    ['重点取組1-2 資料保存環境の改善'],
    ['重点取組1-3 地域資料等のデジタル化の推進'],
    ...b1.rows,
    ...b2.rows,
    ...b3.rows,
  ],
  merges: [...b1.merges, ...b2.merges, ...b3.merges],
  headerRows: [3],
  expect: { tables: [], unsupported: true },
};
