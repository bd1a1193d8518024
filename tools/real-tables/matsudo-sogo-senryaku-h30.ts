import { type CellSpec, type TableSpec } from './types';

const permil = (v: number): CellSpec => ({ v, fmt: '0.0"‰"' });
const count = (v: number): CellSpec => ({ v, fmt: '#,##0' });
const ratio = (v: number): CellSpec => ({ v, fmt: '0.00' });

export const spec: TableSpec = {
  id: 'matsudo-sogo-senryaku-h30',
  publisher: '松戸市',
  title: '総合戦略における数値目標・重要業績評価指標の現状値（第7回松戸市まち・ひと・しごと創生懇談会 資料4）',
  url: 'https://pdfslide.net/documents/cc-cfeeceoec-1-6eeefieeecoece.html',
  reconstructed:
    'Blocks ① and ② are as published (years, 基準値/現状値/目標値 labels, values, 参考 lines). Block ③ gives only its ' +
    '基準値 1.36 (平成25) and 目標値 1.55 (平成31) in the excerpt: its 平成27–29 values are ours. The up/down arrows the PDF ' +
    'prints beside each value are left out.',
  sheet: '数値目標',
  features: ['unsupported-years-across-block-per-kpi', 'baseline-kijunchi', 'actual-genjochi', 'era-year-heisei-no-nendo'],
  widths: [16, 12, 12, 16, 16],
  rows: [
    ['総合戦略における数値目標・重要業績評価指標の現状値'],
    ['基本目標Ⅰ 子育て・教育・文化を軸とした都市ブランドづくり'],
    [],
    ['数値目標① 婚姻率'],
    ['平成25（基準値）', '平成27', '平成28（現状値）', '平成31（目標値）'],
    [permil(5.5), permil(5.4), permil(5.0), permil(5.9)],
    ['参考）婚姻率＝婚姻件数／人口（千人）　H26 5.3‰'],
    [],
    ['数値目標② 出生数'],
    ['平成26（基準値）', '平成27', '平成28', '平成29（現状値）', '平成31（目標値）'],
    [count(3823), count(3975), count(3782), count(3679), count(4107)],
    ['参考）平成25 4,016'],
    [],
    ['数値目標③ 合計特殊出生率'],
    ['平成25（基準値）', '平成27', '平成28', '平成29（現状値）', '平成31（目標値）'],
    [ratio(1.36), ratio(1.39), ratio(1.38), ratio(1.36), ratio(1.55)],
  ],
  merges: [],
  headerRows: [5, 10, 15],
  expect: { tables: [], unsupported: true },
};
