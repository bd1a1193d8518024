import { colToLetters, quoteSheetName, rangeToA1, toA1 } from './a1';
import type { CheckResult, TableCheck } from './engine';
import type { RequiredSetId } from './requiredSets';
import type { GradeScaleSource } from './scale';
import { highlightKind, type HighlightKind } from './highlight';
import { fiscalYearLabel, gradeLabel, roleLabel, severityCount, severityLabel, t } from './i18n';
import { localizeFinding } from './messages';
import { ALL_RULES } from './rules';
import { safeFileName, safeText } from './safeText';
import type { SummaryModel } from './summary';
import { describeProfileDifferences, isProfileDifferences, type ProfileDifferences } from './profileDiff';
import { ROLES, SEVERITIES, type Finding, type Lang, type Layout, type Role, type Severity, type TableFamily } from './types';

/** Where the profile a file was checked with came from: saved in the workbook, a --profile file, the default. */
export type ProfileSource = 'workbook' | 'file' | 'default';

/** The outcome for one input file: a checked sheet, or why the file could not be read. */
export type FileResult =
  | {
      file: string;
      sheet: string;
      result: CheckResult;
      /** Path of the --write copy, if one was made. */ checkedFile?: string;
      profileSource?: ProfileSource;
      /** What the profile in force changes from the default (given when it is not the default's). */
      profileDifferences?: ProfileDifferences;
    }
  | { file: string; error: string; sheet?: string };

export function isReadable(r: FileResult): r is Extract<FileResult, { result: CheckResult }> {
  return 'result' in r;
}

export interface TableInfo {
  range: string;
  /** 1-based row numbers as Excel shows them. */
  headerRows: number[];
  fiscalYear: number | null;
  /** Role → column letter, in role order. */
  columns: Partial<Record<Role, string>>;
}

/** A table as the JSON report gives it: where it is, what each column is, and what it was held to. */
export interface TableReport extends TableInfo {
  /** sample: a table like the seed's; kpi: an indicator list. */
  family: TableFamily;
  /** The required set applied: the sample's, the KPI core, or the profile's. */
  requiredSet: RequiredSetId;
  /** The grade scale in force, best first, and where it came from (legend: the cell it was read from). */
  gradeScale: { source: GradeScaleSource; grades: string[]; legend: string | null };
  summary: JsonSummary;
}

export function tableReport(t: TableCheck): TableReport {
  return {
    ...tableInfo(t.layout),
    family: t.layout.family,
    requiredSet: t.required.id,
    gradeScale: {
      source: t.scale.source,
      grades: t.scale.steps.map((s) => s.grade),
      legend: t.scale.legend ? toA1(t.scale.legend.row, t.scale.legend.col) : null,
    },
    summary: jsonSummary(t.summary),
  };
}

function jsonSummary(s: SummaryModel): JsonSummary {
  // fromEntries defines each key as its own (an assignment of "__proto__" would be lost).
  const grades: Record<string, number> = Object.fromEntries(s.gradeOrder.map((g) => [g, s.grades[g] ?? 0]));
  return { rows: s.rows, kpis: s.kpis, grades, errors: s.errors, warnings: s.warnings, infos: s.infos, ready: s.ready };
}

/** One line on what a table was held to: its grade scale and where it came from, its required set. */
export function tableLine(tc: TableCheck, index: number, count: number, lang: Lang): string {
  const sep = lang === 'ja' ? ' / ' : '; ';
  const cell = tc.scale.legend ? toA1(tc.scale.legend.row, tc.scale.legend.col) : '';
  const parts: string[] = [];
  if (count > 1) parts.push(t('tableN', lang, { n: index + 1, range: rangeToA1(tc.layout.range) }));
  if (tc.layout.columns.grade !== undefined)
    parts.push(
      t('gradeScaleLine', lang, {
        grades: tc.scale.steps.map((s) => s.grade).join(', '),
        source: t(`scale_${tc.scale.source}` as const, lang, { cell }),
      }),
    );
  parts.push(t('requiredLine', lang, { set: t(`required_${tc.required.id}` as const, lang) }));
  return parts.join(sep);
}

export function tableInfo(layout: Layout): TableInfo {
  const columns: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const c = layout.columns[role];
    if (c !== undefined) columns[role] = colToLetters(c);
  }
  return {
    range: rangeToA1(layout.range),
    headerRows: layout.headerRows.map((r) => r + 1),
    fiscalYear: layout.fiscalYear,
    columns,
  };
}

/** A1 address of a finding's cell, or null for sheet and column findings. */
export function findingCell(f: Finding): string | null {
  return f.row !== null && f.col !== null ? toA1(f.row, f.col) : null;
}

/** The line that says where a file's profile came from and what it changes, or null for the default. */
export function profileLine(r: FileResult, lang: Lang): string | null {
  return isReadable(r) ? profileSourceLine(r.profileSource, r.profileDifferences, lang) : null;
}

/** The same line from a profile's source and differences (also as read back from a JSON report: checked first). */
export function profileSourceLine(source: unknown, differences: unknown, lang: Lang): string | null {
  if ((source !== 'workbook' && source !== 'file') || !isProfileDifferences(differences)) return null;
  return describeProfileDifferences(source, differences, lang);
}

// ---------------------------------------------------------------- JSON

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  cell: string | null;
  role?: Role;
  message: string;
  suggestion?: string;
}

export interface JsonSummary {
  rows: number;
  kpis: number;
  grades: Record<string, number>;
  errors: number;
  warnings: number;
  infos: number;
  ready: boolean;
}

export type JsonFileResult =
  | {
      file: string;
      sheet: string;
      /** The first table (or null); every table, with what it was held to, is in `tables`. */
      table: TableReport | null;
      tables: TableReport[];
      findings: JsonFinding[];
      summary: JsonSummary;
      checkedFile?: string;
      profileSource?: ProfileSource;
      /** Given with a workbook's or a --profile file's profile: what it changes (empty lists: nothing). */
      profileDifferences?: ProfileDifferences;
    }
  | { file: string; error: string };

export interface JsonReport {
  version: 1;
  results: JsonFileResult[];
}

export function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  const { message, suggestion } = localizeFinding(f, lang);
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    cell: findingCell(f),
    ...(f.role ? { role: f.role } : {}),
    message,
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}

export function toJsonReport(results: FileResult[], lang: Lang): JsonReport {
  return {
    version: 1,
    results: results.map((r): JsonFileResult => {
      if (!isReadable(r)) return { file: r.file, error: r.error };
      const { findings, summary: s, tables } = r.result;
      const reports = tables.map(tableReport);
      const out: JsonFileResult = {
        file: r.file,
        sheet: r.sheet,
        table: reports[0] ?? null,
        tables: reports,
        findings: findings.map((f) => jsonFinding(f, lang)),
        summary: jsonSummary(s),
      };
      if (r.checkedFile !== undefined) out.checkedFile = r.checkedFile;
      if (r.profileSource !== undefined) out.profileSource = r.profileSource;
      if (r.profileDifferences !== undefined) out.profileDifferences = r.profileDifferences;
      return out;
    }),
  };
}

// ---------------------------------------------------------------- SARIF

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A file path as a SARIF URI: forward slashes, percent-encoded; absolute paths become file: URIs. */
export function pathToUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  const enc = encodeURI(p).replace(/[?#]/g, (c) => encodeURIComponent(c));
  if (/^[A-Za-z]:\//.test(p)) return `file:///${enc}`;
  if (p.startsWith('/')) return `file://${enc}`;
  return enc;
}

export interface SarifOptions {
  toolVersion?: string;
}

/** SARIF 2.1.0. Cells are logical locations ("Sheet!G22"): a workbook is not a text file, so there is no line region. */
export function toSarif(results: FileResult[], lang: Lang, opts: SarifOptions = {}): object {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id as string, i]));
  const artifacts = results.map((r) => ({ location: { uri: pathToUri(r.file) } }));
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  const configuration: object[] = [];
  results.forEach((r, artifactIndex) => {
    const artifactLocation = { uri: pathToUri(r.file), index: artifactIndex };
    const profile = profileLine(r, lang);
    if (profile !== null && isReadable(r))
      configuration.push({
        // A workbook's own profile is the submitter's choice: a warning; the operator's --profile: a note.
        level: r.profileSource === 'workbook' ? 'warning' : 'note',
        message: { text: `${r.file}: ${profile}` },
        locations: [{ physicalLocation: { artifactLocation } }],
        properties: { profileSource: r.profileSource, profileDifferences: r.profileDifferences },
      });
    if (!isReadable(r)) {
      notifications.push({
        level: 'error',
        message: { text: `${r.file}: ${r.error}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      return;
    }
    for (const f of r.result.findings) {
      const { message, suggestion } = localizeFinding(f, lang);
      const cell = findingCell(f);
      const logical = cell
        ? { name: cell, fullyQualifiedName: `${quoteSheetName(r.sheet)}!${cell}` }
        : { name: r.sheet, fullyQualifiedName: quoteSheetName(r.sheet) };
      const res: Record<string, unknown> = {
        ruleId: f.ruleId,
        level: SARIF_LEVEL[f.severity],
        message: { text: suggestion ? `${message} ${suggestion}` : message },
        locations: [{ physicalLocation: { artifactLocation }, logicalLocations: [logical] }],
        properties: { sheet: r.sheet, cell, ...(f.role ? { role: f.role } : {}) },
      };
      const idx = ruleIndex.get(f.ruleId);
      if (idx !== undefined) res.ruleIndex = idx;
      sarifResults.push(res);
    }
  });
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kpi-check',
            fullName: t('appName', lang),
            version: opts.toolVersion ?? '0.0.0',
            rules: ALL_RULES.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description[lang] },
              fullDescription: { text: rule.description[other] },
              defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        artifacts,
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            toolExecutionNotifications: notifications,
            toolConfigurationNotifications: configuration,
          },
        ],
        results: sarifResults,
      },
    ],
  };
}

// ---------------------------------------------------------------- text

function headerRowsText(rows: number[]): string {
  if (rows.length === 0) return '';
  const a = rows[0]!;
  const b = rows[rows.length - 1]!;
  return a === b ? String(a) : `${a}–${b}`;
}

function gradeLine(s: SummaryModel, lang: Lang): string {
  const noKpi = s.noKpiGrade;
  return s.gradeOrder.map((g) => `${gradeLabel(g, noKpi, lang)} ${s.grades[g] ?? 0}`).join(lang === 'ja' ? '・' : ', ');
}

function whereText(f: Finding, lang: Lang): string {
  const cell = findingCell(f);
  if (cell) return cell;
  if (f.role) return `${t('column', lang)}: ${roleLabel(f.role, lang)}`;
  return '—';
}

export interface TextOptions {
  /** Group findings by severity (default) or by rule. */
  groupBy?: 'severity' | 'rule';
}

/**
 * Terminal output: per file the table, fiscal year, verdict, grade counts and the findings, grouped.
 * Nothing a file holds reaches the terminal raw: file names are quoted when odd, and control and bidi
 * characters anywhere (cell text in messages, sheet names, errors) are shown escaped (safeText).
 */
export function toText(results: FileResult[], lang: Lang, opts: TextOptions = {}): string {
  const lines: string[] = [];
  const indent = '    ';
  let ready = 0;
  let notReady = 0;
  let unreadable = 0;
  for (const r of results) {
    if (lines.length) lines.push('');
    if (!isReadable(r)) {
      unreadable++;
      lines.push(`■ ${safeFileName(r.file)}`);
      lines.push(`  ${t('unreadable', lang)}: ${r.error}`);
      continue;
    }
    const { layout, findings, summary: s } = r.result;
    if (s.ready) ready++;
    else notReady++;
    lines.push(`■ ${safeFileName(r.file)} — ${t('sheetQuoted', lang, { name: r.sheet })}`);
    if (layout) {
      const info = tableInfo(layout);
      lines.push(
        `  ${t('tableFound', lang, { range: info.range, headerRows: headerRowsText(info.headerRows), n: info.headerRows.length })}` +
          ` / ${t('fiscalYear', lang)}: ${fiscalYearLabel(s.fiscalYear, lang)}`,
      );
    } else {
      lines.push(`  ${t('tableNotFound', lang)}`);
    }
    const counts = SEVERITIES.map((sev) =>
      severityCount(sev, sev === 'error' ? s.errors : sev === 'warning' ? s.warnings : s.infos, lang),
    );
    const [open, close] = lang === 'ja' ? ['（', '）'] : [' (', ')'];
    lines.push(
      `  ${t('verdict', lang)}: ${t(s.ready ? 'ready' : 'notReady', lang)}${open}${counts.join(lang === 'ja' ? '・' : ', ')}${close}`,
    );
    if (layout) {
      lines.push(`  ${t('rows', lang)}: ${s.rows} / ${t('kpis', lang)}: ${s.kpis}`);
      lines.push(`  ${t('grade', lang)}: ${gradeLine(s, lang)}`);
      for (const [i, tc] of r.result.tables.entries()) {
        // What the table was held to, when it is not the sample's own (the sample's output stays as it was).
        if (r.result.tables.length === 1 && tc.scale.source === 'default' && tc.required.id === 'sample') continue;
        lines.push(`  ${tableLine(tc, i, r.result.tables.length, lang)}`);
      }
    }
    const profile = profileLine(r, lang);
    if (profile !== null) lines.push(`  ${profile}`);
    if (r.checkedFile) lines.push(`  ${t('wrote', lang, { path: safeFileName(r.checkedFile) })}`);

    const groups = new Map<string, Finding[]>();
    if (opts.groupBy === 'rule') {
      for (const f of findings) {
        const g = groups.get(f.ruleId);
        if (g) g.push(f);
        else groups.set(f.ruleId, [f]);
      }
    } else {
      for (const sev of SEVERITIES) {
        const fs = findings.filter((f) => f.severity === sev);
        if (fs.length) groups.set(sev, fs);
      }
    }
    // A loop, not Math.max(...spread): the spread overflows the stack at about 130,000 findings.
    let width = 4;
    for (const f of findings) width = Math.max(width, displayWidth(whereText(f, lang)));
    for (const [key, fs] of groups) {
      lines.push('');
      const label = opts.groupBy === 'rule' ? key : t(`${key as Severity}s` as const, lang);
      lines.push(`  ${t('severityGroup', lang, { label, n: fs.length })}`);
      for (const f of fs) {
        const { message, suggestion } = localizeFinding(f, lang);
        const where = whereText(f, lang);
        const tag = opts.groupBy === 'rule' ? severityLabel(f.severity, lang) : f.ruleId;
        const pad = ' '.repeat(Math.max(0, width - displayWidth(where)));
        lines.push(`${indent}${where}${pad}  ${message}  [${tag}]`);
        if (suggestion) lines.push(`${indent}${' '.repeat(width)}  → ${t('suggestion', lang)}: ${suggestion}`);
      }
    }
  }
  if (results.length > 1) {
    lines.push('');
    lines.push(t('total', lang, { n: results.length, ready, notReady, unreadable }));
  }
  return lines.map(safeText).join('\n') + '\n';
}

/** Columns a string takes in a terminal: East Asian wide characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

// ---------------------------------------------------------------- CSV

/** Text a spreadsheet would take as a formula is prefixed with ' so it stays text. */
export function csvSafeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One RFC 4180 field: quoted when it holds a comma, quote or line break. */
export function csvField(s: string): string {
  const v = csvSafeText(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface CsvOptions {
  /** File name to put in the file column when the input is a bare CheckResult. */
  file?: string;
  /** Start with a UTF-8 byte order mark so Excel reads Japanese correctly (default true). */
  bom?: boolean;
}

/** One line of the findings list that the CSV export and the consolidated workbook share. */
export interface FindingLine {
  /** file, sheet, cell (or column), severity, rule, message, suggestion. */
  cells: string[];
  kind: HighlightKind;
}

/** Every finding of every file as a line (an unreadable file is one error line), with the header. */
export function findingLines(results: FileResult[], lang: Lang): { header: string[]; lines: FindingLine[] } {
  const header = (['file', 'sheet', 'cell', 'severity', 'rule', 'message', 'suggestion'] as const).map((k) => t(k, lang));
  const lines: FindingLine[] = [];
  for (const r of results) {
    if (!isReadable(r)) {
      const cells = [r.file, r.sheet ?? '', '', severityLabel('error', lang), '', `${t('unreadable', lang)}: ${r.error}`, ''];
      lines.push({ cells, kind: 'error' });
      continue;
    }
    for (const f of r.result.findings) {
      const { message, suggestion } = localizeFinding(f, lang);
      const where = findingCell(f) ?? (f.role ? `${t('column', lang)}: ${roleLabel(f.role, lang)}` : '');
      const cells = [r.file, r.sheet, where, severityLabel(f.severity, lang), f.ruleId, message, suggestion ?? ''];
      lines.push({ cells, kind: highlightKind([f]) });
    }
  }
  return { header, lines };
}

/** Findings as CSV (CRLF line ends): file, sheet, cell, severity, rule, message, suggestion. */
export function toCsv(input: CheckResult | FileResult | FileResult[], lang: Lang, opts: CsvOptions = {}): string {
  const results: FileResult[] = Array.isArray(input)
    ? input
    : 'summary' in input
      ? [{ file: opts.file ?? '', sheet: input.sheet, result: input }]
      : [input];
  const { header, lines } = findingLines(results, lang);
  const rows = [header, ...lines.map((l) => l.cells)];
  const body = rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  return (opts.bom ?? true) ? '\uFEFF' + body : body;
}
