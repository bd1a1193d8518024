import { colToLetters } from '../a1';
import { fiscalYearLabel } from '../i18n';
import type { HeaderCell, Layout, Role } from '../types';
import type { RuleModule } from './types';
import { cellIn } from './util';

/** Roles whose header names the year of the work reported: another year there is a copy-paste slip. */
const WORK_ROLES: ReadonlySet<Role> = new Set<Role>([
  'target_group',
  'initiative',
  'plan',
  'indicator',
  'kpi_actual',
  'rate',
  'grade',
  'results',
  'issues',
  'agencies',
  'remarks',
]);

/** A plan's period or a time span (令和2年度～令和6年度, 平成25年度まで, 26年度以降): no single year to compare. */
const SPAN_RE = /[~〜～]|(?:年度?|\d)\s*(?:まで|以降|から)/;

/**
 * Header cells that name a year that should be the table's: not a baseline (基準値 H26), not a target
 * (the plan's final year), not a column of a year series or the year over it, not a span.
 */
function comparable(layout: Layout, h: HeaderCell): boolean {
  if (h.fiscalYear === undefined || SPAN_RE.test(h.text.normalize('NFKC'))) return false;
  const seriesCols = layout.series.flatMap((s) => s.columns.map((c) => c.col));
  if (seriesCols.includes(h.col)) return false;
  // A year over sub-headers (25年度 over 実績 | 達成度) is a year of the series below it.
  if (layout.headerRows.length > 1 && h.row === layout.headerRows[0] && !h.role) {
    const sub = layout.headerCells.filter((s) => s.row === layout.headerRows[1] && s.col >= h.col && s.col <= h.col + 1);
    if (sub.length > 0) return false;
  }
  if (h.role) return WORK_ROLES.has(h.role);
  return layout.family === 'sample';
}

const rule: RuleModule = {
  id: 'fiscal-year-mismatch',
  defaultSeverity: 'error',
  description: {
    ja: '見出しに書かれた年度が表の年度と食い違っている（基準値・目標値・年度ごとの列は対象外）',
    en: 'A header names another fiscal year than the table’s (baselines, targets and year series aside)',
  },
  messages: {
    mismatch: {
      ja: '見出しの年度「{foundJa}」が表の年度「{expectedJa}」と異なります（表の年度は {sourceCell}「{sourceText}」から読み取りました）',
      en: 'This header names {foundEn}, but the table is for {expectedEn} (read from {sourceCell} "{sourceText}")',
    },
    fix: {
      ja: '年度を「{expectedJa}」にそろえてください',
      en: 'Make the header say {expectedEn}',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    if (!layout || layout.fiscalYear === null) return;
    const expected = layout.fiscalYear;
    const src = layout.fiscalYearSource;
    const sourceCell = src ? `${colToLetters(src.col)}${src.row + 1}` : '';
    const sourceText = src ? src.text.replace(/\s+/g, ' ').slice(0, 40) : '';
    for (const h of layout.headerCells) {
      if (!comparable(layout, h) || h.fiscalYear === expected) continue;
      ctx.report({
        ...cellIn(ctx, h.row, h.col),
        messageId: 'mismatch',
        suggestionId: 'fix',
        data: {
          found: h.fiscalYear!,
          expected,
          foundJa: fiscalYearLabel(h.fiscalYear!, 'ja'),
          expectedJa: fiscalYearLabel(expected, 'ja'),
          foundEn: fiscalYearLabel(h.fiscalYear!, 'en'),
          expectedEn: fiscalYearLabel(expected, 'en'),
          sourceCell,
          sourceText,
        },
      });
    }
  },
};
export default rule;
