import { checkSheet } from '../../../src/core/engine';
import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { seedTable, type RowSpec } from '../../helpers/table';
import { SAMPLE_HEADER_ROW_1, SAMPLE_HEADER_ROW_2 } from '../../helpers/layouts';

describe('repeated-header', () => {
  it.each<[string, SheetData]>([
    ['a table with one header', seedTable([{}, {}, {}]).sheet],
    ['section rows between data rows', seedTable([{ section: '①課題やニーズの把握' }, {}, { section: '②支援体制' }, {}]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('repeated-header', sheet)).toEqual([]);
  });

  const twoPages: RowSpec[] = [
    { label: 'ア' },
    { label: 'イ' },
    { raw: SAMPLE_HEADER_ROW_1 },
    { raw: SAMPLE_HEADER_ROW_2 },
    { label: 'ウ' },
  ];
  it.each<[string, SheetData, object[]]>([
    [
      'both header rows of a second printed page',
      seedTable(twoPages).sheet,
      [
        {
          cell: 'A5',
          ja: '表の途中で見出し行が繰り返されています（5 行目）。この行はデータとして扱わずに読み飛ばしました',
          en: 'The header is repeated inside the table (row 5); the row was skipped, not read as data',
        },
        { cell: 'E6', ja: '表の途中で見出し行が繰り返されています（6 行目）。この行はデータとして扱わずに読み飛ばしました' },
      ],
    ],
    ['a single repeated header row', seedTable([{}, { raw: SAMPLE_HEADER_ROW_1 }, {}]).sheet, [{ cell: 'A4' }]],
  ])('reports %s', (_name, sheet, expected) => {
    const f = findingsOf('repeated-header', sheet);
    expect(f).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(f[i]).toMatchObject({ severity: 'info', ...e }));
  });

  it('keeps reading data rows after the repeated header', () => {
    const t = seedTable(twoPages);
    expect(checkSheet(t.sheet).layout!.dataRows.map((d) => d.row)).toEqual([t.rows[0], t.rows[1], t.rows[4]]);
  });
});
