/**
 * The reader's limits, named once: the CLI, the preview and the README quote these numbers. A workbook
 * beyond one of them is refused before the work, with a one-line message (Japanese / English) that
 * names the limit; each message is a function here, beside its number.
 *
 * A real progress table inflates to a few MB (the 50,000-row bench workbook: a 2.7 MiB file whose sheet
 * is under 50 MiB of XML); Excel's own grid of 1,048,576 rows of ten short cells is about 200 MiB of
 * sheet XML. Anything beyond is a zip bomb or not a table people submit.
 */
const MiB = 1024 * 1024;

/** The most one part (a sheet, the shared strings) may inflate to. */
export const MAX_PART_BYTES = 256 * MiB;
/** The most all parts read from one workbook may inflate to together. */
export const MAX_INFLATED_BYTES = 512 * MiB;
/**
 * The most entries a workbook's zip may list. Excel writes a dozen for a one-sheet workbook and about
 * three more per sheet, chart or picture; ten thousand is a workbook no one fills in by hand.
 */
export const MAX_ZIP_ENTRIES = 10_000;
/**
 * The deepest XML elements may nest in a part the reader reads. Excel's worksheets, shared strings and
 * styles are under ten deep (worksheet › sheetData › row › c › is › r › rPr › …).
 */
export const MAX_XML_DEPTH = 100;
/** Excel's grid: rows and columns of a worksheet (a cell outside it is refused). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/**
 * The most cells the used range of the sheet checked may span (rows × columns, empty cells included):
 * the engine holds it in memory. More than the add-in's 20,000,000 (src/office/read.ts, MAX_CELLS),
 * whose message sends larger sheets to kpi-check; Excel's full 1,048,576 rows × 40 columns fit.
 */
export const MAX_SHEET_CELLS = 50_000_000;

/** A workbook beyond one of the limits: the message says which (the reader reports it as it is). */
export class LimitError extends Error {
  override readonly name: string = 'LimitError';
}

function mib(n: number): string {
  return `${Math.round(n / MiB)} MiB`;
}

function num(n: number): string {
  return n.toLocaleString('en-US');
}

/** One line, Japanese / English. */
export function tooLargeMessage(limits: { part: number; total: number }): string {
  return (
    `展開後のサイズが上限（1 パーツ ${mib(limits.part)}、合計 ${mib(limits.total)}）を超えるため読み込みません（zip 爆弾か大きすぎるシートです） / ` +
    `not read: it inflates beyond the limit (${mib(limits.part)} a part, ${mib(limits.total)} in all), a zip bomb or an oversized sheet`
  );
}

export function tooManyEntriesMessage(max = MAX_ZIP_ENTRIES): string {
  return (
    `zip の項目数が上限（${num(max)}）を超えるため読み込みません / ` +
    `not read: its zip lists more entries than the limit (${num(max)})`
  );
}

export function tooDeepMessage(max = MAX_XML_DEPTH): string {
  return (
    `XML の入れ子が上限（${num(max)} 段）を超えるため読み込みません / ` +
    `not read: its XML nests elements deeper than the limit (${num(max)} levels)`
  );
}

export function outsideGridMessage(): string {
  return (
    `Excel のシートの範囲（${num(MAX_ROWS)} 行 × ${num(MAX_COLUMNS)} 列）の外にセルがあるため読み込みません / ` +
    `not read: a cell lies outside Excel's grid (${num(MAX_ROWS)} rows × ${num(MAX_COLUMNS)} columns)`
  );
}

export function tooManyCellsMessage(cells: number, max = MAX_SHEET_CELLS): string {
  return (
    `シートの使用範囲が ${num(cells)} セルあり、上限（${num(max)} セル）を超えるため読み込みません / ` +
    `not read: the sheet's used range spans ${num(cells)} cells, more than the limit (${num(max)})`
  );
}
