import { gradeForRate } from '../kpi';
import type { RuleModule } from './types';
import { cellIn, formatPercent } from './util';

const rule: RuleModule = {
  id: 'grade-mismatch',
  defaultSeverity: 'warning',
  description: {
    ja: '達成度が達成率（実績 ÷ 目標）と評価基準（既定: S 120%以上、A 100%以上、B 80%以上、C 50%以上、D それ未満）に合わない',
    en: 'The grade disagrees with actual ÷ target under the scale (default S ≥ 120 %, A ≥ 100 %, B ≥ 80 %, C ≥ 50 %, D below)',
  },
  messages: {
    mismatch: {
      ja: '達成度「{grade}」は達成率 {rate}%（実績 {actual} ÷ 目標 {target}）と合いません。評価基準では {expected} です',
      en: 'The grade "{grade}" does not match the achievement rate of {rate}% (actual {actual} ÷ target {target}); the scale gives {expected}',
    },
    mismatchRate: {
      ja: '達成度「{grade}」は達成率 {rate}% と合いません。評価基準では {expected} です',
      en: 'The grade "{grade}" does not match the achievement rate of {rate}%; the scale gives {expected}',
    },
    fix: {
      ja: '達成度を {expected} にするか、目標・実績の値を確認してください',
      en: 'Change the grade to {expected}, or check the target and actual values',
    },
  },
  check(ctx) {
    const col = ctx.layout?.columns.grade;
    if (!ctx.layout || col === undefined) return;
    for (const k of ctx.kpis) {
      if (!k.hasKpi || k.ratePercent === null || k.grade === null || k.grade === ctx.profile.noKpiGrade) continue;
      if (k.gradeStatus !== 'valid' && k.gradeStatus !== 'not-normalized') continue;
      const rated = k.items.filter((i) => i.ratePercent !== null);
      const fromItems = rated.some((i) => i.ratePercent === k.ratePercent);
      // With several KPIs in one row the grade may follow any of them.
      const acceptable = fromItems
        ? rated.map((i) => gradeForRate(i.ratePercent!, ctx.profile))
        : [gradeForRate(k.ratePercent, ctx.profile)];
      if (acceptable.includes(k.grade)) continue;
      const expected = gradeForRate(k.ratePercent, ctx.profile);
      if (expected === null) continue;
      const item = rated.find((i) => i.ratePercent === k.ratePercent);
      const data: Record<string, string | number> = { grade: k.grade, rate: formatPercent(k.ratePercent), expected };
      if (fromItems && item?.target && item.actual) {
        data.target = item.target.source;
        data.actual = item.actual.source;
        ctx.report({ ...cellIn(ctx, k.row, col), messageId: 'mismatch', suggestionId: 'fix', data });
      } else {
        ctx.report({ ...cellIn(ctx, k.row, col), messageId: 'mismatchRate', suggestionId: 'fix', data });
      }
    }
  },
};
export default rule;
