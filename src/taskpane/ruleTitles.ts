import { gradeScaleIsAuto, type Profile } from '../core/profile';
import type { RuleId } from '../core/ruleIds';
import type { SummaryModel } from '../core/summary';
import type { Lang, Localized } from '../core/types';

/** Short titles of the rules as the pane shows them (headings, Settings): never the English ids. */
export const RULE_TITLES: Readonly<Record<RuleId, Localized>> = {
  'header-not-found': { ja: '見出し行が見つからない', en: 'No header row found' },
  'unsupported-layout': { ja: '確認できない表の形', en: 'Table layout not supported' },
  'missing-column': { ja: '必須の列がない', en: 'A required column is missing' },
  'duplicate-column': { ja: '同じ役割の列が複数', en: 'Two columns play the same role' },
  'repeated-header': { ja: '見出しの繰り返し', en: 'Header repeated inside the table' },
  'fiscal-year-mismatch': { ja: '年度の食い違い', en: 'Fiscal years disagree' },
  'required-cell-empty': { ja: '必須の欄が空欄', en: 'A required cell is empty' },
  'missing-grade': { ja: '達成度が未入力', en: 'Grade missing' },
  'missing-actual': { ja: '実績が未入力', en: 'Actual missing' },
  'invalid-grade': { ja: '達成度が区分にない', en: 'Grade not on the scale' },
  'grade-not-normalized': { ja: '達成度の表記ゆれ', en: 'Grade written differently' },
  'grade-without-kpi': { ja: 'KPI なしの達成度', en: 'Grade without a KPI' },
  'grade-mismatch': { ja: '達成度と達成率の不一致', en: 'Grade disagrees with the rate' },
  'rate-mismatch': { ja: '達成率の計算違い', en: 'Typed rate disagrees with actual ÷ target' },
  'kpi-unparsed': { ja: 'KPI の数値を読めない', en: 'KPI figures not readable' },
  'formula-error': { ja: 'エラー値', en: 'Excel error value' },
  'inconsistent-formula': { ja: '数式の不整合', en: 'Formula differs from its column' },
  'hardcoded-value': { ja: '数式の列に直接入力', en: 'Typed value in a formula column' },
  'html-markup': { ja: 'HTML タグ', en: 'HTML markup' },
  'placeholder-text': { ja: '仮の記入', en: 'Placeholder left in' },
  'stray-whitespace': { ja: '余分な空白', en: 'Stray spaces' },
};

export function ruleTitle(id: string, lang: Lang): string {
  return RULE_TITLES[id as RuleId]?.[lang] ?? id;
}

/** The scale's grades as the summary lists them (without the no-KPI mark, missing, invalid). */
function scaleGrades(summary: SummaryModel): string[] {
  return summary.gradeOrder.filter((g) => g !== summary.noKpiGrade && g !== 'missing' && g !== 'invalid');
}

/**
 * A group heading: the rule's title and, for the grade rules, the scale the check ran with (the grades
 * of the result; the thresholds of the profile when it sets them), never the built-in default.
 */
export function ruleHeading(id: string, lang: Lang, profile: Profile, summary: SummaryModel): string {
  const title = ruleTitle(id, lang);
  const sep = lang === 'ja' ? '、' : ', ';
  if (id === 'invalid-grade') {
    const grades = scaleGrades(summary);
    if (grades.length) return lang === 'ja' ? `${title}（区分: ${grades.join(sep)}）` : `${title} (scale: ${grades.join(sep)})`;
  }
  if (id === 'grade-mismatch' && !gradeScaleIsAuto(profile) && profile.gradeScale.every((st) => st.minPercent !== undefined)) {
    const steps = profile.gradeScale.map((st) =>
      lang === 'ja' ? `${st.grade} ${st.minPercent}%以上` : `${st.grade} ≥ ${st.minPercent} %`,
    );
    return lang === 'ja' ? `${title}（基準: ${steps.join(sep)}）` : `${title} (scale: ${steps.join(sep)})`;
  }
  return title;
}
