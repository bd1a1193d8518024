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
    ja: '必須の欄が空欄（見本と同じ形の表は取組内容・実施計画・実績・課題と今後の方向性・実施機関、指標の一覧は指標名）',
    en: 'A required cell is empty in a data row (tables like the sample: initiative, plan, results, issues, agencies; indicator lists: the indicator)',
  },
  messages: {
    empty: {
      ja: '「{roleJa}」が空欄です',
      en: '"{roleEn}" is empty',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    if (!layout || !ctx.required) return;
    // The required roles that have a column, looked up once.
    const cells = ctx.required.cells.flatMap((role) => {
      const col = layout.columns[role];
      return col === undefined ? [] : [{ role, col }];
    });
    for (const d of layout.dataRows) {
      for (const { role, col } of cells) {
        if (role === 'target_group' && d.targetGroup.trim() !== '') continue;
        if (!looksEmpty(ctx, d.row, col)) continue;
        ctx.report({ ...cellIn(ctx, d.row, col), messageId: 'empty', data: { ...roleNames(role), role } });
      }
    }
  },
};
export default rule;
