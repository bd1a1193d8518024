/** The Excel simulator: a strict in-memory Excel JavaScript API for the tests and the browser preview. */
export { installExcelGlobals, SimExcelContext, type InstallOptions, type InstalledGlobals } from './office';
export {
  SimWorkbook,
  SimSheet,
  HOSTS,
  LIMITS,
  checkSheetName,
  normalizeColour,
  type HostName,
  type SimCell,
  type SimStyle,
  type SimFont,
  type SimConditionalFormat,
  type SimChart,
  type SimCustomProperty,
  type SyncRecord,
  type SimSheetEventArgs,
  type SimSheetEventName,
  type WorkbookSnapshot,
  type SheetSnapshot,
  type CellSnapshot,
} from './model';
export { SimError } from './errors';
export { parseArea, parseAreaList, localAddress, sheetAddress } from './address';
