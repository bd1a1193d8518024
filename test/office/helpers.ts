import { promises as fs } from 'fs';
import * as path from 'path';
import type { CheckResult } from '../../src/core/engine';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { createExcelHost } from '../../src/office/excelHost';
import type { ExcelHost } from '../../src/office/host';
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

/** Validate the active sheet and insert its summary (in Japanese), as a user would first. */
export async function summarised(): Promise<{ host: ExcelHost; result: CheckResult }> {
  const host = createExcelHost();
  const { result } = await host.validate(DEFAULT_PROFILE);
  await host.insertSummary(result, 'ja');
  return { host, result };
}
