/** The check path's .xlsx reader (no ExcelJS): see workbook.ts. */
export { FastWorkbook, type SheetInfo } from './workbook';
export { MAX_INFLATED_BYTES, MAX_PART_BYTES } from './limits';
