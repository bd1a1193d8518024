import { roleLabel } from '../i18n';
import { HEADER_SCAN_ROWS } from '../layout';
import type { Role } from '../types';
import type { RuleModule } from './types';

/** What layout detection looks for, in the words staff know: the KPI sub-columns are shown as KPI. */
function lookedFor(roles: readonly Role[], lang: 'ja' | 'en'): string {
  const names: string[] = [];
  for (const role of roles) {
    const name = ['kpi_target', 'kpi_actual', 'rate', 'indicator'].includes(role) ? 'KPI' : roleLabel(role, lang);
    if (!names.includes(name)) names.push(name);
  }
  return names.join(lang === 'ja' ? '・' : ', ');
}

const rule: RuleModule = {
  id: 'header-not-found',
  defaultSeverity: 'error',
  description: {
    ja: '進捗管理表の見出し行が見つからない',
    en: 'No KPI progress table header could be recognised on the sheet',
  },
  messages: {
    notFound: {
      ja: '進捗管理表の見出しが見つかりません。先頭 {rows} 行から「{lookedJa}」などの見出しを探しました',
      en: 'No KPI progress table found: looked in the first {rows} rows for headers such as {lookedEn}',
    },
    notFoundNear: {
      ja: '進捗管理表の見出しが見つかりません。見出しに最も近いのは {row} 行目で、「{seenJa}」は読み取れましたが、表として読むには KPI（指標・目標・実績）や達成度などの見出しがあと {more} 種類必要です',
      en: 'No KPI progress table found. Row {row} looks most like a header: it names {seenEn}, but at least {more} more kind(s) of header (indicator, target, actual, grade …) are needed to read it as a table',
    },
    hint: {
      ja: '見出し行（対象者・取組内容・KPI・達成度 など）があるシートを選んでください',
      en: 'Choose the sheet that holds the table with its header row (対象者, 取組内容, KPI, 達成度 …)',
    },
    mapHint: {
      ja: '見出しの言葉が違うだけなら、プロファイルで列を指定できます（例: {"headerRow": {row}, "columns": {"grade": "評価", "kpi_actual": "E"}}）',
      en: 'If the headers only use other words, map the columns in the profile (e.g. {"headerRow": {row}, "columns": {"grade": "評価", "kpi_actual": "E"}})',
    },
  },
  check(ctx) {
    if (ctx.layout || ctx.unsupported) return;
    const c = ctx.candidate;
    if (c && c.roles.length > 0) {
      const seen = (lang: 'ja' | 'en') =>
        c.cells
          .filter((h) => h.role)
          .map((h) => (lang === 'ja' ? h.text.trim() : `"${h.text.trim()}" (${roleLabel(h.role!, 'en')})`))
          .slice(0, 8)
          .join(lang === 'ja' ? '」「' : ', ');
      ctx.report({
        row: null,
        col: null,
        messageId: 'notFoundNear',
        suggestionId: 'mapHint',
        data: { row: c.row + 1, seenJa: seen('ja'), seenEn: seen('en'), more: Math.max(1, 3 - c.roles.length) },
      });
      return;
    }
    const roles = ctx.profile.requiredColumns.length ? ctx.profile.requiredColumns : (['initiative', 'grade'] as Role[]);
    ctx.report({
      row: null,
      col: null,
      messageId: 'notFound',
      suggestionId: 'hint',
      data: { rows: HEADER_SCAN_ROWS, lookedJa: lookedFor(roles, 'ja'), lookedEn: lookedFor(roles, 'en') },
    });
  },
};
export default rule;
