import type { RuleContext, RuleModule } from './types';
import { cellIn, roleNames } from './util';

/** Empty as staff see it: a cell inside a merge shows the merge's top-left text. */
function looksEmpty(ctx: RuleContext, row: number, col: number): boolean {
  if (!ctx.grid.isEmpty(row, col)) return false;
  const m = ctx.grid.mergeAt(row, col);
  return !m || (m.top === row && m.left === col) || ctx.grid.isEmpty(m.top, m.left);
}

const rule: RuleModule = {
  id: 'required-cell-empty',
  defaultSeverity: 'error',
  description: {
    ja: '必須の欄（取組内容・実施計画・実績・課題と今後の方向性・実施機関など）が空欄',
    en: 'A required cell (initiative, plan, results, issues, agencies …) is empty in a data row',
  },
  messages: {
    empty: {
      ja: '「{roleJa}」が空欄です',
      en: '"{roleEn}" is empty',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    for (const d of layout.dataRows) {
      for (const role of ctx.profile.requiredCells) {
        const col = layout.columns[role];
        if (col === undefined) continue;
        if (role === 'target_group' && d.targetGroup.trim() !== '') continue;
        if (!looksEmpty(ctx, d.row, col)) continue;
        ctx.report({ ...cellIn(ctx, d.row, col), messageId: 'empty', data: { ...roleNames(role), role } });
      }
    }
  },
};
export default rule;
