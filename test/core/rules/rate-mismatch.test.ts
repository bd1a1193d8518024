import type { CellValue, SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';

/** An indicator list: 指標 | 目標値 | 実績値 | 達成率 (the rate under the given number format). */
function list(rows: [string, CellValue, CellValue, CellValue][], rateFormat: string | null = '0.0%'): SheetData {
  const values: CellValue[][] = [['指標', '目標値', '実績値', '達成率'], ...rows.map((r) => [...r])];
  const numberFormats = values.map((r, i) => r.map((_, c) => (i > 0 && c === 3 ? rateFormat : null)));
  return { name: 'KPI', top: 0, left: 0, values, numberFormats };
}

describe('rate-mismatch', () => {
  it.each<[string, SheetData]>([
    ['a fraction under a % format equal to actual ÷ target', list([['入館者数', 210000, 192762, 0.918]])],
    ['a percent typed as a number', list([['入館者数', 200, 150, 75]], null)],
    ['a percent typed as text', list([['入館者数', 200, 150, '75.0%']], null)],
    ['a rate shown to the unit, rounded down', list([['入館者数', 3, 2, 0.66]], '0%')],
    ['a rate capped at 100 %', list([['入館者数', 100, 130, 1]])],
    ['smaller is better: target ÷ actual', list([['交通事故死者数の減少', 160, 173, 0.925]])],
    ['no rate typed', list([['入館者数', 210000, 192762, null]])],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('rate-mismatch', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, object]>([
    [
      'a typed rate ten points off',
      list([['レファレンス件数', 18500, 16214, 0.976]]),
      {
        cell: 'D2',
        severity: 'warning',
        ja: '達成率 97.6% は 実績 16214 ÷ 目標 18500 = 87.6% と合いません',
        jaSuggestion: '達成率を 87.6% にするか、目標・実績の値（または達成率の式）を確認してください',
      },
    ],
    [
      'a rate copied from the row above',
      list([
        ['入館者数', 200, 150, 0.75],
        ['貸出点数', 400, 360, 0.75],
      ]),
      { cell: 'D3', data: expect.objectContaining({ typed: '75', computed: '90' }) },
    ],
  ])('reports %s on the rate cell', (_name, sheet, expected) => {
    const f = findingsOf('rate-mismatch', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject(expected);
  });
});
