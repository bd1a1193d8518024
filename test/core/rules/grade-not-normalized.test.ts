import type { CellValue } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { seedTable } from '../../helpers/table';

const kpi = { kpi_target: '10人', kpi_actual: '8人' };

describe('grade-not-normalized', () => {
  it.each<[string, CellValue]>([
    ['B', 'B'],
    ['"-"', '-'],
    ['an invalid grade (reported by invalid-grade instead)', 'E'],
  ])('is quiet on %s', (_name, grade) => {
    expect(findingsOf('grade-not-normalized', seedTable([{ ...kpi, grade }]).sheet)).toEqual([]);
  });

  it.each<[string, CellValue, string]>([
    ['full-width Ｂ', 'Ｂ', 'B'],
    ['lower-case b', 'b', 'B'],
    ['spaces around B', ' B ', 'B'],
    ['full-width space after B', 'B\u3000', 'B'],
    ['full-width lower-case ｄ', 'ｄ', 'D'],
    ['a long-vowel mark for "-"', 'ー', '-'],
    ['a full-width minus for "-"', '－', '-'],
  ])('reports %s and suggests the fix', (_name, grade, fixed) => {
    const f = findingsOf('grade-not-normalized', seedTable([{}, { ...kpi, grade }]).sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell: 'G4',
      severity: 'warning',
      ja: `達成度「${grade}」の表記が統一されていません`,
      en: `The grade "${grade}" is not written in the standard form`,
      jaSuggestion: `「${grade}」→「${fixed}」に直してください`,
      enSuggestion: `Change "${grade}" to "${fixed}"`,
    });
  });

  it('is not also reported as stray whitespace', () => {
    expect(findingsOf('stray-whitespace', seedTable([{ ...kpi, grade: ' B ' }]).sheet)).toEqual([]);
  });
});
