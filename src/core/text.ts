/** Text normalisation shared by header matching, KPI parsing and the rules. */

/** Dashes and minus signs read as "-" (the long-vowel mark ー is not one). */
const DASH_RE = /[‐‑‒–—―−－]/g;

/** NFKC (full-width digits/letters/brackets → ASCII, half-width kana → full-width) and unify dashes. */
export function nfkc(s: string): string {
  return s.normalize('NFKC').replace(DASH_RE, '-');
}

/** For comparing header text: NFKC, no white space of any kind, lower case. */
export function headerKey(s: string): string {
  return nfkc(s)
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/** Trim (also ideographic spaces) and collapse inner runs of spaces. */
export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, ' ').trim();
}

const TAG_RE =
  /<\/?(?:ul|ol|li|p|br|hr|div|span|b|i|u|s|strong|em|font|table|thead|tbody|tr|td|th|a|img|script|style|iframe|svg|object|embed|h[1-6])\b[^>]*>/gi;

/** True when the text holds HTML markup pasted from a web page or PDF extract. */
export function hasHtmlMarkup(s: string): boolean {
  TAG_RE.lastIndex = 0;
  return TAG_RE.test(s) || /&(?:nbsp|amp|lt|gt|quot);/.test(s);
}

/**
 * The text as staff see it in Excel: list items and paragraphs on their own lines, tags removed,
 * entities decoded, no blank lines.
 */
export function htmlToText(s: string): string {
  const out = s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n')
    .replace(/<\/(?:p|div|li|ul|ol|tr)>/gi, '\n')
    .replace(/<(?:p|div|ul|ol|tr)\b[^>]*>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t\u3000]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n')
    .trim();
}
