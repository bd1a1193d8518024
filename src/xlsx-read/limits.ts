/**
 * The reader's limits, named once: the CLI, the preview and the README quote these numbers.
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

function mib(n: number): string {
  return `${Math.round(n / MiB)} MiB`;
}

/** One line, Japanese / English. */
export function tooLargeMessage(limits: { part: number; total: number }): string {
  return (
    `展開後のサイズが上限（1 パーツ ${mib(limits.part)}、合計 ${mib(limits.total)}）を超えるため読み込みません（zip 爆弾か大きすぎるシートです） / ` +
    `not read: it inflates beyond the limit (${mib(limits.part)} a part, ${mib(limits.total)} in all), a zip bomb or an oversized sheet`
  );
}
