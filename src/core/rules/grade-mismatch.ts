import { gradeForRate } from '../kpi';
import { scaleHasThresholds } from '../gradeScales';
import { baseAmount } from '../kpi';
import { gradeKeyOf } from '../scale';
import type { RuleContext, RuleModule } from './types';
import { cellIn, formatPercent, preview } from './util';

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
    notAchieved: {
      ja: '達成度「{grade}」（{meaning}）ですが、達成率は {rate}% で目標に届いていません',
      en: 'The grade "{grade}" ({meaning}) says the target was reached, but the rate is {rate}%',
    },
    changeMismatch: {
      ja: '達成度「{grade}」ですが、基準値 {baseline} から実績 {actual} へ、目標 {target} から{awayJa}います',
      en: 'The grade "{grade}" does not match the move from the baseline {baseline} to {actual}, {awayEn} the target {target}',
    },
    fixWords: {
      ja: '達成度を評価の区分（{allowed}）の意味に合わせて見直すか、目標・実績の値を確認してください',
      en: 'Check the grade against the meaning of the scale ({allowed}), or the target and actual values',
    },
    fix: {
      ja: '達成度を {expected} にするか、目標・実績の値を確認してください',
      en: 'Change the grade to {expected}, or check the target and actual values',
    },
  },
  check(ctx) {
    const col = ctx.layout?.columns.grade;
    if (!ctx.layout || col === undefined) return;
    if (!scaleHasThresholds(ctx.profile.gradeScale)) {
      checkWords(ctx, col);
      return;
    }
    for (const k of ctx.kpis) {
      if (!k.hasKpi || k.ratePercent === null || k.grade === null || k.grade === ctx.profile.noKpiGrade) continue;
      if (k.gradeStatus !== 'valid' && k.gradeStatus !== 'not-normalized') continue;
      const rated = k.items.filter((i) => i.ratePercent !== null);
      const fromItems = rated.some((i) => i.ratePercent === k.ratePercent);
      // With several KPIs in one row the grade may follow any of them.
      const acceptable = fromItems
        ? rated.some((i) => gradeForRate(i.ratePercent!, ctx.profile) === k.grade)
        : gradeForRate(k.ratePercent, ctx.profile) === k.grade;
      if (acceptable) continue;
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
/** Words that say the grade means the target was reached. */
const ACHIEVED_RE = /達成|達した|以上|上回|クリア/;
const IMPROVED = new Set(['改善']);
const WORSENED = new Set(['悪化', '策定時を下回る']);

/**
 * Scales without thresholds (◎○△×, 改善/悪化, legends without percentages) are still checked where
 * their words leave no doubt: the top grade says the target was reached, 改善 / 悪化 say which way
 * the figure moved from the baseline.
 */
function checkWords(ctx: RuleContext, col: number): void {
  const steps = ctx.profile.gradeScale;
  const top = steps[0];
  const topAchieved = top !== undefined && steps.length >= 2 && ACHIEVED_RE.test(top.meaning ?? '');
  const allowed = steps.map((s) => s.grade).join(', ');
  for (const k of ctx.kpis) {
    if (!k.hasKpi || k.grade === null || k.items.length !== 1) continue;
    if (k.gradeStatus !== 'valid' && k.gradeStatus !== 'not-normalized') continue;
    const { target, actual, ratePercent } = k.items[0]!;
    if (!target || !actual) continue;
    const key = gradeKeyOf(k.grade);
    if (topAchieved && key === gradeKeyOf(top.grade) && ratePercent !== null && ratePercent < 99.95) {
      ctx.report({
        ...cellIn(ctx, k.row, col),
        messageId: 'notAchieved',
        suggestionId: 'fixWords',
        data: { grade: k.grade, meaning: preview(top.meaning ?? '', 30), rate: formatPercent(ratePercent), allowed },
      });
      continue;
    }
    if (!k.baseline || (!IMPROVED.has(key) && !WORSENED.has(key))) continue;
    const b = baseAmount(k.baseline).value;
    const a = baseAmount(actual).value;
    const sign = k.direction.direction === 'lower' ? -1 : 1;
    const moved = ((a - b) * sign) / Math.max(Math.abs(b), 1e-9);
    // 1 % either way is "about the same": neither word is contradicted.
    const away = IMPROVED.has(key) ? moved < -0.01 : moved > 0.01;
    if (!away) continue;
    ctx.report({
      ...cellIn(ctx, k.row, col),
      messageId: 'changeMismatch',
      suggestionId: 'fixWords',
      data: {
        grade: k.grade,
        baseline: k.baseline.source,
        actual: actual.source,
        target: target.source,
        awayJa: IMPROVED.has(key) ? '遠ざかって' : '近づいて',
        awayEn: IMPROVED.has(key) ? 'away from' : 'towards',
        allowed,
      },
    });
  }
}

export default rule;
