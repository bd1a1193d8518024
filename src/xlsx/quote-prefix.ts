/**
 * Excel's quote prefix (quotePrefix="1" on a cell's <xf> in styles.xml): the cell shows text that starts
 * with "=", "+", "-" or "@" as text for good, also after F2 + Enter, which would otherwise turn it into a
 * live formula. ExcelJS 4.4 neither reads nor writes the flag (a user's own quote prefixes were lost on
 * a round trip). Importing this module teaches it the flag as `quotePrefix: true` in a cell's style:
 * read from <xf quotePrefix="1">, written back, and set by quoted() on the texts the CLI writes.
 */
import type * as ExcelJS from 'exceljs';

/** A cell style with Excel's quote prefix (ExcelJS's Style type does not know it). */
export type QuotedStyle = Partial<ExcelJS.Style> & { quotePrefix?: boolean };

/** Text Excel would read as the start of a formula when the cell is edited. */
export function needsQuotePrefix(v: unknown): boolean {
  return typeof v === 'string' && /^[=+\-@]/.test(v);
}

/** Set the quote prefix on a cell that holds such text (its style replaced, never mutated: styles are shared). */
export function quoteIfNeeded(cell: ExcelJS.Cell): void {
  if (needsQuotePrefix(cell.value) && !(cell.style as QuotedStyle).quotePrefix)
    cell.style = { ...cell.style, quotePrefix: true } as QuotedStyle as ExcelJS.Style;
}

const PATCHED = Symbol.for('kpi-check.exceljs-quote-prefix');

interface XfModel {
  quotePrefix?: boolean;
  [k: string]: unknown;
}
interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}
interface StylesManager {
  model: { styles: (XfModel | string)[] };
  [QUOTED]?: boolean;
}
const QUOTED = Symbol('kpi-check.quote-prefix-pending');

function apply(): void {
  const StyleXform = require('exceljs/lib/xlsx/xform/style/style-xform') as {
    prototype: Record<string | symbol, unknown> & {
      toXml(model: XfModel): string;
      parseOpen(node: SaxNode): boolean;
      model: XfModel;
    };
  };
  const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as {
    prototype: {
      addStyleModel(this: StylesManager, model: QuotedStyle | undefined, cellType: unknown): number;
      getStyleModel(this: StylesManager, id: number): QuotedStyle | null;
      _addStyle(this: StylesManager, style: XfModel): number;
    };
  };
  const sp = StyleXform.prototype;
  if (sp[PATCHED]) return;
  sp[PATCHED] = true;

  // Reading: <xf quotePrefix="1"> (or "true") → the xf model → the cells' style.
  const parseOpen = sp.parseOpen;
  sp.parseOpen = function (node) {
    const r = parseOpen.call(this, node);
    if (node.name === 'xf' && !this.parser && /^(1|true)$/.test(node.attributes.quotePrefix ?? '')) this.model.quotePrefix = true;
    return r;
  };
  const pp = StylesXform.prototype;
  const getStyleModel = pp.getStyleModel;
  pp.getStyleModel = function (id) {
    const model = getStyleModel.call(this, id);
    const xf = this.model.styles[id];
    if (model && typeof xf === 'object' && xf?.quotePrefix) model.quotePrefix = true;
    return model;
  };

  // Writing: a style with quotePrefix → its own <xf quotePrefix="1"> (style ids are keyed by the xf's XML).
  const addStyleModel = pp.addStyleModel;
  pp.addStyleModel = function (model, cellType) {
    this[QUOTED] = model?.quotePrefix === true;
    try {
      return addStyleModel.call(this, model, cellType);
    } finally {
      this[QUOTED] = false;
    }
  };
  const addStyle = pp._addStyle;
  pp._addStyle = function (style) {
    return addStyle.call(this, this[QUOTED] ? { ...style, quotePrefix: true } : style);
  };
  const toXml = sp.toXml;
  sp.toXml = function (model) {
    const xml = toXml.call(this, model);
    return model?.quotePrefix ? xml.replace(/^<xf\b/, '<xf quotePrefix="1"') : xml;
  };
}

apply();
