/** The CLI's limits per file (pool.ts), named once: the help, the messages and the README quote them. */

/** The most one worker's heap may grow to while it reads, checks and writes one file. */
export const MAX_WORKER_HEAP_MB = 2048;
/** The default time limit for one file (--time-limit): a real table takes a few seconds. */
export const DEFAULT_TIME_LIMIT_S = 120;
/** What --write and --fix let ExcelJS expand cell by cell (src/xlsx/limits.ts). */
export { MAX_WRITE_MERGED_CELLS, MAX_WRITE_NAME_CELLS, MAX_WRITE_VALIDATION_CELLS } from '../xlsx/limits';
