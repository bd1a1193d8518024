import { RULE_IDS } from '../core/ruleIds';
import type { Finding, Severity } from '../core/types';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** The check staff look for first leads its severity. */
const FIRST_RULES = ['missing-grade'];

function ruleRank(id: string): number {
  const first = FIRST_RULES.indexOf(id);
  return first >= 0 ? first - FIRST_RULES.length : RULE_IDS.indexOf(id as (typeof RULE_IDS)[number]);
}

export interface FindingGroup {
  ruleId: string;
  severity: Severity;
  findings: Finding[];
}

/** Findings grouped by rule: errors first, then warnings, then infos; a missing grade leads the errors. */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.severity}:${f.ruleId}`;
    const g = groups.get(key) ?? { ruleId: f.ruleId, severity: f.severity, findings: [] };
    g.findings.push(f);
    groups.set(key, g);
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || ruleRank(a.ruleId) - ruleRank(b.ruleId),
  );
}
