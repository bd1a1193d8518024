import { colToLetters } from '../a1';
import { nearMisses } from '../headers';
import type { Role } from '../types';
import type { RuleModule } from './types';
import { cellIn, roleNames } from './util';

/** A column whose header means something close (実績 for the KPI's 実績): named when the role is missing. */
const CLOSE_IN_MEANING: Partial<Record<Role, Role>> = { kpi_actual: 'results', kpi_target: 'plan' };

const rule: RuleModule = {
  id: 'missing-column',
  defaultSeverity: 'error',
  description: {
    ja: '必須の列がない（見本と同じ形の表は対象者・取組内容・実施計画・KPI・達成度・実績・課題・実施機関、指標の一覧は指標・目標・実績・達成度または達成率）',
    en: 'A required column is missing (tables like the sample: target group, initiative, plan, KPI, grade, results, issues, agencies; indicator lists: indicator, target, actual, grade or rate)',
  },
  messages: {
    missing: {
      ja: '必須の列「{roleJa}」が見つかりません',
      en: 'The required column "{roleEn}" was not found',
    },
    missingEither: {
      ja: '必須の列「{roleJa}」（または「{altJa}」）が見つかりません',
      en: 'The required column "{roleEn}" (or "{altEn}") was not found',
    },
    closeInMeaning: {
      ja: '必須の列「{roleJa}」が見つかりません。{column}列「{found}」を{roleJa}として読みますか',
      en: 'The required column "{roleEn}" was not found. Is column {column} ("{found}") the {roleEn}?',
    },
    mapColumn: {
      ja: 'そうであれば、プロファイルの columns で {role} に "{column}" を指定してください（例: {"columns": {"{role}": "{column}"}}）',
      en: 'If so, map it in the profile: {"columns": {"{role}": "{column}"}}',
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
    if (!layout || !ctx.required) return;
    const used = new Set<string>();
    for (const group of ctx.required.columns) {
      if (group.some((role) => layout.columns[role] !== undefined)) continue;
      const role = group[0]!;
      const near = group
        .flatMap((r) => nearMisses(layout.headerCells, r, ctx.profile).map((m) => ({ ...m, role: r })))
        .sort((a, b) => a.distance - b.distance)
        .find((m) => !used.has(`${m.cell.row}:${m.cell.col}`));
      if (near) {
        used.add(`${near.cell.row}:${near.cell.col}`);
        ctx.report({
          ...cellIn(ctx, near.cell.row, near.cell.col),
          role: near.role,
          messageId: 'nearMiss',
          suggestionId: 'rename',
          data: { ...roleNames(near.role), role: near.role, found: near.cell.text, expected: near.spelling },
        });
        continue;
      }
      const close = CLOSE_IN_MEANING[role];
      const closeCol = close === undefined ? undefined : layout.columns[close];
      const closeCell =
        closeCol === undefined ? undefined : layout.headerCells.find((h) => h.col === closeCol && h.role === close);
      if (closeCell) {
        const column = colToLetters(closeCell.col);
        ctx.report({
          ...cellIn(ctx, closeCell.row, closeCell.col),
          role,
          messageId: 'closeInMeaning',
          suggestionId: 'mapColumn',
          data: { ...roleNames(role), role, found: closeCell.text, column },
        });
      } else if (group.length > 1) {
        const alt = roleNames(group[1]!);
        ctx.report({
          row: null,
          col: null,
          role,
          messageId: 'missingEither',
          data: { ...roleNames(role), role, altJa: alt.roleJa, altEn: alt.roleEn },
        });
      } else {
        ctx.report({ row: null, col: null, role, messageId: 'missing', data: { ...roleNames(role), role } });
      }
    }
  },
};
export default rule;
