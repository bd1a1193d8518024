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
    hint: {
      ja: '見出し行（対象者・取組内容・KPI・達成度 など）があるシートを選んでください',
      en: 'Choose the sheet that holds the table with its header row (対象者, 取組内容, KPI, 達成度 …)',
    },
  },
  check(ctx) {
    if (ctx.layout) return;
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
