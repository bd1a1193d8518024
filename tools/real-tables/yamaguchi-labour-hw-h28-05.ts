import { num, pct, rowRange, type CellSpec, type TableSpec } from './types';

/** 安定所, 実績（5月）, 4月以降の累計値, 年間の目標値, 目標に対する進捗率 (累計 ÷ 目標, as published to 0.1 %). */
function office(name: string, month: number, total: number, target: number): CellSpec[] {
  return [name, num(month, '件'), num(total, '件'), num(target, '件'), pct(Math.round((total / target) * 1000) / 1000)];
}

export const spec: TableSpec = {
  id: 'yamaguchi-labour-hw-h28-05',
  publisher: '山口労働局（厚生労働省）',
  title: 'ハローワークの総合評価に関する業務の進捗状況 主要指標に係る実績（平成28年5月分）：求人充足件数',
  url: 'https://expydoc.com/doc/10394302/%EF%BC%88%E5%B9%B3%E6%88%9028%E5%B9%B45%E6%9C%88%E5%88%86%EF%BC%89%E3%81%AB%E3%81%A4%E3%81%84%E3%81%A6---%E5%B1%B1%E5%8F%A3%E5%8A%B4%E5%83%8D%E5%B1%80',
  reconstructed:
    'Every number is as published (they add up: 9 offices give the 局 totals 1,964 / 4,068 / 22,938). The PDF prints the ' +
    'offices across and the measures down; the sheet keeps one office per row, as a collecting office keeps it in Excel. ' +
    'The extract names only 山口, 防府, 萩, 徳山, 下松, 岩国, 柳井 next to another measure; the nine office names and their ' +
    'order (山口, 下関, 宇部, 防府, 萩, 徳山, 下松, 岩国, 柳井) are our reading. The column header 安定所 is ours.',
  sheet: '求人充足件数',
  features: [
    'typed-rate-no-grade',
    'rate-fraction-percent-format',
    'employment-kpi',
    'header-two-rows-merged-group',
    'total-row-first',
    'note-below',
  ],
  widths: [14, 12, 16, 14, 18],
  rows: [
    ['＜平成28年度＞主要指標にかかる実績（平成28年5月分）'],
    [],
    ['安定所', '求人充足件数'],
    [null, '実績（5月）', '4月以降の累計値', '年間の目標値', '目標に対する進捗率'],
    office('山口労働局', 1964, 4068, 22938),
    office('山口', 305, 647, 3627),
    office('下関', 386, 810, 4509),
    office('宇部', 338, 696, 3913),
    office('防府', 130, 270, 1692),
    office('萩', 99, 202, 1278),
    office('徳山', 202, 409, 2359),
    office('下松', 171, 327, 1795),
    office('岩国', 221, 481, 2629),
    office('柳井', 112, 226, 1136),
    [],
    ['※「目標に対する進捗率」は、4月以降の累計値の年間の目標値に対する割合。'],
  ],
  merges: ['A3:A4', 'B3:E3'],
  headerRows: [3, 4],
  expect: {
    tables: [
      {
        headerRow: 3,
        columns: { indicator: 'A', kpi_actual: 'C', kpi_target: 'D', rate: 'E' },
        fiscalYear: 2016,
        dataRows: rowRange(5, 14),
        grades: null,
        gradeSource: null,
      },
    ],
  },
  bad: {
    edits: [
      { cell: 'E8', value: pct(0.188) },
      { cell: 'E10', value: { f: 'C10/D10', error: '#DIV/0!' } },
      { cell: 'D10', value: null },
      { cell: 'C13', value: null },
    ],
    mistakes: [
      {
        cell: 'E8',
        ruleId: 'rate-mismatch',
        what: '進捗率 18.8 % と入力（696件 ÷ 3,913件 = 17.8 %） / typed progress rate ≠ cumulative ÷ annual target',
      },
      {
        cell: 'E10',
        ruleId: 'formula-error',
        what: '年間の目標値を消したため進捗率の式が #DIV/0! / the rate formula shows #DIV/0! after the target was deleted',
      },
      { cell: 'C13', ruleId: 'missing-actual', what: '4月以降の累計値が空欄 / the cumulative actual left empty' },
    ],
  },
};
