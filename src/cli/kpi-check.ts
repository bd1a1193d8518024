import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Profile } from '../core/profile';
import type { FileResult, JsonReport } from '../core/report';
import type { Lang } from '../core/types';
import type { CheckOptions } from './check-file';
import { safeText } from '../core/safeText';
import { DEFAULT_TIME_LIMIT_S } from './limits';
import { msg, oneLine } from './messages';
import { planOutputs, writeErrorMessage } from './outputs';
import { checkTarget, sameFile } from '../xlsx/files';
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
  timeLimit?: string;
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
      '--time-limit <seconds>',
      `1 ファイルの制限時間（既定: ${DEFAULT_TIME_LIMIT_S} 秒） / time limit per file (default: ${DEFAULT_TIME_LIMIT_S} s)`,
    )
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

function looksLikeWorkbook(p: string): boolean {
  if (/\.(xlsx|xlsm|xltx|xltm|xls)$/i.test(p)) return true;
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * --summary must not replace an input or a copy this run writes, nor write through a symlink, nor replace
 * an existing file unless --force. Paths are compared by where they really are (files.ts), so a symlinked
 * folder does not hide that two paths are one file.
 */
function summaryTargetOk(summary: string, inputs: string[], copies: string[], opts: Options, fail: (m: string) => void): boolean {
  if (copies.some((c) => sameFile(summary, c))) {
    fail(msg('outputIsCopy', opts.lang, { path: summary }));
    return false;
  }
  try {
    checkTarget(summary, { force: opts.force, protect: inputs });
    return true;
  } catch (e) {
    fail(writeErrorMessage(e, summary, opts.lang));
    return false;
  }
}

async function writeSummary(
  summary: string,
  content: FileResult[] | import('../xlsx/consolidated').Consolidated,
  protect: string[],
  opts: Options,
  fail: (m: string) => void,
): Promise<boolean> {
  const w = await writer();
  const lang = opts.lang;
  try {
    await w.writeConsolidated(summary, content, lang, { force: opts.force, protect });
    return true;
  } catch (e) {
    fail(writeErrorMessage(e, summary, lang));
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
  if (!summaryTargetOk(opts.summary, files, [], opts, fail)) return 2;
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
  const ok = await writeSummary(opts.summary, consolidatedFromReports(reports, lang), files, opts, fail);
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
  // Every line said is one line, its control and bidi characters shown escaped (a file's text is data).
  const fail = (m: string) => io.stderr(`kpi-check: ${safeText(oneLine(m))}\n`);

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
    const { parseProfileText } = await import('../core/profileSchema');
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
  const plans = planOutputs(files, { write, writeDir, fix, fixDir });
  // The copies this run writes are protected like the inputs: the summary never replaces one.
  const written = plans.flatMap((p) => [p.checked, p.fixed]).filter((p): p is string => p !== undefined);
  if (opts.summary !== undefined && !summaryTargetOk(opts.summary, files, written, opts, fail)) return 2;

  let timeLimit: number | undefined;
  if (opts.timeLimit !== undefined) {
    timeLimit = Number(opts.timeLimit);
    if (!Number.isFinite(timeLimit) || timeLimit <= 0) {
      fail(msg('badTimeLimit', lang));
      return 2;
    }
  }

  let exit = 0;
  const results: FileResult[] = [];
  const bar = io.progress && files.length > 1 ? new Progress(files.length, io.stderr, lang) : undefined;
  const say = (m: string) => {
    bar?.clear();
    fail(m);
  };
  const { checkAll } = await import('./pool');
  const isReadable = (r: FileResult): r is Extract<FileResult, { result: unknown }> => 'result' in r;
  const checkOpts: CheckOptions = { sheet: opts.sheet, lang, profile, ignoreWorkbookProfile: !opts.workbookProfile };
  // The workers start checking while this thread loads the report's code (both load most of the core).
  const checked = checkAll(
    files,
    plans,
    { opts: checkOpts, ctx: { lang, force: opts.force, inputs: files }, writes: write || fix },
    {
      jobs,
      timeLimit,
      onDone: (o) => bar?.tick(isReadable(o.result) ? o.result.result.findings.length : 0),
      onResult: ({ result: fr, notes, log, exit: outputExit }) => {
        for (const n of notes) say(n);
        if (log) {
          bar?.clear();
          io.stderr(log);
        }
        if (outputExit) exit = 2;
        if (!isReadable(fr)) exit = 2;
        else if (fr.result.summary.errors > 0) exit = Math.max(exit, 1);
        results.push(fr);
      },
    },
  );
  const { toJsonReport, toSarif, toText } = await report();
  await checked;
  bar?.clear();

  if (opts.summary !== undefined && !(await writeSummary(opts.summary, results, [...files, ...written], opts, fail))) exit = 2;

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
