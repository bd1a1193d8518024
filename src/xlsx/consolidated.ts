/** The consolidated workbook's content as data (no ExcelJS here: --merge builds it from JSON reports). */
import { findingLines, isReadable, profileLine, type FileResult, type FindingLine } from '../core/report';
import type { Lang } from '../core/types';

/** The row of a file that could not be read. */
export function unreadableFile(file: string, sheet: string, error: string): ConsolidatedFile {
  return {
    file,
    sheet,
    error,
    fiscalYear: null,
    ready: false,
    errors: 0,
    warnings: 0,
    infos: 0,
    rows: 0,
    kpis: 0,
    grades: {},
    gradeOrder: [],
    noKpiGrade: '',
    tableFound: false,
  };
}

/** One file's row in the consolidated workbook (from a check in this run, or from a JSON report). */
export interface ConsolidatedFile {
  file: string;
  sheet: string;
  /** Why the file could not be read; the other fields are then empty. */
  error?: string;
  fiscalYear: number | null;
  ready: boolean;
  errors: number;
  warnings: number;
  infos: number;
  rows: number;
  kpis: number;
  grades: Record<string, number>;
  gradeOrder: string[];
  noKpiGrade: string;
  tableFound: boolean;
  /** The profile line when the file was checked with a profile other than the default (report.ts profileLine). */
  profile?: string;
}

/** The consolidated workbook's content: a row per file and a line per finding. */
export interface Consolidated {
  files: ConsolidatedFile[];
  lines: FindingLine[];
}

export function consolidatedFromResults(results: FileResult[], lang: Lang): Consolidated {
  const files = results.map((r): ConsolidatedFile => {
    if (!isReadable(r)) return unreadableFile(r.file, r.sheet ?? '', r.error);
    const s = r.result.summary;
    return {
      file: r.file,
      sheet: r.sheet,
      fiscalYear: s.fiscalYear,
      ready: s.ready,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      rows: s.rows,
      kpis: s.kpis,
      grades: s.grades,
      gradeOrder: s.gradeOrder,
      noKpiGrade: s.noKpiGrade,
      tableFound: s.tableRange !== null,
      ...withProfile(profileLine(r, lang)),
    };
  });
  return { files, lines: findingLines(results, lang).lines };
}

/** The `profile` field, present only when there is a line to show. */
export function withProfile(line: string | null): { profile?: string } {
  return line === null ? {} : { profile: line };
}
