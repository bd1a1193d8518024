import { ratePercent } from '../kpi';
import type { RuleModule } from './types';
import { cellIn, formatPercent } from './util';

/** The smallest step the rate is shown in: 1 % under "0%", 0.1 % under "0.0%" or for "87.6%" typed as text. */
function shownStep(fmt: string | null, text: string): number {
  const decimals = (s: string) => /\.(0+)/.exec(s)?.[1]!.length ?? 0;
  if (fmt && fmt.includes('%')) return 10 ** -decimals(fmt.replace(/"[^"]*"/g, ''));
  const m = /\d(?:\.(\d+))?\s*%?\s*$/.exec(text);
  return 10 ** -(m?.[1]?.length ?? 1);
}

const rule: RuleModule = {
  id: 'rate-mismatch',
  defaultSeverity: 'warning',
  description: {
    ja: '入力された達成率が実績 ÷ 目標（小さいほど良い KPI は目標 ÷ 実績）と合わない',
    en: 'The typed achievement rate disagrees with actual ÷ target (target ÷ actual where smaller is better)',
  },
  messages: {
    mismatch: {
      ja: '達成率 {typed}% は {formulaJa} = {computed}% と合いません',
      en: 'The rate {typed}% does not match {formulaEn} = {computed}%',
    },
    fix: {
      ja: '達成率を {computed}% にするか、目標・実績の値（または達成率の式）を確認してください',
      en: 'Make the rate {computed}%, or check the target and actual (or the rate formula)',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    const col = layout?.columns.rate;
    if (!layout || col === undefined) return;
    for (const k of ctx.kpis) {
      if (k.typedRatePercent === null || k.items.length !== 1) continue;
      const { target, actual } = k.items[0]!;
      if (!target || !actual) continue;
      const typed = k.typedRatePercent;
      // Any common way of computing the rate is accepted: ratio either way, progress from the baseline, a cap at 100 %.
      const candidates = [
        ratePercent(target, actual, { direction: 'higher' }),
        ratePercent(target, actual, { direction: 'lower' }),
        k.baseline ? ratePercent(target, actual, { formula: 'progress', baseline: k.baseline }) : null,
      ].filter((c): c is number => c !== null && Number.isFinite(c));
      if (candidates.length === 0) continue;
      const step = shownStep(ctx.grid.numberFormat(k.row, col), ctx.grid.text(k.row, col));
      const tolerance = step + 1e-9;
      if (candidates.some((c) => Math.abs(c - typed) <= tolerance || (Math.abs(typed - 100) <= tolerance && c >= 100))) continue;
      const lower = k.direction.direction === 'lower';
      const computed = (lower ? candidates[1] : candidates[0]) ?? candidates[0]!;
      const tText = target.source;
      const aText = actual.source;
      ctx.report({
        ...cellIn(ctx, k.row, col),
        messageId: 'mismatch',
        suggestionId: 'fix',
        data: {
          typed: formatPercent(typed),
          computed: formatPercent(computed),
          formulaJa: lower ? `目標 ${tText} ÷ 実績 ${aText}` : `実績 ${aText} ÷ 目標 ${tText}`,
          formulaEn: lower ? `target ${tText} ÷ actual ${aText}` : `actual ${aText} ÷ target ${tText}`,
        },
      });
    }
  },
};
export default rule;
