import type { RuleModule } from './types';
import { cellFix } from '../fixes';
import { cellIn } from './util';

const rule: RuleModule = {
  id: 'grade-not-normalized',
  defaultSeverity: 'warning',
  description: {
    ja: '達成度の表記ゆれ（全角の「Ｂ」、小文字の「b」、前後の空白など）',
    en: 'A valid grade written differently (full-width "Ｂ", lower-case "b", surrounding spaces …)',
  },
  messages: {
    notNormalized: {
      ja: '達成度「{value}」の表記が統一されていません',
      en: 'The grade "{value}" is not written in the standard form',
    },
    fix: {
      ja: '「{value}」→「{fixed}」に直してください',
      en: 'Change "{value}" to "{fixed}"',
    },
  },
  check(ctx) {
    const col = ctx.layout?.columns.grade;
    if (!ctx.layout || col === undefined) return;
    for (const k of ctx.kpis) {
      if (k.gradeStatus !== 'not-normalized' || k.grade === null) continue;
      const where = cellIn(ctx, k.row, col);
      const fix = where.row === null ? undefined : cellFix(ctx.grid, k.row, col, k.grade);
      ctx.report({
        ...where,
        messageId: 'notNormalized',
        suggestionId: 'fix',
        data: { value: k.gradeText, fixed: k.grade },
        ...(fix ? { fix } : {}),
      });
    }
  },
};
export default rule;
