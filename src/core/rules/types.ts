import type { Grid } from '../grid';
import type { Profile } from '../profile';
import type { KpiRow } from '../kpi';
import type { Layout, Localized, Role, Severity } from '../types';
import type { RuleId } from '../ruleIds';
import type { Fix } from '../fixes';
import type { HeaderCandidate, UnsupportedLayout } from '../layout';
import type { RequiredSet } from '../requiredSets';
import type { GradeScaleInForce } from '../scale';

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
  /** The profile with the table's grade scale in force. */
  profile: Profile;
  /** Parsed KPI cells, one per data row (same order as layout.dataRows); empty without a layout. */
  kpis: KpiRow[];
  /** The required columns and cells for this table; null without a table. */
  required: RequiredSet | null;
  /** The grade scale in force and where it came from; null without a table. */
  scale: GradeScaleInForce | null;
  /** Without a table: a layout recognised as not one row per KPI, if any. */
  unsupported: UnsupportedLayout | null;
  /** Without a table: the row that looks most like a header, if any. */
  candidate: HeaderCandidate | null;
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
