/**
 * Merge references are read from their bytes when written plainly (mergeFromBytes) and as ExcelJS reads
 * them otherwise (parseMerge): wherever the fast path gives an area it must be parseMerge's, and every
 * reference Excel writes must take it.
 */
import { mergeFromBytes, parseMerge } from '../../src/xlsx-read/sheet';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const fast = (s: string) => mergeFromBytes(bytes(s), 0, bytes(s).length);
const slow = (s: string) => {
  try {
    return parseMerge(s);
  } catch (e) {
    return (e as Error).name;
  }
};

describe('merge references', () => {
  it.each([
    ['B3:D7', { top: 2, left: 1, bottom: 6, right: 3 }],
    ['A1', { top: 0, left: 0, bottom: 0, right: 0 }],
    ['D7:B3', { top: 2, left: 1, bottom: 6, right: 3 }],
    ['XFD1048576', { top: 1048575, left: 16383, bottom: 1048575, right: 16383 }],
    ['AA10:AB12', { top: 9, left: 26, bottom: 11, right: 27 }],
  ])('reads %s from its bytes', (ref, area) => {
    expect(fast(ref)).toEqual(area);
    expect(slow(ref)).toEqual(area);
  });

  it.each([
    '$B$3:$D$7',
    'b3:d7',
    'B3:',
    ':B3',
    'B3:D7:E9',
    'XFE1',
    'A1048577',
    'AAAA1',
    'A12345678',
    '',
    'B',
    '3',
    'B3 ',
    'B&#51;',
  ])('leaves %j to the reader ExcelJS follows', (ref) => {
    expect(fast(ref)).toBeNull();
  });

  it('never disagrees with parseMerge (random references)', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const alphabet = 'ABCXYZ0123456789:$a ';
    let taken = 0;
    for (let i = 0; i < 20000; i++) {
      let ref = '';
      for (let k = rnd(12); k >= 0; k--) ref += alphabet[rnd(alphabet.length)];
      const f = fast(ref);
      if (f === null) continue;
      taken++;
      expect([ref, f]).toEqual([ref, slow(ref)]);
    }
    expect(taken).toBeGreaterThan(100);
  });
});
