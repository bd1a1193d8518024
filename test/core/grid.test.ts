import type { CellRange } from '../../src/core/a1';
import { Grid, isExcelError, mergesOverlap } from '../../src/core/grid';

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

  it('says whether any cell holds a formula (text that is not one does not count)', () => {
    expect(grid.hasFormulas).toBe(true);
    const values = [['a', 1]];
    expect(new Grid({ name: 'S', top: 0, left: 0, values }).hasFormulas).toBe(false);
    expect(new Grid({ name: 'S', top: 0, left: 0, values, formulas: [[null, 'x', '=']] }).hasFormulas).toBe(false);
    expect(new Grid({ name: 'S', top: 0, left: 0, values, formulas: [[], [null, '=A1']] }).hasFormulas).toBe(true);
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

describe('merged areas are looked up without expanding them', () => {
  /** What the grid answered when it kept every merged cell in a map (the last merge listed wins). */
  function expanded(merges: CellRange[]): { covered: Map<number, CellRange>; topLeft: Map<number, CellRange> } {
    const covered = new Map<number, CellRange>();
    const topLeft = new Map<number, CellRange>();
    for (const m of merges) {
      topLeft.set(m.top * 16384 + m.left, m);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.set(r * 16384 + c, m);
    }
    return { covered, topLeft };
  }

  /** A small pseudo-random generator, so that a failure can be replayed. */
  function random(seed: number): () => number {
    let s = seed;
    return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x80000000);
  }

  function randomMerges(next: () => number, n: number, apart: boolean): CellRange[] {
    const out: CellRange[] = [];
    const taken = new Set<number>();
    while (out.length < n) {
      const top = Math.floor(next() * 30);
      const left = Math.floor(next() * 12);
      const m = { top, left, bottom: top + Math.floor(next() * 6), right: left + Math.floor(next() * 4) };
      if (m.bottom === m.top && m.right === m.left) continue;
      const cells: number[] = [];
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) cells.push(r * 16384 + c);
      if (apart && cells.some((k) => taken.has(k))) continue;
      cells.forEach((k) => taken.add(k));
      out.push(m);
    }
    return out;
  }

  // A used range of 1 × 3 cells: the tree answers nearly everywhere; one of 20 × 10 from row 5: the
  // used range's table answers inside it (and the tree outside).
  const SMALL = { top: 0, values: [['a', 'b', 'c']] };
  const WIDE = { top: 5, values: Array.from({ length: 20 }, () => Array.from({ length: 10 }, () => 'x')) };
  it.each([
    ['merges apart, small used range', true, SMALL],
    ['overlapping merges (no reader gives them), small used range', false, SMALL],
    ['merges apart, used range over most merges', true, WIDE],
    ['overlapping merges, used range over most merges', false, WIDE],
  ])('give the same answers as expanding every merged cell: %s', (_name, apart, used) => {
    const next = random(apart ? 7 : 11);
    for (let round = 0; round < 60; round++) {
      const merges = randomMerges(next, 1 + Math.floor(next() * 25), apart as boolean);
      const grid = new Grid({ name: 'S', top: used.top, left: 0, values: used.values, merges });
      const { covered, topLeft } = expanded(merges);
      const got: unknown[] = [];
      const want: unknown[] = [];
      for (let r = -1; r < 38; r++)
        for (let c = -1; c < 18; c++) {
          const k = r * 16384 + c;
          got.push([r, c, grid.mergeAt(r, c), grid.isCoveredByMerge(r, c)]);
          want.push([r, c, covered.get(k) ?? topLeft.get(k) ?? null, covered.has(k)]);
        }
      expect(got).toEqual(want);
      const overlap = !apart && merges.some((m, i) => merges.some((o, j) => j > i && meet(m, o)));
      expect(mergesOverlap(merges)).toBe(overlap); // by marking cells
      expect(mergesOverlap(merges, 0)).toBe(overlap); // by the tree
    }
  });

  function meet(a: CellRange, b: CellRange): boolean {
    return !(a.bottom < b.top || b.bottom < a.top || a.right < b.left || b.right < a.left);
  }

  it('finds overlaps in any order, and none between areas that only touch', () => {
    const a = { top: 0, left: 0, bottom: 1, right: 1 };
    expect(mergesOverlap([a, { top: 1, left: 1, bottom: 2, right: 2 }])).toBe(true);
    expect(mergesOverlap([{ top: 1, left: 1, bottom: 2, right: 2 }, a])).toBe(true);
    // A tall one crossed by a wide one that starts below its top.
    expect(
      mergesOverlap([
        { top: 0, left: 5, bottom: 99, right: 5 },
        { top: 50, left: 0, bottom: 50, right: 9 },
      ]),
    ).toBe(true);
    expect(mergesOverlap([a, { top: 2, left: 0, bottom: 3, right: 1 }, { top: 0, left: 2, bottom: 3, right: 2 }])).toBe(false);
    expect(mergesOverlap([a, { top: 1, left: 1, bottom: 2, right: 2 }], 0)).toBe(true);
    expect(mergesOverlap([a, { top: 2, left: 0, bottom: 3, right: 1 }, { top: 0, left: 2, bottom: 3, right: 2 }], 0)).toBe(false);
  });

  it('holds a merge over the whole sheet and thousands of column-high merges as one entry each', () => {
    const whole = { top: 0, left: 0, bottom: 1048575, right: 16383 };
    const grid = new Grid({ name: 'S', top: 0, left: 0, values: [['表']], merges: [whole] });
    expect(grid.mergeAt(1048575, 16383)).toBe(whole);
    expect(grid.shownText(700000, 9000)).toBe('表');
    expect(grid.isCoveredByMerge(0, 0)).toBe(false);
    const columns = Array.from({ length: 16384 }, (_x, c) => ({ top: 0, left: c, bottom: 1048575, right: c }));
    const tall = new Grid({ name: 'S', top: 0, left: 0, values: [], merges: columns });
    expect(tall.mergeAt(524288, 12345)).toBe(columns[12345]);
    expect(mergesOverlap(columns)).toBe(false);
    expect(mergesOverlap([...columns, whole])).toBe(true);
  });
});
