import { colToLetters } from '../a1';
import type { RuleModule } from './types';
import { cellIn, preview } from './util';

const rule: RuleModule = {
  id: 'invalid-grade',
  defaultSeverity: 'error',
  description: {
    ja: '達成度が評価の区分（既定: S, A, B, C, D、KPI なしは「-」）にない',
    en: 'The grade is not on the profile\'s scale (default S, A, B, C, D, and "-" for no KPI)',
  },
  messages: {
    invalid: {
      ja: '{column}列「{header}」の「{value}」は評価の区分にありません。{allowed} のいずれかを入力してください',
      en: 'The grade "{value}" in column {column} ("{header}") is not on the scale; use one of {allowed}',
    },
  },
  check(ctx) {
    const col = ctx.layout?.columns.grade;
    if (!ctx.layout || col === undefined) return;
    const allowed = [...ctx.profile.gradeScale.map((s) => s.grade), ctx.profile.noKpiGrade].join(', ');
    // Name the column read as the grade, so that a wrong guess shows at once.
    const headers = ctx.layout.headerCells.filter((h) => h.col === col);
    const header = preview((headers.at(-1)?.text ?? '').trim(), 20);
    const column = colToLetters(col);
    for (const k of ctx.kpis) {
      if (k.gradeStatus !== 'invalid') continue;
      ctx.report({
        ...cellIn(ctx, k.row, col),
        messageId: 'invalid',
        data: { value: preview(k.gradeText, 20), allowed, column, header },
      });
    }
  },
};
export default rule;
