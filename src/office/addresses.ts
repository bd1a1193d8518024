/** Addresses as Office.js returns them ("Sheet1!A1:B2,Sheet1!D4"), read into the core's ranges. */
import { parseRange, type CellRange } from '../core/a1';

/** Split an area list at the commas that are not inside a quoted sheet name. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** "Sheet1!A1:B2,Sheet1!D4" → ranges (areas that cannot be read are left out). */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const a of splitAreas(address)) {
    try {
      out.push(parseRange(a));
    } catch {
      // whole rows/columns never come back as merged areas
    }
  }
  return out;
}

// ------------------------------------------------------------------ the host's list separator

/**
 * `worksheet.getRanges` takes the areas of an address list joined by the host's list separator: ","
 * on the web and in most cultures, ";" on Windows desktop with e.g. German or Czech regional settings
 * (office-js #1167, #1985), and Office.js does not say which (office-js #2891). The first request that
 * joins areas carries a probe as its first operation; when the host refuses it (InvalidArgument)
 * nothing of that request ran, and it is sent again with the other separator. The answer is kept per
 * Office session.
 */
export type ListSeparator = ',' | ';';

interface SeparatorState {
  sep: ListSeparator;
  confirmed: boolean;
}

const bySession = new WeakMap<object, SeparatorState>();
const fallback: SeparatorState = { sep: ',', confirmed: false };

function state(): SeparatorState {
  let key: object | undefined;
  try {
    key = typeof Office !== 'undefined' ? (Office.context as object | undefined) : undefined;
  } catch {
    key = undefined;
  }
  if (!key) return fallback;
  let s = bySession.get(key);
  if (!s) bySession.set(key, (s = { sep: ',', confirmed: false }));
  return s;
}

/** The separator to join areas with. */
export function listSeparator(): ListSeparator {
  return state().sep;
}

/**
 * Queue the probe (unless the separator is known) as the next operation of the request; returns a
 * function to call once the request went through.
 */
export function queueSeparatorProbe(ws: Excel.Worksheet): () => void {
  const s = state();
  if (s.confirmed) return () => undefined;
  ws.getRanges(`A1${s.sep}A3`).load('areaCount');
  return () => {
    s.confirmed = true;
  };
}

/**
 * After a failed request that began with the probe: true when it may have been the separator, which
 * is then switched for one more try (it counts as known once a request with it went through).
 */
export function separatorRefused(e: unknown): boolean {
  const s = state();
  if (s.confirmed || (e as { code?: unknown } | null)?.code !== 'InvalidArgument') return false;
  s.sep = s.sep === ',' ? ';' : ',';
  return true;
}
