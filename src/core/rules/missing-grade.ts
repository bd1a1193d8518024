import { cellFix } from '../fixes';
import { gradeForRate } from '../kpi';
import type { RuleModule } from './types';
import { cellIn, formatPercent } from './util';

const rule: RuleModule = {
  id: 'missing-grade',
  defaultSeverity: 'error',
  description: {
    ja: 'KPI の目標があるのに達成度が未入力（または「-」）',
    en: 'The KPI has a target but no grade (達成度), or only "-"',
  },
  messages: {
    missing: {
      ja: 'KPIの目標があるのに達成度が未入力です',
      en: 'The KPI has a target but no grade (達成度) has been entered',
    },
    noKpiMark: {
      ja: 'KPIの目標があるのに達成度が「{mark}」（KPIなし）になっています',
      en: 'The KPI has a target but its grade is "{mark}" (no KPI)',
    },
    suggestFromRate: {
      ja: '達成率 {rate}% から {grade} と思われます',
      en: 'The achievement rate of {rate}% suggests {grade}',
    },
    enterGrade: {
      ja: '達成度（{allowed}）を入力してください',
      en: 'Enter the grade ({allowed})',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    const col = layout?.columns.grade;
    if (!layout || col === undefined) return;
    const allowed = ctx.profile.gradeScale.map((s) => s.grade).join(', ');
    const mark = ctx.profile.noKpiGrade;
    for (const k of ctx.kpis) {
      if (!k.hasKpi) continue;
      // A KPI graded "-" is as ungraded as an empty cell.
      const dashed = k.gradeStatus !== 'empty' && k.grade === mark;
      if (k.gradeStatus !== 'empty' && !dashed) continue;
      const where = cellIn(ctx, k.row, col);
      const messageId = dashed ? 'noKpiMark' : 'missing';
      const suggested = k.ratePercent === null ? null : gradeForRate(k.ratePercent, ctx.profile);
      if (k.ratePercent !== null && suggested !== null) {
        // A suggestion, not a certainty: written only when the user clicks it on this finding.
        const fix = where.row === null ? undefined : cellFix(ctx.grid, k.row, col, suggested, false);
        ctx.report({
          ...where,
          messageId,
          suggestionId: 'suggestFromRate',
          data: { mark, rate: formatPercent(k.ratePercent), grade: suggested },
          ...(fix ? { fix } : {}),
        });
      } else {
        ctx.report({ ...where, messageId, suggestionId: 'enterGrade', data: { mark, allowed } });
      }
    }
  },
};
export default rule;
