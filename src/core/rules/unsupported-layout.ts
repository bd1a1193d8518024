import { fiscalYearLabel } from '../i18n';
import type { RuleModule } from './types';

const rule: RuleModule = {
  id: 'unsupported-layout',
  defaultSeverity: 'warning',
  description: {
    ja: '1行に1つの KPI を並べた表ではない（年度が横、目標・実績が縦に並ぶ表や、KPI ごとのブロック）ため確認できない',
    en: 'The sheet is not one row per KPI (years across and measures down, or one block per KPI), so it cannot be checked',
  },
  messages: {
    yearsAcross: {
      ja: '{row} 行目に年度が横に並び（{firstJa}〜{lastJa}、{years} 列）、目標・実績などが縦に並ぶ（{measures} 行）表です。1行に1つの KPI を並べた表ではないため、KPI と達成度は確認していません',
      en: 'Row {row} lists years across ({firstEn}–{lastEn}, {years} columns) with measures such as target and actual down the side ({measures} rows): this is not one row per KPI, so KPIs and grades were not checked',
    },
    reshape: {
      ja: '1行に1つの KPI（指標・目標・実績・達成度の列）に並べた表にすると確認できます。プロファイルの columns / headerRow はこの形には使えません',
      en: 'Lay the table out one KPI per row (indicator, target, actual, grade columns) to have it checked; the profile’s columns / headerRow cannot map this layout',
    },
  },
  check(ctx) {
    const u = ctx.unsupported;
    if (ctx.layout || !u) return;
    const first = Math.min(...u.years);
    const last = Math.max(...u.years);
    ctx.report({
      row: null,
      col: null,
      messageId: 'yearsAcross',
      suggestionId: 'reshape',
      data: {
        row: u.yearRow + 1,
        years: u.years.length,
        measures: u.measureRows.length,
        firstJa: fiscalYearLabel(first, 'ja'),
        lastJa: fiscalYearLabel(last, 'ja'),
        firstEn: fiscalYearLabel(first, 'en'),
        lastEn: fiscalYearLabel(last, 'en'),
      },
    });
  },
};
export default rule;
