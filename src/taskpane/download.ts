/** File name for an exported report: the sheet name made safe for Windows, macOS and the web. */
export function reportFileName(sheet: string, ext: 'json' | 'csv'): string {
  const safe = [...sheet]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 80);
  return `kpi-check_${safe || 'sheet'}.${ext}`;
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
