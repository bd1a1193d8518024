/**
 * The corpus of real tables (test/fixtures/real/, issue 7): every table published by another government is
 * found with the default profile (or the entry's own), its columns, fiscal year, data rows and grade scale as
 * corpus.json says; the clean file gives no error and no warning; an unsupported layout gives one
 * `unsupported-layout` finding; every planted mistake is found at its cell with its rule, and the bad file
 * gives no other error. The files are what tools/generate-real-tables.ts writes, byte for byte, and the corpus
 * agrees with itself (grades follow the table's own scale, typed rates equal actual ÷ target, planted mistakes are
 * what they say), so that a failure here is the engine's shortcoming, not a slip in a spec.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { colToLetters, parseA1, toA1 } from '../../src/core/a1';
import { checkSheet, type CheckResult } from '../../src/core/engine';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import type { Finding } from '../../src/core/types';
import { loadWorkbook, sheetToData } from '../../src/xlsx/read';
import { buildWorkbook, corpusEntry } from '../../tools/generate-real-tables';
import { workbookBytes } from '../../tools/generate-samples';
import { SPECS } from '../../tools/real-tables';
import type { ExpectedTable, PlantedMistake, Role, TableSpec } from '../../tools/real-tables/types';
import type { CellValue } from '../../src/core/grid';

const DIR = path.join(__dirname, '..', 'fixtures', 'real');

// ---------------------------------------------------------------------------------------------------------
// The one place that reads the engine's result: every table the engine found on the sheet (`result.tables`),
// with the grade scale in force for it (`scale`: the profile's, a legend under the table, a preset or S–D).

/** A table as the engine found it, in corpus.json's terms (1-based rows, column letters; any role it mapped). */
type FoundTable = Omit<ExpectedTable, 'columns'> & { columns: Partial<Record<string, string>> };

function tablesOf(result: CheckResult): FoundTable[] {
  return result.tables.map(({ layout, scale }) => {
    const columns: Partial<Record<string, string>> = {};
    for (const [role, col] of Object.entries(layout.columns)) if (col !== undefined) columns[role] = colToLetters(col);
    const hasGrade = layout.columns.grade !== undefined;
    return {
      headerRow: (layout.headerRows[0] ?? -1) + 1,
      columns,
      fiscalYear: layout.fiscalYear,
      dataRows: layout.dataRows.map((d) => d.row + 1),
      grades: hasGrade ? scale.steps.map((s) => s.grade) : null,
      gradeSource: hasGrade ? scale.source : null,
    };
  });
}
// ---------------------------------------------------------------------------------------------------------

interface Entry {
  id: string;
  file: string;
  sheet: string;
  profile?: unknown;
  expect: { tables: ExpectedTable[]; unsupported: boolean; missingRoles: Role[] };
  planted?: { file: string; mistakes: PlantedMistake[] };
}

const CORPUS: Entry[] = JSON.parse(require('fs').readFileSync(path.join(DIR, 'corpus.json'), 'utf8') as string) as Entry[];

function profileOf(entry: Entry): Profile {
  if (entry.profile === undefined) return DEFAULT_PROFILE;
  const r = parseProfile(entry.profile);
  if (!r.ok) throw new Error(`profile of ${entry.id} rejected: ${r.errors.join('; ')}`);
  return r.profile;
}

async function check(file: string, sheet: string, profile: Profile): Promise<CheckResult> {
  const wb = await loadWorkbook(path.join(DIR, file));
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${file}: no sheet ${sheet}`);
  return checkSheet(sheetToData(ws), profile);
}

const at = (f: Finding) => (f.row === null || f.col === null ? '(sheet)' : toA1(f.row, f.col));
const show = (fs: Finding[]) => fs.map((f) => `${at(f)} ${f.ruleId}${f.role ? `(${f.role})` : ''}`);

/** Error findings a clean table may give: missing-column for a role it really lacks. */
function unexpectedErrors(entry: Entry, findings: Finding[]): Finding[] {
  return findings.filter(
    (f) =>
      f.severity === 'error' && !(f.ruleId === 'missing-column' && f.role && entry.expect.missingRoles.includes(f.role as Role)),
  );
}

describe('the corpus of real tables', () => {
  test('holds at least 12 tables, each with its file, and at least 6 with planted mistakes', async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(12);
    expect(CORPUS.filter((e) => e.planted).length).toBeGreaterThanOrEqual(6);
    for (const e of CORPUS) {
      await expect(fs.access(path.join(DIR, e.file))).resolves.toBeUndefined();
      if (e.planted) await expect(fs.access(path.join(DIR, e.planted.file))).resolves.toBeUndefined();
    }
  });

  test('the files, corpus.json and README.md are what the generator writes', async () => {
    for (const spec of SPECS) {
      const clean = await fs.readFile(path.join(DIR, `${spec.id}.xlsx`));
      expect((await workbookBytes(buildWorkbook(spec, false))).equals(clean)).toBe(true);
      if (spec.bad) {
        const bad = await fs.readFile(path.join(DIR, `${spec.id}.bad.xlsx`));
        expect((await workbookBytes(buildWorkbook(spec, true))).equals(bad)).toBe(true);
      }
    }
    // corpus.json and README.md are formatted by Prettier when written: compare their content.
    expect(JSON.parse(await fs.readFile(path.join(DIR, 'corpus.json'), 'utf8'))).toEqual(
      JSON.parse(JSON.stringify(SPECS.map(corpusEntry))),
    );
    const text = await fs.readFile(path.join(DIR, 'README.md'), 'utf8');
    for (const spec of SPECS) {
      expect(text).toContain(`\`${spec.id}\``);
      expect(text).toContain(spec.url);
      for (const m of spec.bad?.mistakes ?? []) expect(text).toContain(`${m.cell} \`${m.ruleId}\``);
    }
  });

  test('every planted mistake is an edit of its bad copy, and every edit a planted mistake', () => {
    for (const spec of SPECS) {
      if (!spec.bad) continue;
      const edited = new Set(spec.bad.edits.map((e) => e.cell));
      for (const m of spec.bad.mistakes)
        expect({ id: spec.id, cell: m.cell, edited: edited.has(m.cell) }).toEqual({
          id: spec.id,
          cell: m.cell,
          edited: true,
        });
      expect(spec.bad.mistakes.length).toBeGreaterThanOrEqual(2);
      expect(spec.bad.mistakes.length).toBeLessThanOrEqual(4);
    }
  });
});

describe.each(CORPUS.map((e) => [e.id, e] as const))('%s', (_id, entry) => {
  let profile: Profile;
  let clean: CheckResult;
  beforeAll(async () => {
    // A profile the engine does not accept yet fails every test of its entry, with the reason.
    profile = profileOf(entry);
    clean = await check(entry.file, entry.sheet, profile);
  });

  if (entry.expect.unsupported) {
    test('the layout is recognised as unsupported: one unsupported-layout finding, no error', () => {
      expect(show(clean.findings.filter((f) => f.ruleId === 'unsupported-layout'))).toHaveLength(1);
      expect(show(clean.findings.filter((f) => f.severity === 'error'))).toEqual([]);
    });
  } else {
    test('the tables are found with their header row, columns, fiscal year, data rows and grade scale', () => {
      const found = tablesOf(clean);
      expect(found).toHaveLength(entry.expect.tables.length);
      entry.expect.tables.forEach((want, i) => {
        const got = found[i]!;
        const gotColumns: Partial<Record<string, string>> = {};
        for (const role of Object.keys(want.columns)) gotColumns[role] = got.columns[role];
        expect({ table: i + 1, headerRow: got.headerRow, columns: gotColumns }).toEqual({
          table: i + 1,
          headerRow: want.headerRow,
          columns: want.columns,
        });
        expect({ table: i + 1, fiscalYear: got.fiscalYear }).toEqual({ table: i + 1, fiscalYear: want.fiscalYear });
        expect({ table: i + 1, dataRows: got.dataRows }).toEqual({ table: i + 1, dataRows: want.dataRows });
        expect({ table: i + 1, grades: got.grades, gradeSource: got.gradeSource }).toEqual({
          table: i + 1,
          grades: want.grades,
          gradeSource: want.gradeSource,
        });
      });
    });

    test('the clean file gives no error and no warning', () => {
      expect(show(unexpectedErrors(entry, clean.findings))).toEqual([]);
      expect(show(clean.findings.filter((f) => f.severity === 'warning'))).toEqual([]);
    });
  }

  const planted = entry.planted;
  if (planted) {
    describe('the bad copy', () => {
      let bad: CheckResult;
      beforeAll(async () => {
        bad = await check(planted.file, entry.sheet, profile);
      });

      test.each(planted.mistakes.map((m) => [`${m.cell} ${m.ruleId}`, m] as const))('finds %s', (_name, m) => {
        const { row, col } = parseA1(m.cell);
        const hits = bad.findings.filter((f) => f.row === row && f.col === col).map((f) => f.ruleId);
        expect({ cell: m.cell, rules: hits }).toEqual({ cell: m.cell, rules: expect.arrayContaining([m.ruleId]) });
      });

      test('gives no error other than the planted ones', () => {
        const plantedErrors = new Set(planted.mistakes.map((m) => `${m.cell} ${m.ruleId}`));
        const others = unexpectedErrors(entry, bad.findings).filter((f) => !plantedErrors.has(`${at(f)} ${f.ruleId}`));
        expect(show(others)).toEqual([]);
      });
    });
  }
});

// ---------------------------------------------------------------------------------------------------------
// The corpus checked against itself (not the engine): what corpus.json promises holds in the files, so that
// a failure above is the engine's and not a slip in a spec.

interface Sheet {
  at(addr: string): CellValue;
  fmt(addr: string): string | null;
  texts(): string[];
}

async function sheetOf(file: string, name: string): Promise<Sheet> {
  const wb = await loadWorkbook(path.join(DIR, file));
  const data = sheetToData(wb.getWorksheet(name)!);
  const cell = <T>(grid: T[][] | undefined, addr: string): T | null => {
    const { row, col } = parseA1(addr);
    return grid?.[row - data.top]?.[col - data.left] ?? null;
  };
  return {
    at: (addr) => cell(data.values, addr),
    fmt: (addr) => cell(data.numberFormats as (string | null)[][] | undefined, addr),
    texts: () => data.values.flat().filter((v): v is string => typeof v === 'string'),
  };
}

/** The first number a cell shows ("192,762人" → 192762, 0.918 → 0.918, "毎年 67,000" → 67000). */
function numberIn(v: CellValue): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return null;
  const m = /-?\d+(?:\.\d+)?/.exec(v.replace(/,/g, ''));
  return m ? Number(m[0]) : null;
}

/** Decimals of a fraction shown under a percent format ("0.0%" → 3). */
function percentDecimals(fmt: string | null): number {
  const m = /0(?:\.(0+))?%/.exec(fmt ?? '');
  return m ? (m[1]?.length ?? 0) + 2 : 3;
}

const empty = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

/** The grade the spec's own numbers give on a row, under its selfCheck scale. */
function gradeOf(spec: TableSpec, t: ExpectedTable, sheet: Sheet, row: number): string | null {
  const check = spec.selfCheck;
  if (!check || !t.columns.kpi_target || !t.columns.kpi_actual) return null;
  const target = numberIn(sheet.at(`${t.columns.kpi_target}${row}`));
  const actual = numberIn(sheet.at(`${t.columns.kpi_actual}${row}`));
  if (target === null || actual === null) return null;
  let percent: number;
  if (check.formula === 'progress') {
    const base = numberIn(sheet.at(`${t.columns.baseline}${row}`));
    if (base === null || base === target) return null;
    percent = ((actual - base) / (target - base)) * 100;
  } else {
    percent = check.lowerIsBetter?.includes(row) ? (target / actual) * 100 : (actual / target) * 100;
  }
  for (const s of check.steps) if (percent + 1e-9 >= s.minPercent) return s.grade;
  return check.steps[check.steps.length - 1]!.grade;
}

describe('the corpus agrees with itself', () => {
  test.each(SPECS.map((s) => [s.id, s] as const))(
    '%s: data rows, grades, legends and rates of the clean file',
    async (_id, spec) => {
      const sheet = await sheetOf(`${spec.id}.xlsx`, spec.sheet);
      const problems: string[] = [];
      for (const t of spec.expect.tables) {
        const last = Math.max(...t.dataRows);
        for (const r of t.dataRows) {
          if (r <= t.headerRow) problems.push(`row ${r} is not below the header ${t.headerRow}`);
          const name = t.columns.indicator ?? t.columns.initiative;
          if (name && empty(sheet.at(`${name}${r}`))) problems.push(`${name}${r}: no indicator`);
          for (const role of ['kpi_target', 'kpi_actual'] as const) {
            const c = t.columns[role];
            if (c && empty(sheet.at(`${c}${r}`))) problems.push(`${c}${r}: ${role} empty`);
          }
          if (t.columns.grade && t.grades) {
            const g = sheet.at(`${t.columns.grade}${r}`);
            if (typeof g !== 'string' || !t.grades.includes(g))
              problems.push(`${t.columns.grade}${r}: ${String(g)} not on the scale`);
            const computed = gradeOf(spec, t, sheet, r);
            if (computed !== null && computed !== g)
              problems.push(`${t.columns.grade}${r}: ${String(g)} but the numbers give ${computed}`);
          }
          if (t.columns.rate && t.columns.kpi_target && t.columns.kpi_actual) {
            const rate = sheet.at(`${t.columns.rate}${r}`);
            const target = numberIn(sheet.at(`${t.columns.kpi_target}${r}`));
            const actual = numberIn(sheet.at(`${t.columns.kpi_actual}${r}`));
            const d = percentDecimals(sheet.fmt(`${t.columns.rate}${r}`));
            if (typeof rate !== 'number' || target === null || actual === null) problems.push(`${t.columns.rate}${r}: no rate`);
            else if (Math.abs(Number((actual / target).toFixed(d)) - rate) > 1e-9)
              problems.push(`${t.columns.rate}${r}: ${rate} ≠ ${actual} ÷ ${target}`);
          }
        }
        if (t.gradeSource === 'legend') {
          const legend = sheet.texts().filter((s) => t.grades!.some((g) => s.includes(`${g}：`) || s.includes(`「${g}」`)));
          for (const g of t.grades!)
            if (!legend.some((s) => s.includes(`${g}：`) || s.includes(`「${g}」`))) problems.push(`legend: no entry for ${g}`);
          if (legend.length === 0) problems.push(`no legend below row ${last}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  test.each(SPECS.filter((s) => s.bad).map((s) => [s.id, s] as const))(
    '%s: each planted mistake is what it says',
    async (_id, spec) => {
      const sheet = await sheetOf(`${spec.id}.bad.xlsx`, spec.sheet);
      const problems: string[] = [];
      for (const m of spec.bad!.mistakes) {
        const t = spec.expect.tables.find((x) => x.dataRows.includes(parseA1(m.cell).row + 1))!;
        const v = sheet.at(m.cell);
        const row = parseA1(m.cell).row + 1;
        const ok = (() => {
          switch (m.ruleId) {
            case 'missing-grade':
            case 'missing-actual':
            case 'required-cell-empty':
              return empty(v);
            case 'invalid-grade':
              return typeof v === 'string' && !t.grades!.includes(v) && !t.grades!.includes(v.normalize('NFKC'));
            case 'grade-not-normalized':
              return typeof v === 'string' && !t.grades!.includes(v);
            case 'grade-mismatch': {
              const computed = gradeOf(spec, t, sheet, row);
              return typeof v === 'string' && t.grades!.includes(v) && (computed === null || computed !== v);
            }
            case 'rate-mismatch': {
              const target = numberIn(sheet.at(`${t.columns.kpi_target}${row}`))!;
              const actual = numberIn(sheet.at(`${t.columns.kpi_actual}${row}`))!;
              return typeof v === 'number' && Math.abs(actual / target - v) > 0.005;
            }
            case 'formula-error':
              return typeof v === 'string' && v.startsWith('#');
            case 'placeholder-text':
              return typeof v === 'string' && v.includes('未定');
            default:
              return false;
          }
        })();
        if (!ok) problems.push(`${m.cell} ${m.ruleId}: ${String(v)}`);
      }
      expect(problems).toEqual([]);
    },
  );
});
