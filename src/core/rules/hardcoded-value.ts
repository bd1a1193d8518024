import { isNoKpiMark } from '../kpi';
import type { RuleModule } from './types';
import { columnFormulas, expectedFormula, gridColumns, preview } from './util';

const rule: RuleModule = {
  id: 'hardcoded-value',
  defaultSeverity: 'warning',
  description: {
    ja: 'ほかの行が数式の列に、値が直接入力されている',
    en: "A typed value where the column's other data rows hold formulas",
  },
  messages: {
    hardcoded: {
      ja: 'この列のほかの行は数式ですが、このセルには値「{value}」が直接入力されています',
      en: 'The other rows of this column hold formulas, but this cell holds the typed value "{value}"',
    },
    restore: {
      ja: '数式 {expected} に戻してください',
      en: 'Restore the formula {expected}',
    },
  },
  check(ctx) {
    for (const col of gridColumns(ctx)) {
      const { filled, formulas, majority } = columnFormulas(ctx, col);
      if (formulas.length < 2 || formulas.length * 2 <= filled.length) continue;
      const withFormula = new Set(formulas.map((f) => f.row));
      for (const row of filled) {
        if (withFormula.has(row)) continue;
        const text = ctx.grid.text(row, col);
        // "-" typed for a row without a KPI is the convention, not a lost formula.
        if (isNoKpiMark(text, ctx.profile)) continue;
        const data = { value: preview(text, 30) };
        if (majority) {
          ctx.report({
            row,
            col,
            messageId: 'hardcoded',
            suggestionId: 'restore',
            data: { ...data, expected: expectedFormula(majority, row, col) },
          });
        } else {
          ctx.report({ row, col, messageId: 'hardcoded', data });
        }
      }
    }
  },
};
export default rule;
