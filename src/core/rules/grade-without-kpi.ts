import type { RuleModule } from './types';
import { cellIn } from './util';

const rule: RuleModule = {
  id: 'grade-without-kpi',
  defaultSeverity: 'warning',
  description: {
    ja: 'KPI が「-」または空欄なのに達成度が入力されている',
    en: 'A grade is entered although the row has no KPI ("-" or empty)',
  },
  messages: {
    withoutKpi: {
      ja: 'KPIが設定されていない（「-」または空欄）のに達成度「{grade}」が入力されています',
      en: 'The grade "{grade}" is entered but the row has no KPI ("-" or empty)',
    },
    fix: {
      ja: 'KPIがない場合、達成度は「{noKpi}」にしてください',
      en: 'Rows without a KPI take "{noKpi}" as their grade',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    const col = layout?.columns.grade;
    if (!layout || col === undefined || layout.columns.kpi_target === undefined) return;
    const noKpi = ctx.profile.noKpiGrade;
    for (const k of ctx.kpis) {
      if (k.hasKpi || k.grade === null || k.grade === noKpi) continue;
      if (k.gradeStatus !== 'valid' && k.gradeStatus !== 'not-normalized') continue;
      ctx.report({ ...cellIn(ctx, k.row, col), messageId: 'withoutKpi', suggestionId: 'fix', data: { grade: k.grade, noKpi } });
    }
  },
};
export default rule;
