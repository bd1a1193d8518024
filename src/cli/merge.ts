/**
 * `kpi-check --merge REPORT.json… --summary OUT.xlsx`: the consolidated workbook from JSON reports written
 * elsewhere (one machine per shard of the files, in any batch system). The rows are what --summary
 * writes for the same files checked in one run; messages stay in the language the reports were written in.
 */
import { highlightKind } from '../core/highlight';
import { roleLabel, severityLabel, t } from '../core/i18n';
import { profileSourceLine, type FindingLine, type JsonFileResult, type JsonReport } from '../core/report';
import type { Finding, Lang, Role, Severity } from '../core/types';
import { unreadableFile, withProfile, type Consolidated, type ConsolidatedFile } from '../xlsx/consolidated';

/** Grades in the report's order; the mark before "missing" is the profile's no-KPI mark. */
const MISSING = 'missing';

export class ReportFormatError extends Error {}

function isReport(x: unknown): x is JsonReport {
  return !!x && typeof x === 'object' && (x as JsonReport).version === 1 && Array.isArray((x as JsonReport).results);
}

/** Parse one report's text; throws ReportFormatError when it is not a kpi-check JSON report. */
export function parseReport(text: string): JsonReport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ReportFormatError((e as Error).message);
  }
  if (!isReport(json)) throw new ReportFormatError('not a kpi-check JSON report (version 1)');
  return json;
}

function fileRow(r: JsonFileResult, lang: Lang): ConsolidatedFile {
  if ('error' in r) return unreadableFile(r.file, '', r.error);
  const s = r.summary;
  const gradeOrder = Object.keys(s.grades);
  const m = gradeOrder.indexOf(MISSING);
  return {
    file: r.file,
    sheet: r.sheet,
    fiscalYear: r.table?.fiscalYear ?? null,
    ready: s.ready,
    errors: s.errors,
    warnings: s.warnings,
    infos: s.infos,
    rows: s.rows,
    kpis: s.kpis,
    grades: s.grades,
    gradeOrder,
    noKpiGrade: m > 0 ? gradeOrder[m - 1]! : '-',
    tableFound: r.table !== null,
    ...withProfile(profileSourceLine(r.profileSource, r.profileDifferences, lang)),
  };
}

/** The consolidated workbook's rows from reports, in the order given (reports, then their results). */
export function consolidatedFromReports(reports: JsonReport[], lang: Lang): Consolidated {
  const files: ConsolidatedFile[] = [];
  const lines: FindingLine[] = [];
  for (const report of reports)
    for (const r of report.results) {
      files.push(fileRow(r, lang));
      if ('error' in r) {
        lines.push({
          cells: [r.file, '', '', severityLabel('error', lang), '', `${t('unreadable', lang)}: ${r.error}`, ''],
          kind: 'error',
        });
        continue;
      }
      for (const f of r.findings) {
        const where = f.cell ?? (f.role ? `${t('column', lang)}: ${roleLabel(f.role as Role, lang)}` : '');
        lines.push({
          cells: [r.file, r.sheet, where, severityLabel(f.severity as Severity, lang), f.ruleId, f.message, f.suggestion ?? ''],
          kind: highlightKind([{ ruleId: f.ruleId, severity: f.severity } as Finding]),
        });
      }
    }
  return { files, lines };
}
