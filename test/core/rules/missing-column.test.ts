import type { SheetData } from '../../../src/core/grid';
import { DEFAULT_PROFILE, type Profile } from '../../../src/core/profile';
import { findingsOf } from '../../helpers/findings';
import { numericTable, seedTable } from '../../helpers/table';

const rows = [{}, { kpi_target: '10人', kpi_actual: '8人', grade: 'B' }];

describe('missing-column', () => {
  it.each<[string, SheetData, Profile]>([
    ['the seed layout', seedTable(rows).sheet, DEFAULT_PROFILE],
    ['numeric KPI columns', numericTable([{ kpi_target: 10, kpi_actual: 8, grade: 'B' }]).sheet, DEFAULT_PROFILE],
    [
      'other spellings (全角, R6年度, spaces)',
      seedTable(rows, { edit: { D1: '実施計画（Ｒ６年度）', J1: '実施機関 及び\n関係機関' } }).sheet,
      DEFAULT_PROFILE,
    ],
    [
      'a profile that requires fewer columns',
      seedTable(rows, { edit: { D1: '日程' } }).sheet,
      { ...DEFAULT_PROFILE, requiredColumns: ['initiative', 'grade'] },
    ],
  ])('is quiet on %s', (_name, sheet, profile) => {
    expect(findingsOf('missing-column', sheet, profile)).toEqual([]);
  });

  it.each<[string, SheetData, Profile, object]>([
    [
      'a misspelt agencies header (suggests the near miss)',
      seedTable(rows, { edit: { J1: '実施機関及び関係機間' } }).sheet,
      DEFAULT_PROFILE,
      {
        cell: 'J1',
        role: 'agencies',
        ja: '見出し「実施機関及び関係機間」は「実施機関及び関係機関」の誤りではありませんか（必須の列「実施機関及び関係機関」が見つかりません）',
        en: 'The header "実施機関及び関係機間" looks like a misspelling of "実施機関及び関係機関" (the required column "Agencies" was not found)',
        jaSuggestion: '見出しを「実施機関及び関係機関」に直してください',
        enSuggestion: 'Rename the header to "実施機関及び関係機関"',
        data: expect.objectContaining({ found: '実施機関及び関係機間', expected: '実施機関及び関係機関' }),
      },
    ],
    [
      'a misspelt plan header with its year',
      seedTable(rows, { edit: { D1: '実施計劃(令和6年度)' } }).sheet,
      DEFAULT_PROFILE,
      {
        cell: 'D1',
        role: 'plan',
        ja: '見出し「実施計劃(令和6年度)」は「実施計画」の誤りではありませんか（必須の列「実施計画」が見つかりません）',
      },
    ],
    [
      'a plan column with an unrelated header',
      seedTable(rows, { edit: { D1: '日程' } }).sheet,
      DEFAULT_PROFILE,
      { cell: null, role: 'plan', ja: '必須の列「実施計画」が見つかりません', en: 'The required column "Plan" was not found' },
    ],
    [
      'a column the profile requires (達成率)',
      seedTable(rows).sheet,
      { ...DEFAULT_PROFILE, requiredColumns: [...DEFAULT_PROFILE.requiredColumns, 'rate'] },
      {
        cell: null,
        role: 'rate',
        ja: '必須の列「達成率」が見つかりません',
        en: 'The required column "Achievement rate" was not found',
      },
    ],
  ])('reports %s', (_name, sheet, profile, expected) => {
    const f = findingsOf('missing-column', sheet, profile);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', ...expected });
  });
});
