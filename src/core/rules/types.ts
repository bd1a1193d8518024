import type { Grid } from '../grid';
import type { Profile } from '../profile';
import type { KpiRow } from '../kpi';
import type { Layout, Localized, Role, Severity } from '../types';
import type { RuleId } from '../ruleIds';
import type { Fix } from '../fixes';

export interface Report {
  row: number | null;
  col: number | null;
  role?: Role;
  messageId: string;
  suggestionId?: string;
  data?: Record<string, string | number>;
  /** The quick fix of the finding (fixes.ts: cellFix). */
  fix?: Fix;
}

export interface RuleContext {
  grid: Grid;
  /** null when no table was recognised (only header-not-found has anything to say then). */
  layout: Layout | null;
  profile: Profile;
  /** Parsed KPI cells, one per data row (same order as layout.dataRows); empty without a layout. */
  kpis: KpiRow[];
  report(r: Report): void;
}

/** A rule, ESLint style: one file per rule. */
export interface RuleModule {
  id: RuleId;
  defaultSeverity: Severity;
  description: Localized;
  /** Message templates by id; {name} placeholders are filled from the report's data. */
  messages: Record<string, Localized>;
  check(ctx: RuleContext): void;
}
