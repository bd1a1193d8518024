/**
 * Text for a terminal: what a cell or a file name holds must not drive the terminal (ESC sequences
 * that write the clipboard, set the window title or clear the screen), forge a line (a line break in
 * a file name) or reorder what is shown (bidi overrides such as U+202E). Such characters are shown
 * escaped, as a programmer would write them: ESC as \x1b, a line break as \n, U+202E as \u202e.
 */

/**
 * C0 controls, DEL and C1 controls; the line and paragraph separators; bidi marks, embeddings,
 * overrides and isolates; zero-width space and the byte order mark (invisible, so unseen).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_RE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const c = ch.charCodeAt(0);
  return c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`;
}

/** The text with every control or bidi character shown escaped; any other text is returned as it is. */
export function safeText(s: string): string {
  UNSAFE_RE.lastIndex = 0;
  return UNSAFE_RE.test(s) ? s.replace(UNSAFE_RE, escapeChar) : s;
}

/**
 * A file name for a text line: as it is when it is plain; quoted ("…", with \" and the escapes of
 * safeText inside) when it is empty, holds a control or bidi character or a quote, or starts or ends
 * with white space, so that the reader sees exactly where it starts and ends.
 */
export function safeFileName(name: string): string {
  UNSAFE_RE.lastIndex = 0;
  const odd = name === '' || UNSAFE_RE.test(name) || name.includes('"') || /^\s|\s$/.test(name);
  return odd ? `"${safeText(name.replace(/"/g, '\\"'))}"` : name;
}
