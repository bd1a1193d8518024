/**
 * Excel side (issue 3): round trips, payload sizes and time of Validate, Clear and Insert summary on
 * the Excel simulator, for 1,000 / 10,000 / 100,000 rows, next to the naive approach (one sync per
 * row) measured the same way. Writes the figures into docs/performance.md between the
 * bench:office markers (the CLI section is left as it is).
 *
 * Run with `npm run bench:office` from the repository root.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { checkSheet, type CheckResult } from '../src/core/engine';
import type { CellValue } from '../src/core/grid';
import { DEFAULT_PROFILE } from '../src/core/profile';
import { planSummary } from '../src/core/summarySheet';
import { createExcelHost } from '../src/office/excelHost';
import { HIGHLIGHT_COLOR, highlightKind } from '../src/core/highlight';
import { cellInput } from '../src/office/summarySheet';
import { installExcelGlobals, type SimWorkbook } from '../src/office/simulator';
import { simFromXlsx } from '../src/office/simulator/xlsx';
import { tiledWorkbook } from '../test/office/fixtures';

const ROOT = process.cwd();
const SIZES = (process.env.OFFICE_BENCH_ROWS ?? '1000,10000,100000').split(',').map(Number);
/** A round trip's cost is not simulated; this assumed figure turns sync counts into time. */
const ASSUMED_RTT_MS = 50;

interface Figure {
  rows: number;
  op: string;
  approach: 'adapter' | 'naive';
  syncs: number;
  failed: number;
  largestRequest: number;
  largestResponse: number;
  ms: number;
}

async function measure(
  sim: SimWorkbook,
  rows: number,
  op: string,
  approach: Figure['approach'],
  fn: () => Promise<unknown>,
): Promise<Figure> {
  sim.resetStats();
  (global as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  const f: Figure = {
    rows,
    op,
    approach,
    syncs: sim.syncCount,
    failed: sim.syncs.filter((s) => s.failed).length,
    largestRequest: sim.largestRequest,
    largestResponse: sim.largestResponse,
    ms,
  };
  console.log(JSON.stringify(f));
  return f;
}

// ------------------------------------------------------------------ the naive approach: one sync per row

async function naiveValidate(): Promise<CheckResult> {
  return Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    const used = ws.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount');
    await ctx.sync();
    const values: CellValue[][] = [];
    const formulas: (string | null)[][] = [];
    for (let i = 0; i < used.rowCount; i++) {
      const r = used.getRow(i);
      r.load('values,formulas');
      await ctx.sync();
      values.push(r.values[0]!.map((v) => (v === '' ? null : v)));
      formulas.push(
        r.formulas[0]!.map((f, j) => (typeof f === 'string' && f.startsWith('=') && f !== r.values[0]![j] ? f : null)),
      );
    }
    const result = checkSheet({ name: ws.name, top: used.rowIndex, left: used.columnIndex, values, formulas }, DEFAULT_PROFILE);
    for (const [row, cells] of findingRows(result)) {
      for (const [col, fs] of cells) ws.getCell(row, col).format.fill.color = HIGHLIGHT_COLOR[highlightKind(fs)];
      await ctx.sync();
    }
    return result;
  });
}

function findingRows(result: CheckResult): Map<number, Map<number, CheckResult['findings']>> {
  const rows = new Map<number, Map<number, CheckResult['findings']>>();
  for (const f of result.findings) {
    if (f.row === null || f.col === null) continue;
    const r = rows.get(f.row) ?? rows.set(f.row, new Map()).get(f.row)!;
    (r.get(f.col) ?? r.set(f.col, []).get(f.col)!).push(f);
  }
  return rows;
}

async function naiveClear(result: CheckResult): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(result.sheet);
    for (const [row, cells] of findingRows(result)) {
      for (const col of cells.keys()) ws.getCell(row, col).format.fill.clear();
      await ctx.sync();
    }
  });
}

async function naiveSummary(result: CheckResult): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.add('集計');
    const plan = planSummary(result, 'ja', { now: new Date() });
    for (let i = 0; i < plan.rows.length; i++) {
      const row = plan.rows[i]!;
      ws.getRangeByIndexes(i, 0, 1, row.length).formulas = [row.map(cellInput)];
      await ctx.sync();
    }
  });
}

// ------------------------------------------------------------------ report

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(0)} min`;
}

function table(figures: Figure[]): string {
  const head =
    '| Rows | Operation | Approach | Syncs | Refused requests | Largest request | Largest response | Time in process | + round trips at 50 ms (assumed) |\n' +
    '|---:|---|---|---:|---:|---:|---:|---:|---:|';
  const lines = figures.map(
    (f) =>
      `| ${f.rows.toLocaleString('en-US')} | ${f.op} | ${f.approach === 'adapter' ? 'add-in' : 'naive (sync per row)'} | ${f.syncs.toLocaleString('en-US')} | ${f.failed} | ${mb(f.largestRequest)} | ${mb(f.largestResponse)} | ${duration(f.ms)} | ${duration(f.ms + f.syncs * ASSUMED_RTT_MS)} |`,
  );
  return [head, ...lines].join('\n');
}

function writeDoc(figures: Figure[], findings: Map<number, number>): void {
  const file = path.join(ROOT, 'docs', 'performance.md');
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Performance\n';
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const section = `<!-- bench:office:start -->
## Excel side (issues 3 and 9)

\`npm run bench:office\` (bench/office-bench.ts) builds a sheet of N data rows from seeds/sample-draft.xlsx
(its two header rows, then its data rows repeated, so every 14 rows carry the draft's mistakes) in the
Excel simulator, and runs the add-in's Validate, Insert summary and Clear highlights on it through
Office.js, then the naive approach on a fresh copy: read the used range one row per \`sync\`, paint each
row's finding cells and \`sync\`, clear them the same way, write the summary one row per \`sync\`.
Validate reads the sheet with its number formats (SheetData.numberFormats) and the scan of our
conditional formats in one request, then paints the new highlights and deletes the old ones in a
second: 2 round trips on a sheet under the payload limit ("Validate", "Validate again"). A sheet
without merged cells costs a third: Excel's one call for the merged areas answers a null object
there, which some hosts also answer past 512 areas, so the merged areas are read again in blocks of
512 cells ("Validate (no merged cells)"). Longer sheets add their row chunks.
Syncs, refused requests and the largest request and response (UTF-8 bytes of the JSON of the queued
operations / of the loaded data) are counted by the simulator, which enforces Excel on the web's 5 MB
limits. Time is measured in this process, where a round trip costs nothing; the last column adds
${ASSUMED_RTT_MS} ms per round trip, an assumed figure for Excel on the web, to show what the sync counts mean
for a user.

Findings per size: ${[...findings].map(([n, f]) => `${n.toLocaleString('en-US')} rows → ${f.toLocaleString('en-US')}`).join(', ')}.

${table(figures)}

Machine: ${os.cpus().length} CPUs (${cpu}), Node ${process.version}; load average ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')} (shared machine). Measured ${new Date().toISOString().slice(0, 10)}.
<!-- bench:office:end -->
`;
  const re = /<!-- bench:office:start -->[\s\S]*?<!-- bench:office:end -->\n?/;
  const next = re.test(old) ? old.replace(re, section) : `${old.replace(/\n*$/, '\n\n')}${section}`;
  fs.writeFileSync(file, next);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

async function main(): Promise<void> {
  const seed = await simFromXlsx(fs.readFileSync(path.join(ROOT, 'seeds', 'sample-draft.xlsx')));
  const figures: Figure[] = [];
  const findings = new Map<number, number>();
  for (const rows of SIZES) {
    const sim = tiledWorkbook(seed.activeSheet, rows);
    const globals = installExcelGlobals(sim);
    const host = createExcelHost();
    let result: CheckResult | null = null;
    figures.push(
      await measure(sim, rows, 'Validate', 'adapter', async () => {
        result = (await host.validate(DEFAULT_PROFILE)).result;
      }),
    );
    findings.set(rows, result!.findings.length);
    // Again, with the first run's highlights to replace (the usual case for a user).
    figures.push(await measure(sim, rows, 'Validate again', 'adapter', () => host.validate(DEFAULT_PROFILE)));
    figures.push(await measure(sim, rows, 'Insert summary', 'adapter', () => host.insertSummary(result!, 'ja')));
    figures.push(await measure(sim, rows, 'Clear highlights', 'adapter', () => host.clearHighlights()));
    globals.uninstall();

    // A sheet without merged cells: their one call answers a null object, which proves nothing
    // (some hosts answer so past 512 areas), so they are read again in small blocks: one more request.
    const flat = tiledWorkbook(seed.activeSheet, rows);
    flat.activeSheet.merges = [];
    const g3 = installExcelGlobals(flat);
    figures.push(
      await measure(flat, rows, 'Validate (no merged cells)', 'adapter', () => createExcelHost().validate(DEFAULT_PROFILE)),
    );
    g3.uninstall();

    const naive = tiledWorkbook(seed.activeSheet, rows);
    const g2 = installExcelGlobals(naive);
    let nr: CheckResult | null = null;
    figures.push(
      await measure(naive, rows, 'Validate', 'naive', async () => {
        nr = await naiveValidate();
      }),
    );
    figures.push(await measure(naive, rows, 'Insert summary', 'naive', () => naiveSummary(nr!)));
    figures.push(await measure(naive, rows, 'Clear highlights', 'naive', () => naiveClear(nr!)));
    g2.uninstall();
  }
  const order = ['Validate', 'Validate again', 'Validate (no merged cells)', 'Insert summary', 'Clear highlights'];
  figures.sort((a, b) => a.rows - b.rows || order.indexOf(a.op) - order.indexOf(b.op) || a.approach.localeCompare(b.approach));
  console.log(table(figures));
  writeDoc(figures, findings);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
