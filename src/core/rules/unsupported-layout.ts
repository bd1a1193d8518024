import { fiscalYearLabel } from '../i18n';
import type { RuleModule } from './types';

const rule: RuleModule = {
  id: 'unsupported-layout',
  defaultSeverity: 'warning',
  description: {
    ja: '1行に1つの KPI を並べた表ではない（年度が横に並ぶ KPI ごとのブロックや、目標・実績が縦に並ぶ表）ため確認できない',
    en: 'The sheet is not one row per KPI (one block per KPI with years across, or measures down a column), so it cannot be checked',
  },
  messages: {
    yearsAcross: {
      ja: '{row} 行目などに年度が横に並び（{firstJa}〜{lastJa}）、その下に数値がある KPI ごとのブロック（{blocks} 個）です。1行に1つの KPI を並べた表ではないため、KPI と達成度は確認していません',
      en: 'Row {row} and others list years across ({firstEn}–{lastEn}) with the figures below, one block per KPI ({blocks}): this is not one row per KPI, so KPIs and grades were not checked',
    },
    measuresDown: {
      ja: '{row} 行目などに目標値・実績値などが縦に並び、その右に数値がある表（{measures} 行）です。1行に1つの KPI を並べた表ではないため、KPI と達成度は確認していません',
      en: 'Row {row} and others list measures such as target and actual down a column with the figures beside them ({measures} rows): this is not one row per KPI, so KPIs and grades were not checked',
    },
    reshape: {
      ja: '1行に1つの KPI（指標・目標・実績・達成度の列）に並べた表にすると確認できます。プロファイルの columns / headerRow はこの形には使えません',
      en: 'Lay the table out one KPI per row (indicator, target, actual, grade columns) to have it checked; the profile’s columns / headerRow cannot map this layout',
    },
  },
  check(ctx) {
    const u = ctx.unsupported;
    if (ctx.layout || !u) return;
    if (u.kind === 'measures-down') {
      ctx.report({
        row: null,
        col: null,
        messageId: 'measuresDown',
        suggestionId: 'reshape',
        data: { row: u.row + 1, measures: u.rows.length },
      });
      return;
    }
    const first = Math.min(...u.years);
    const last = Math.max(...u.years);
    ctx.report({
      row: null,
      col: null,
      messageId: 'yearsAcross',
      suggestionId: 'reshape',
      data: {
        row: u.row + 1,
        blocks: u.rows.length,
        firstJa: fiscalYearLabel(first, 'ja'),
        lastJa: fiscalYearLabel(last, 'ja'),
        firstEn: fiscalYearLabel(first, 'en'),
        lastEn: fiscalYearLabel(last, 'en'),
      },
    });
  },
};
export default rule;
