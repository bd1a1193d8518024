import * as fs from 'node:fs';
import '../xlsx/fast-merges';
import * as path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type * as ExcelJS from 'exceljs';
import { checkSheet } from '../core/engine';
import { format } from '../core/messages';
import { DEFAULT_PROFILE, parseProfileText, type Profile } from '../core/profile';
import { isReadable, toJsonReport, toSarif, toText, type FileResult } from '../core/report';
import type { Lang, Localized } from '../core/types';
import { activeSheetName, loadWorkbook, sheetToData, XlsxReadError } from '../xlsx/read';
import { OutputExistsError, SameFileError, writeChecked, writeConsolidated } from '../xlsx/write';
import { outputPath, writeFixed } from '../xlsx/fix';
import { safeFixes } from '../core/fixes';
import { toA1 } from '../core/a1';

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
  noSuchSheet: {
    ja: 'シート「{sheet}」がありません（ブックのシート: {sheets}）',
    en: 'no sheet "{sheet}" (the workbook has: {sheets})',
  },
  noActiveSheet: { ja: 'ワークシートがありません', en: 'the workbook has no worksheet' },
  internal: { ja: 'チェック中に内部エラーが起きました: {reason}', en: 'internal error while checking: {reason}' },
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
} satisfies Record<string, Localized>;

function msg(key: keyof typeof MSG, lang: Lang, data: Record<string, string | number> = {}): string {
  return format(MSG[key][lang], data);
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
    .option('--profile <file>', 'プロファイル (JSON) / profile (JSON)')
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
  return outputPath(input, 'checked', dir);
}

function looksLikeWorkbook(p: string): boolean {
  if (/\.(xlsx|xlsm|xltx|xltm|xls)$/i.test(p)) return true;
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function pickSheet(wb: ExcelJS.Workbook, wanted: string | undefined, lang: Lang): ExcelJS.Worksheet {
  const names = wb.worksheets.map((w) => w.name);
  if (wanted !== undefined) {
    const ws = wb.getWorksheet(wanted) ?? wb.worksheets.find((w) => w.name.toLowerCase() === wanted.toLowerCase());
    if (!ws) throw new XlsxReadError(msg('noSuchSheet', lang, { sheet: wanted, sheets: names.join(', ') }));
    return ws;
  }
  const name = activeSheetName(wb);
  const ws = name === undefined ? undefined : wb.getWorksheet(name);
  if (!ws) throw new XlsxReadError(msg('noActiveSheet', lang));
  return ws;
}

/** --fix: the safe fixes of one file's findings in <name>.fixed.xlsx, each change listed on stderr; 0 or 2. */
async function fixCopy(
  file: string,
  fr: Extract<FileResult, { result: unknown }>,
  dir: string | undefined,
  inputs: string[],
  force: boolean | undefined,
  lang: Lang,
  io: CliIO,
  written: Set<string>,
): Promise<number> {
  const out = outputPath(file, 'fixed', dir);
  const key = path.resolve(out);
  try {
    if (written.has(key)) throw new SameFileError(out);
    const r = await writeFixed(file, out, fr.result.sheet, safeFixes(fr.result.findings), { force, protect: inputs });
    written.add(key);
    const lines = [msg('fixed', lang, { path: out, n: r.applied.length })];
    const shown = (t: string) => t.replace(/\r?\n/g, '\\n');
    for (const f of r.applied)
      lines.push(msg('fixLine', lang, { cell: toA1(f.row, f.col), from: shown(f.from), to: shown(f.to) }));
    for (const f of r.skipped) lines.push(msg('fixSkipped', lang, { cell: toA1(f.row, f.col) }));
    io.stderr(lines.join('\n') + '\n');
    return 0;
  } catch (e) {
    if (e instanceof OutputExistsError) io.stderr(`kpi-check: ${msg('outputExists', lang, { path: out })}\n`);
    else if (e instanceof SameFileError) io.stderr(`kpi-check: ${msg('outputIsInput', lang, { path: out })}\n`);
    else io.stderr(`kpi-check: ${msg('writeFailed', lang, { path: out, reason: String((e as Error)?.message ?? e) })}\n`);
    return 2;
  }
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

  let profile: Profile = DEFAULT_PROFILE;
  if (opts.profile !== undefined) {
    let textIn: string;
    try {
      textIn = fs.readFileSync(opts.profile, 'utf8');
    } catch (e) {
      fail(msg('profileUnreadable', lang, { file: opts.profile, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
      return 2;
    }
    const r = parseProfileText(textIn);
    if (!r.ok) {
      fail(msg('profileInvalid', lang, { file: opts.profile, errors: r.errors.join('; ') }));
      return 2;
    }
    profile = r.profile;
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
  if (opts.summary !== undefined) {
    if (files.some((f) => path.resolve(f) === path.resolve(opts.summary!))) {
      fail(msg('outputIsInput', lang, { path: opts.summary }));
      return 2;
    }
    if (!opts.force && fs.existsSync(opts.summary)) {
      fail(msg('outputExists', lang, { path: opts.summary }));
      return 2;
    }
  }

  let exit = 0;
  const results: FileResult[] = [];
  const written = new Set<string>();
  const clearProgress = () => io.progress && io.stderr('\r\x1b[K');
  for (const [i, file] of files.entries()) {
    if (io.progress) io.stderr(`\r\x1b[K[${i + 1}/${files.length}] ${file}`);
    let wb: ExcelJS.Workbook;
    let ws: ExcelJS.Worksheet;
    try {
      wb = await loadWorkbook(file);
      ws = pickSheet(wb, opts.sheet, lang);
    } catch (e) {
      if (!(e instanceof XlsxReadError)) throw e;
      results.push({ file, error: oneLine(e.message) });
      clearProgress();
      fail(`${file}: ${e.message}`);
      exit = 2;
      continue;
    }
    let fr: Extract<FileResult, { result: unknown }>;
    try {
      fr = { file, sheet: ws.name, result: checkSheet(sheetToData(ws), profile) };
    } catch (e) {
      const error = msg('internal', lang, { reason: oneLine(String((e as Error)?.message ?? e)) });
      results.push({ file, sheet: ws.name, error });
      clearProgress();
      fail(`${file}: ${error}`);
      exit = 2;
      continue;
    }
    if (fr.result.summary.errors > 0) exit = Math.max(exit, 1);
    if (write) {
      const out = checkedPath(file, writeDir);
      const key = path.resolve(out);
      try {
        if (written.has(key)) {
          clearProgress();
          fail(msg('outputClash', lang, { path: out }));
          exit = 2;
        } else {
          await writeChecked(file, out, fr.result, lang, { force: opts.force, protect: files, workbook: wb });
          written.add(key);
          fr.checkedFile = out;
        }
      } catch (e) {
        clearProgress();
        if (e instanceof OutputExistsError) fail(msg('outputExists', lang, { path: out }));
        else if (e instanceof SameFileError) fail(msg('outputIsInput', lang, { path: out }));
        else fail(msg('writeFailed', lang, { path: out, reason: String((e as Error)?.message ?? e) }));
        exit = 2;
      }
    }
    if (fix) exit = Math.max(exit, await fixCopy(file, fr, fixDir, files, opts.force, lang, io, written));
    results.push(fr);
  }
  clearProgress();

  if (opts.summary !== undefined) {
    try {
      if (written.has(path.resolve(opts.summary))) throw new SameFileError(opts.summary);
      await writeConsolidated(opts.summary, results, lang, { force: opts.force, protect: files });
    } catch (e) {
      if (e instanceof OutputExistsError) fail(msg('outputExists', lang, { path: opts.summary }));
      else if (e instanceof SameFileError) fail(msg('outputIsInput', lang, { path: opts.summary }));
      else fail(msg('writeFailed', lang, { path: opts.summary, reason: String((e as Error)?.message ?? e) }));
      exit = 2;
    }
  }

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
