/**
 * Builds test/fixtures/real/: one workbook per table published by another government (tools/real-tables/*.ts),
 * as published (<id>.xlsx) and, where the spec plants mistakes, a copy with them (<id>.bad.xlsx); then
 * corpus.json (what the engine must find in each) and the table of the corpus in README.md. Deterministic:
 * running it again gives the same files, byte for byte.
 *
 *   npm run real-tables
 */
import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { parseA1, parseRange } from '../src/core/a1';
import { BORDER, FONT, HEADER_FILL, newWorkbook, repoRoot, runGenerator, workbookBytes } from './generate-samples';
import { SPECS } from './real-tables';
import type { CellSpec, TableSpec } from './real-tables/types';

export const FIXTURE_DIR = path.join('test', 'fixtures', 'real');

function setCell(cell: ExcelJS.Cell, spec: CellSpec): void {
  if (spec === null || spec === undefined) {
    cell.value = null;
    return;
  }
  if (typeof spec === 'string' || typeof spec === 'number') {
    cell.value = spec;
    return;
  }
  if (spec.f !== undefined) {
    const result = spec.error !== undefined ? { error: spec.error } : spec.v;
    cell.value = { formula: spec.f, result } as ExcelJS.CellFormulaValue;
  } else {
    cell.value = spec.v ?? null;
  }
  if (spec.fmt !== undefined) cell.numFmt = spec.fmt;
}

/** The spec's rows with the edits of the bad copy applied (when `bad` is true). */
function rowsOf(spec: TableSpec, bad: boolean): CellSpec[][] {
  const rows = spec.rows.map((r) => [...r]);
  if (bad && spec.bad) {
    for (const e of spec.bad.edits) {
      const { row, col } = parseA1(e.cell);
      while (rows.length <= row) rows.push([]);
      const r = rows[row]!;
      while (r.length <= col) r.push(null);
      r[col] = e.value;
    }
  }
  return rows;
}

/** Rows of the table bodies (header rows through the last data row), for borders. */
function bodyRows(spec: TableSpec): Set<number> {
  const out = new Set<number>();
  for (const t of spec.expect.tables) {
    const last = Math.max(t.headerRow, ...t.dataRows);
    for (let r = t.headerRow; r <= last; r++) out.add(r);
  }
  return out;
}

export function buildWorkbook(spec: TableSpec, bad: boolean): ExcelJS.Workbook {
  const wb = newWorkbook(spec.title);
  wb.description = `Reproduced from ${spec.url} by tools/generate-real-tables.ts${bad ? ' (with planted mistakes)' : ''}`;
  const ws = wb.addWorksheet(spec.sheet, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = spec.widths.map((width) => ({ width }));
  const rows = rowsOf(spec, bad);
  const headers = new Set(spec.headerRows);
  const body = bodyRows(spec);
  const width = Math.max(spec.widths.length, ...rows.map((r) => r.length));
  rows.forEach((r, i) => {
    const rowNo = i + 1;
    const row = ws.getRow(rowNo);
    const inTable = headers.has(rowNo) || body.has(rowNo);
    for (let c = 0; c < (inTable ? width : r.length); c++) {
      const cell = row.getCell(c + 1);
      setCell(cell, r[c] ?? null);
      cell.font = headers.has(rowNo) ? { ...FONT, bold: true } : FONT;
      if (inTable) cell.border = BORDER;
      if (headers.has(rowNo)) {
        cell.fill = HEADER_FILL;
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      } else {
        cell.alignment = { vertical: 'top', wrapText: inTable };
      }
    }
  });
  for (const m of spec.merges) {
    const r = parseRange(m);
    ws.mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
  }
  wb.views = [{ x: 0, y: 0, width: 28800, height: 17000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

/** The corpus.json entry of a table. */
export function corpusEntry(spec: TableSpec) {
  const entry: Record<string, unknown> = {
    id: spec.id,
    publisher: spec.publisher,
    title: spec.title,
    url: spec.url,
    reconstructed: spec.reconstructed,
    file: `${spec.id}.xlsx`,
    sheet: spec.sheet,
    features: spec.features,
    expect: {
      tables: spec.expect.tables,
      unsupported: spec.expect.unsupported ?? false,
      missingRoles: spec.expect.missingRoles ?? [],
    },
  };
  if (spec.profile) entry.profile = spec.profile.json;
  if (spec.profile) entry.profileWhy = spec.profile.why;
  if (spec.bad) entry.planted = { file: `${spec.id}.bad.xlsx`, mistakes: spec.bad.mistakes };
  return entry;
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');

export function readme(specs: readonly TableSpec[]): string {
  const lines = [
    '# Real tables from other governments',
    '',
    'KPI progress / evaluation tables published by Japanese prefectures, municipalities and public bodies, each',
    'reproduced as an .xlsx by `tools/generate-real-tables.ts` from its spec in `tools/real-tables/<id>.ts`',
    '(`npm run real-tables` rewrites every file here, byte for byte the same). `<id>.xlsx` is the table as',
    'published; `<id>.bad.xlsx` is a copy with the mistakes listed below. `corpus.json` says, for each table,',
    'where its header is, which column plays which role, its fiscal year, its data rows, its grade scale and the',
    'planted mistakes; `test/real/corpus.test.ts` holds the engine to it. Generated: do not edit by hand.',
    '',
    'In `expect.tables[]`: `headerRow` and `dataRows` are 1-based sheet rows (commentary, section titles, legends and',
    'notes are not data rows); `columns` maps each role the engine must find to its column letter (`baseline` is',
    '基準値/策定時/計画策定時/従前値, or 現状値 when a later actual exists; `kpi_actual` is the fiscal year’s or the latest',
    'filled actual of a year series; a header merged over a number and a name column gives the role to the name',
    'column); `grades` is the scale in force, best first, and `gradeSource` says where it comes from: `legend`',
    '(written under the table), `preset` (a shipped word/symbol scale), `default` (S–D) or `profile` (the entry’s',
    '`profile`, given only where the table cannot be graded without one; `profileWhy` says why). `unsupported`',
    'tables are not one row per KPI: the engine must say so in one `unsupported-layout` finding and raise no error.',
    '`planted.mistakes[]` gives the cell, the rule id and what is wrong.',
    '',
    '| id | publisher | title | source | features | reconstructed | planted mistakes |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const s of specs) {
    const planted = s.bad
      ? s.bad.mistakes.map((m) => `${m.cell} \`${m.ruleId}\`: ${esc(m.what)}`).join('<br>')
      : s.expect.unsupported
        ? '— (unsupported layout: one `unsupported-layout` finding expected)'
        : '—';
    const profile = s.profile ? `<br>**profile**: ${esc(s.profile.why)}` : '';
    lines.push(
      `| \`${s.id}\` | ${esc(s.publisher)} | ${esc(s.title)} | <${s.url}> | ${s.features.join(', ')} | ${esc(s.reconstructed)}${profile} | ${planted} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The text as the repository's Prettier settings format it (so that `prettier --check` passes on it). */
async function pretty(file: string, text: string): Promise<string> {
  // Loaded only when writing: the tests import this module, and Prettier's loader needs ES modules at run time.
  const prettier = (await import('prettier')) as typeof import('prettier');
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

export async function generate(root: string = repoRoot()): Promise<string[]> {
  const dir = path.join(root, FIXTURE_DIR);
  await fs.mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, data: Buffer | string) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, data);
    written.push(file);
  };
  const ids = new Set<string>();
  for (const spec of SPECS) {
    if (ids.has(spec.id)) throw new Error(`duplicate table id ${spec.id}`);
    ids.add(spec.id);
    await write(`${spec.id}.xlsx`, await workbookBytes(buildWorkbook(spec, false)));
    if (spec.bad) await write(`${spec.id}.bad.xlsx`, await workbookBytes(buildWorkbook(spec, true)));
  }
  await write('corpus.json', await pretty(path.join(dir, 'corpus.json'), JSON.stringify(SPECS.map(corpusEntry), null, 2)));
  await write('README.md', await pretty(path.join(dir, 'README.md'), readme(SPECS)));
  return written;
}

if (require.main === module) runGenerator(() => generate());
