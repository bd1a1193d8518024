import type { RuleModule } from './types';
import { cellIn, preview } from './util';

const rule: RuleModule = {
  id: 'kpi-unparsed',
  defaultSeverity: 'info',
  description: {
    ja: 'KPI の目標・実績から数値を読み取れない（達成率を計算できないので達成度は照合しない）',
    en: 'No number could be read from the KPI target or actual (the grade is not compared with a rate)',
  },
  messages: {
    target: {
      ja: 'KPIの目標「{text}」から数値を読み取れませんでした。達成率を計算できないため、達成度は照合していません',
      en: 'No number could be read from the KPI target "{text}", so the grade was not compared with a rate',
    },
    actual: {
      ja: 'KPIの実績「{text}」から数値を読み取れませんでした。達成率を計算できないため、達成度は照合していません',
      en: 'No number could be read from the KPI actual "{text}", so the grade was not compared with a rate',
    },
  },
  check(ctx) {
    const cols = ctx.layout?.columns;
    if (!ctx.layout || !cols) return;
    for (const k of ctx.kpis) {
      if (!k.unparsed) continue;
      const targetRead = k.items.some((i) => i.target !== null);
      const col = targetRead ? cols.kpi_actual : cols.kpi_target;
      const text = targetRead ? k.actualText : k.targetText;
      const where = col === undefined ? { row: null, col: null } : cellIn(ctx, k.row, col);
      ctx.report({ ...where, messageId: targetRead ? 'actual' : 'target', data: { text: preview(text) } });
    }
  },
};
export default rule;
