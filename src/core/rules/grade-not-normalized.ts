import type { RuleModule } from './types';
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
      ctx.report({
        ...cellIn(ctx, k.row, col),
        messageId: 'notNormalized',
        suggestionId: 'fix',
        data: { value: k.gradeText, fixed: k.grade },
      });
    }
  },
};
export default rule;
