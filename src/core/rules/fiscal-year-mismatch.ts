import { fiscalYearLabel } from '../i18n';
import type { RuleModule } from './types';
import { cellIn } from './util';

const rule: RuleModule = {
  id: 'fiscal-year-mismatch',
  defaultSeverity: 'error',
  description: {
    ja: '見出しに書かれた年度が食い違っている',
    en: 'Header cells name different fiscal years',
  },
  messages: {
    mismatch: {
      ja: '見出しの年度「{foundJa}」が表の年度「{expectedJa}」と異なります',
      en: 'This header names {foundEn}, but the table is for {expectedEn}',
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
    for (const h of layout.headerCells) {
      if (h.fiscalYear === undefined || h.fiscalYear === expected) continue;
      ctx.report({
        ...cellIn(ctx, h.row, h.col),
        messageId: 'mismatch',
        suggestionId: 'fix',
        data: {
          found: h.fiscalYear,
          expected,
          foundJa: fiscalYearLabel(h.fiscalYear, 'ja'),
          expectedJa: fiscalYearLabel(expected, 'ja'),
          foundEn: fiscalYearLabel(h.fiscalYear, 'en'),
          expectedEn: fiscalYearLabel(expected, 'en'),
        },
      });
    }
  },
};
export default rule;
