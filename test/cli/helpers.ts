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

type Zip = {
  files: Record<string, { dir: boolean }>;
  file(n: string): { async(t: 'string'): Promise<string>; async(t: 'uint8array'): Promise<Uint8Array> } | null;
  file(n: string, data: string): void;
  generateAsync(o: { type: 'nodebuffer'; compression: 'DEFLATE' }): Promise<Buffer>;
};
const loadZip = async (file: string): Promise<Zip> =>
  (require('jszip') as { loadAsync(b: Buffer): Promise<Zip> }).loadAsync(await fs.readFile(file));

/** A crafted copy of an .xlsx: some parts' XML edited as text (a part the edit returns unchanged is an error). */
export async function craftXlsx(from: string, to: string, edits: Record<string, (xml: string) => string>): Promise<void> {
  const zip = await loadZip(from);
  for (const [part, edit] of Object.entries(edits)) {
    const xml = await zip.file(part)?.async('string');
    if (xml === undefined) throw new Error(`${from} has no ${part}`);
    const edited = edit(xml);
    if (edited === xml) throw new Error(`the edit of ${part} changed nothing`);
    zip.file(part, edited);
  }
  await fs.writeFile(to, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The XML parts of an .xlsx that a strict XML parser (xmllint) rejects, each with its first error. */
export async function badXmlParts(file: string): Promise<string[]> {
  const { validateXML } = require('xmllint-wasm') as typeof import('xmllint-wasm');
  const zip = await loadZip(file);
  const bad: string[] = [];
  const parts = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir && /\.(xml|rels|vml)$/.test(n));
  if (parts.length < 5) throw new Error(`${file}: only ${parts.length} XML parts`);
  for (const part of parts) {
    // The part's bytes as they are (a string would already have replaced what is not UTF-8).
    const contents = await zip.file(part)!.async('uint8array');
    const r = await validateXML({ xml: [{ fileName: 'part.xml', contents }], normalization: 'format' });
    if (!r.valid) bad.push(`${part}: ${r.errors[0]?.message ?? r.rawOutput.slice(0, 200)}`);
  }
  return bad;
}

/** The worksheet part of a sheet, by its name (workbook.xml and its relationships). */
export async function sheetPartOf(file: string, name: string): Promise<string> {
  const book = (await zipPart(file, 'xl/workbook.xml'))!;
  const rels = (await zipPart(file, 'xl/_rels/workbook.xml.rels'))!;
  const esc = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const rid = new RegExp(`<sheet [^>]*name="${esc}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
  const target = rid && new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`${file}: no sheet ${name}`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

/** The start tag of the cell format (<xf> in styles.xml's cellXfs) of every cell in a sheet part whose text is `text`. */
export async function xfsOfText(file: string, sheetPart: string, text: string): Promise<string[]> {
  const sheetXml = (await zipPart(file, sheetPart))!;
  const sst = (await zipPart(file, 'xl/sharedStrings.xml')) ?? '';
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''),
  );
  const styles = (await zipPart(file, 'xl/styles.xml'))!;
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  const xfs = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const out: string[] = [];
  for (const c of sheetXml.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = c[1]!;
    const body = c[2] ?? '';
    const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
    const isShared = /\bt="s"/.test(attrs);
    const own = isShared && v !== undefined ? strings[Number(v)] : /<t[^>]*>([^<]*)<\/t>/.exec(body)?.[1];
    if (own !== escaped) continue;
    out.push(xfs[Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0)]!);
  }
  return out;
}
