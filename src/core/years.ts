/** Fiscal years as Japanese tables write them: 令和6年度, R6, H26, 26年度, 2024年度, 平成32年3月, FY2024. */
import { nfkc } from './text';

const ERA_BASE: Record<string, number> = { 令和: 2018, r: 2018, 平成: 1988, h: 1988, 昭和: 1925, s: 1925 };

const FY_RE =
  /(令和|平成|昭和)\s*(元|\d{1,2})(?:\s*年(度)?)?|(?<![a-z])([rh])\s*(元|\d{1,2})(?!\d)(?:\s*年(度)?)?|((?:19|20)\d{2})\s*年(度)?|fy\s*((?:19|20)\d{2})|(?<![\d.元])(\d{1,2})\s*年度/i;
/** A month right after "…年" or "R7.": a date, which counts in the fiscal year it falls in (April–March). */
const MONTH_AFTER = /^\s*[./]?\s*(\d{1,2})\s*(?:月|[./]|$)/;
const DOTTED_DATE = /(?<![a-z])([rh])\s*(元|\d{1,2})\s*\.\s*(\d{1,2})(?:\s*[./月]|$)/i;

/** Era-less 26年度 is Heisei 26 (2014) from 20 up, Reiwa below: tables of either era write it so. */
function eraLess(n: number): number {
  return n >= 20 ? 1988 + n : 2018 + n;
}

/**
 * The western fiscal year a text names: 令和6年度 / R6年度 / Ｒ６ / 2024年度 / FY2024 → 2024, 平成31年度 → 2019,
 * 26年度 → 2014; a date counts in its fiscal year (平成32年3月 → 2019, R7.3月末 → 2024). null when none.
 */
export function parseFiscalYear(text: string): number | null {
  if (typeof text !== 'string' || text === '') return null;
  const t = nfkc(text);
  const dotted = DOTTED_DATE.exec(t);
  const m = FY_RE.exec(t);
  if (!m && !dotted) return null;
  if (dotted && (!m || dotted.index <= m.index)) {
    const year = ERA_BASE[dotted[1]!.toLowerCase()]! + (dotted[2] === '元' ? 1 : Number(dotted[2]));
    const month = Number(dotted[3]);
    return month >= 1 && month <= 3 ? year - 1 : year;
  }
  const match = m!;
  let year: number;
  let fiscal: boolean;
  if (match[1]) {
    year = ERA_BASE[match[1]]! + (match[2] === '元' ? 1 : Number(match[2]));
    fiscal = match[3] !== undefined;
  } else if (match[4]) {
    year = ERA_BASE[match[4].toLowerCase()]! + (match[5] === '元' ? 1 : Number(match[5]));
    fiscal = match[6] !== undefined || !/年/.test(match[0]);
  } else if (match[7]) {
    year = Number(match[7]);
    fiscal = match[8] !== undefined;
  } else if (match[9]) {
    return Number(match[9]);
  } else {
    return eraLess(Number(match[10]));
  }
  if (!fiscal) {
    const month = MONTH_AFTER.exec(t.slice(match.index + match[0].length));
    const mo = month ? Number(month[1]) : 0;
    if (mo >= 1 && mo <= 3) return year - 1;
  }
  return year;
}

/** A header cell that is nothing but a year (H27, R6, 2024, 2024年度, 令和元年度), as a year series writes it. */
export function yearOnly(text: string): number | null {
  if (typeof text !== 'string' || text.length > 16) return null;
  const t = nfkc(text).replace(/[\s()（）]/g, '');
  if (/^(?:19|20)\d{2}$/.test(t)) return Number(t);
  if (!/^(?:(?:令和|平成|昭和|[RrHhSs])(?:元|\d{1,2})|(?:19|20)\d{2}|\d{1,2}|FY(?:19|20)\d{2})(?:年度?|年度末)?$/i.test(t))
    return null;
  if (/^\d{1,2}$/.test(t)) return null;
  return parseFiscalYear(t);
}
