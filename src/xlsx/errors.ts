/**
 * Why a file cannot be read as an .xlsx workbook, in one line, Japanese / English. Shared by the ExcelJS
 * reader (read.ts) and the fast check-path reader (src/xlsx-read), which must say the same things.
 * No ExcelJS here: the check path loads this module without loading ExcelJS.
 */
import { promises as fs } from 'fs';
import type { CellRange } from '../core/a1';
import type { CellValue, SheetData } from '../core/grid';

/** A file that cannot be read as an .xlsx workbook. The message is one line, Japanese / English. */
export class XlsxReadError extends Error {
  override readonly name = 'XlsxReadError';
  constructor(
    message: string,
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(buf: Uint8Array, magic: number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

export const NO_WORKSHEETS =
  'ワークシートがありません（xlsx 形式ではない可能性があります） / no worksheets (the file may not be an .xlsx workbook)';

export function notXlsxMessage(buf: Uint8Array): string {
  if (buf.length === 0) return '空のファイルです / the file is empty';
  if (startsWith(buf, OLE_MAGIC))
    return (
      '.xls 形式またはパスワード付きのブックです。Excel でパスワードを外し .xlsx で保存してください / ' +
      'an .xls or password-protected workbook: remove the password and save it as .xlsx in Excel'
    );
  if (!startsWith(buf, ZIP_MAGIC)) return 'Excel ブック (.xlsx) ではありません / not an Excel workbook (.xlsx)';
  return (
    'Excel ブック (.xlsx) として読み込めません（ファイルが壊れているか途中で切れています） / ' +
    'cannot read the Excel workbook (.xlsx): the file is damaged or truncated'
  );
}

export function fileErrorMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'ファイルが見つかりません / file not found';
  if (code === 'EISDIR') return 'フォルダーです。ファイルを指定してください / this is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'ファイルを読む権限がありません / permission denied';
  return `ファイルを読めません / cannot read the file (${code ?? String(err)})`;
}

/** The bytes of a workbook given by path or as bytes; throws XlsxReadError when the file cannot be read or is no zip. */
export async function workbookBytes(pathOrBuffer: string | Buffer | Uint8Array): Promise<{ buf: Buffer; file?: string }> {
  const file = typeof pathOrBuffer === 'string' ? pathOrBuffer : undefined;
  let buf: Buffer;
  if (typeof pathOrBuffer === 'string') {
    try {
      buf = await fs.readFile(pathOrBuffer);
    } catch (err) {
      throw new XlsxReadError(fileErrorMessage(err), file, { cause: err });
    }
  } else {
    buf = Buffer.isBuffer(pathOrBuffer) ? pathOrBuffer : Buffer.from(pathOrBuffer);
  }
  if (!startsWith(buf, ZIP_MAGIC)) throw new XlsxReadError(notXlsxMessage(buf), file);
  return { buf, file };
}

/** "2024/4/1", or "2024/4/1 9:05" (":ss" when there are seconds), as Excel shows a date by default. */
export function formatExcelDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const date = `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  const mm = String(m).padStart(2, '0');
  return s === 0 ? `${date} ${h}:${mm}` : `${date} ${h}:${mm}:${String(s).padStart(2, '0')}`;
}

/** The sheet that was active when the workbook was saved; else the first visible sheet; else the first. */
export function pickActiveSheet<S extends { name: string; state: string; orderNo: number }>(
  sheets: readonly S[],
  activeTab: number | undefined,
): string | undefined {
  if (typeof activeTab === 'number') {
    // orderNo is the sheet's position in workbook.xml, which is what activeTab counts.
    const ws = sheets.find((s) => s.orderNo === activeTab);
    if (ws && ws.state === 'visible') return ws.name;
  }
  return (sheets.find((s) => s.state === 'visible') ?? sheets[0])?.name;
}

/**
 * The end of building SheetData, the same for both readers: rows and columns before the used range
 * dropped (values, and formulas / number formats where any). The rows given start at sheet row
 * firstRow and at sheet column base (0 unless the reader left out the columns before its first cell);
 * the rows between firstRow and lastRow (at most Excel's grid: the readers refuse rows beyond it) are
 * made, empty where none was given.
 */
export function compactSheetData(
  name: string,
  values: CellValue[][],
  formulas: (string | null)[][] | undefined,
  numberFormats: (string | null)[][] | undefined,
  firstRow: number,
  lastRow: number,
  minCol: number,
  merges: CellRange[],
  base = 0,
): SheetData {
  if (firstRow < 0) return { name, top: 0, left: 0, values: [], merges };
  const rowCount = lastRow - firstRow + 1;
  const cut = minCol - base;
  values.length = rowCount;
  for (let i = 0; i < rowCount; i++) {
    const row = values[i];
    if (!row) values[i] = [];
    else if (cut > 0) values[i] = row.slice(cut);
  }
  for (const sparse of [formulas, numberFormats]) {
    if (!sparse) continue;
    sparse.length = rowCount;
    for (let i = 0; i < rowCount; i++) {
      const row = sparse[i];
      if (!row) sparse[i] = [];
      else if (cut > 0) sparse[i] = row.slice(cut);
    }
  }
  return {
    name,
    top: firstRow,
    left: minCol,
    values,
    ...(formulas ? { formulas } : {}),
    ...(numberFormats ? { numberFormats } : {}),
    merges,
  };
}
