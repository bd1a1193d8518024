/**
 * npm run bench: the figures issue 10 asks for, in one run. On three workbooks (the 50,000-row table laid
 * out like seeds/sample.xlsx; the same with its text as inline character references; the same with a merge
 * on every data row too): the CLI, the read limit (bench/read-limit.ts, native inflate + a byte scan of
 * every cell value into a grid), xlsx2csv and Gnumeric's ssconvert when installed, and their ratios, with
 * each process's peak memory; the XML tokenizers against the byte scan (bench/tokenizers.ts);
 * `kpi-check --version` against bare `node -e 0`; 600 small workbooks in one call on one core and on all.
 * Every figure is a whole process (wall time and maxRSS from GNU time when it is there), the median of
 * BENCH_RUNS runs (default 3) taken in turn, A B A B. BENCH_BASELINE=DIR adds the CLI of another checkout
 * (DIR/bin/kpi-check.js, built) to compare with. Results go to stdout and to docs/performance.md.
 *
 *   BENCH_ROWS=50000 BENCH_RUNS=3 npm run bench
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { compareTokenizers, partOf, type TokenizerFigure } from './tokenizers';
import { buildWorkbook, characterReferences, manyMerges, smallFiles, type BenchWorkbook } from './workbooks';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'kpi-check.js');
const LIMIT = path.join(__dirname, 'read-limit.js');
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface Run {
  ms: number;
  rssMb: number | null;
  code: number | null;
}

function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** One run of a command as a whole process: wall time, and peak memory (maxRSS) through GNU time. */
function run(cmd: string[]): Run {
  const argv = GNU_TIME ? [GNU_TIME, '-f', 'KPI_BENCH_RSS %M', ...cmd] : cmd;
  const t0 = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const m = /KPI_BENCH_RSS (\d+)/.exec(r.stderr?.toString() ?? '');
  return { ms, rssMb: m ? Math.round(Number(m[1]) / 1024) : null, code: r.status };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Figure {
  name: string;
  ms: number;
  rssMb: number | null;
}

/** The commands in turn, runs times, A B C A B C …; medians. */
function measure(commands: [string, string[]][], runs: number): Figure[] {
  const samples = commands.map(() => [] as Run[]);
  for (let i = 0; i < runs; i++) commands.forEach(([, cmd], k) => samples[k]!.push(run(cmd)));
  return commands.map(([name], k) => {
    const s = samples[k]!;
    const rss = s.map((x) => x.rssMb).filter((x): x is number => x !== null);
    return { name, ms: median(s.map((x) => x.ms)), rssMb: rss.length ? median(rss) : null };
  });
}

function machine(): Record<string, string> {
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    // nproc is not everywhere; availableParallelism says the same
  }
  return {
    nproc,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
  };
}

const START = '<!-- bench:cli:start -->';
const END = '<!-- bench:cli:end -->';

function writeDoc(section: string): Promise<string> {
  return writeDocSection(section, START, END);
}

/** Replace (or append at the end) the block between two markers of docs/performance.md. */
async function writeDocSection(section: string, start: string, end: string): Promise<string> {
  const { repoRoot } = require('../tools/generate-samples') as typeof import('../tools/generate-samples');
  const doc = path.join(repoRoot(), 'docs', 'performance.md');
  await fs.mkdir(path.dirname(doc), { recursive: true });
  const block = `${start}\n${section}${end}\n`;
  let text = existsSync(doc) ? await fs.readFile(doc, 'utf8') : '# Performance\n\n';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + end.length + 1);
  else text = `${text.trimEnd()}\n\n${block}`;
  await fs.writeFile(doc, text);
  return doc;
}

// ------------------------------------------------------------------------------------------ hostile cells (issue 11)

/** The cost of the worst cells at 1k, 8k and 32k characters (bench/hostile-cells.ts), in this process. */
async function hostile(): Promise<void> {
  const { hostileCellsSection } = require('./hostile-cells') as typeof import('./hostile-cells');
  const m = machine();
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  const section = hostileCellsSection(
    `Machine: ${m.nproc} CPUs (nproc), ${m.cpu}, ${m.memory}, Node ${m.node}, ${m.os}; load average ${load}. ` +
      `Measured ${new Date().toISOString().slice(0, 10)}.`,
  );
  if (process.env.BENCH_WRITE_DOC === '1') {
    const doc = await writeDocSection(section, '<!-- bench:hostile:start -->', '<!-- bench:hostile:end -->');
    console.log(`\nwritten to ${path.relative(process.cwd(), doc)}`);
  }
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

async function parent(): Promise<void> {
  const totalRows = Number(process.env.BENCH_ROWS ?? 50000);
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  const smallCount = Number(process.env.BENCH_SMALL_FILES ?? 600);
  const baseline = process.env.BENCH_BASELINE ? path.join(process.env.BENCH_BASELINE, 'bin', 'kpi-check.js') : undefined;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kpi-bench-'));
  const out: string[] = [];
  const say = (s = '') => {
    console.log(s);
    out.push(s);
  };
  try {
    const base = path.join(dir, `table-${totalRows}.xlsx`);
    const b0 = performance.now();
    const built = await buildWorkbook(base, totalRows);
    const refs = path.join(dir, `table-${totalRows}-charrefs.xlsx`);
    await characterReferences(base, refs);
    const merged = path.join(dir, `table-${totalRows}-merges.xlsx`);
    const added = await manyMerges(base, merged, built.initiativeRows);
    console.log(`workbooks built in ${sec(performance.now() - b0)}`);
    const books: BenchWorkbook[] = [
      { file: base, label: `the ${totalRows.toLocaleString('en')}-row table (shared strings, UTF-8)`, ...built },
      { file: refs, label: 'the same, text as inline character references', ...built },
      { file: merged, label: 'the same with a merge on every data row', ...built, merges: built.merges + added },
    ];

    const xlsx2csv = which('xlsx2csv');
    const ssconvert = which('ssconvert');
    const sections: string[] = [];
    for (const b of books) {
      const size = (await fs.stat(b.file)).size;
      const cells = execFileSync(process.execPath, [LIMIT, b.file], { encoding: 'utf8' }).trim().split(' ')[0];
      const commands: [string, string[]][] = [
        ['CLI `kpi-check --format json`', [process.execPath, BIN, '--format', 'json', b.file]],
        ['read limit (bench/read-limit.ts)', [process.execPath, LIMIT, b.file]],
      ];
      if (xlsx2csv) commands.push(['xlsx2csv', [xlsx2csv, b.file]]);
      if (ssconvert)
        commands.push([
          'ssconvert (Gnumeric, to CSV)',
          [ssconvert, '--export-type=Gnumeric_stf:stf_csv', b.file, path.join(dir, 'out.csv')],
        ]);
      if (baseline) commands.push(['CLI before (BENCH_BASELINE)', [process.execPath, baseline, '--format', 'json', b.file]]);
      const figs = measure(commands, runs);
      const cli = figs[0]!;
      const limit = figs[1]!;
      const rows = figs.map((f) => [
        f.name,
        sec(f.ms),
        f.rssMb === null ? '–' : `${f.rssMb} MB`,
        (f.ms / limit.ms).toFixed(2),
        f === cli ? '1.00' : (f.ms / cli.ms).toFixed(2),
      ]);
      const ratioMem = cli.rssMb !== null && limit.rssMb !== null ? (cli.rssMb / limit.rssMb).toFixed(2) : '–';
      sections.push(
        `**${b.label}**: ${b.sheetRows} rows, ${cells} cells, ${b.merges} merged areas, ${(size / 2 ** 20).toFixed(1)} MiB\n\n` +
          table(['', 'wall (median)', 'peak memory', '÷ read limit', '÷ CLI'], rows) +
          `\n\nCLI ÷ read limit: **${(cli.ms / limit.ms).toFixed(2)}×** time, **${ratioMem}×** peak memory.`,
      );
      console.log(sections[sections.length - 1]);
    }

    // The tokenizers, on the sheet XML of the first two workbooks.
    const tok: [string, TokenizerFigure[]][] = [];
    for (const b of books.slice(0, 2)) tok.push([b.label, await compareTokenizers(partOf(b.file, 'xl/worksheets/sheet1.xml'))]);
    const tokTable = table(
      ['tokenizer', ...tok.map(([l]) => l)],
      tok[0]![1].map((f, i) => [
        f.name,
        ...tok.map(([, figs]) => {
          const g = figs[i]!;
          return g.ms === null ? `failed: ${g.note}` : `${g.ms.toFixed(0)} ms (${(g.ms / figs[0]!.ms!).toFixed(1)}×)`;
        }),
      ]),
    );
    console.log(tokTable);

    // Start-up.
    const start = measure(
      [
        ['`kpi-check --version`', [process.execPath, BIN, '--version']],
        ['`node -e 0`', [process.execPath, '-e', '0']],
        ['`kpi-check --help`', [process.execPath, BIN, '--help']],
      ],
      Math.max(runs, 10),
    );
    const startTable = table(
      ['', 'wall (median)', '÷ node -e 0'],
      start.map((f) => [f.name, `${f.ms.toFixed(0)} ms`, (f.ms / start[1]!.ms).toFixed(2)]),
    );
    console.log(startTable);

    // Many small files.
    const small = await smallFiles(path.join(dir, 'small'), path.join(ROOT, 'seeds', 'sample-draft.xlsx'), smallCount);
    const manyCmds: [string, string[]][] = [
      [`${smallCount} files, \`--jobs 1\` (one core)`, [process.execPath, BIN, '--format', 'json', '--jobs', '1', ...small]],
      [
        `${smallCount} files, default (${os.availableParallelism()} workers)`,
        [process.execPath, BIN, '--format', 'json', ...small],
      ],
    ];
    if (baseline)
      manyCmds.push([
        `${smallCount} files, CLI before (BENCH_BASELINE)`,
        [process.execPath, baseline, '--format', 'json', ...small],
      ]);
    const many = measure(manyCmds, runs);
    const manyTable = table(
      ['', 'wall (median)', 'per file', 'peak memory', '÷ default'],
      many.map((f) => [
        f.name,
        sec(f.ms),
        `${(f.ms / smallCount).toFixed(1)} ms`,
        f.rssMb === null ? '–' : `${f.rssMb} MB`,
        (f.ms / many[1]!.ms).toFixed(2),
      ]),
    );
    console.log(manyTable);

    const m = machine();
    const load = os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ');
    const section =
      `## CLI (issues 2 and 10)\n\n` +
      `Printed by \`npm run bench\` (bench/bench.ts), ${runs} runs each, medians, whole processes (wall time; peak memory is ` +
      `maxRSS from GNU time). Machine: ${m.nproc} CPUs (nproc), ${m.cpu}, ${m.memory}, Node ${m.node}, ${m.os}; load ` +
      `average ${load} (a shared machine). Measured ${new Date().toISOString().slice(0, 10)}.\n\n` +
      `### Reading and checking a large workbook\n\n${sections.join('\n\n')}\n\n` +
      `### Choosing the tokenizer (in-process, the sheet XML already inflated)\n\n${tokTable}\n\n` +
      `### Start-up\n\n${startTable}\n\n### Many small files (seeds/sample-draft.xlsx copied)\n\n${manyTable}\n\n`;
    void out;
    if (process.env.BENCH_WRITE_DOC === '1') {
      const doc = await writeDoc(section);
      console.log(`\nwritten to ${path.relative(process.cwd(), doc)}`);
    } else console.log('\n(BENCH_WRITE_DOC=1 writes these tables into docs/performance.md)');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// `npm run bench -- --hostile` runs the hostile-cells section alone; a plain run does both.
(process.argv.includes('--hostile') ? hostile() : parent().then(hostile)).catch((e: unknown) => {
  console.error(`bench: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
