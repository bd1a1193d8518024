/**
 * The limits of the ExcelJS path (--write, --fix), named once: src/cli/limits.ts, the messages and the
 * README quote them. ExcelJS 4.4 expands each of these to one entry per cell when it loads a workbook
 * (and again when it writes one): at a million cells that is some 5 to 30 s and a few hundred MB, and
 * ten whole-column validations or one merge over a whole sheet would never finish. A real progress
 * table stays far below (the 50,000-row bench workbook merges about 217,000 cells).
 */

/** The most cells the data validations of all sheets may cover together. */
export const MAX_WRITE_VALIDATION_CELLS = 1_000_000;
/** The most cells the defined names (print areas and titles aside) may cover together. */
export const MAX_WRITE_NAME_CELLS = 1_000_000;
/** The most cells the merged areas of all sheets may cover together. */
export const MAX_WRITE_MERGED_CELLS = 1_000_000;
