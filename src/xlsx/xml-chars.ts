/**
 * Characters XML 1.0 does not allow: the C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and lone
 * surrogates. No ExcelJS here (xml-safe.ts patches it on import; load-limits.ts must not load it).
 */
export const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether the text holds a character XML forbids. */
export function hasXmlForbidden(s: string): boolean {
  XML_FORBIDDEN.lastIndex = 0;
  return XML_FORBIDDEN.test(s);
}
