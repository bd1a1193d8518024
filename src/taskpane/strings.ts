import { format } from '../core/messages';
import type { Lang, Localized } from '../core/types';

/**
 * Words only the task pane uses (shared words live in core/i18n.ts; the Settings tab's, in
 * settingsStrings.ts, which comes with its script). English {s} → "s" unless n is 1.
 */
const PANE = {
  paneLabel: { ja: '進捗表チェッカーの作業ウィンドウ', en: 'KPI Progress Checker task pane' },
  switchTo: { ja: 'English', en: '日本語' },
  switchToLabel: { ja: '表示言語を英語に切り替える (English)', en: 'Switch the display language to Japanese (日本語)' },
  results: { ja: '結果', en: 'Results' },
  settings: { ja: '設定', en: 'Settings' },
  views: { ja: '表示の切り替え', en: 'Views' },
  actions: { ja: '操作', en: 'Actions' },
  validate: { ja: '検証', en: 'Validate' },
  validateLabel: { ja: '作業中のシートを検証する', en: 'Validate the active sheet' },
  validating: { ja: '検証しています…', en: 'Validating…' },
  insertSummary: { ja: '集計シートを挿入', en: 'Insert summary' },
  inserting: { ja: '集計シートを作成しています…', en: 'Writing the summary sheet…' },
  clearHighlights: { ja: 'ハイライトを消す', en: 'Clear highlights' },
  clearing: { ja: 'ハイライトを消しています…', en: 'Clearing the highlights…' },
  loading: { ja: 'シートを読み込んでいます…', en: 'Reading the sheet…' },
  partLoading: { ja: '設定画面を読み込んでいます…', en: 'Loading the settings…' },
  partFailed: {
    ja: '設定画面を読み込めませんでした。ネットワークを確認して、もう一度お試しください。',
    en: 'The settings could not be loaded. Check the network and try again.',
  },
  retry: { ja: '再試行', en: 'Try again' },
  saving: { ja: '設定を保存しています…', en: 'Saving the settings…' },
  fixing: { ja: 'セルを修正しています…', en: 'Fixing the cells…' },
  undoing: { ja: '修正を元に戻しています…', en: 'Undoing the fixes…' },
  fix: { ja: '修正', en: 'Fix' },
  fixTitle: { ja: '「{from}」を「{to}」に直す', en: 'Change "{from}" to "{to}"' },
  fixSuggested: { ja: '「{to}」を入力', en: 'Enter "{to}"' },
  fixSuggestedTitle: { ja: '提案どおり {cell} に「{to}」を入力する', en: 'Enter "{to}" in {cell} as suggested' },
  fixAll: { ja: '安全な修正をまとめて適用（{n} 件）', en: 'Apply all safe fixes ({n})' },
  fixAllHint: {
    ja: '表記ゆれ・余分な空白・HTML タグだけを直します。数式のセルには触れません。',
    en: 'Fixes only variant spellings, stray spaces and HTML tags. Cells with formulas are never touched.',
  },
  fixed: { ja: '{n} 個のセルを修正し、検証し直しました。', en: 'Fixed {n} cell{s} and checked again.' },
  fixedSkipped: {
    ja: '{n} 個のセルを修正しました。{k} 個は検証の後に変更されていたか数式だったため、そのままにしました。',
    en: 'Fixed {n} cell{s}; {k} had changed since the check or hold formulas and were left as they are.',
  },
  undo: { ja: '元に戻す', en: 'Undo' },
  undoHint: {
    ja: '「{sheet}」の {n} 個のセルを修正しました。Excel の [元に戻す] は使えないため、ここで元に戻せます。',
    en: 'Fixed {n} cell{s} on "{sheet}". Excel\'s own Undo cannot take this back; undo it here.',
  },
  undone: { ja: '{n} 個のセルを元に戻しました。', en: 'Restored {n} cell{s}.' },
  undoneSkipped: {
    ja: '{n} 個のセルを元に戻しました。{k} 個は修正の後に変更されていたため、そのままにしました。',
    en: 'Restored {n} cell{s}; {k} had changed since and were left as they are.',
  },
  exportJson: { ja: 'JSON で保存', en: 'Save as JSON' },
  exportCsv: { ja: 'CSV で保存', en: 'Save as CSV' },
  exported: { ja: '{file} をダウンロードしました', en: 'Downloaded {file}' },
  exportCopied: {
    ja: 'Excel for Mac ではファイルをダウンロードできないため、{file} の内容をクリップボードにコピーしました。テキスト エディターに貼り付けて保存してください。',
    en: 'Excel for Mac cannot download files, so the contents of {file} were copied to the clipboard. Paste them into a text editor and save.',
  },
  exportShown: {
    ja: 'ファイルをダウンロードもコピーもできませんでした。下の欄の内容（{file}）を選択してコピーしてください。',
    en: 'The file could neither be downloaded nor copied. Select and copy the text below ({file}).',
  },
  exportTextLabel: { ja: '{file} の内容', en: 'Contents of {file}' },
  close: { ja: '閉じる', en: 'Close' },
  bootTitle: { ja: '進捗表チェッカーを開始できません', en: 'KPI Progress Checker cannot start' },
  bootNoOffice: {
    ja: 'Office の部品（office.js）を読み込めませんでした。ネットワークやプロキシが appsforoffice.microsoft.com への接続を止めている可能性があります。管理者にご確認ください。',
    en: "Office's script (office.js) could not be loaded. The network or a proxy may block appsforoffice.microsoft.com; ask your administrator.",
  },
  bootNotExcel: {
    ja: 'このページは Excel の中で開いてください（[ホーム] タブ › KPIチェック › [検証]）。',
    en: 'Open this page from Excel (Home tab › KPIチェック › Validate).',
  },
  bootTooOld: {
    ja: 'この Excel では動きません（ExcelApi {version} 以上が必要です: Excel 2019 以降、Microsoft 365、Excel on the web）。',
    en: 'This version of Excel is too old (ExcelApi {version} or later is needed: Excel 2019 or later, Microsoft 365, Excel on the web).',
  },
  activeSheet: { ja: '作業中のシート', en: 'Active sheet' },
  checkedSheet: { ja: '検証したシート', en: 'Checked sheet' },
  usedRange: { ja: '使用範囲', en: 'Used range' },
  emptySheet: { ja: '（空のシート）', en: '(empty sheet)' },
  refresh: { ja: '作業中のシートを読み直す', en: 'Read the active sheet again' },
  notChecked: {
    ja: 'まだ検証していません。[検証] を押すと表を探し、記入漏れや誤りを調べて該当セルに色を付けます。',
    en: 'Not checked yet. Click Validate to find the table, check it and highlight the cells with problems.',
  },
  noTable: {
    ja: 'このシートには進捗管理表が見つかりませんでした。表のあるシートを開いてから、もう一度 [検証] を押してください。',
    en: 'No progress table was found on this sheet. Open the sheet that holds the table and click Validate again.',
  },
  readyBody: { ja: 'エラーはありません。このまま提出できます。', en: 'There are no errors. The file can be submitted as it is.' },
  notReadyBody: {
    ja: 'エラー {n} 件を直してから提出してください。下の指摘を押すと、そのセルを選択します。',
    en: 'Fix {n} error{s} before submitting. Click a finding below to select its cell.',
  },
  highlighted: { ja: '{n} 個のセルに色を付けました。', en: 'Highlighted {n} cell{s}.' },
  cleared: { ja: 'ハイライトを消しました（{n} シート）。', en: 'Cleared the highlights ({n} sheet{s}).' },
  summaryInserted: { ja: '集計シート「{name}」を挿入しました。', en: 'Inserted the summary sheet "{name}".' },
  filter: { ja: '重要度で絞り込み', en: 'Filter by severity' },
  showing: { ja: '{total} 件中 {shown} 件を表示', en: 'Showing {shown} of {total}' },
  noneShown: { ja: '表示する指摘はありません。絞り込みを確かめてください。', en: 'No findings to show. Check the filter.' },
  clickHint: { ja: '指摘を押すと、そのセルを選択します。', en: 'Click a finding to select its cell.' },
  wholeSheet: { ja: 'シート全体', en: 'Whole sheet' },
  goTo: { ja: '{cell} を選択', en: 'Select {cell}' },
  more: { ja: 'さらに {n} 件を表示', en: 'Show {n} more' },
  selectFailed: { ja: 'セル {cell} を選択できませんでした。', en: 'Could not select cell {cell}.' },
  dismiss: { ja: '閉じる', en: 'Dismiss' },
  navigate: { ja: '指摘の移動', en: 'Go through the findings' },
  prevFinding: { ja: '前の指摘', en: 'Previous' },
  nextFinding: { ja: '次の指摘', en: 'Next' },
  position: { ja: '{n} 件中 {i} 件目（{cell}）', en: '{i} of {n} ({cell})' },
  navHint: { ja: 'Alt+↓ / Alt+↑ でも移動できます', en: 'Alt+↓ / Alt+↑ work too' },
  gradeDistribution: { ja: '達成度の分布', en: 'Grade distribution' },
  errorTitle: { ja: '完了できませんでした', en: 'Could not finish' },
  unexpected: {
    ja: '予期しないエラーが起きました（{message}）。ブックを保存して作業ウィンドウを開き直し、もう一度お試しください。',
    en: 'An unexpected error occurred ({message}). Save the workbook, reopen the task pane and try again.',
  },
  commandFailed: {
    ja: 'リボンの [集計] が完了できませんでした: {message}',
    en: 'The ribbon Summary button could not finish: {message}',
  },
  profileOwnTitle: { ja: 'このブックに保存された設定で検証します', en: "This workbook's own settings are in force" },
  profileOwnShow: { ja: '設定を見る', en: 'See the settings' },
  profileInvalidTitle: { ja: 'このブックに保存された設定を読めません', en: 'The settings saved in this workbook cannot be used' },
  profileInvalidBody: {
    ja: '既定の設定で検証します。[設定] で保存し直すか、既定に戻してください。',
    en: 'The default settings are used. Save the settings again, or reset them, in Settings.',
  },
  settingsSaved: {
    ja: '設定をブックに保存しました。次の検証から使われます。',
    en: 'Settings saved in the workbook. The next validation uses them.',
  },
  settingsReset: { ja: '既定の設定に戻しました。', en: 'Settings reset to the default.' },
  settingsTabUnsaved: { ja: '設定（未保存）', en: 'Settings (unsaved)' },
  leaveUnsaved: {
    ja: '保存していない設定の変更があります。検証は保存済みの設定で行います。',
    en: 'Settings have unsaved changes. Validation uses the saved settings.',
  },
  settingsSavedChecked: {
    ja: '設定をブックに保存し、シートを検証し直しました。',
    en: 'Settings saved in the workbook; the sheet was checked again.',
  },
  summaryOf: {
    ja: 'このシートは「{sheet}」の集計シートです。[検証] は「{sheet}」を検証します。',
    en: 'This is the summary sheet of "{sheet}". Validate checks "{sheet}".',
  },
  summarySourceGone: {
    ja: 'このシートは「{sheet}」の集計シートですが、「{sheet}」はもうありません。表のあるシートを開いてください。',
    en: 'This is the summary sheet of "{sheet}", which no longer exists. Open the sheet that holds the table.',
  },
  otherSheetTitle: { ja: '下の結果はシート「{sheet}」のものです', en: 'The results below are for the sheet "{sheet}"' },
  otherSheet: {
    ja: '作業中のシートは「{active}」です。このシートを調べるには [検証] を押してください。',
    en: 'The active sheet is "{active}". Click Validate to check it.',
  },
  checkedSheetGone: {
    ja: '検証したシート「{sheet}」が削除されたため、その結果を消しました。',
    en: 'The checked sheet "{sheet}" was deleted, so its results were removed.',
  },
} satisfies Record<string, Localized>;

export type PaneKey = keyof typeof PANE;

/** One text of a table in `lang`, with its {placeholders} filled ({s} from n, as above). */
export function fill(text: Localized, lang: Lang, data: Record<string, string | number>): string {
  const d = 's' in data || typeof data.n !== 'number' ? data : { ...data, s: data.n === 1 ? '' : 's' };
  return format(text[lang], d);
}

export function p(key: PaneKey, lang: Lang, data: Record<string, string | number> = {}): string {
  return fill(PANE[key], lang, data);
}
