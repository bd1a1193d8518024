/** A name part made safe for Windows, macOS and the web (no control characters, no \ / : * ? " < > |). */
function safePart(s: string, max: number): string {
  return [...s]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, max);
}

/** 2026-12-02 in the user's time zone. */
function day(d: Date): string {
  const z = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${z(d.getMonth() + 1)}${z(d.getDate())}`;
}

/**
 * File name for an exported report: kpi-check_<workbook>_<sheet>_<yyyymmdd>.<ext>, each part made safe
 * for every file system (the workbook's extension dropped; left out when the workbook has no name).
 */
export function reportFileName(sheet: string, ext: 'json' | 'csv', book: string | null = null, date: Date | null = null): string {
  const parts = ['kpi-check'];
  const b = book ? safePart(book.replace(/\.(xlsx|xlsm|xlsb|xls)$/i, ''), 60) : '';
  if (b) parts.push(b);
  parts.push(safePart(sheet, 80) || 'sheet');
  if (date) parts.push(day(date));
  return `${parts.join('_')}.${ext}`;
}

/** Offer text as a file download (a Blob behind a temporary link). */
export function download(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** How an export reached the user: a download, the clipboard, or text shown to copy by hand. */
export type ExportWay = 'downloaded' | 'copied' | 'shown';

/**
 * Export a report. Excel for Mac's pane (WKWebView) ignores blob downloads, so there the text goes
 * to the clipboard; when the clipboard is refused too, the caller shows the text to copy by hand.
 */
export async function exportText(
  platform: string | undefined,
  fileName: string,
  text: string,
  mime: string,
  clipboard: Pick<Clipboard, 'writeText'> | null = typeof navigator !== 'undefined' ? (navigator.clipboard ?? null) : null,
): Promise<ExportWay> {
  if (platform !== 'Mac') {
    download(fileName, text, mime);
    return 'downloaded';
  }
  try {
    if (!clipboard) return 'shown';
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'shown';
  }
}
