import type { Finding } from './types';

/** How a cell with findings is painted: a missing grade first (what staff look for), then by severity. */
export type HighlightKind = 'missing-grade' | 'error' | 'warning' | 'info';
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['missing-grade', 'error', 'warning', 'info'];

/** Fill colours (#RRGGBB), the same in Excel, the checked copy and the preview. */
export const HIGHLIGHT_COLOR: Record<HighlightKind, string> = {
  'missing-grade': '#FF6633',
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#BDD7EE',
};

/** The highlight a cell gets from its findings: missing-grade first, then by severity. */
export function highlightKind(findings: readonly Finding[]): HighlightKind {
  if (findings.some((f) => f.ruleId === 'missing-grade')) return 'missing-grade';
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'info';
}

/** The findings of each cell (cell findings only), keyed row * 16384 + col. */
export function findingsByCell(findings: readonly Finding[]): Map<number, Finding[]> {
  const byCell = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.row === null || f.col === null) continue;
    const k = f.row * 16384 + f.col;
    const list = byCell.get(k);
    if (list) list.push(f);
    else byCell.set(k, [f]);
  }
  return byCell;
}

/** Cells to paint, grouped by kind (each cell in exactly one group). */
export function cellsByKind(findings: readonly Finding[]): Map<HighlightKind, { row: number; col: number }[]> {
  const out = new Map<HighlightKind, { row: number; col: number }[]>();
  for (const [k, fs] of findingsByCell(findings)) {
    const kind = highlightKind(fs);
    const cell = { row: Math.floor(k / 16384), col: k % 16384 };
    const list = out.get(kind);
    if (list) list.push(cell);
    else out.set(kind, [cell]);
  }
  return out;
}
