/** The core: pure TypeScript, no Office, no DOM, no Node APIs. */
export * from './a1';
export * from './grid';
export * from './types';
export * from './ruleIds';
export * from './profile';
export * from './gradeScales';
export * from './kpi.types';
export * from './summary';
export * from './summarySheet';
export * from './highlight';
export * from './i18n';
export * from './engine';
export * from './messages';
export * from './report';
export { detectLayout } from './layout';
export { parseKpiRows, parseKpiText, normalizeGrade, gradeForRate } from './kpi';
export { ALL_RULES, RULES_BY_ID } from './rules';
export * from './fixes';
