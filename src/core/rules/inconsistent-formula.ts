import type { RuleModule } from './types';
import { columnFormulas, expectedFormula, gridColumns } from './util';

const rule: RuleModule = {
  id: 'inconsistent-formula',
  defaultSeverity: 'warning',
  description: {
    ja: '列のほかの行と数式のパターン（相対参照）が異なる（別の行を参照しているなど）',
    en: "A formula differs from the pattern the column's other rows share (e.g. it points at another row)",
  },
  messages: {
    inconsistent: {
      ja: 'この列のほかの行と数式が異なります（{formula}）。ほかの行に合わせると {expected} です',
      en: 'This formula ({formula}) differs from the rest of the column; following the other rows it would be {expected}',
    },
    fix: {
      ja: '数式を {expected} にしてください（意図した違いなら問題ありません）',
      en: 'Use {expected} (ignore this if the difference is intended)',
    },
  },
  check(ctx) {
    for (const col of gridColumns(ctx)) {
      const { formulas, majority } = columnFormulas(ctx, col);
      if (!majority) continue;
      for (const f of formulas) {
        if (f.pattern === majority.pattern) continue;
        ctx.report({
          row: f.row,
          col,
          messageId: 'inconsistent',
          suggestionId: 'fix',
          data: { formula: f.formula, expected: expectedFormula(majority, f.row, col) },
        });
      }
    }
  },
};
export default rule;
