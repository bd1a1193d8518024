/**
 * The simulator's workbook to and from .xlsx through ExcelJS (which runs in browsers too: no fs here;
 * it takes and gives ExcelJS workbooks or bytes). Cell values come through the CLI's own converter
 * (src/xlsx/read.ts cellToCore), except dates, which Excel hands to add-ins as serial numbers.
 *
 * Kept: values, formulas with their cached results, fills, fonts, number formats, alignment and every
 * other format detail (borders… as ExcelJS reads them), merges, conditional formats, column widths,
 * frozen panes, tab colours, sheet visibility and protection, the active sheet. Worksheet custom
 * properties and the add-in's document settings, which ExcelJS cannot write, travel in a very hidden
 * sheet. Charts are not kept (ExcelJS has no chart API).
 */
import ExcelJS from 'exceljs';
import { colToLetters, type CellRange } from '../../core/a1';
import { isExcelError, type CellValue } from '../../core/grid';
import { activeSheetName, cellToCore, sheetMerges } from '../../xlsx/read';
import { localAddress, parseAreaList } from './address';
import { excelSerial } from './input';
import {
  SimWorkbook,
  internStyle,
  type SimCell,
  type SimConditionalFormat,
  type SimFont,
  type SimSheet,
  type SimStyle,
} from './model';

/** The very hidden sheet that carries what ExcelJS cannot store. */
export const META_SHEET = '__kpichk_sim__';
/** Excel's column width unit (characters of the default font) in points. */
const POINTS_PER_CHAR = 48 / 8.43;

function argbToHex(argb: unknown): string | undefined {
  if (typeof argb !== 'string' || !/^[0-9a-f]{6,8}$/i.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

function hexToArgb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function dateSerial(d: Date): number | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = excelSerial(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  if (day === null) return null;
  return day + (d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()) / 86400;
}

const ALIGN_IN: Record<string, string> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  fill: 'Fill',
  justify: 'Justify',
  centerContinuous: 'CenterAcrossSelection',
  distributed: 'Distributed',
  top: 'Top',
  middle: 'Center',
  bottom: 'Bottom',
};

function styleFromExcelJS(cell: ExcelJS.Cell): SimStyle | undefined {
  const raw = cell.style as Partial<ExcelJS.Style> | undefined;
  if (!raw || Object.keys(raw).length === 0) return undefined;
  const s: SimStyle = { extra: JSON.parse(JSON.stringify(raw)) as unknown };
  const fill = raw.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') s.fill = argbToHex(fill.fgColor?.argb);
  const f = raw.font;
  if (f) {
    const font: SimFont = {};
    if (f.bold) font.bold = true;
    if (f.italic) font.italic = true;
    const c = argbToHex(f.color?.argb);
    if (c) font.color = c;
    if (typeof f.size === 'number') font.size = f.size;
    if (typeof f.name === 'string') font.name = f.name;
    if (f.underline) font.underline = f.underline === true ? 'Single' : String(f.underline);
    if (Object.keys(font).length) s.font = font;
  }
  if (raw.numFmt) s.numberFormat = raw.numFmt;
  const a = raw.alignment;
  if (a?.wrapText) s.wrapText = true;
  if (a?.horizontal) s.horizontalAlignment = ALIGN_IN[a.horizontal] ?? a.horizontal;
  if (a?.vertical) s.verticalAlignment = ALIGN_IN[a.vertical] ?? a.vertical;
  return internStyle(s);
}

function cellFromExcelJS(cell: ExcelJS.Cell): SimCell | undefined {
  const style = styleFromExcelJS(cell);
  let value: CellValue = null;
  let formula: string | null = null;
  if (cell.type !== ExcelJS.ValueType.Merge) {
    const core = cellToCore(cell);
    value = core.value;
    formula = core.formula;
    const raw = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
    if (raw instanceof Date) value = dateSerial(raw);
  }
  if (value === null && formula === null && !style) return undefined;
  const out: SimCell = { value };
  if (formula !== null) out.formula = formula;
  if (style) out.style = style;
  return out;
}

const CF_TYPE_IN: Record<string, string> = {
  expression: 'Custom',
  cellIs: 'CellValue',
  dataBar: 'DataBar',
  colorScale: 'ColorScale',
  iconSet: 'IconSet',
  top10: 'TopBottom',
  containsText: 'ContainsText',
};

function cfsFromExcelJS(ws: ExcelJS.Worksheet): Omit<SimConditionalFormat, 'id'>[] {
  const out: (Omit<SimConditionalFormat, 'id'> & { priority: number })[] = [];
  const list = (ws as unknown as { conditionalFormattings?: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[] })
    .conditionalFormattings;
  for (const cf of list ?? []) {
    let ranges: CellRange[];
    try {
      ranges = parseAreaList(cf.ref.trim().split(/\s+/).join(',')).map((a) => a.range);
    } catch {
      continue;
    }
    for (const rule of cf.rules) {
      const style = (rule as { style?: Partial<ExcelJS.Style> }).style;
      const fill =
        style?.fill && style.fill.type === 'pattern'
          ? argbToHex(style.fill.bgColor?.argb ?? style.fill.fgColor?.argb)
          : undefined;
      const format: SimConditionalFormat['format'] = {};
      if (fill) format.fill = fill;
      const fc = argbToHex(style?.font?.color?.argb);
      if (fc) format.fontColor = fc;
      if (style?.font?.bold) format.fontBold = true;
      if (style?.font?.italic) format.fontItalic = true;
      const formulae = (rule as { formulae?: unknown[] }).formulae;
      out.push({
        type: CF_TYPE_IN[rule.type] ?? 'PresetCriteria',
        ranges,
        ...(rule.type === 'expression' && formulae?.[0] !== undefined ? { formula: `=${String(formulae[0])}` } : {}),
        format,
        stopIfTrue: (rule as { stopIfTrue?: boolean }).stopIfTrue === true,
        ...(rule.type === 'expression' ? {} : { source: JSON.parse(JSON.stringify(rule)) as unknown }),
        priority: rule.priority ?? 0,
      });
    }
  }
  return out.sort((a, b) => a.priority - b.priority).map(({ priority: _p, ...cf }) => cf);
}

interface Meta {
  customProperties: Record<string, { key: string; value: string }[]>;
  settings: Record<string, unknown>;
}

function readMeta(wb: ExcelJS.Workbook): Meta | null {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) return null;
  const v = ws.getCell('A1').value;
  try {
    return typeof v === 'string' ? (JSON.parse(v) as Meta) : null;
  } catch {
    return null;
  }
}

/**
 * Where reading a workbook has got to, for a progress message: `parse` as ExcelJS starts on each sheet's
 * XML, `convert` as each sheet becomes a simulator sheet. `index` is 1-based; `count` is the number of
 * sheets (for `parse`, the worksheet parts in the file; null if its zip directory cannot be read).
 */
export interface SheetProgress {
  stage: 'parse' | 'convert';
  index: number;
  count: number | null;
}

export type OnSheet = (p: SheetProgress) => void;

/** A simulator workbook from an ExcelJS workbook. */
export function simFromExcelJS(wb: ExcelJS.Workbook, onSheet?: OnSheet): SimWorkbook {
  const sim = new SimWorkbook([]);
  const meta = readMeta(wb);
  const sheets = wb.worksheets.filter((ws) => ws.name !== META_SHEET);
  for (const [i, ws] of sheets.entries()) {
    onSheet?.({ stage: 'convert', index: i + 1, count: sheets.length });
    const s = sim.addSheet(ws.name);
    s.visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    s.protected = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
    s.tabColor = argbToHex((ws.properties?.tabColor as { argb?: string } | undefined)?.argb) ?? null;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const c = cellFromExcelJS(cell);
        if (c) s.setCell(rowNumber - 1, colNumber - 1, c);
      });
    });
    s.merges = sheetMerges(ws);
    for (const cf of cfsFromExcelJS(ws).reverse()) s.addConditionalFormat(cf);
    (ws.columns ?? []).forEach((col, i) => {
      if (typeof col.width === 'number') s.columnWidths.set(i, Math.round(col.width * POINTS_PER_CHAR * 100) / 100);
    });
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === 'frozen') s.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
    s.customProperties = (meta?.customProperties[ws.name] ?? []).map((p) => ({ ...p }));
  }
  if (sim.sheets.length === 0) sim.addSheet('Sheet1');
  const active = activeSheetName(wb);
  const a = active && active !== META_SHEET ? sim.sheet(active) : undefined;
  if (a) sim.activeSheetId = a.id;
  sim.selection = { sheetId: sim.activeSheet.id, range: { top: 0, left: 0, bottom: 0, right: 0 } };
  sim.settings = { ...(meta?.settings ?? {}) };
  sim.savedSettings = { ...sim.settings };
  return sim;
}

/**
 * How many worksheet parts a zip holds, from its central directory (names there are not compressed),
 * counted as ExcelJS picks them; null when there is no directory to read. ExcelJS itself learns the
 * sheets only from xl/workbook.xml, which it (and so the simulator) stores last.
 */
export function worksheetPartCount(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = new TextDecoder();
  // The end-of-directory record is in the last 22 bytes + a comment of up to 65,535.
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    let at = view.getUint32(end + 16, true);
    let count = 0;
    for (let i = view.getUint16(end + 10, true); i > 0; i--) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(at + 28, true);
      const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (/xl\/worksheets\/sheet\d+[.]xml$/.test(name)) count++;
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return count;
  }
  return null;
}

/**
 * Call `onSheet` as ExcelJS starts parsing each worksheet part. ExcelJS has no progress events, so this
 * wraps its per-sheet step on this one workbook (pinned ExcelJS 4.4); without that step, no calls.
 */
function watchSheetParsing(wb: ExcelJS.Workbook, count: number | null, onSheet: OnSheet): void {
  type Step = (this: unknown, ...args: unknown[]) => Promise<void>;
  const xlsx = wb.xlsx as unknown as { _processWorksheetEntry?: Step };
  const step = xlsx._processWorksheetEntry;
  if (typeof step !== 'function') return;
  let index = 0;
  xlsx._processWorksheetEntry = function (...args) {
    onSheet({ stage: 'parse', index: ++index, count });
    return step.apply(this, args);
  };
}

/** A simulator workbook from .xlsx bytes; `onSheet` hears of each sheet parsed, then converted. */
export async function simFromXlsx(data: ArrayBuffer | Uint8Array, onSheet?: OnSheet): Promise<SimWorkbook> {
  const wb = new ExcelJS.Workbook();
  if (onSheet) watchSheetParsing(wb, worksheetPartCount(data instanceof Uint8Array ? data : new Uint8Array(data)), onSheet);
  await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  return simFromExcelJS(wb, onSheet);
}

const ALIGN_OUT: Record<string, string> = {
  Left: 'left',
  Center: 'center',
  Right: 'right',
  Fill: 'fill',
  Justify: 'justify',
  CenterAcrossSelection: 'centerContinuous',
  Distributed: 'distributed',
};
const VALIGN_OUT: Record<string, string> = {
  Top: 'top',
  Center: 'middle',
  Bottom: 'bottom',
  Justify: 'justify',
  Distributed: 'distributed',
};

function styleToExcelJS(s: SimStyle): Partial<ExcelJS.Style> {
  const out = JSON.parse(JSON.stringify(s.extra ?? {})) as Partial<ExcelJS.Style>;
  const kept =
    out.fill && out.fill.type === 'pattern' && out.fill.pattern === 'solid' ? argbToHex(out.fill.fgColor?.argb) : undefined;
  if (s.fill && s.fill !== kept) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: hexToArgb(s.fill) } };
  else if (s.fill) {
    // the fill as the file had it
  } else if (out.fill && out.fill.type === 'pattern' && out.fill.pattern === 'solid') delete out.fill;
  if (s.font) {
    const f: Partial<ExcelJS.Font> = { ...(out.font ?? {}) };
    f.bold = s.font.bold === true;
    f.italic = s.font.italic === true;
    if (s.font.color) f.color = { argb: hexToArgb(s.font.color) };
    if (s.font.size) f.size = s.font.size;
    if (s.font.name) f.name = s.font.name;
    if (s.font.underline)
      f.underline = s.font.underline === 'Single' ? true : (s.font.underline.toLowerCase() as ExcelJS.Font['underline']);
    out.font = f;
  }
  if (s.numberFormat) out.numFmt = s.numberFormat;
  const a: Partial<ExcelJS.Alignment> = { ...(out.alignment ?? {}) };
  if (s.wrapText) a.wrapText = true;
  else delete a.wrapText;
  if (s.horizontalAlignment) a.horizontal = (ALIGN_OUT[s.horizontalAlignment] ?? 'general') as ExcelJS.Alignment['horizontal'];
  if (s.verticalAlignment) a.vertical = (VALIGN_OUT[s.verticalAlignment] ?? 'bottom') as ExcelJS.Alignment['vertical'];
  if (Object.keys(a).length) out.alignment = a;
  return out;
}

function valueToExcelJS(c: SimCell): ExcelJS.CellValue {
  if (c.formula !== undefined) {
    const result = c.value === null ? undefined : isExcelError(c.value) ? { error: c.value } : c.value;
    return { formula: c.formula.slice(1), result } as ExcelJS.CellFormulaValue;
  }
  return c.value as ExcelJS.CellValue;
}

function cfToExcelJS(cf: SimConditionalFormat, priority: number): { ref: string; rules: ExcelJS.ConditionalFormattingRule[] } {
  const ref = cf.ranges.map(localAddress).join(' ');
  if (cf.source) return { ref, rules: [{ ...(cf.source as ExcelJS.ConditionalFormattingRule), priority }] };
  const style: Partial<ExcelJS.Style> = {};
  if (cf.format.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: hexToArgb(cf.format.fill) } };
  const font: Partial<ExcelJS.Font> = {};
  if (cf.format.fontColor) font.color = { argb: hexToArgb(cf.format.fontColor) };
  if (cf.format.fontBold) font.bold = true;
  if (cf.format.fontItalic) font.italic = true;
  if (Object.keys(font).length) style.font = font;
  const rule = {
    type: 'expression',
    priority,
    formulae: [(cf.formula ?? '=TRUE').replace(/^=/, '')],
    style,
    ...(cf.stopIfTrue ? { stopIfTrue: true } : {}),
  } as ExcelJS.ExpressionRuleType;
  return { ref, rules: [rule] };
}

function sheetToExcelJS(wb: ExcelJS.Workbook, s: SimSheet): Promise<void> {
  const ws = wb.addWorksheet(s.name, {
    state: s.visibility === 'Hidden' ? 'hidden' : s.visibility === 'VeryHidden' ? 'veryHidden' : 'visible',
    ...(s.tabColor ? { properties: { tabColor: { argb: hexToArgb(s.tabColor) } } } : {}),
    ...(s.freeze.rows || s.freeze.columns
      ? { views: [{ state: 'frozen' as const, xSplit: s.freeze.columns, ySplit: s.freeze.rows }] }
      : {}),
  });
  for (const [c, w] of s.columnWidths) ws.getColumn(colToLetters(c)).width = Math.round((w / POINTS_PER_CHAR) * 100) / 100;
  for (const [r, cells] of s.rowEntries())
    cells.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      if (c.value !== null || c.formula !== undefined) cell.value = valueToExcelJS(c);
      if (c.style) cell.style = styleToExcelJS(c.style);
    });
  for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  s.conditionalFormats.forEach((cf, i) => ws.addConditionalFormatting(cfToExcelJS(cf, i + 1)));
  return s.protected ? ws.protect('', {}) : Promise.resolve();
}

/** An ExcelJS workbook with the simulator's content. */
export async function simToExcelJS(sim: SimWorkbook): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  for (const s of sim.sheets) await sheetToExcelJS(wb, s);
  const meta: Meta = {
    customProperties: Object.fromEntries(
      sim.sheets.filter((s) => s.customProperties.length).map((s) => [s.name, s.customProperties]),
    ),
    settings: sim.settings,
  };
  if (Object.keys(meta.customProperties).length || Object.keys(meta.settings).length) {
    const ws = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    ws.getCell('A1').value = JSON.stringify(meta);
  }
  const active = sim.sheets.indexOf(sim.activeSheet);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(0, active), visibility: 'visible' }];
  return wb;
}

/** The simulator's workbook as .xlsx bytes. */
export async function simToXlsx(sim: SimWorkbook): Promise<ArrayBuffer> {
  const wb = await simToExcelJS(sim);
  const buf = await wb.xlsx.writeBuffer();
  return buf as ArrayBuffer;
}
