/**
 * The CLI's own messages (Japanese / English) and their formatting, shared by the main thread and the
 * pool's workers. Nothing here loads the core, so that --version and --help stay light.
 */
import type { Lang, Localized } from '../core/types';

export const MSG = {
  noFiles: { ja: 'チェックするファイルを指定してください', en: 'no input files given' },
  profileUnreadable: { ja: 'プロファイル {file} を読めません: {reason}', en: 'cannot read profile {file}: {reason}' },
  profileInvalid: { ja: 'プロファイル {file} が正しくありません: {errors}', en: 'invalid profile {file}: {errors}' },
  outputExists: {
    ja: '{path} は既にあります（上書きするには --force）',
    en: '{path} already exists (use --force to replace it)',
  },
  outputIsInput: { ja: '{path} は入力ファイルなので書き込みません', en: '{path} is an input file: not writing to it' },
  outputIsSymlink: {
    ja: '{path} はシンボリックリンクなので書き込みません（--force でも同じです。リンクを削除するか別の出力先を指定してください）',
    en: '{path} is a symbolic link: not writing through it, even with --force (remove the link or choose another output)',
  },
  outputIsCopy: {
    ja: '{path} はこの実行で書き出すチェック済み／修正済みのコピーなので --summary で上書きしません',
    en: '{path} is a checked or fixed copy written by this run: --summary does not replace it',
  },
  writeLimit: {
    ja: '{path} を書き出しません: {what}が {n} セルにわたり、書き出しの上限（{limit} セル）を超えています（チェックは行いました）',
    en: 'not writing {path}: {what} cover {n} cells, beyond the limit of {limit} cells for a written copy (the check itself ran)',
  },
  limitValidations: { ja: 'データの入力規則', en: 'data validations' },
  limitNames: { ja: '名前の定義', en: 'defined names' },
  limitMerges: { ja: 'セルの結合', en: 'merged cells' },
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
  badTimeLimit: {
    ja: '--time-limit には正の秒数を指定してください',
    en: '--time-limit takes a positive number of seconds',
  },
  // Checking one file (check-file.ts).
  noSuchSheet: {
    ja: 'シート「{sheet}」がありません（ブックのシート: {sheets}）',
    en: 'no sheet "{sheet}" (the workbook has: {sheets})',
  },
  noActiveSheet: { ja: 'ワークシートがありません', en: 'the workbook has no worksheet' },
  internal: { ja: 'チェック中に内部エラーが起きました: {reason}', en: 'internal error while checking: {reason}' },
  workbookProfileInvalid: {
    ja: 'ブックに保存されたプロファイルが正しくないため既定のプロファイルでチェックします: {errors}',
    en: 'the profile saved in the workbook is invalid, checked with the default profile: {errors}',
  },
  // The pool (pool.ts): what happened to a file that could not be checked to the end.
  timeLimit: {
    ja: '1 ファイルの制限時間（{seconds} 秒）を超えたためチェックを中止しました（--time-limit で変更できます）',
    en: 'check stopped: the file took longer than the limit of {seconds} s a file (see --time-limit)',
  },
  memoryLimit: {
    ja: '1 ファイルのメモリー上限（{mb} MiB）を超えたためチェックを中止しました',
    en: 'check stopped: the file needed more than the memory limit of {mb} MiB a file',
  },
  tainted: {
    ja: 'このファイルの読み込み中に JavaScript の共有オブジェクト（{what}）が書き換えられたため、結果を使いません（細工されたファイルの可能性があります）',
    en: 'results discarded: reading this file changed a shared JavaScript object ({what}), as a crafted file would',
  },
} satisfies Record<string, Localized>;

export type MsgKey = keyof typeof MSG;

export function msg(key: MsgKey, lang: Lang, data: Record<string, string | number> = {}): string {
  // The core's format(), without loading the core for a message.
  return MSG[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
