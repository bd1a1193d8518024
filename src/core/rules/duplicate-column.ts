import type { RuleModule } from './types';
import { cellIn, columnLetter, roleNames } from './util';

const rule: RuleModule = {
  id: 'duplicate-column',
  defaultSeverity: 'warning',
  description: {
    ja: '同じ役割の列が複数ある',
    en: 'More than one column plays the same role',
  },
  messages: {
    duplicate: {
      ja: '「{roleJa}」の列が複数あります（{first} 列と {col} 列）。{first} 列を使ってチェックしました',
      en: 'More than one "{roleEn}" column ({first} and {col}); column {first} was used for the checks',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    for (const { role, cols } of layout.duplicates) {
      const first = cols[0];
      if (first === undefined) continue;
      for (const col of cols.slice(1)) {
        const header =
          layout.headerCells.find((h) => h.col === col && h.role === role) ?? layout.headerCells.find((h) => h.col === col);
        const where = header ? cellIn(ctx, header.row, header.col) : { row: null, col: null };
        ctx.report({
          ...where,
          role,
          messageId: 'duplicate',
          data: { ...roleNames(role), role, first: columnLetter(first), col: columnLetter(col) },
        });
      }
    }
  },
};
export default rule;
