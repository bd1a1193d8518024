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

/**
 * The start of a tag the engine recognises; a tag runs from there to the next ">". The patterns hold
 * no `[^>]*`: searched with tagEnd below they cost linear time on any text (a cell of 30,000 "<b"
 * without a ">" took seconds with `<b\b[^>]*>`).
 */
const TAG_OPEN_RE =
  /<\/?(?:ul|ol|li|p|br|hr|div|span|b|i|u|s|strong|em|font|table|thead|tbody|tr|td|th|a|img|script|style|iframe|svg|object|embed|h[1-6])\b/gi;
const ENTITY_RE = /&(?:nbsp|amp|lt|gt|quot);/;

/**
 * Replace every match of `open[^>]*>` (open: a global pattern of bounded length) with `by`, exactly
 * as String.replace would, in linear time: a match runs from an opening to the first ">" after it,
 * and when no ">" follows an opening none follows any later one either.
 */
function replaceTags(s: string, open: RegExp, by: string): string {
  let out = '';
  let done = 0;
  open.lastIndex = 0;
  for (let m = open.exec(s); m !== null; m = open.exec(s)) {
    const close = s.indexOf('>', open.lastIndex);
    if (close < 0) break;
    out += s.slice(done, m.index) + by;
    done = close + 1;
    open.lastIndex = done;
  }
  open.lastIndex = 0;
  return done === 0 ? s : out + s.slice(done);
}

/** True when the text holds HTML markup pasted from a web page or PDF extract. */
export function hasHtmlMarkup(s: string): boolean {
  TAG_OPEN_RE.lastIndex = 0;
  const m = TAG_OPEN_RE.exec(s);
  const tag = m !== null && s.indexOf('>', TAG_OPEN_RE.lastIndex) >= 0;
  TAG_OPEN_RE.lastIndex = 0;
  return tag || ENTITY_RE.test(s);
}

const BR_RE = /<br\s*\/?>/gi;
const LI_OPEN_RE = /<li\b/gi;
const BLOCK_CLOSE_RE = /<\/(?:p|div|li|ul|ol|tr)>/gi;
const BLOCK_OPEN_RE = /<(?:p|div|ul|ol|tr)\b/gi;
const ANY_TAG_OPEN_RE = /<\/?[a-z]/gi;

/**
 * The text as staff see it in Excel: list items and paragraphs on their own lines, tags removed,
 * entities decoded, no blank lines.
 */
export function htmlToText(s: string): string {
  let out = s.replace(BR_RE, '\n');
  out = replaceTags(out, LI_OPEN_RE, '\n').replace(BLOCK_CLOSE_RE, '\n');
  out = replaceTags(replaceTags(out, BLOCK_OPEN_RE, '\n'), ANY_TAG_OPEN_RE, '')
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
