import { spawn } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
// Read links to places inside a workbook the way the CLI writes them (see src/xlsx/internal-links.ts).
import '../../src/xlsx/internal-links';

export const ROOT = path.join(__dirname, '..', '..');
export const SEEDS = path.join(ROOT, 'seeds');
export const BIN = path.join(ROOT, 'bin', 'kpi-check.js');
export const SHEET = '進捗管理表';

/** The tests run the compiled CLI: `npm run build:cli` (or `npx tsc -p tsconfig.cli.json`) first. */
export function assertBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist-cli', 'src', 'cli', 'kpi-check.js')))
    throw new Error('dist-cli is missing: run `npm run build:cli` before these tests');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, KPI_CHECK_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

export async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} (have ${wb.worksheets.map((w) => w.name).join(', ')})`);
  return ws;
}

export function fillOf(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === 'pattern' && f.pattern === 'solid' ? f.fgColor?.argb : undefined;
}

/** Every non-empty row of a sheet as [A1 of first cell, values…] for looking things up. */
export function rowsOf(ws: ExcelJS.Worksheet): { row: number; values: unknown[] }[] {
  const out: { row: number; values: unknown[] }[] = [];
  ws.eachRow((row, n) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => (values[col - 1] = c.value));
    out.push({ row: n, values });
  });
  return out;
}

/** The raw XML of one part of an .xlsx (ExcelJS's own zip library reads it). */
export async function zipPart(file: string, part: string): Promise<string | undefined> {
  const JSZip = require('jszip') as {
    loadAsync(
      b: Buffer,
    ): Promise<{ file(n: string): { async(t: 'string'): Promise<string> } | null; files: Record<string, unknown> }>;
  };
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  return zip.file(part)?.async('string');
}

export async function zipParts(file: string): Promise<string[]> {
  const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ files: Record<string, unknown> }> };
  return Object.keys((await JSZip.loadAsync(await fs.readFile(file))).files);
}
