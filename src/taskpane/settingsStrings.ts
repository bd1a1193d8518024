import type { Lang, Localized } from '../core/types';
import { fill, p, type PaneKey } from './strings';

/** Words of the Settings tab only: they come with its script (settings.chunk.js), not at start-up. */
const SETTINGS = {
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
  unsaved: { ja: '保存していない変更があります。', en: 'There are unsaved changes.' },
} satisfies Record<string, Localized>;

export type SettingsKey = keyof typeof SETTINGS;

/** A text of the Settings tab, or of the pane (strings.ts). */
export function ps(key: SettingsKey | PaneKey, lang: Lang, data: Record<string, string | number> = {}): string {
  return Object.hasOwn(SETTINGS, key) ? fill(SETTINGS[key as SettingsKey], lang, data) : p(key as PaneKey, lang, data);
}
