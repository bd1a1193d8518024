/**
 * ExcelJS 4.4 gets links to a place in the same workbook wrong both ways (exceljs issues #920, #3027):
 * - writing {text, hyperlink: "#'Sheet'!G22"} emits an external relationship AND a location, which Excel
 *   opens as the broken address "#'Sheet'!G22##'Sheet'!G22";
 * - reading drops links that only have a location, so a user's own in-workbook links vanish on a round trip.
 * This module fixes both on ExcelJS's xform classes: a hyperlink whose target starts with "#" is written
 * as <hyperlink ref location/> with no relationship, and such a link is read back as "#location".
 * Importing it applies the fix once.
 */

interface HyperlinkModel {
  address: string;
  target?: string;
  tooltip?: string;
  rId?: string;
}
interface Rel {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}
interface XmlStream {
  leafNode(name: string, attrs: Record<string, string | undefined>): void;
}
type Proto = Record<string, (...args: never[]) => unknown>;

const HYPERLINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
const PATCHED = Symbol.for('kpi-check.exceljs-internal-links');

function apply(): void {
  const HyperlinkXform = require('exceljs/lib/xlsx/xform/sheet/hyperlink-xform') as { prototype: Proto };
  const WorksheetXform = require('exceljs/lib/xlsx/xform/sheet/worksheet-xform') as { prototype: Proto };
  const hp = HyperlinkXform.prototype as unknown as Record<symbol, boolean> & Proto;
  if (hp[PATCHED]) return;
  hp[PATCHED] = true;

  const render = HyperlinkXform.prototype.render as unknown as (this: unknown, xml: XmlStream, m: HyperlinkModel) => void;
  (HyperlinkXform.prototype as unknown as { render: typeof render }).render = function (xml, model) {
    if (model.target?.startsWith('#')) {
      xml.leafNode('hyperlink', { ref: model.address, location: model.target.slice(1), tooltip: model.tooltip });
    } else {
      render.call(this, xml, model);
    }
  };

  type Prepare = (this: unknown, model: { rels?: Rel[] }, options: unknown) => void;
  const prepare = WorksheetXform.prototype.prepare as unknown as Prepare;
  (WorksheetXform.prototype as unknown as { prepare: Prepare }).prepare = function (model, options) {
    prepare.call(this, model, options);
    if (model.rels) model.rels = model.rels.filter((r) => !(r.Type === HYPERLINK_REL && r.Target.startsWith('#')));
  };

  type Reconcile = (this: unknown, model: { hyperlinks?: HyperlinkModel[]; relationships?: Rel[] }, options: unknown) => void;
  const reconcile = WorksheetXform.prototype.reconcile as unknown as Reconcile;
  (WorksheetXform.prototype as unknown as { reconcile: Reconcile }).reconcile = function (model, options) {
    let n = 0;
    for (const h of model.hyperlinks ?? []) {
      if (!h.rId && h.target) {
        const id = `kpiCheckLocation${++n}`;
        h.rId = id;
        (model.relationships ??= []).push({ Id: id, Type: HYPERLINK_REL, Target: `#${h.target}` });
      }
    }
    reconcile.call(this, model, options);
  };
}

apply();

export {};
