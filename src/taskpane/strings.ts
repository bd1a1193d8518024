import { format } from '../core/messages';
import type { Lang, Localized } from '../core/types';

/** Words only the task pane uses (shared words live in core/i18n.ts). English {s} → "s" unless n is 1. */
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
  saving: { ja: '設定を保存しています…', en: 'Saving the settings…' },
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
  gradeScale: { ja: '達成度の基準', en: 'Grade thresholds' },
  gradeScaleHelp: {
    ja: '達成率（実績 ÷ 目標）がこの値以上ならその達成度です。上から大きい順に並べます。',
    en: 'A row gets the grade when actual ÷ target is at least this percentage. Highest first.',
  },
  gradeMin: { ja: '{grade} の下限（%）', en: 'Minimum for {grade} (%)' },
  requiredColumns: { ja: '必須の列', en: 'Required columns' },
  rules: { ja: 'チェック項目', en: 'Checks' },
  saveSettings: { ja: 'ブックに保存', en: 'Save in the workbook' },
  resetSettings: { ja: '既定に戻す', en: 'Reset to default' },
  settingsHelp: {
    ja: '設定はこのブックに保存され、ファイルと一緒に渡ります。',
    en: 'The settings are saved in this workbook and travel with the file.',
  },
  settingsSaved: {
    ja: '設定をブックに保存しました。次の検証から使われます。',
    en: 'Settings saved in the workbook. The next validation uses them.',
  },
  settingsReset: { ja: '既定の設定に戻しました。', en: 'Settings reset to the default.' },
  settingsInvalid: { ja: '設定に誤りがあります', en: 'The settings have errors' },
  errNotNumber: {
    ja: '{grade} の下限を数値で入力してください（例: 80）',
    en: 'Enter the minimum for {grade} as a number (e.g. 80)',
  },
  errRange: {
    ja: '{grade} の下限は -100000〜100000 の範囲で入力してください',
    en: 'The minimum for {grade} must be between -100000 and 100000',
  },
  errOrder: {
    ja: '{grade} の下限は {prev} の下限（{min}%）より小さくしてください',
    en: 'The minimum for {grade} must be below that of {prev} ({min} %)',
  },
  errHeaderRow: {
    ja: '見出し行は 1 以上の行番号で入力してください（空欄なら自動）',
    en: 'Enter the header row as a row number from 1 (empty: automatic)',
  },
  errNoKpiGrade: { ja: 'KPI なしの記号を 1〜12 文字で入力してください', en: 'Enter the no-KPI mark (1 to 12 characters)' },
  errNoKpiOnScale: {
    ja: '「{mark}」は達成度の区分にもあります。別の記号にしてください',
    en: '"{mark}" is also a grade of the scale; choose another mark',
  },
  mapping: { ja: '列の対応', en: 'Column mapping' },
  mappingReading: { ja: '見出しを読み込んでいます…', en: 'Reading the header…' },
  mappingNone: {
    ja: 'このシートには見出しらしい行がありません。見出し行の番号を入力して [見出しを読み直す] を押してください。',
    en: 'No row on this sheet looks like a header. Enter the header row and click Read the header again.',
  },
  mappingFound: {
    ja: '「{sheet}」の表の見出し（{row} 行目）です。列ごとに役割を選べます。',
    en: 'The header of the table on "{sheet}" (row {row}). Pick the role of any column.',
  },
  mappingCandidate: {
    ja: '「{sheet}」では表を認識できませんでした。見出しらしい {row} 行目を表示しています。列ごとに役割を選んで保存すると、その対応で検証します。',
    en: 'No table was recognised on "{sheet}". Row {row} looks most like a header: pick the role of its columns and save to validate with them.',
  },
  headerRow: { ja: '見出し行（行番号）', en: 'Header row (row number)' },
  headerRowHint: { ja: '空欄なら自動で探します', en: 'Leave empty to find it automatically' },
  headerRowAuto: { ja: '自動（{row} 行目）', en: 'Automatic (row {row})' },
  mapRole: { ja: '{column} の役割', en: 'Role of {column}' },
  roleAuto: { ja: '自動（{role}）', en: 'Automatic ({role})' },
  roleNone: { ja: 'なし', en: 'none' },
  mappingReread: { ja: '見出しを読み直す', en: 'Read the header again' },
  scalePreset: { ja: '評価の区分', en: 'Grade scale' },
  scaleAuto: { ja: '自動（表の凡例・使われている区分から）', en: 'Automatic (from the legend or the grades in use)' },
  scaleCustom: { ja: 'カスタム（下限を変更）', en: 'Custom (thresholds changed)' },
  scaleNoThresholds: {
    ja: 'この区分（{grades}）には達成率の下限がないため、達成率との照合は行いません。',
    en: 'This scale ({grades}) has no thresholds, so grades are not compared with the rate.',
  },
  requiredCells: { ja: '空欄にできない欄', en: 'Required cells' },
  words: { ja: '記号と言葉', en: 'Marks and words' },
  noKpiGrade: { ja: 'KPI なしの記号', en: 'No-KPI mark' },
  placeholders: { ja: '仮の記入とみなす言葉', en: 'Words that count as placeholders' },
  wordsHint: { ja: '1 行に 1 つ（「、」区切りも可）', en: 'One per line (or separated by commas)' },
  headerSpellings: { ja: '見出しの別の書き方', en: 'Other header spellings' },
  headerSpellingsHelp: {
    ja: '表の見出しが既定と違う書き方のとき、役割ごとに「、」で区切って入力します（例: 担当課）。',
    en: 'When your header spells a column differently, enter the spellings per role, separated by commas (e.g. 担当課).',
  },
  fieldErrors: { ja: '{n} か所に誤りがあります。直すと保存できます。', en: '{n} field{s} to correct before saving.' },
  noChanges: { ja: '変更はありません。', en: 'No changes.' },
  cancel: { ja: '取り消す', en: 'Cancel' },
  settingsActions: { ja: '設定の保存', en: 'Save the settings' },
  resetConfirmTitle: { ja: '既定に戻す確認', en: 'Confirm reset' },
  resetConfirm: {
    ja: 'このブックに保存した設定を消して、既定の設定に戻しますか？',
    en: 'Remove the settings saved in this workbook and go back to the default?',
  },
  resetDo: { ja: '既定に戻す', en: 'Reset' },
  settingsTabUnsaved: { ja: '設定（未保存）', en: 'Settings (unsaved)' },
  leaveUnsaved: {
    ja: '保存していない設定の変更があります。検証は保存済みの設定で行います。',
    en: 'Settings have unsaved changes. Validation uses the saved settings.',
  },
  settingsSavedChecked: {
    ja: '設定をブックに保存し、シートを検証し直しました。',
    en: 'Settings saved in the workbook; the sheet was checked again.',
  },
  unsaved: { ja: '保存していない変更があります。', en: 'There are unsaved changes.' },
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

export function p(key: PaneKey, lang: Lang, data: Record<string, string | number> = {}): string {
  const d = 's' in data || typeof data.n !== 'number' ? data : { ...data, s: data.n === 1 ? '' : 's' };
  return format(PANE[key][lang], d);
}
