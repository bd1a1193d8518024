/**
 * The requirement sets the adapter uses. The manifest asks for MIN_EXCEL_API: Office 2019, the
 * volume-licensed edition offices buy, has 1.7 (the requirement-set table,
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets);
 * Office 2021 1.14, LTSC 2024 1.17. Newer APIs are used only when the host has them, each with a
 * fallback:
 * - ExcelApi 1.9  worksheet.getRanges (RangeAreas): one conditional format per severity and address
 *   chunk. Without it: one conditional format per rectangular block, still in one request.
 *   Also range.getSpecialCells("Formulas"): only the formula cells' formulas are read. Without it:
 *   every cell's formula is read with its value (twice the bytes, more chunks on big sheets).
 * - ExcelApi 1.12 worksheet.customProperties mark the summary sheet as ours (source and the name we gave
 *   it). Without it: a record in the document settings (the sheet's name and the title in its A1 must
 *   both match; sheet ids are not kept between sessions).
 * - ExcelApi 1.13 range.getMergedAreasOrNullObject: merged areas (a null object is never taken for
 *   "none": see read.ts). Without it: none are known; the engine finds the header from the header
 *   texts alone.
 */
export const MIN_EXCEL_API = '1.7';

export interface Caps {
  /** ExcelApi 1.9: RangeAreas (getRanges) and getSpecialCells. */
  rangeAreas: boolean;
  customProperties: boolean;
  mergedAreas: boolean;
}

export function excelApi(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
}

export function detectCaps(): Caps {
  return { rangeAreas: excelApi('1.9'), customProperties: excelApi('1.12'), mergedAreas: excelApi('1.13') };
}
