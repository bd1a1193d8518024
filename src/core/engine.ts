import { Grid, type SheetData } from './grid';
import { detectLayout } from './layout';
import { parseKpiRows } from './kpi';
import type { KpiRow } from './kpi.types';
import { DEFAULT_PROFILE, effectiveSeverity, type Profile } from './profile';
import { ALL_RULES } from './rules';
import { buildSummary, type SummaryModel } from './summary';
import type { Finding, Layout } from './types';

export interface CheckResult {
  sheet: string;
  layout: Layout | null;
  kpis: KpiRow[];
  /** Sorted by row, then column, then severity (errors first). */
  findings: Finding[];
  summary: SummaryModel;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Run layout detection, KPI parsing and every rule on one sheet. Never throws on odd cells. */
export function checkSheet(sheet: SheetData | Grid, profile: Profile = DEFAULT_PROFILE): CheckResult {
  const grid = sheet instanceof Grid ? sheet : new Grid(sheet);
  const layout = detectLayout(grid, profile);
  const kpis = layout ? parseKpiRows(grid, layout, profile) : [];
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const severity = effectiveSeverity(profile, rule.id, rule.defaultSeverity);
    if (severity === 'off') continue;
    rule.check({
      grid,
      layout,
      profile,
      kpis,
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
  findings.sort(
    (a, b) =>
      (a.row ?? -1) - (b.row ?? -1) ||
      (a.col ?? -1) - (b.col ?? -1) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { sheet: grid.name, layout, kpis, findings, summary: buildSummary(grid, layout, kpis, findings, profile) };
}
