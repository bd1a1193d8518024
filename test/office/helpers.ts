import { promises as fs } from 'fs';
import * as path from 'path';
import { installExcelGlobals, type InstallOptions, type InstalledGlobals } from '../../src/office/simulator';
import type { SimWorkbook } from '../../src/office/simulator/model';
import { simFromXlsx } from '../../src/office/simulator/xlsx';

export const SEEDS = path.join(__dirname, '..', '..', 'seeds');

/** A seed workbook loaded into the simulator. */
export async function loadSeed(file: 'sample.xlsx' | 'sample-draft.xlsx'): Promise<SimWorkbook> {
  return simFromXlsx(await fs.readFile(path.join(SEEDS, file)));
}

let installed: InstalledGlobals | null = null;

/** Install the Excel globals for one test (removed by uninstall() in afterEach). */
export function install(sim: SimWorkbook, opts: InstallOptions = {}): InstalledGlobals {
  installed?.uninstall();
  installed = installExcelGlobals(sim, opts);
  return installed;
}

export function uninstall(): void {
  installed?.uninstall();
  installed = null;
}

/** Await a promise that must reject; returns the error. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
