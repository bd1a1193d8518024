import fc from 'fast-check';
import { moveFormula, toR1C1, tokenizeFormula } from '../../src/core/formula';

describe('toR1C1 (patterns relative to the formula’s cell)', () => {
  // Cells are 0-based: (4, 6) is G5.
  it.each<[string, number, number, string]>([
    ['=F5/E5', 4, 6, '=RC[-1]/RC[-2]'],
    ['=F4/E5', 4, 6, '=R[-1]C[-1]/RC[-2]'],
    ['=IFERROR(F5/E5,"-")', 4, 6, '=IFERROR(RC[-1]/RC[-2],"-")'],
    ['=iferror( f5 / e5 ,"-")', 4, 6, '=IFERROR(RC[-1]/RC[-2],"-")'],
    ['=$F$5/E$5', 4, 6, '=R5C6/R5C[-2]'],
    ['=SUM($A$1:B2)', 3, 3, '=SUM(R1C1:R[-2]C[-2])'],
    ['=SUM(A:A)+SUM(2:3)', 5, 5, '=SUM(C[-5]:C[-5])+SUM(R[-4]:R[-3])'],
    ["='My sheet'!A1+Sheet2!$B3", 0, 0, "='MY SHEET'!RC+SHEET2!R[2]C2"],
    ['=集計!A1', 0, 0, '=集計!RC'],
    ['=LOG10(A1)&"A1 stays text"', 0, 1, '=LOG10(RC[-1])&"A1 stays text"'],
    ['="say ""B2"""&B2', 1, 1, '="say ""B2"""&RC'],
    ['=Table1[[#This Row],[目標]]*2', 0, 0, '=TABLE1[[#THISROW],[目標]]*2'],
    ['=1E+5*A1', 1, 1, '=1E+5*R[-1]C[-1]'],
    ['=TRUE', 0, 0, '=TRUE'],
  ])('%s at (%d,%d) → %s', (formula, row, col, pattern) => {
    expect(toR1C1(formula, row, col)).toBe(pattern);
  });

  it('gives formulas copied down a column one pattern', () => {
    const rows = [2, 3, 4, 5, 6];
    const patterns = rows.map((r) => toR1C1(`=IFERROR(F${r + 1}/E${r + 1},"-")`, r, 6));
    expect(new Set(patterns).size).toBe(1);
  });

  it('tells references from names and functions', () => {
    const refs = (f: string) => tokenizeFormula(f).filter((t) => typeof t !== 'string').length;
    expect(refs('=LOG10(A1)')).toBe(1);
    expect(refs('=ABC1+ATAN2(1,2)')).toBe(1);
    expect(refs('=R1C1_name+XFE1')).toBe(0);
    expect(refs('=Sheet1!A1:B2')).toBe(1);
  });
});

describe('moveFormula', () => {
  it.each<[string, [number, number, number, number], string]>([
    ['=IFERROR(F3/E3,"-")', [2, 6, 5, 6], '=IFERROR(F6/E6,"-")'],
    ['=F3/$E$3', [2, 6, 5, 6], '=F6/$E$3'],
    ['=SUM(A$1:A3)', [3, 1, 4, 2], '=SUM(B$1:B4)'],
    ["='R5実績'!F4/E4", [3, 6, 4, 6], "='R5実績'!F5/E5"],
    ['=A1', [1, 1, 0, 0], '=#REF!'],
    ['=A:A', [0, 1, 0, 2], '=B:B'],
  ])('%s moved %j → %s', (formula, [fr, fc_, tr, tc], expected) => {
    expect(moveFormula(formula, fr, fc_, tr, tc)).toBe(expected);
  });

  it('keeps the pattern when a formula is moved (property)', () => {
    const cell = fc.record({ row: fc.integer({ min: 2, max: 500 }), col: fc.integer({ min: 2, max: 40 }) });
    fc.assert(
      fc.property(cell, cell, fc.constantFrom('=A1+B2', '=SUM(C3:D4)*$A$1', '=IF(E5>0,F5/E5,"E5")', "='x y'!C3"), (a, b, f) => {
        const here = moveFormula(f, 2, 2, a.row, a.col);
        const there = moveFormula(here, a.row, a.col, b.row, b.col);
        expect(toR1C1(there, b.row, b.col)).toBe(toR1C1(here, a.row, a.col));
      }),
    );
  });

  it('never throws on odd text', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(100), fc.nat(100), (s, r, c) => {
        toR1C1('=' + s, r, c);
        moveFormula('=' + s, r, c, r + 1, c);
      }),
    );
  });
});
