import { useEffect, useMemo, useRef, useState } from 'react';
import { colToLetters, rangeContains, toA1, type CellRange } from '../core/a1';
import type { CellValue } from '../core/grid';
import type { SimSheet, SimWorkbook } from '../office/simulator/model';

/** Rows drawn at most (the preview is for trying the add-in, not for huge sheets). */
const MAX_ROWS_SHOWN = 1000;
const MAX_COLS_SHOWN = 60;

/** Re-render whenever the add-in has talked to the workbook (each sync is counted by the simulator). */
function useWorkbookVersion(sim: SimWorkbook): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let last = sim.syncCount;
    let settle = 0;
    const timer = window.setInterval(() => {
      if (sim.syncCount !== last) {
        last = sim.syncCount;
        settle = 2;
      }
      // One more render after the last sync, in case its changes landed after this tick.
      if (settle > 0) {
        settle--;
        setVersion((v) => v + 1);
      }
    }, 60);
    return () => window.clearInterval(timer);
  }, [sim]);
  return version;
}

/** Excel's serial date (1900 system) as "yyyy/mm/dd hh:mm" (UTC arithmetic: serials carry no zone). */
function serialDate(v: number, withTime: boolean): string {
  const d = new Date(Math.round((v - 25569) * 86400000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  return withTime ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

/** What Excel would show, roughly: percentages, dates and plain numbers; text as it is. */
function displayText(v: CellValue, numberFormat: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    const f = numberFormat ?? '';
    if (/%/.test(f)) return `${Math.round(v * 1000) / 10}%`;
    if (/(^|[^"\\])[yd]/i.test(f) && v > 0 && v < 2958466) return serialDate(v, /h/i.test(f));
    return String(Math.round(v * 1e10) / 1e10);
  }
  return v;
}

/**
 * The highlight a conditional format paints on a cell. The preview evaluates only rule formulas that
 * are always true (the add-in's own =ISTEXT("KPICHK:…") markers, =TRUE); other rules are not drawn.
 */
function cfKind(formula: string | undefined): string | null {
  if (!formula) return null;
  const mark = /^=ISTEXT\("(?:KPICHK:)?([^"]*)"\)$/i.exec(formula.trim());
  if (mark) return mark[1] || 'custom';
  return /^=TRUE(\(\))?$/i.test(formula.trim()) ? 'custom' : null;
}

function shownFill(sheet: SimSheet, row: number, col: number): { fill?: string; kind?: string } {
  for (const cf of sheet.conditionalFormats) {
    if (cf.type !== 'Custom' || !cf.format.fill) continue;
    const kind = cfKind(cf.formula);
    if (kind && cf.ranges.some((r) => rangeContains(r, row, col))) return { fill: cf.format.fill, kind };
  }
  return { fill: sheet.cell(row, col)?.style?.fill };
}

/** Wrapped text wraps; other text runs on into empty cells to its right and is clipped by a full one, as in Excel. */
function textClass(sheet: SimSheet, row: number, col: number, wrap: boolean): string {
  if (wrap) return 'cell-text';
  const next = sheet.cell(row, col + 1);
  return next && next.value !== null && next.value !== '' ? 'cell-text nowrap clip' : 'cell-text nowrap';
}

interface Props {
  sim: SimWorkbook;
  /** Tell the preview the user changed the active sheet or the selection. */
  onChange: () => void;
}

/** A read-only grid of the simulated workbook with sheet tabs, as a stand-in for Excel's window. */
export function WorkbookView({ sim, onChange }: Props) {
  const version = useWorkbookVersion(sim);
  const [, force] = useState(0);
  const sheet = sim.activeSheet;
  const selected = sim.selection && sim.selection.sheetId === sheet.id ? sim.selection.range : null;
  const scroller = useRef<HTMLDivElement>(null);

  const model = useMemo(() => {
    const used = sheet.usedRange(false);
    const lastRow = Math.max(used?.bottom ?? 0, selected?.bottom ?? 0, 19);
    const lastCol = Math.max(used?.right ?? 0, selected?.right ?? 0, 7);
    const rows = Math.min(lastRow + 1, MAX_ROWS_SHOWN);
    const cols = Math.min(lastCol + 1, MAX_COLS_SHOWN);
    const covered = new Set<string>();
    const spans = new Map<string, CellRange>();
    for (const m of sheet.merges) {
      spans.set(`${m.top}:${m.left}`, m);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
    }
    return { rows, cols, covered, spans, truncated: lastRow + 1 > rows, version };
  }, [sheet, version, selected?.bottom, selected?.right]);

  useEffect(() => {
    if (!selected) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${toA1(selected.top, selected.left)}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected?.top, selected?.left, sheet.id, version]);

  const select = (row: number, col: number) => {
    sim.selection = { sheetId: sheet.id, range: { top: row, left: col, bottom: row, right: col } };
    force((n) => n + 1);
    onChange();
  };

  const activate = (name: string) => {
    sim.activate(name);
    force((n) => n + 1);
    onChange();
  };

  const colWidth = (c: number) => Math.round(((sheet.columnWidths.get(c) ?? 64) * 4) / 3);
  const visibleSheets = sim.sheets.filter((s) => s.visibility === 'Visible');

  return (
    <div className="wb">
      <div className="wb-grid" ref={scroller}>
        <table
          className="grid"
          role="grid"
          aria-label={`シート ${sheet.name}`}
          data-sheet={sheet.name}
          // A fixed layout takes the columns' widths only when the table has a width of its own.
          style={{ width: 40 + Array.from({ length: model.cols }, (_, c) => colWidth(c)).reduce((a, b) => a + b, 0) }}
        >
          <colgroup>
            <col style={{ width: 40 }} />
            {Array.from({ length: model.cols }, (_, c) => (
              <col key={c} style={{ width: colWidth(c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: model.cols }, (_, c) => (
                <th key={c} scope="col">
                  {colToLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: model.rows }, (_, r) => (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {Array.from({ length: model.cols }, (_, c) => {
                  if (model.covered.has(`${r}:${c}`)) return null;
                  const span = model.spans.get(`${r}:${c}`);
                  const cell = sheet.cell(r, c);
                  const { fill, kind } = shownFill(sheet, r, c);
                  const font = cell?.style?.font;
                  const isSelected = selected !== null && rangeContains(selected, r, c);
                  const text = displayText(cell?.value ?? null, cell?.style?.numberFormat);
                  const a1 = toA1(r, c);
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-cell={a1}
                      data-highlight={kind}
                      aria-selected={isSelected}
                      className={isSelected ? 'selected' : undefined}
                      rowSpan={span ? Math.min(span.bottom, model.rows - 1) - span.top + 1 : undefined}
                      colSpan={span ? Math.min(span.right, model.cols - 1) - span.left + 1 : undefined}
                      title={text.length > 60 ? text : undefined}
                      style={{
                        backgroundColor: fill,
                        color: font?.color,
                        fontWeight: font?.bold ? 600 : undefined,
                        fontStyle: font?.italic ? 'italic' : undefined,
                        textAlign: typeof cell?.value === 'number' ? 'right' : undefined,
                      }}
                      onClick={() => select(r, c)}
                    >
                      <div className={textClass(sheet, r, c, cell?.style?.wrapText === true)}>{text}</div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {model.truncated ? (
          <p className="wb-note">
            最初の {MAX_ROWS_SHOWN} 行を表示しています / showing the first {MAX_ROWS_SHOWN} rows
          </p>
        ) : null}
      </div>
      <div className="wb-tabs" role="tablist" aria-label="シート / Sheets">
        {visibleSheets.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={s.id === sheet.id}
            tabIndex={s.id === sheet.id ? 0 : -1}
            className="wb-tab"
            onClick={() => activate(s.name)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const i = visibleSheets.indexOf(s) + (e.key === 'ArrowRight' ? 1 : -1);
              const next = visibleSheets[(i + visibleSheets.length) % visibleSheets.length];
              if (next) activate(next.name);
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
    </div>
  );
}
