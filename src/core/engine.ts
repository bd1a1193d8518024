import { Grid, type SheetData } from './grid';
import { detectLayouts, detectUnsupported, headerCandidate, type UnsupportedLayout } from './layout';
import { parseKpiRows } from './kpi';
import type { KpiRow } from './kpi.types';
import { DEFAULT_PROFILE, effectiveSeverity, type Profile } from './profile';
import { requiredSetFor, type RequiredSet } from './requiredSets';
import { ALL_RULES, type RuleContext } from './rules';
import { resolveGradeScale, type GradeScaleInForce } from './scale';
import { buildSummary, mergeLayouts, type SummaryModel } from './summary';
import type { Finding, Layout } from './types';

/** One table of a sheet and what the engine decided for it. */
export interface TableCheck {
  layout: Layout;
  kpis: KpiRow[];
  /** This table's findings, sorted. */
  findings: Finding[];
  summary: SummaryModel;
  /** The grade scale in force (the profile's, a legend under the table, a preset, or S–D). */
  scale: GradeScaleInForce;
  /** The required columns and cells applied (the sample's set, the KPI core, or the profile's). */
  required: RequiredSet;
}

export interface CheckResult {
  sheet: string;
  /** The first table, or null when none was found. */
  layout: Layout | null;
  /** The first table's KPIs. */
  kpis: KpiRow[];
  /** Every table's findings and the sheet's own, sorted by row, then column, then severity (errors first). */
  findings: Finding[];
  /** The whole sheet: every table's rows, grades and findings. */
  summary: SummaryModel;
  /** Every table on the sheet, top to bottom. */
  tables: TableCheck[];
  /** A layout that is not one row per KPI (years across, measures down), when no table was found. */
  unsupported: UnsupportedLayout | null;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.row ?? -1) - (b.row ?? -1) ||
      (a.col ?? -1) - (b.col ?? -1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      // Rule ids are lowercase ASCII words and hyphens: code-unit order is the collation's order, without
      // its cost on thousands of findings.
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** What a rule sees, but its report callback. */
type RunInput = Omit<RuleContext, 'report'>;

function runRules(input: RunInput, severityProfile: Profile): Finding[] {
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const severity = effectiveSeverity(severityProfile, rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    rule.check({
      ...input,
      report: (r) => {
        const f: Finding = {
          ruleId: rule.id,
          severity,
          row: r.row,
          col: r.col,
          messageId: r.messageId,
          data: r.data ?? {},
        };
        if (r.role) f.role = r.role;
        if (r.suggestionId) f.suggestionId = r.suggestionId;
        if (r.fix) f.fix = r.fix;
        findings.push(f);
      },
    });
  }
  return sortFindings(findings);
}

/** Run layout detection, KPI parsing and every rule on one sheet, per table. Never throws on odd cells. */
export function checkSheet(sheet: SheetData | Grid, profile: Profile = DEFAULT_PROFILE): CheckResult {
  const grid = sheet instanceof Grid ? sheet : new Grid(sheet);
  const layouts = detectLayouts(grid, profile);
  const tables: TableCheck[] = layouts.map((layout) => {
    const others = layouts.filter((l) => l !== layout).flatMap((l) => l.nearTexts);
    const scale = resolveGradeScale(grid, layout, profile, others);
    const tableProfile: Profile = scale.steps === profile.gradeScale ? profile : { ...profile, gradeScale: scale.steps };
    const kpis = parseKpiRows(grid, layout, tableProfile);
    const required = requiredSetFor(layout, profile);
    const findings = runRules(
      { grid, layout, profile: tableProfile, kpis, required, scale, unsupported: null, candidate: null },
      profile,
    );
    return { layout, kpis, findings, scale, required, summary: buildSummary(grid, layout, kpis, findings, tableProfile) };
  });
  if (tables.length === 0) {
    const unsupported = detectUnsupported(grid, profile);
    const candidate = unsupported ? null : headerCandidate(grid, profile);
    const findings = runRules(
      { grid, layout: null, profile, kpis: [], required: null, scale: null, unsupported, candidate },
      profile,
    );
    return {
      sheet: grid.name,
      layout: null,
      kpis: [],
      findings,
      summary: buildSummary(grid, null, [], findings, profile),
      tables,
      unsupported,
    };
  }
  const first = tables[0]!;
  if (tables.length === 1)
    return {
      sheet: grid.name,
      layout: first.layout,
      kpis: first.kpis,
      findings: first.findings,
      summary: first.summary,
      tables,
      unsupported: null,
    };
  const findings = sortFindings(tables.flatMap((t) => t.findings));
  const merged = mergeLayouts(tables.map((t) => t.layout));
  const kpis = tables.flatMap((t) => t.kpis);
  return {
    sheet: grid.name,
    layout: first.layout,
    kpis: first.kpis,
    findings,
    summary: buildSummary(grid, merged, kpis, findings, { ...profile, gradeScale: first.scale.steps }),
    tables,
    unsupported: null,
  };
}
