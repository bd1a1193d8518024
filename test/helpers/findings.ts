/** Run the engine on a sheet and read its findings the way a user sees them. */
import { toA1 } from '../../src/core/a1';
import { checkSheet, type CheckResult } from '../../src/core/engine';
import type { SheetData } from '../../src/core/grid';
import { localizeFinding } from '../../src/core/messages';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import type { Role, Severity } from '../../src/core/types';

export interface SeenFinding {
  ruleId: string;
  severity: Severity;
  /** A1 address, or null for sheet and column findings. */
  cell: string | null;
  role?: Role;
  ja: string;
  en: string;
  jaSuggestion?: string;
  enSuggestion?: string;
  data: Record<string, string | number>;
}

export function seen(result: CheckResult): SeenFinding[] {
  return result.findings.map((f) => {
    const ja = localizeFinding(f, 'ja');
    const en = localizeFinding(f, 'en');
    const s: SeenFinding = {
      ruleId: f.ruleId,
      severity: f.severity,
      cell: f.row !== null && f.col !== null ? toA1(f.row, f.col) : null,
      ja: ja.message,
      en: en.message,
      data: f.data,
    };
    if (f.role) s.role = f.role;
    if (ja.suggestion !== undefined) s.jaSuggestion = ja.suggestion;
    if (en.suggestion !== undefined) s.enSuggestion = en.suggestion;
    return s;
  });
}

/** The findings of one rule on a sheet. */
export function findingsOf(ruleId: string, sheet: SheetData, profile: Profile = DEFAULT_PROFILE): SeenFinding[] {
  return seen(checkSheet(sheet, profile)).filter((f) => f.ruleId === ruleId);
}
