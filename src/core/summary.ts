import { rangeToA1 } from './a1';
import type { Grid } from './grid';
import type { KpiRow } from './kpi.types';
import type { Profile } from './profile';
import type { Finding, Layout } from './types';

/** Agency names in Japanese order: one collator, made on first need (localeCompare with a locale makes one per call). */
let ja: Intl.Collator | undefined;

export const MISSING = 'missing';
export const INVALID = 'invalid';

export interface SectionSummary {
  /** The section title as written, or "" for rows before the first section. */
  title: string;
  /** Sheet row of the section title (0-based), or null. */
  row: number | null;
  initiatives: number;
  kpis: number;
  graded: number;
  findings: number;
}

export interface AgencySummary {
  name: string;
  initiatives: number;
  kpis: number;
  findings: number;
}

/** Everything a summary (CLI text, xlsx sheet, task pane, Office summary sheet) shows. */
export interface SummaryModel {
  sheet: string;
  fiscalYear: number | null;
  /** A1 range of the table, or null when none was found. */
  tableRange: string | null;
  /** A table was found and no finding is an error. */
  ready: boolean;
  errors: number;
  warnings: number;
  infos: number;
  /** Data rows (initiatives). */
  rows: number;
  /** KPIs (numbered KPIs in a cell count one each). */
  kpis: number;
  /** The profile's mark for "no KPI" (one of gradeOrder). */
  noKpiGrade: string;
  /** Grade keys in display order: the scale's grades, the no-KPI mark, "missing" (and "invalid" when any). */
  gradeOrder: string[];
  /** Count of data rows per grade key. */
  grades: Record<string, number>;
  sections: SectionSummary[];
  agencies: AgencySummary[];
  findings: Finding[];
}

/** The grade key a data row counts under. */
export function gradeKey(k: KpiRow, profile: Profile): string {
  if (k.gradeStatus === 'empty') return k.hasKpi ? MISSING : profile.noKpiGrade;
  if (k.gradeStatus === 'invalid' || k.grade === null) return INVALID;
  return k.grade;
}

export function kpiCount(k: KpiRow): number {
  return k.hasKpi ? Math.max(1, k.items.length) : 0;
}

/** Split an agencies cell into names (、 , ， ・ line breaks; notes after * dropped). */
export function splitAgencies(text: string): string[] {
  return text
    .split(/[、,，\n\r]+/)
    .map((s) => dropNote(s).trim())
    .filter((s) => s !== '');
}

/**
 * The name without its note: cut at the first * ＊ ※ after the last line separator (what
 * `s.replace(/\s*[*＊※].*$/, '')` did, in linear time; that pattern took seconds on a cell of spaces).
 */
function dropNote(s: string): string {
  const from = Math.max(s.lastIndexOf('\u2028'), s.lastIndexOf('\u2029')) + 1;
  const note = s.slice(from).search(/[*＊※]/);
  return note < 0 ? s : s.slice(0, from + note);
}

/**
 * Several tables of one sheet as one layout for the sheet's summary: their sections and data rows in
 * order (each row keeps its own section), the first table's columns.
 */
export function mergeLayouts(layouts: readonly Layout[]): Layout {
  const first = layouts[0]!;
  const sections: Layout['sections'] = [];
  const dataRows: Layout['dataRows'] = [];
  for (const l of layouts) {
    const offset = sections.length;
    // Loops, not push(...): a spread of some 200,000 sections overflows the stack.
    for (const sec of l.sections) sections.push(sec);
    for (const d of l.dataRows) dataRows.push({ ...d, section: d.section < 0 ? -1 : d.section + offset });
  }
  const last = layouts[layouts.length - 1]!;
  return { ...first, range: { ...first.range, bottom: last.range.bottom }, sections, dataRows };
}

/** Each KPI row's grade key counted (keys the scale does not name are added to gradeOrder). */
function countGrades(kpis: KpiRow[], profile: Profile, grades: Record<string, number>, gradeOrder: string[]): void {
  for (const k of kpis) {
    const g = gradeKey(k, profile);
    if (!Object.hasOwn(grades, g)) gradeOrder.push(g);
    grades[g] = (grades[g] ?? 0) + 1;
  }
}

export function buildSummary(
  grid: Grid,
  layout: Layout | null,
  kpis: KpiRow[],
  findings: Finding[],
  profile: Profile,
): SummaryModel {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const gradeOrder = [...profile.gradeScale.map((s) => s.grade), profile.noKpiGrade, MISSING];
  // Keys are grades read from the sheet (a legend may name any word): no inherited key may count as one.
  const grades: Record<string, number> = Object.assign(
    Object.create(null) as Record<string, number>,
    Object.fromEntries(gradeOrder.map((g) => [g, 0])),
  );
  // A table without a grade column grades nothing: its KPIs are not "missing" grades.
  if (layout === null || layout.columns.grade !== undefined) countGrades(kpis, profile, grades, gradeOrder);

  const sections: SectionSummary[] = [];
  const agencies = new Map<string, AgencySummary>();
  if (layout) {
    const findingsByRow = new Map<number, number>();
    for (const f of findings) if (f.row !== null) findingsByRow.set(f.row, (findingsByRow.get(f.row) ?? 0) + 1);
    // parseKpiRows gives one KpiRow per data row, in order: looked up by position, by row otherwise.
    let kpiByRow: Map<number, KpiRow> | undefined;
    const kpiOf = (i: number, row: number): KpiRow | undefined =>
      kpis[i]?.row === row ? kpis[i] : (kpiByRow ??= new Map(kpis.map((k) => [k.row, k]))).get(row);
    const bySection = new Map<number, SectionSummary>();
    const sectionOf = (i: number): SectionSummary => {
      let s = bySection.get(i);
      if (!s) {
        const sec = layout.sections[i];
        s = { title: sec?.title ?? '', row: sec?.row ?? null, initiatives: 0, kpis: 0, graded: 0, findings: 0 };
        bySection.set(i, s);
      }
      return s;
    };
    layout.sections.forEach((sec, i) => {
      const s = sectionOf(i);
      s.findings += findingsByRow.get(sec.row) ?? 0;
    });
    const agencyCol = layout.columns.agencies;
    // The same list of agencies is often written on many rows: each text is split once, its rows
    // counted together, and the counts given to its agencies at the end.
    const byText = new Map<string, { agencies: AgencySummary[]; initiatives: number; kpis: number; findings: number }>();
    const groupOf = (text: string) => {
      let group = byText.get(text);
      if (!group) {
        const names = [...new Set(splitAgencies(text))];
        group = { agencies: names.map((name) => agencyOf(name)), initiatives: 0, kpis: 0, findings: 0 };
        byText.set(text, group);
      }
      return group;
    };
    const agencyOf = (name: string): AgencySummary => {
      let a = agencies.get(name);
      if (!a) agencies.set(name, (a = { name, initiatives: 0, kpis: 0, findings: 0 }));
      return a;
    };
    // Each long loop in a function of its own: a loop is compiled while it runs, and code after it in the
    // same function, not run yet, would send the compiled code back to be compiled again.
    const countRows = (): void => {
      for (let i = 0; i < layout.dataRows.length; i++) {
        const d = layout.dataRows[i]!;
        const k = kpiOf(i, d.row);
        const n = k ? kpiCount(k) : 0;
        const graded = k && k.hasKpi && (k.gradeStatus === 'valid' || k.gradeStatus === 'not-normalized') ? 1 : 0;
        const nf = findingsByRow.get(d.row) ?? 0;
        const s = sectionOf(d.section);
        s.initiatives++;
        s.kpis += n;
        s.graded += graded;
        s.findings += nf;
        if (agencyCol !== undefined) {
          const group = groupOf(grid.shownText(d.row, agencyCol));
          group.initiatives++;
          group.kpis += n;
          group.findings += nf;
        }
      }
    };
    countRows();
    for (const group of byText.values()) {
      for (const a of group.agencies) {
        a.initiatives += group.initiatives;
        a.kpis += group.kpis;
        a.findings += group.findings;
      }
    }
    for (const [, s] of [...bySection.entries()].sort((a, b) => a[0] - b[0])) sections.push(s);
  }

  return {
    sheet: grid.name,
    fiscalYear: layout?.fiscalYear ?? null,
    tableRange: layout ? rangeToA1(layout.range) : null,
    ready: layout !== null && errors === 0,
    errors,
    warnings: count('warning'),
    infos: count('info'),
    rows: layout?.dataRows.length ?? 0,
    kpis: kpis.reduce((n, k) => n + kpiCount(k), 0),
    noKpiGrade: profile.noKpiGrade,
    gradeOrder,
    grades,
    sections,
    agencies: [...agencies.values()].sort(
      (a, b) => b.initiatives - a.initiatives || (ja ??= new Intl.Collator('ja')).compare(a.name, b.name),
    ),
    findings,
  };
}
