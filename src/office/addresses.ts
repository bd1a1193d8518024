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
