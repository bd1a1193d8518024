/** The check path's .xlsx reader (no ExcelJS): see workbook.ts. */
export { FastWorkbook, type SheetInfo } from './workbook';
export {
  MAX_COLUMNS,
  MAX_INFLATED_BYTES,
  MAX_PART_BYTES,
  MAX_ROWS,
  MAX_SHEET_CELLS,
  MAX_XML_DEPTH,
  MAX_ZIP_ENTRIES,
} from './limits';

/**
 * The document setting under which the add-in saves the workbook's profile (PROFILE_SETTING in
 * src/office/excelHost.ts; a test keeps the two equal).
 */
export const WORKBOOK_PROFILE_SETTING = 'kpiCheck.profile';
