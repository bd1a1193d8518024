/** Every rule id. Part of the public contract: ids are never renamed. */
export const RULE_IDS = [
  'header-not-found',
  'missing-column',
  'duplicate-column',
  'repeated-header',
  'fiscal-year-mismatch',
  'required-cell-empty',
  'missing-grade',
  'missing-actual',
  'invalid-grade',
  'grade-not-normalized',
  'grade-without-kpi',
  'grade-mismatch',
  'kpi-unparsed',
  'formula-error',
  'inconsistent-formula',
  'hardcoded-value',
  'html-markup',
  'placeholder-text',
  'stray-whitespace',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
