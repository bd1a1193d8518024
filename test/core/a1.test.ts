import { colToLetters, lettersToCol, parseA1, parseRange, quoteSheetName, rangeToA1, toA1 } from '../../src/core/a1';

describe('A1 addresses', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s and back', (col, letters) => {
    expect(colToLetters(col)).toBe(letters);
    expect(lettersToCol(letters)).toBe(col);
  });

  it('formats and parses cells and ranges', () => {
    expect(toA1(21, 6)).toBe('G22');
    expect(parseA1('$G$22')).toEqual({ row: 21, col: 6 });
    expect(parseRange("'進捗 管理'!K3:A1")).toEqual({ top: 0, left: 0, bottom: 2, right: 10 });
    expect(rangeToA1({ top: 0, left: 0, bottom: 0, right: 0 })).toBe('A1');
    expect(rangeToA1({ top: 0, left: 0, bottom: 22, right: 10 })).toBe('A1:K23');
  });

  it.each(['', 'G0', '1A', 'A1048577', 'XFE1', 'A1:B'])('rejects %p', (bad) => {
    expect(() => parseRange(bad)).toThrow(RangeError);
  });

  it('quotes sheet names only when needed', () => {
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
    expect(quoteSheetName('進捗管理表')).toBe("'進捗管理表'");
    expect(quoteSheetName("it's")).toBe("'it''s'");
    expect(quoteSheetName('A1')).toBe("'A1'");
  });
});
