import { Grid, isExcelError } from '../../src/core/grid';

describe('Grid', () => {
  const grid = new Grid({
    name: 'S',
    top: 2,
    left: 1,
    values: [
      ['対象者', null, 3],
      [null, '#DIV/0!'],
      [true, 1.5, '  '],
    ],
    formulas: [
      [null, null, null],
      [null, '=1/0'],
      [null, 'not a formula', null],
    ],
    merges: [{ top: 2, left: 1, bottom: 4, right: 1 }],
  });

  it('reads values in sheet coordinates, empty outside the used range', () => {
    expect(grid.text(2, 1)).toBe('対象者');
    expect(grid.value(2, 3)).toBe(3);
    expect(grid.value(0, 0)).toBeNull();
    expect(grid.value(3, 3)).toBeNull(); // ragged row
    expect(grid.text(4, 1)).toBe('TRUE');
    expect(grid.lastRow).toBe(4);
    expect(grid.lastCol).toBe(3);
  });

  it('knows formulas and error values', () => {
    expect(grid.formula(3, 2)).toBe('=1/0');
    expect(grid.formula(4, 2)).toBeNull();
    expect(isExcelError(grid.value(3, 2))).toBe(true);
    expect(isExcelError('#DIV/0')).toBe(false);
  });

  it('shows a merged area’s value in every cell of it', () => {
    expect(grid.value(4, 1)).toBe(true); // the raw cell
    expect(grid.shownText(3, 1)).toBe('対象者');
    expect(grid.isCoveredByMerge(3, 1)).toBe(true);
    expect(grid.isCoveredByMerge(2, 1)).toBe(false);
    expect(grid.mergeAt(2, 1)).toEqual({ top: 2, left: 1, bottom: 4, right: 1 });
    expect(grid.isEmpty(4, 3)).toBe(true);
  });

  it('never throws on odd input', () => {
    const g = new Grid({ name: 'x', top: -3, left: NaN, values: [null as never, [undefined as never, {} as never, Infinity]] });
    expect(g.value(0, 0)).toBeNull();
    expect(g.text(1, 1)).toBe('[object Object]');
    expect(g.value(1, 0)).toBeNull();
    expect(g.value(1, 2)).toBeNull();
  });
});
