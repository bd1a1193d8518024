import fc from 'fast-check';
import type { CellRange } from '../../src/core/a1';
import { checkSheet } from '../../src/core/engine';
import { EXCEL_ERRORS, Grid, type CellValue, type SheetData } from '../../src/core/grid';
import { localizeFinding } from '../../src/core/messages';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import { RULES_BY_ID } from '../../src/core/rules';
import { SEED_ACTUAL, SEED_TARGET } from '../helpers/seedKpi';
import { SAMPLE_HEADER_ROW_1, SAMPLE_HEADER_ROW_2 } from '../helpers/layouts';

const WORDS = [
  '対象者',
  '取組内容',
  '実施計画',
  '実施計画（R5年度）',
  'KPI',
  '目標',
  '目標値',
  '実績',
  '実績値',
  '実績(2023年度)',
  '指標',
  '達成率',
  '達成度',
  '課題と今後の方向性',
  '実施機関及び関係機関',
  '実施機関及び関係機間',
  '備考',
  '①課題やニーズの把握',
  '(2) 支援',
  'ア',
  'イ',
  '（ウ）',
  'S',
  'A',
  'B',
  'C',
  'D',
  '-',
  'Ｂ',
  ' b ',
  'ー',
  'E',
  '10人',
  '8件',
  '①10人②5か所',
  '1.5万人',
  '３２人',
  SEED_TARGET,
  SEED_ACTUAL,
  '<p>x</p><ul><li>y</li></ul>',
  '&nbsp;',
  '〇〇',
  '未定',
  'TBD',
  '要確認',
  ' 先頭',
  '末尾　',
  '二重  空白',
  '※注記',
  '{role}',
  '=A1',
  '',
];
const FORMULAS = [
  '=A1',
  '=F3/E3',
  '=IFERROR(F{r}/E{r},"-")',
  '=SUM($A$1:B2)',
  "='My sheet'!A1",
  '=A:A',
  '=1:1',
  '=XFD1048576',
  '=Sheet1!',
  '="A1"&B2',
  '=',
  '=(',
  '=""""',
];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<CellValue>(...WORDS) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(...EXCEL_ERRORS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 200 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const formula: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom(...FORMULAS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => '=' + s) },
);
const merge = (rows: number, cols: number, top: number, left: number): fc.Arbitrary<CellRange> =>
  fc
    .record({
      top: fc.integer({ min: top - 2, max: top + rows + 1 }),
      left: fc.integer({ min: left - 2, max: left + cols + 1 }),
      h: fc.integer({ min: -1, max: 5 }),
      w: fc.integer({ min: -1, max: 4 }),
    })
    .map(({ top: t, left: l, h, w }) => ({ top: t, left: l, bottom: t + h, right: l + w }));

const sheet: fc.Arbitrary<SheetData> = fc
  .record({
    top: fc.integer({ min: 0, max: 4 }),
    left: fc.integer({ min: 0, max: 3 }),
    rows: fc.integer({ min: 0, max: 24 }),
    cols: fc.integer({ min: 0, max: 13 }),
    header: fc.constantFrom('none', 'seed', 'seed-offset'),
  })
  .chain(({ top, left, rows, cols, header }) =>
    fc
      .record({
        values: fc.array(fc.array(value, { maxLength: cols }), { minLength: rows, maxLength: rows }),
        formulas: fc.array(fc.array(formula, { maxLength: cols }), { minLength: rows, maxLength: rows }),
        merges: fc.array(merge(rows, cols, top, left), { maxLength: 6 }),
        headerAt: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ values, formulas, merges, headerAt }) => {
        if (header !== 'none') {
          const at = header === 'seed' ? 0 : Math.min(headerAt, values.length);
          values.splice(at, 0, [...SAMPLE_HEADER_ROW_1], [...SAMPLE_HEADER_ROW_2]);
          formulas.splice(at, 0, [], []);
          if (header === 'seed')
            merges.push(
              { top, left: left + 4, bottom: top, right: left + 6 },
              { top, left: left + 1, bottom: top + 1, right: left + 2 },
            );
        }
        return { name: 'random', top, left, values, formulas, merges };
      }),
  );

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

function checkFindings(s: SheetData, profile: Profile): void {
  const grid = new Grid(s);
  const result = checkSheet(s, profile);
  for (const f of result.findings) {
    if (f.row === null || f.col === null) {
      expect([f.row, f.col]).toEqual([null, null]);
    } else if (!grid.contains(f.row, f.col)) {
      throw new Error(`${f.ruleId} names (${f.row}, ${f.col}) outside the grid`);
    }
    const rule = RULES_BY_ID.get(f.ruleId)!;
    for (const id of [f.messageId, f.suggestionId].filter((x): x is string => x !== undefined)) {
      const msg = rule.messages[id];
      expect(msg).toBeDefined();
      for (const name of [...placeholders(msg!.ja), ...placeholders(msg!.en)]) expect(f.data).toHaveProperty(name);
    }
    expect(localizeFinding(f, 'ja').message.length).toBeGreaterThan(0);
    expect(localizeFinding(f, 'en').message.length).toBeGreaterThan(0);
  }
  if (result.layout) expect(result.kpis.map((k) => k.row)).toEqual(result.layout.dataRows.map((d) => d.row));
}

describe('checkSheet on random grids', () => {
  it('never throws, and every finding names a cell inside the grid (or none) with its message filled', () => {
    fc.assert(
      fc.property(sheet, (s) => checkFindings(s, DEFAULT_PROFILE)),
      { numRuns: 300 },
    );
  });

  it('holds under a profile with other grades and every rule on', () => {
    const profile: Profile = {
      ...DEFAULT_PROFILE,
      gradeScale: [
        { grade: '◎', minPercent: 100 },
        { grade: '○', minPercent: 50 },
        { grade: '△', minPercent: 0 },
      ],
      requiredCells: [
        'target_group',
        'label',
        'initiative',
        'plan',
        'kpi_target',
        'grade',
        'results',
        'issues',
        'agencies',
        'remarks',
      ],
      requiredColumns: ['target_group', 'initiative', 'rate', 'indicator'],
      placeholders: ['記入例', 'x'],
    };
    fc.assert(
      fc.property(sheet, (s) => checkFindings(s, profile)),
      { numRuns: 150 },
    );
  });

  it('reaches most rules (the grids are not all tableless noise)', () => {
    const hit = new Set<string>();
    for (const s of fc.sample(sheet, { numRuns: 200, seed: 42 })) for (const f of checkSheet(s).findings) hit.add(f.ruleId);
    expect(hit.size).toBeGreaterThanOrEqual(14);
  });

  it('survives malformed sheet data', () => {
    const odd = [
      {
        name: 'n',
        top: -3,
        left: Number.NaN,
        values: [[1, 2], null as unknown as CellValue[], [undefined as unknown as CellValue]],
      },
      {
        name: 'n',
        top: 0,
        left: 0,
        values: [[{} as unknown as CellValue, Number.POSITIVE_INFINITY, '対象者', '取組内容', 'KPI', '達成度']],
      },
      { name: 'n', top: 0, left: 0, values: [], merges: [{ top: 5, left: 5, bottom: 1, right: 1 }] },
    ] as SheetData[];
    for (const s of odd) expect(() => checkFindings(s, DEFAULT_PROFILE)).not.toThrow();
  });
});
