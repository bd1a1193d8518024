import { RULE_IDS } from '../ruleIds';
import type { RuleModule } from './types';
import duplicateColumn from './duplicate-column';
import fiscalYearMismatch from './fiscal-year-mismatch';
import formulaError from './formula-error';
import gradeMismatch from './grade-mismatch';
import gradeNotNormalized from './grade-not-normalized';
import gradeWithoutKpi from './grade-without-kpi';
import hardcodedValue from './hardcoded-value';
import headerNotFound from './header-not-found';
import htmlMarkup from './html-markup';
import inconsistentFormula from './inconsistent-formula';
import invalidGrade from './invalid-grade';
import kpiUnparsed from './kpi-unparsed';
import missingActual from './missing-actual';
import missingColumn from './missing-column';
import missingGrade from './missing-grade';
import placeholderText from './placeholder-text';
import repeatedHeader from './repeated-header';
import requiredCellEmpty from './required-cell-empty';
import strayWhitespace from './stray-whitespace';
import rateMismatch from './rate-mismatch';
import unsupportedLayout from './unsupported-layout';

export type { Report, RuleContext, RuleModule } from './types';

const MODULES: RuleModule[] = [
  headerNotFound,
  unsupportedLayout,
  missingColumn,
  duplicateColumn,
  repeatedHeader,
  fiscalYearMismatch,
  requiredCellEmpty,
  missingGrade,
  missingActual,
  invalidGrade,
  gradeNotNormalized,
  gradeWithoutKpi,
  gradeMismatch,
  rateMismatch,
  kpiUnparsed,
  formulaError,
  inconsistentFormula,
  hardcodedValue,
  htmlMarkup,
  placeholderText,
  strayWhitespace,
];

export const RULES_BY_ID: Map<string, RuleModule> = new Map(MODULES.map((r) => [r.id, r]));

/** Every rule, in RULE_IDS order. */
export const ALL_RULES: RuleModule[] = RULE_IDS.map((id) => {
  const r = RULES_BY_ID.get(id);
  if (!r) throw new Error(`rule module missing: ${id}`);
  return r;
});
