/** Limits the core holds every input to, whatever adapter built it (named in the README). */

/**
 * Excel's limit on the characters of one cell (UTF-16 code units). Longer texts (a crafted file, a
 * CSV pasted by a script) are cut to it where the core reads them (Grid), so that no rule ever works
 * on more than a real cell can hold.
 */
export const MAX_CELL_CHARS = 32767;

/** The text cut to at most max UTF-16 code units, never inside a surrogate pair. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}
