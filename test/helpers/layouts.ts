/**
 * Builders for test sheets (SheetData) and the seed table laid out as the sample workbook.
 * Tests may use Node here; src/core may not.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseA1, parseRange, type CellRange } from '../../src/core/a1';
import type { CellValue, SheetData } from '../../src/core/grid';
import { htmlToText } from '../../src/core/text';

export type Cell = CellValue | undefined;

export interface SheetSpec {
  name?: string;
  /** 0-based sheet row / column of rows[0][0]. */
  top?: number;
  left?: number;
  /** Values row by row from (top, left); undefined and null are empty cells. */
  rows: Cell[][];
  /** Merged areas as sheet A1 ranges ("B1:C1"). */
  merges?: string[];
  /** Formulas by sheet A1 address ("G5": "=F5/E5"). */
  formulas?: Record<string, string>;
}

/** Build SheetData from rows of values, A1 merges and A1-keyed formulas. */
export function sheet(spec: SheetSpec): SheetData {
  const top = spec.top ?? 0;
  const left = spec.left ?? 0;
  const values: CellValue[][] = spec.rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  const data: SheetData = { name: spec.name ?? 'Sheet1', top, left, values };
  if (spec.merges?.length) data.merges = spec.merges.map((m) => parseRange(m));
  if (spec.formulas) {
    const formulas: (string | null)[][] = values.map((r) => r.map(() => null));
    for (const [addr, f] of Object.entries(spec.formulas)) {
      const { row, col } = parseA1(addr);
      const r = row - top;
      const c = col - left;
      while (formulas.length <= r) formulas.push([]);
      const fr = formulas[r]!;
      while (fr.length <= c) fr.push(null);
      fr[c] = f;
    }
    data.formulas = formulas;
  }
  return data;
}

/** The sheet as a host that reads no merged areas gives it (Excel before ExcelApi 1.13), or with only the merges `keep` keeps. */
export function withoutMerges(data: SheetData, keep: (m: CellRange) => boolean = () => false): SheetData {
  return { ...data, merges: (data.merges ?? []).filter(keep) };
}

/** n empty rows. */
export function blankRows(n: number): Cell[][] {
  return Array.from({ length: n }, () => []);
}

/** 0-based column of a column letter ("K" → 10). */
export function col(letters: string): number {
  return parseA1(`${letters}1`).col;
}

// ---------------------------------------------------------------------------------------------
// The seed table

const SEED_NAME = '000_3cf5f138d44a5c0c.txt';
const SEED_CANDIDATES = [
  path.join(__dirname, '..', '..', 'seeds', SEED_NAME),
  path.join(__dirname, '..', '..', '..', 'shared', 'seeds', SEED_NAME),
];

export function seedPath(): string {
  const p = SEED_CANDIDATES.find((c) => fs.existsSync(c));
  if (!p) throw new Error(`seed table not found: ${SEED_CANDIDATES.join(' or ')}`);
  return p;
}

/** The seed file's lines split on tabs, as extracted from the PDF (cells untouched). */
export function seedLines(): string[][] {
  return fs
    .readFileSync(seedPath(), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, '').split('\t'));
}

/** The seed file as a sheet, one line per row, one tab-separated cell per column (shifted page 2 and all). */
export function rawSeedSheet(): SheetData {
  return {
    name: 'seed',
    top: 0,
    left: 0,
    values: seedLines().map((cells) => cells.map((c) => (c.trim() === '' ? null : c))),
  };
}

export interface SeedInitiative {
  /** Index into SeedModel.sections. */
  section: number;
  label: string;
  initiative: string;
  plan: string;
  kpiTarget: string;
  kpiActual: string;
  grade: string;
  results: string;
  issues: string;
  agencies: string;
  remarks: string;
}

export interface SeedModel {
  sections: { title: string; /** column the seed writes it in (0 = 対象者, 1 = 取組内容) */ col: number }[];
  targetGroup: string;
  initiatives: SeedInitiative[];
}

const BARE_LABEL = /^[ア-ン]$/;

/**
 * Read the seed into sections and initiatives, undoing the PDF's column shifts: in every data line
 * the first cell that is neither a sub-label nor the 対象者 is the initiative, and the other roles
 * follow it in order. Cell text is shown as staff see it in Excel (htmlToText).
 */
export function seedModel(): SeedModel {
  const lines = seedLines().map((cells) => cells.map((c) => c.trim()));
  const isHeader = (cells: string[]) => cells.some((c) => c === '対象者' || c === '達成度');
  const content = lines.filter((cells) => cells.some((c) => c !== '') && !isHeader(cells));
  const singles = content.filter((cells) => cells.filter((c) => c !== '').length === 1);
  const sectionRe = /^[\u2460-\u2473]/;
  const targetGroups = new Set(singles.map((cells) => cells.find((c) => c !== '')!).filter((t) => !sectionRe.test(t)));
  const model: SeedModel = { sections: [], targetGroup: [...targetGroups][0] ?? '', initiatives: [] };
  for (const cells of content) {
    const filled = cells.map((c, i) => [c, i] as const).filter(([c]) => c !== '');
    if (filled.length === 1) {
      const [text, i] = filled[0]!;
      if (sectionRe.test(text)) model.sections.push({ title: text, col: i });
      continue;
    }
    let label = '';
    let start = -1;
    for (const [c, i] of filled) {
      if (BARE_LABEL.test(c)) label = c;
      else if (!targetGroups.has(c)) {
        start = i;
        break;
      }
    }
    const at = (k: number) => htmlToText(cells[start + k] ?? '');
    model.initiatives.push({
      section: model.sections.length - 1,
      label,
      initiative: at(0),
      plan: at(1),
      kpiTarget: at(2),
      kpiActual: at(3),
      grade: at(4),
      results: at(5),
      issues: at(6),
      agencies: at(7),
      remarks: at(8),
    });
  }
  return model;
}

export interface SampleExpectation {
  headerRows: number[];
  sectionRows: number[];
  sectionCols: number[];
  dataRows: number[];
  labels: string[];
  /** Section index of each data row. */
  sectionOfRow: number[];
  targetGroup: string;
  range: CellRange;
}

export const SAMPLE_HEADER_ROW_1 = [
  '対象者',
  '取組内容',
  null,
  '実施計画(令和6年度)',
  'KPI',
  null,
  null,
  '実績(令和6年度)',
  '令和6年度の取組を踏まえた課題と今後の方向性',
  '実施機関及び関係機関',
  '備考',
];
export const SAMPLE_HEADER_ROW_2 = [
  null,
  null,
  null,
  null,
  '目標／令和6年度目標',
  '令和6年度実績',
  '達成度',
  null,
  null,
  null,
  null,
];
export const SAMPLE_HEADER_MERGES = ['A1:A2', 'B1:C1', 'D1:D2', 'E1:G1', 'H1:H2', 'I1:I2', 'J1:J2', 'K1:K2'];

/**
 * The seed laid out as the sample workbook (issue 2): header rows 1–2 (A対象者, B:C取組内容 over
 * label + text, D実施計画, E:G KPI over 目標/実績/達成度, H実績, I課題…, J実施機関…, K備考), section rows
 * ①④⑤ across A:K and ②③ across B:K (inside the 対象者 merge), 対象者 merged down each block.
 * `headerMerges` replaces the header merges (e.g. to merge 取組内容 over B1:C2).
 */
export function seedSampleSheet(opts: { headerMerges?: string[] } = {}): { data: SheetData; expected: SampleExpectation } {
  const model = seedModel();
  const rows: Cell[][] = [SAMPLE_HEADER_ROW_1, SAMPLE_HEADER_ROW_2];
  const merges = [...(opts.headerMerges ?? SAMPLE_HEADER_MERGES)];
  const expected: SampleExpectation = {
    headerRows: [0, 1],
    sectionRows: [],
    sectionCols: [],
    dataRows: [],
    labels: [],
    sectionOfRow: [],
    targetGroup: model.targetGroup,
    range: { top: 0, left: 0, bottom: 0, right: 10 },
  };
  let blockStart = -1;
  const closeBlock = (end: number) => {
    if (blockStart >= 0 && end > blockStart) merges.push(`A${blockStart + 1}:A${end + 1}`);
    blockStart = -1;
  };
  model.sections.forEach((sec, si) => {
    const wide = sec.col === 0;
    if (wide) closeBlock(rows.length - 1);
    const r = rows.length;
    rows.push(wide ? [sec.title] : [null, sec.title]);
    merges.push(wide ? `A${r + 1}:K${r + 1}` : `B${r + 1}:K${r + 1}`);
    expected.sectionRows.push(r);
    expected.sectionCols.push(wide ? 0 : 1);
    for (const it of model.initiatives.filter((i) => i.section === si)) {
      const dr = rows.length;
      const first = blockStart < 0;
      if (first) blockStart = dr;
      rows.push([
        first ? model.targetGroup : null,
        it.label || null,
        it.initiative,
        it.plan,
        it.kpiTarget,
        it.kpiActual,
        it.grade,
        it.results,
        it.issues,
        it.agencies,
        it.remarks || null,
      ]);
      expected.dataRows.push(dr);
      expected.labels.push(it.label);
      expected.sectionOfRow.push(si);
    }
  });
  closeBlock(rows.length - 1);
  expected.range.bottom = rows.length - 1;
  return { data: sheet({ name: '進捗管理表', rows, merges }), expected };
}

/** A sample-like sheet with n data rows under one section (for speed tests): 2 header rows, 11 columns. */
export function bigSampleSheet(n: number): SheetData {
  const rows: Cell[][] = [SAMPLE_HEADER_ROW_1, SAMPLE_HEADER_ROW_2, ['①大きな区分']];
  for (let i = 0; i < n; i++) {
    rows.push([
      i === 0 ? '社会参加に向けた支援を必要とする方' : null,
      'アイウ'[i % 3],
      `取組 ${i} の内容。地域の関係機関と協働して支援体制を整える。`,
      `【担当部】令和6年度は ${i} 件の支援を計画する。`,
      `${(i % 50) + 10}人`,
      `${i % 60}人`,
      'SABCD'[i % 5],
      `実績の記述 ${i}`,
      `課題と方向性 ${i}`,
      '高知県子ども・福祉政策部、市町村',
      null,
    ]);
  }
  return sheet({ name: 'big', rows, merges: [...SAMPLE_HEADER_MERGES, 'A3:K3', `A4:A${n + 3}`] });
}
