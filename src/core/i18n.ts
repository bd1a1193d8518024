import { format } from './messages';
import type { Lang, Localized, Role, Severity } from './types';

/**
 * UI words shared by the CLI text output, the summary sheets and the task pane.
 * English templates may use {s}: it is filled with "s" unless data.n is 1.
 */
const DICT = {
  appName: { ja: '進捗表チェッカー', en: 'KPI Progress Checker' },
  summaryTitle: { ja: '進捗表チェック結果', en: 'KPI progress table check' },
  ready: { ja: '提出できます', en: 'Ready to submit' },
  notReady: { ja: '提出前に修正が必要です', en: 'Fix before submitting' },
  readyShort: { ja: '提出可', en: 'Ready' },
  notReadyShort: { ja: '要修正', en: 'Needs fixes' },
  unreadable: { ja: '読み込めません', en: 'Could not read' },
  unreadableShort: { ja: '読込不可', en: 'Unreadable' },
  verdict: { ja: '判定', en: 'Verdict' },
  file: { ja: 'ファイル', en: 'File' },
  sheet: { ja: 'シート', en: 'Sheet' },
  sheetQuoted: { ja: 'シート「{name}」', en: 'sheet "{name}"' },
  cell: { ja: 'セル', en: 'Cell' },
  column: { ja: '列', en: 'Column' },
  severity: { ja: '重要度', en: 'Severity' },
  rule: { ja: 'ルール', en: 'Rule' },
  message: { ja: '内容', en: 'Message' },
  suggestion: { ja: '修正案', en: 'Suggestion' },
  table: { ja: '表の範囲', en: 'Table' },
  tableFound: { ja: '表 {range}（見出し {headerRows} 行目）', en: 'Table {range} (header row{s} {headerRows})' },
  tableNotFound: { ja: '表が見つかりません', en: 'No table found' },
  tableN: { ja: '表 {n}（{range}）', en: 'Table {n} ({range})' },
  gradeScaleLine: { ja: '評価の区分: {grades}（{source}）', en: 'grade scale: {grades} ({source})' },
  scale_profile: { ja: 'プロファイルの指定', en: 'set in the profile' },
  scale_legend: { ja: '表の凡例 {cell} から読み取り', en: 'read from the legend at {cell}' },
  scale_preset: { ja: '記入された区分から判断', en: 'recognised from the grades used' },
  scale_default: { ja: '既定', en: 'default' },
  requiredLine: { ja: '必須の列: {set}', en: 'required columns: {set}' },
  required_sample: {
    ja: '見本と同じ形の表（対象者・取組内容・実施計画・KPI・達成度・実績・課題・実施機関）',
    en: 'a table like the sample (target group, initiative, plan, KPI, grade, results, issues, agencies)',
  },
  'required_kpi-core': {
    ja: '指標の一覧（指標または取組・目標・実績・達成度または達成率）',
    en: 'an indicator list (indicator or initiative, target, actual, grade or rate)',
  },
  required_profile: { ja: 'プロファイルの指定', en: 'set in the profile' },
  profileLine: {
    ja: '設定: {source}（既定と異なる点: {changes}）',
    en: 'Settings: {source} (differs from the default: {changes})',
  },
  profileColumn: { ja: '設定（既定との違い）', en: 'Settings (differences from the default)' },
  profileLineSame: { ja: '設定: {source}（既定と同じ）', en: 'Settings: {source} (same as the default)' },
  profileFrom_workbook: { ja: 'ブックに保存された設定', en: 'saved in the workbook' },
  profileFrom_file: { ja: '--profile のファイル', en: 'the --profile file' },
  profileRule: { ja: 'ルール {id} を{setting}', en: 'rule {id} {setting}' },
  profileRuleTitled: { ja: '「{title}」を{setting}', en: '“{title}” {setting}' },
  profileSeverity_off: { ja: '無効', en: 'off' },
  profileSeverity_error: { ja: 'エラー扱い', en: 'as an error' },
  profileSeverity_warning: { ja: '警告扱い', en: 'as a warning' },
  profileSeverity_info: { ja: '情報扱い', en: 'as info' },
  profileSetting_requiredColumns: { ja: '必須の列', en: 'required columns' },
  profileSetting_requiredCells: { ja: '必須のセル', en: 'required cells' },
  profileSetting_headerSpellings: { ja: '見出しの別表記', en: 'header spellings' },
  profileSetting_gradeScale: { ja: '達成度の区分', en: 'grade scale' },
  profileSetting_noKpiGrade: { ja: 'KPI なしの記号', en: 'no-KPI mark' },
  profileSetting_placeholders: { ja: '仮の記入とみなす語', en: 'placeholder words' },
  profileSetting_columns: { ja: '列の対応', en: 'column mapping' },
  profileSetting_headerRow: { ja: '見出し行', en: 'header row' },
  profileSetting_direction: { ja: '指標の向き', en: 'indicator directions' },
  profileSetting_rateFormula: { ja: '達成率の計算方法', en: 'rate formula' },
  headerRows: { ja: '見出し行', en: 'Header rows' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  fiscalYearUnknown: { ja: '記載なし', en: 'not stated' },
  error: { ja: 'エラー', en: 'Error' },
  warning: { ja: '警告', en: 'Warning' },
  info: { ja: '情報', en: 'Info' },
  errors: { ja: 'エラー', en: 'Errors' },
  warnings: { ja: '警告', en: 'Warnings' },
  infos: { ja: '情報', en: 'Info' },
  errorCount: { ja: 'エラー {n} 件', en: '{n} error{s}' },
  warningCount: { ja: '警告 {n} 件', en: '{n} warning{s}' },
  infoCount: { ja: '情報 {n} 件', en: '{n} info{s}' },
  severityGroup: { ja: '{label}（{n} 件）', en: '{label} ({n})' },
  rows: { ja: '取組数', en: 'Initiatives' },
  kpis: { ja: 'KPI 数', en: 'KPIs' },
  graded: { ja: '達成度記入済み', en: 'Graded' },
  findings: { ja: '指摘', en: 'Findings' },
  grade: { ja: '達成度', en: 'Grade' },
  gradeDistribution: { ja: '達成度の分布', en: 'Grade distribution' },
  gradeMissing: { ja: '未記入', en: 'missing' },
  gradeInvalid: { ja: '不正な値', en: 'invalid' },
  gradeNoKpi: { ja: '{mark}（KPI なし）', en: '{mark} (no KPI)' },
  count: { ja: '件数', en: 'Count' },
  share: { ja: '割合', en: 'Share' },
  chart: { ja: 'グラフ', en: 'Chart' },
  bySection: { ja: '区分別', en: 'By section' },
  section: { ja: '区分', en: 'Section' },
  noSection: { ja: '（区分なし）', en: '(no section)' },
  byAgency: { ja: '実施機関別', en: 'By agency' },
  agency: { ja: '実施機関', en: 'Agency' },
  findingsList: { ja: '指摘一覧', en: 'Findings' },
  noFindings: { ja: '指摘はありません', en: 'No findings' },
  filesSheet: { ja: '提出状況', en: 'Files' },
  findingsSheet: { ja: '指摘一覧', en: 'Findings' },
  total: {
    ja: '合計 {n} ファイル: 提出可 {ready}・要修正 {notReady}・読込不可 {unreadable}',
    en: '{n} file{s}: {ready} ready, {notReady} need fixes, {unreadable} unreadable',
  },
  wrote: { ja: 'チェック済みのコピー: {path}', en: 'Checked copy: {path}' },
  createdAt: { ja: '作成日時', en: 'Created' },
  role_target_group: { ja: '対象者', en: 'Target group' },
  role_label: { ja: '記号', en: 'Label' },
  role_initiative: { ja: '取組内容', en: 'Initiative' },
  role_plan: { ja: '実施計画', en: 'Plan' },
  role_indicator: { ja: '指標', en: 'Indicator' },
  role_baseline: { ja: '基準値', en: 'Baseline' },
  role_kpi_target: { ja: 'KPI 目標', en: 'KPI target' },
  role_kpi_actual: { ja: 'KPI 実績', en: 'KPI actual' },
  role_rate: { ja: '達成率', en: 'Achievement rate' },
  role_grade: { ja: '達成度', en: 'Grade' },
  role_results: { ja: '実績', en: 'Results' },
  role_issues: { ja: '課題と今後の方向性', en: 'Issues and next steps' },
  role_agencies: { ja: '実施機関及び関係機関', en: 'Agencies' },
  role_remarks: { ja: '備考', en: 'Remarks' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof DICT;
export const UI_TEXT: Readonly<Record<MessageKey, Localized>> = DICT;

export function t(key: MessageKey, lang: Lang, data: Record<string, string | number> = {}): string {
  const d = 's' in data || typeof data.n !== 'number' ? data : { ...data, s: data.n === 1 ? '' : 's' };
  return format(DICT[key][lang], d);
}

export function severityLabel(s: Severity, lang: Lang): string {
  return t(s, lang);
}

export function severityCount(s: Severity, n: number, lang: Lang): string {
  return t(s === 'error' ? 'errorCount' : s === 'warning' ? 'warningCount' : 'infoCount', lang, { n });
}

export function roleLabel(role: Role, lang: Lang): string {
  return t(`role_${role}` as const, lang);
}

/** 2024 → 令和6年度（2024年度） / FY2024; null → 記載なし / not stated. */
export function fiscalYearLabel(year: number | null, lang: Lang): string {
  if (year === null) return t('fiscalYearUnknown', lang);
  if (lang === 'en') return `FY${year}`;
  const era = year >= 2019 ? ['令和', year - 2018] : year >= 1989 ? ['平成', year - 1988] : null;
  if (!era) return `${year}年度`;
  const n = era[1] === 1 ? '元' : String(era[1]);
  return `${era[0]}${n}年度（${year}年度）`;
}

/** The label of a grade key from SummaryModel.gradeOrder ("missing" → 未記入, the no-KPI mark → "-（KPI なし）"). */
export function gradeLabel(key: string, noKpiGrade: string, lang: Lang): string {
  if (key === 'missing') return t('gradeMissing', lang);
  if (key === 'invalid') return t('gradeInvalid', lang);
  if (key === noKpiGrade) return t('gradeNoKpi', lang, { mark: key });
  return key;
}
