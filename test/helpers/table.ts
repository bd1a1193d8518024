/**
 * Small progress tables for engine tests, laid out like the seed (two header rows, KPI merged over its
 * sub-columns) or with numeric KPI columns. Data rows are given as partial records by role; roles left
 * out get plausible text so that a row passes every rule unless the test says otherwise.
 */
import { parseA1, parseRange, toA1, type CellRange } from '../../src/core/a1';
import type { CellValue, SheetData } from '../../src/core/grid';
import type { Role } from '../../src/core/types';

/** A cell holding a formula and the value Excel computed for it. "{r}" in the formula is the cell's row number. */
export interface Fx {
  formula: string;
  value: CellValue;
}
export const fx = (formula: string, value: CellValue): Fx => ({ formula, value });

export type Cell = CellValue | Fx;
export type DataSpec = Partial<Record<Role, Cell>>;
/** A data row, a section title row ("①課題やニーズの把握"), or a row of raw cells from column A. */
export type RowSpec = DataSpec | { section: string } | { raw: Cell[] };

export interface TableOptions {
  /** Fill roles a data row leaves out with plausible text (default true). */
  fill?: boolean;
  /** Rows above the header, one text each in column A. */
  titleRows?: string[];
  /** Cells to overwrite last, by A1 address (header edits, stray cells). */
  edit?: Record<string, Cell>;
  /** 対象者 of the first data row merged down over all data rows (as in the seed). */
  mergeTargetGroup?: boolean;
  /** Extra merged areas ("D3:D4"). */
  merges?: string[];
  /** Fiscal year as the headers write it (default 令和6年度). */
  year?: string;
}

export interface BuiltTable {
  sheet: SheetData;
  /** 0-based sheet row of each RowSpec. */
  rows: number[];
  /** 0-based column of each role. */
  col: Partial<Record<Role, number>>;
  /** A1 address of a role's cell in the i-th RowSpec. */
  at(i: number, role: Role): string;
}

interface ColumnDef {
  role: Role;
  /** First header row text; null when covered by the merge from the left. */
  top: string | null;
  /** Second header row text (a sub-header), or undefined when the top header is merged down. */
  sub?: string;
}

const FILL: DataSpec = {
  initiative: '地域の社会資源を活用し、居場所の拡大を図る。',
  plan: '民間支援団体が行う居場所づくりへの補助を行う。',
  kpi_target: '-',
  kpi_actual: '-',
  grade: '-',
  results: '居場所づくりへの補助を3団体に行った。',
  issues: '効果的な事業の実施に向けて関係機関と連携する。',
  agencies: '高知県子ども・福祉政策部、高知県社会福祉協議会',
};

function seedColumns(y: string): ColumnDef[] {
  return [
    { role: 'target_group', top: '対象者' },
    { role: 'label', top: '取組内容' },
    { role: 'initiative', top: null },
    { role: 'plan', top: `実施計画(${y})` },
    { role: 'kpi_target', top: 'KPI', sub: `目標／${y}目標` },
    { role: 'kpi_actual', top: null, sub: `${y}実績` },
    { role: 'grade', top: null, sub: '達成度' },
    { role: 'results', top: `実績(${y})` },
    { role: 'issues', top: `${y}の取組を踏まえた課題と今後の方向性` },
    { role: 'agencies', top: '実施機関及び関係機関' },
    { role: 'remarks', top: '備考' },
  ];
}

function numericColumns(y: string): ColumnDef[] {
  return [
    { role: 'target_group', top: '対象者' },
    { role: 'initiative', top: '取組内容' },
    { role: 'plan', top: `実施計画(${y})` },
    { role: 'indicator', top: 'KPI', sub: '指標' },
    { role: 'kpi_target', top: null, sub: '目標値' },
    { role: 'kpi_actual', top: null, sub: '実績値' },
    { role: 'rate', top: null, sub: '達成率' },
    { role: 'grade', top: null, sub: '達成度' },
    { role: 'results', top: `実績(${y})` },
    { role: 'issues', top: '課題と今後の方向性' },
    { role: 'agencies', top: '実施機関及び関係機関' },
    { role: 'remarks', top: '備考' },
  ];
}

function build(defs: ColumnDef[], specs: RowSpec[], opts: TableOptions, numeric: boolean): BuiltTable {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const merges: CellRange[] = [];
  const put = (r: number, c: number, cell: Cell) => {
    values[r] ??= [];
    formulas[r] ??= [];
    if (cell !== null && typeof cell === 'object') {
      values[r]![c] = cell.value;
      formulas[r]![c] = cell.formula.replace(/\{r\}/g, String(r + 1));
    } else {
      values[r]![c] = cell;
      formulas[r]![c] = null;
    }
  };
  const col: Partial<Record<Role, number>> = {};
  defs.forEach((d, i) => (col[d.role] = i));
  const width = defs.length;

  let r = 0;
  for (const t of opts.titleRows ?? []) put(r++, 0, t);
  const h1 = r;
  const h2 = r + 1;
  defs.forEach((d, c) => {
    if (d.top !== null) put(h1, c, d.top);
    if (d.sub !== undefined) put(h2, c, d.sub);
  });
  // Merges: a top header over the columns that follow with top === null; down over both rows when no sub-header.
  defs.forEach((d, c) => {
    if (d.top === null) return;
    let right = c;
    while (right + 1 < width && defs[right + 1]!.top === null) right++;
    const down = d.sub === undefined && defs.slice(c, right + 1).every((x) => x.sub === undefined);
    if (right > c || down) merges.push({ top: h1, left: c, bottom: down ? h2 : h1, right });
  });
  r = h2 + 1;

  const rows: number[] = [];
  const dataRows: number[] = [];
  let firstData = true;
  for (const spec of specs) {
    rows.push(r);
    if ('section' in spec && typeof spec.section === 'string') {
      put(r, 0, spec.section);
    } else if ('raw' in spec && Array.isArray(spec.raw)) {
      spec.raw.forEach((cell, c) => put(r, c, cell));
    } else {
      const data = spec as DataSpec;
      const filled: DataSpec = opts.fill === false ? { ...data } : { ...FILL, ...data };
      if (firstData && opts.fill !== false && !('target_group' in data))
        filled.target_group = '社会参加に向けた支援を必要とする方';
      if (numeric && opts.fill !== false) {
        filled.indicator ??= filled.kpi_target === '-' ? '-' : '就労体験につながった人数';
        if (!('rate' in data)) {
          const t = filled.kpi_target;
          const a = filled.kpi_actual;
          filled.rate =
            typeof t === 'number' && typeof a === 'number'
              ? fx(`=IFERROR(${letter(col.kpi_actual!)}{r}/${letter(col.kpi_target!)}{r},"-")`, t === 0 ? '-' : a / t)
              : '-';
        }
      }
      for (const d of defs) {
        const v = filled[d.role];
        if (v !== undefined) put(r, col[d.role]!, v);
      }
      dataRows.push(r);
      firstData = false;
    }
    r++;
  }
  for (let i = 0; i < r; i++) {
    values[i] ??= [];
    formulas[i] ??= [];
    for (let c = 0; c < width; c++) {
      if (values[i]![c] === undefined) values[i]![c] = null;
      if (formulas[i]![c] === undefined) formulas[i]![c] = null;
    }
  }
  if (opts.mergeTargetGroup && dataRows.length > 1) {
    merges.push({ top: dataRows[0]!, left: 0, bottom: dataRows[dataRows.length - 1]!, right: 0 });
  }
  for (const m of opts.merges ?? []) merges.push(parseRange(m));
  for (const [addr, cell] of Object.entries(opts.edit ?? {})) {
    const a = parseA1(addr);
    put(a.row, a.col, cell);
    for (let c = 0; c < values[a.row]!.length; c++) if (formulas[a.row]![c] === undefined) formulas[a.row]![c] = null;
  }
  return {
    sheet: { name: '進捗管理表', top: 0, left: 0, values, formulas, merges },
    rows,
    col,
    at: (i, role) => toA1(rows[i]!, col[role]!),
  };
}

function letter(c: number): string {
  return toA1(0, c).replace(/\d+$/, '');
}

/** A table laid out like the seed: 対象者 · 取組内容 (label + text) · 実施計画 · KPI (目標 · 実績 · 達成度) · 実績 · 課題 · 実施機関 · 備考. */
export function seedTable(rows: RowSpec[], opts: TableOptions = {}): BuiltTable {
  return build(seedColumns(opts.year ?? '令和6年度'), rows, opts, false);
}

/** A table with numeric KPI columns: KPI over 指標 · 目標値 · 実績値 · 達成率 (a formula) · 達成度. */
export function numericTable(rows: RowSpec[], opts: TableOptions = {}): BuiltTable {
  return build(numericColumns(opts.year ?? '令和6年度'), rows, opts, true);
}
