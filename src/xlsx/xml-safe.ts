/**
 * Text as the written workbook's XML can hold it. XML 1.0 forbids the C0 controls other than tab, LF
 * and CR, U+FFFE, U+FFFF and lone surrogates; a cell read from "_xFFFF_" or "_x0001_" holds them, and a
 * file with them raw is not XML (Excel has to repair it). ExcelJS 4.4 drops the controls but writes the
 * others as they are, and it writes a cell's text "_x0041_" as it is, which Excel reads back as "A".
 *
 * Importing this module makes every text and attribute ExcelJS writes go through xmlSafe (its one XML
 * escaping function, utils.xmlEncode), and the text of every <t> (cells, shared strings, rich-text runs,
 * notes) through xstring first: so the checked and fixed copies (the loaded workbook's own strings
 * included), the summary sheet and the consolidated workbook are all valid XML. A rich-text run without
 * text (<r><rPr/></r> in the file) is written as an empty run instead of crashing the writer.
 */

import { hasXmlForbidden, XML_FORBIDDEN } from './xml-chars';

/** What a forbidden character becomes where no escape exists (U+FFFD, the replacement character). */
export const REPLACEMENT = '\uFFFD';

/** The text with every character XML forbids replaced by U+FFFD. */
export function xmlSafe(s: string): string {
  return hasXmlForbidden(s) ? s.replace(XML_FORBIDDEN, REPLACEMENT) : s;
}

/** In <t>: a literal "_xHHHH_" (Excel would decode it), and a control character or CR (XML would lose it). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XSTRING_ESCAPE = /_(x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0B\x0C\x0D\x0E-\x1F]/g;

/**
 * The text of a <t> element as SpreadsheetML escapes it (ST_Xstring): "_x005F_" before a literal
 * "_xHHHH_", a control character or CR as "_x000D_" (as Excel writes them); U+FFFE, U+FFFF and lone
 * surrogates then become U+FFFD (xmlSafe), as Excel cannot be trusted with them.
 */
export function xstring(s: string): string {
  return xmlSafe(
    s.replace(XSTRING_ESCAPE, (m, literal: string | undefined) =>
      literal ? `_x005F_${literal}` : `_x${m.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    ),
  );
}

const PATCHED = Symbol.for('kpi-check.exceljs-xml-safe');

interface XmlStream {
  openNode(name: string): void;
}
type TextRender = (this: unknown, xml: XmlStream, model: unknown) => void;

function apply(): void {
  const utils = require('exceljs/lib/utils/utils') as Record<string | symbol, unknown> & { xmlEncode: (s: string) => string };
  if (utils[PATCHED]) return;
  utils[PATCHED] = true;
  const encode = utils.xmlEncode;
  utils.xmlEncode = (s: string) => encode(xmlSafe(s));

  const TextXform = require('exceljs/lib/xlsx/xform/strings/text-xform') as { prototype: { render: TextRender } };
  const render = TextXform.prototype.render;
  TextXform.prototype.render = function (xml, model) {
    render.call(
      this,
      xml,
      xstring(typeof model === 'string' ? model : model === undefined || model === null ? '' : String(model)),
    );
  };
}

apply();
