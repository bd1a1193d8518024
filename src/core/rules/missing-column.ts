import { nearMisses } from '../headers';
import type { RuleModule } from './types';
import { cellIn, roleNames } from './util';

const rule: RuleModule = {
  id: 'missing-column',
  defaultSeverity: 'error',
  description: {
    ja: '必須の列（対象者・取組内容・実施計画・KPI・達成度・実績・課題・実施機関など）がない',
    en: 'A required column (target group, initiative, plan, KPI, grade, results, issues, agencies …) is missing',
  },
  messages: {
    missing: {
      ja: '必須の列「{roleJa}」が見つかりません',
      en: 'The required column "{roleEn}" was not found',
    },
    nearMiss: {
      ja: '見出し「{found}」は「{expected}」の誤りではありませんか（必須の列「{roleJa}」が見つかりません）',
      en: 'The header "{found}" looks like a misspelling of "{expected}" (the required column "{roleEn}" was not found)',
    },
    rename: {
      ja: '見出しを「{expected}」に直してください',
      en: 'Rename the header to "{expected}"',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const used = new Set<string>();
    for (const role of ctx.profile.requiredColumns) {
      if (layout.columns[role] !== undefined) continue;
      const near = nearMisses(layout.headerCells, role, ctx.profile).find((m) => !used.has(`${m.cell.row}:${m.cell.col}`));
      if (near) {
        used.add(`${near.cell.row}:${near.cell.col}`);
        ctx.report({
          ...cellIn(ctx, near.cell.row, near.cell.col),
          role,
          messageId: 'nearMiss',
          suggestionId: 'rename',
          data: { ...roleNames(role), role, found: near.cell.text, expected: near.spelling },
        });
      } else {
        ctx.report({ row: null, col: null, role, messageId: 'missing', data: { ...roleNames(role), role } });
      }
    }
  },
};
export default rule;
