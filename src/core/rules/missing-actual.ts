import type { RuleModule } from './types';
import { cellIn } from './util';

const rule: RuleModule = {
  id: 'missing-actual',
  defaultSeverity: 'error',
  description: {
    ja: 'KPI の目標があるのに実績が未入力',
    en: 'The KPI has a target but no actual value',
  },
  messages: {
    missing: {
      ja: 'KPIの目標があるのに実績が未入力です',
      en: 'The KPI has a target but no actual value has been entered',
    },
  },
  check(ctx) {
    const col = ctx.layout?.columns.kpi_actual;
    if (!ctx.layout || col === undefined) return;
    for (const k of ctx.kpis) {
      if (k.hasKpi && !k.hasActual) ctx.report({ ...cellIn(ctx, k.row, col), messageId: 'missing' });
    }
  },
};
export default rule;
