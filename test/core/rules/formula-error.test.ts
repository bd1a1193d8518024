import { EXCEL_ERRORS, type SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { fx, numericTable, seedTable } from '../../helpers/table';

describe('formula-error', () => {
  it.each<[string, SheetData]>([
    ['a table without errors', numericTable([{ kpi_target: 10, kpi_actual: 8, grade: 'B' }]).sheet],
    ['an error in a title row above the table', seedTable([{}], { titleRows: ['#REF!'] }).sheet],
    ['error-like text that is not an error code', seedTable([{ remarks: '#DIV/0! は解消済み' }]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('formula-error', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, string, string]>([
    [
      '#DIV/0! in the rate column',
      numericTable([{ kpi_target: 0, kpi_actual: 3, rate: fx('=F{r}/E{r}', '#DIV/0!'), grade: 'A' }]).sheet,
      'G3',
      'エラー値 #DIV/0! が表示されています（0 または空欄のセルで割っています）',
      'The cell shows the error value #DIV/0! (a division by zero or by an empty cell)',
    ],
    [
      '#REF! in the grade column',
      numericTable([{}, { kpi_target: 10, kpi_actual: 3, grade: fx('=IF(#REF!>=1.2,"S","D")', '#REF!') }]).sheet,
      'H4',
      'エラー値 #REF! が表示されています（参照先のセルが削除されています）',
      'The cell shows the error value #REF! (a referenced cell was deleted)',
    ],
    [
      '#N/A in a text column',
      seedTable([{ agencies: fx('=VLOOKUP(A3,担当!A:B,2,FALSE)', '#N/A') }]).sheet,
      'J3',
      'エラー値 #N/A が表示されています（検索した値が見つかりません）',
      'The cell shows the error value #N/A (a looked-up value was not found)',
    ],
    [
      '#SPILL! in a header cell',
      seedTable([{}], { edit: { K1: '#SPILL!' } }).sheet,
      'K1',
      'エラー値 #SPILL! が表示されています（結果を書き出す範囲が空いていません）',
      'The cell shows the error value #SPILL! (the spill range is not empty)',
    ],
  ])('reports %s', (_name, sheet, cell, ja, en) => {
    const f = findingsOf('formula-error', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell, severity: 'error', ja, en });
  });

  it('reports every error code in the table, with the code in its data', () => {
    const codes = EXCEL_ERRORS.slice(0, 9);
    const t = seedTable(codes.map((code) => ({ remarks: code })));
    const f = findingsOf('formula-error', t.sheet);
    expect(f.map((x) => [x.cell, x.data.code])).toEqual(codes.map((code, i) => [t.at(i, 'remarks'), code]));
  });
});
