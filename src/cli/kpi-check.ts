import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Profile } from '../core/profile';
import type { FileResult, JsonReport } from '../core/report';
import type { Lang, Localized } from '../core/types';
import type { CheckOptions } from './check-file';
import { Progress } from './progress';

// Only what --version and --help need is loaded up front. The engine, the reader and the pool load once
// there are files to check; ExcelJS only where the CLI writes (--write, --summary, src/xlsx/write.ts).
type Writer = typeof import('../xlsx/write');
const writer = (): Promise<Writer> => import('../xlsx/write');
const report = () => import('../core/report');

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** Show progress on stderr (it is a terminal). */
  progress: boolean;
}

const MSG = {
  noFiles: { ja: 'チェックするファイルを指定してください', en: 'no input files given' },
  profileUnreadable: { ja: 'プロファイル {file} を読めません: {reason}', en: 'cannot read profile {file}: {reason}' },
  profileInvalid: { ja: 'プロファイル {file} が正しくありません: {errors}', en: 'invalid profile {file}: {errors}' },
  outputExists: {
    ja: '{path} は既にあります（上書きするには --force）',
    en: '{path} already exists (use --force to replace it)',
  },
  outputIsInput: { ja: '{path} は入力ファイルなので書き込みません', en: '{path} is an input file: not writing to it' },
  outputClash: {
    ja: '{path} には別の入力ファイルのチェック結果を書き出し済みです',
    en: '{path} was already written for another input file',
  },
  writeFailed: { ja: '{path} を書き出せません: {reason}', en: 'cannot write {path}: {reason}' },
  writeDirIsFile: { ja: '--write の出力先 {dir} はフォルダーではありません', en: '--write target {dir} is not a folder' },
  fixed: {
    ja: '{path}: {n} か所を修正しました（入力は変更していません）',
    en: '{path}: {n} cell(s) fixed (the input is unchanged)',
  },
  fixLine: { ja: '  {cell}: 「{from}」→「{to}」', en: '  {cell}: "{from}" → "{to}"' },
  fixSkipped: { ja: '  {cell}: 数式か書式付きの文字のため修正しませんでした', en: '  {cell}: left alone (formula or rich text)' },
  mergeNeedsSummary: {
    ja: '--merge には --summary FILE が必要です（JSON レポートから集計ブックを作ります）',
    en: '--merge needs --summary FILE (it builds the consolidated workbook from JSON reports)',
  },
  mergeWithOthers: {
    ja: '--merge は --write / --sheet / --profile と一緒には使えません',
    en: '--merge cannot be combined with --write, --sheet or --profile',
  },
  reportUnreadable: { ja: 'JSON レポート {file} を読めません: {reason}', en: 'cannot read the JSON report {file}: {reason}' },
  badJobs: { ja: '--jobs には 1 以上の整数を指定してください', en: '--jobs takes a whole number of at least 1' },
} satisfies Record<string, Localized>;

function msg(key: keyof typeof MSG, lang: Lang, data: Record<string, string | number> = {}): string {
  // The core's format(), without loading the core for a message.
  return MSG[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function toolVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

interface Options {
  sheet?: string;
  format: 'text' | 'json' | 'sarif';
  lang: Lang;
  profile?: string;
  write?: string | boolean;
  fix?: string | boolean;
  force?: boolean;
  summary?: string;
  groupBy: 'severity' | 'rule';
  workbookProfile: boolean;
  merge?: boolean;
  jobs?: string;
}

function buildProgram(io: CliIO): Command {
  return new Command()
    .name('kpi-check')
    .description('進捗管理表（KPI 進捗表）の .xlsx をチェックします / checks KPI progress tables in .xlsx workbooks')
    .version(toolVersion(), '-V, --version')
    .argument('[files...]', 'チェックする .xlsx / the .xlsx files to check')
    .option('--sheet <name>', 'チェックするシート（既定: 保存時のアクティブシート） / sheet to check (default: the active sheet)')
    .addOption(new Option('--format <format>', '出力形式 / output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('--lang <lang>', '言語 / language').choices(['ja', 'en']).default('ja'))
    .option(
      '--profile <file>',
      'プロファイル (JSON)。ブックに保存されたプロファイルより優先 / profile (JSON), used instead of the one saved in the workbook',
    )
    .option(
      '--no-workbook-profile',
      'ブックに保存されたプロファイルを使わない / ignore the profile the add-in saved in the workbook',
    )
    .option(
      '--merge',
      'FILE を JSON レポートとして読み --summary の集計ブックを作る / read FILE... as JSON reports and build the --summary workbook',
    )
    .option('--jobs <n>', '同時にチェックするファイル数（既定: CPU 数） / files checked at once (default: the CPUs)')
    .option(
      '--write [dir]',
      '<name>.checked.xlsx を書き出す（入力の横か DIR に） / write <name>.checked.xlsx beside the input or in DIR',
    )
    .option(
      '--fix [dir]',
      '安全な修正をした <name>.fixed.xlsx を書き出す（入力は変更しない） / write <name>.fixed.xlsx with the safe fixes applied (never the input)',
    )
    .option('--force', '既存の出力ファイルを上書きする / replace existing output files')
    .option('--summary <file>', '全ファイルの集計ブックを書き出す / write one consolidated workbook for all files')
    .addOption(
      new Option('--group-by <how>', 'テキスト出力のまとめ方 / grouping of text output')
        .choices(['severity', 'rule'])
        .default('severity'),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`kpi-check: ${oneLine(s).replace(/^error: /, '')}\n`),
    });
}

/** "seeds/a.xlsx" → "a.checked.xlsx" in dir (default: beside the input). */
export function checkedPath(input: string, dir?: string): string {
  const base = path.basename(input).replace(/\.(xlsx|xlsm|xltx|xltm)$/i, '');
  return path.join(dir ?? path.dirname(input), `${base}.checked.xlsx`);
}

/** What to say when an output could not be written: it exists, it is an input, or why it failed. */
function writeErrorMessage(e: unknown, w: Writer, out: string, lang: Lang): string {
  if (e instanceof w.OutputExistsError) return msg('outputExists', lang, { path: out });
  if (e instanceof w.SameFileError) return msg('outputIsInput', lang, { path: out });
  return msg('writeFailed', lang, { path: out, reason: String((e as Error)?.message ?? e) });
}

/** --fix: the safe fixes of one file's findings in <name>.fixed.xlsx, each change listed on stderr; 0 or 2. */
async function fixCopy(
  fr: Extract<FileResult, { result: unknown }>,
  dir: string | undefined,
  inputs: string[],
  opts: Options,
  say: (m: string) => void,
  io: CliIO,
  written: Set<string>,
): Promise<number> {
  const lang = opts.lang;
  const [{ outputPath, writeFixed }, { safeFixes }, { toA1 }, w] = await Promise.all([
    import('../xlsx/fix'),
    import('../core/fixes'),
    import('../core/a1'),
    writer(),
  ]);
  const out = outputPath(fr.file, 'fixed', dir);
  const key = path.resolve(out);
  try {
    if (written.has(key)) throw new w.SameFileError(out);
    const r = await writeFixed(fr.file, out, fr.result.sheet, safeFixes(fr.result.findings), {
      force: opts.force,
      protect: inputs,
    });
    written.add(key);
    const lines = [msg('fixed', lang, { path: out, n: r.applied.length })];
    const shown = (t: string) => t.replace(/\r?\n/g, '\\n');
    for (const f of r.applied)
      lines.push(msg('fixLine', lang, { cell: toA1(f.row, f.col), from: shown(f.from), to: shown(f.to) }));
    for (const f of r.skipped) lines.push(msg('fixSkipped', lang, { cell: toA1(f.row, f.col) }));
    io.stderr(lines.join('\n') + '\n');
    return 0;
  } catch (e) {
    say(writeErrorMessage(e, w, out, lang));
    return 2;
  }
}

function looksLikeWorkbook(p: string): boolean {
  if (/\.(xlsx|xlsm|xltx|xltm|xls)$/i.test(p)) return true;
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** --summary must not replace an input, nor an existing file unless --force. */
function summaryTargetOk(summary: string, inputs: string[], opts: Options, fail: (m: string) => void): boolean {
  if (inputs.some((f) => path.resolve(f) === path.resolve(summary))) {
    fail(msg('outputIsInput', opts.lang, { path: summary }));
    return false;
  }
  if (!opts.force && fs.existsSync(summary)) {
    fail(msg('outputExists', opts.lang, { path: summary }));
    return false;
  }
  return true;
}

async function writeSummary(
  summary: string,
  content: FileResult[] | import('../xlsx/consolidated').Consolidated,
  written: Set<string>,
  inputs: string[],
  opts: Options,
  fail: (m: string) => void,
): Promise<boolean> {
  const w = await writer();
  const lang = opts.lang;
  try {
    if (written.has(path.resolve(summary))) throw new w.SameFileError(summary);
    await w.writeConsolidated(summary, content, lang, { force: opts.force, protect: inputs });
    return true;
  } catch (e) {
    fail(writeErrorMessage(e, w, summary, lang));
    return false;
  }
}

/** --merge: JSON reports in, the consolidated workbook out. */
async function mergeReports(files: string[], opts: Options, fail: (m: string) => void): Promise<number> {
  const lang = opts.lang;
  if (opts.summary === undefined) {
    fail(msg('mergeNeedsSummary', lang));
    return 2;
  }
  if (opts.write !== undefined || opts.sheet !== undefined || opts.profile !== undefined) {
    fail(msg('mergeWithOthers', lang));
    return 2;
  }
  if (!summaryTargetOk(opts.summary, files, opts, fail)) return 2;
  const { consolidatedFromReports, parseReport, ReportFormatError } = await import('./merge');
  const reports: JsonReport[] = [];
  for (const file of files) {
    try {
      reports.push(parseReport(fs.readFileSync(file, 'utf8')));
    } catch (e) {
      const reason = e instanceof ReportFormatError ? e.message : ((e as NodeJS.ErrnoException).code ?? String(e));
      fail(msg('reportUnreadable', lang, { file, reason }));
      return 2;
    }
  }
  const ok = await writeSummary(opts.summary, consolidatedFromReports(reports, lang), new Set(), files, opts, fail);
  if (!ok) return 2;
  const results = reports.flatMap((r) => r.results);
  if (results.some((r) => 'error' in r)) return 2;
  return results.some((r) => !('error' in r) && r.summary.errors > 0) ? 1 : 0;
}

/** Run kpi-check with the arguments after "node kpi-check"; returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const opts = program.opts<Options>();
  const lang = opts.lang;
  const files = [...((program.processedArgs[0] as string[] | undefined) ?? [])];
  const fail = (m: string) => io.stderr(`kpi-check: ${oneLine(m)}\n`);

  // "--write a.xlsx" reads the file as the option's DIR: take it back as an input.
  let writeDir: string | undefined;
  if (typeof opts.write === 'string') {
    if (looksLikeWorkbook(opts.write)) files.unshift(opts.write);
    else writeDir = opts.write;
  }
  const write = opts.write !== undefined && opts.write !== false;
  // "--fix a.xlsx", likewise.
  let fixDir: string | undefined;
  if (typeof opts.fix === 'string') {
    if (looksLikeWorkbook(opts.fix)) files.unshift(opts.fix);
    else fixDir = opts.fix;
  }
  const fix = opts.fix !== undefined && opts.fix !== false;
  if (files.length === 0) {
    fail(msg('noFiles', lang));
    return 2;
  }

  if (opts.merge) return mergeReports(files, opts, fail);

  let profile: Profile | undefined;
  if (opts.profile !== undefined) {
    let textIn: string;
    try {
      textIn = fs.readFileSync(opts.profile, 'utf8');
    } catch (e) {
      fail(msg('profileUnreadable', lang, { file: opts.profile, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
      return 2;
    }
    const { parseProfileText } = await import('../core/profile');
    const r = parseProfileText(textIn);
    if (!r.ok) {
      fail(msg('profileInvalid', lang, { file: opts.profile, errors: r.errors.join('; ') }));
      return 2;
    }
    profile = r.profile;
  }
  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) {
      fail(msg('badJobs', lang));
      return 2;
    }
  }
  for (const dir of [writeDir, fixDir]) {
    if (dir === undefined) continue;
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch {
      fail(msg('writeDirIsFile', lang, { dir }));
      return 2;
    }
  }
  if (opts.summary !== undefined && !summaryTargetOk(opts.summary, files, opts, fail)) return 2;

  let exit = 0;
  const results: FileResult[] = [];
  const written = new Set<string>();
  const bar = io.progress && files.length > 1 ? new Progress(files.length, io.stderr, lang) : undefined;
  const say = (m: string) => {
    bar?.clear();
    fail(m);
  };
  const { isReadable, toJsonReport, toSarif, toText } = await report();
  const { checkAll } = await import('./pool');
  const checkOpts: CheckOptions = { sheet: opts.sheet, lang, profile, ignoreWorkbookProfile: !opts.workbookProfile };
  await checkAll(files, checkOpts, {
    jobs,
    onDone: (o) => bar?.tick(isReadable(o.result) ? o.result.result.findings.length : 0),
    onResult: async ({ result: fr, notes }) => {
      for (const n of notes) say(n);
      if (!isReadable(fr)) {
        exit = 2;
        results.push(fr);
        return;
      }
      if (fr.result.summary.errors > 0) exit = Math.max(exit, 1);
      if (write) {
        const out = checkedPath(fr.file, writeDir);
        const key = path.resolve(out);
        const w = await writer();
        try {
          if (written.has(key)) {
            say(msg('outputClash', lang, { path: out }));
            exit = 2;
          } else {
            await w.writeChecked(fr.file, out, fr.result, lang, { force: opts.force, protect: files });
            written.add(key);
            fr.checkedFile = out;
          }
        } catch (e) {
          say(writeErrorMessage(e, w, out, lang));
          exit = 2;
        }
      }
      if (fix) exit = Math.max(exit, await fixCopy(fr, fixDir, files, opts, say, io, written));
      results.push(fr);
    },
  });
  bar?.clear();

  if (opts.summary !== undefined && !(await writeSummary(opts.summary, results, written, files, opts, fail))) exit = 2;

  if (opts.format === 'json') io.stdout(JSON.stringify(toJsonReport(results, lang), null, 2) + '\n');
  else if (opts.format === 'sarif')
    io.stdout(JSON.stringify(toSarif(results, lang, { toolVersion: toolVersion() }), null, 2) + '\n');
  else io.stdout(toText(results, lang, { groupBy: opts.groupBy }));
  if (results.some((r) => !isReadable(r))) exit = 2;
  return exit;
}

/** Entry point of bin/kpi-check.js. */
export function run(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const io: CliIO = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    progress: process.stderr.isTTY === true,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      io.stderr(`kpi-check: ${oneLine(String((e as Error)?.message ?? e))}\n`);
      if (process.env.KPI_CHECK_DEBUG) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
      process.exitCode = 2;
    },
  );
}
