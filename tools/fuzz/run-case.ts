/**
 * One fuzz case through everything that handles a submitted file: the fast reader (as the CLI's check
 * path uses it), the workbook's own profile, the engine, the reports, and — on the cases asked for —
 * the writers (checked copy, fixed copy, consolidated summary) with their outputs read back.
 *
 * The reader's own user-facing errors (XlsxReadError: damaged, not an .xlsx, over a limit) are expected
 * rejections. Any other exception is a crash of the stage that threw it. An output that our reader
 * cannot read back, or whose XML holds characters XML forbids, and a text report with control
 * characters, are bad outputs.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { checkSheet, type CheckResult } from '../../src/core/engine';
import { safeFixes } from '../../src/core/fixes';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import { toCsv, toJsonReport, toSarif, toText, type FileResult } from '../../src/core/report';
import type { Lang } from '../../src/core/types';
import { XlsxReadError } from '../../src/xlsx/errors';
import { writeFixed } from '../../src/xlsx/fix';
import { loadForCopy, writeChecked, writeConsolidated, WriteLimitError } from '../../src/xlsx/write';
import { FastWorkbook, WORKBOOK_PROFILE_SETTING } from '../../src/xlsx-read';
import { Tok, XmlScanner } from '../../src/xlsx-read/xml';
import { readZip } from './zipraw';

export type Stage =
  | 'reader'
  | 'settings'
  | 'profile'
  | 'engine'
  | 'report'
  | 'writer-read'
  | 'checked-copy'
  | 'fixed-copy'
  | 'consolidated'
  | 'outputs';

export type CaseOutcome =
  /** Read, checked and reported (writers too, when asked and the ExcelJS read accepted it). */
  | { kind: 'accepted'; wrote: boolean; writerRejected?: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'bad-output'; stage: Stage; message: string };

/** An exception that is not a user-facing error, with the stage that threw it. */
export class StageCrash extends Error {
  constructor(
    readonly stage: Stage,
    readonly error: unknown,
  ) {
    super(`${stage}: ${String((error as Error)?.message ?? error)}`);
  }
}

export interface CaseOptions {
  lang: Lang;
  /** Run the writers too (they load the file with ExcelJS: slow). */
  writers: boolean;
  /** A folder of this thread's own for the writers' files. */
  dir: string;
  /** Told each stage as it starts (a hang is put down to the last one). */
  onStage?(stage: Stage): void;
}

// eslint-disable-next-line no-control-regex -- these are the characters looked for
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
/** What must never reach a terminal from a report: control characters (but the line break) and bidi overrides. */
// eslint-disable-next-line no-control-regex -- these are the characters looked for
const TEXT_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function stage<T>(name: Stage, opts: CaseOptions, run: () => T | Promise<T>): Promise<T> {
  opts.onStage?.(name);
  try {
    return await run();
  } catch (e) {
    if (e instanceof XlsxReadError || e instanceof WriteLimitError || e instanceof StageCrash) throw e;
    throw new StageCrash(name, e);
  }
}

/** The profile the add-in saved in the workbook, as the CLI takes it (check-file.ts): the default when none or unusable. */
function workbookProfile(wb: FastWorkbook): Profile {
  let raw: string | undefined;
  try {
    raw = wb.documentSettings().get(WORKBOOK_PROFILE_SETTING);
  } catch (e) {
    if (e instanceof XlsxReadError) return DEFAULT_PROFILE;
    throw e;
  }
  if (raw === undefined) return DEFAULT_PROFILE;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return DEFAULT_PROFILE;
  }
  const r = parseProfile(json);
  return r.ok ? r.profile : DEFAULT_PROFILE;
}

/** Why an output is bad, or undefined when our reader reads it back and its XML holds only allowed characters. */
async function badOutput(file: string): Promise<string | undefined> {
  const buf = await fs.readFile(file);
  try {
    const wb = await FastWorkbook.open(buf);
    for (const s of wb.sheets) wb.readSheet(s);
  } catch (e) {
    return `not read back: ${(e as Error).message}${(e as Error).cause ? ` (${String(((e as Error).cause as Error).message)})` : ''}`;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const part of readZip(buf)) {
    if (!/\.(xml|rels)$/.test(part.name)) continue;
    let text: string;
    try {
      text = decoder.decode(part.data);
    } catch {
      return `${part.name} is not UTF-8`;
    }
    const m = XML_FORBIDDEN.exec(text);
    if (m) return `${part.name} holds U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, which XML forbids`;
    try {
      const sc = new XmlScanner(part.data);
      while (sc.next() !== Tok.End);
    } catch (e) {
      return `${part.name} is not well-formed: ${(e as Error).message}`;
    }
  }
  return undefined;
}

/** Run one case; throws StageCrash for a crash (an XlsxReadError from the reader is a rejection, not a throw). */
export async function runCase(bytes: Buffer, opts: CaseOptions): Promise<CaseOutcome> {
  const { lang } = opts;
  let wb: FastWorkbook;
  let data;
  let sheetName: string;
  try {
    ({ wb, data, sheetName } = await stage('reader', opts, async () => {
      const wb = await FastWorkbook.open(bytes);
      wb.sheets.map((s) => s.name);
      // The CLI's choice without --sheet: the active sheet (check-file.ts pickSheet).
      const name = wb.activeSheetName();
      const sheet = name === undefined ? undefined : wb.findSheet(name);
      if (!sheet) throw new XlsxReadError('no active sheet');
      return { wb, data: wb.readSheet(sheet), sheetName: sheet.name };
    }));
  } catch (e) {
    if (e instanceof XlsxReadError) return { kind: 'rejected', message: e.message };
    throw e;
  }
  const profile = await stage('settings', opts, () => workbookProfile(wb));
  const result: CheckResult = await stage('engine', opts, () => checkSheet(data, profile));
  const file = 'fuzz-case.xlsx';
  const fr: FileResult = { file, sheet: sheetName, result, profileSource: profile === DEFAULT_PROFILE ? 'default' : 'workbook' };
  const text = await stage('report', opts, () => {
    const results = [fr, { file: 'other.xlsx', error: 'x' }];
    const text = toText(results, lang) + toText(results, lang, { groupBy: 'rule' });
    JSON.stringify(toJsonReport(results, lang));
    JSON.stringify(toSarif(results, lang));
    toCsv(results, lang);
    return text;
  });
  const unsafe = TEXT_UNSAFE.exec(text);
  if (unsafe)
    return {
      kind: 'bad-output',
      stage: 'report',
      message: `the text report holds U+${unsafe[0].charCodeAt(0).toString(16).padStart(4, '0')}`,
    };
  if (!opts.writers) return { kind: 'accepted', wrote: false };

  const input = path.join(opts.dir, 'in.xlsx');
  await fs.writeFile(input, bytes);
  let excel;
  try {
    // As the CLI loads a copy: its ExcelJS load cost checked first (load-limits.ts).
    excel = await stage('writer-read', opts, () => loadForCopy(input));
  } catch (e) {
    if (e instanceof XlsxReadError || e instanceof WriteLimitError)
      return { kind: 'accepted', wrote: false, writerRejected: e.message };
    throw e;
  }
  const outs = {
    'checked-copy': path.join(opts.dir, 'in.checked.xlsx'),
    'fixed-copy': path.join(opts.dir, 'in.fixed.xlsx'),
    consolidated: path.join(opts.dir, 'summary.xlsx'),
  } as const;
  await stage('checked-copy', opts, () =>
    writeChecked(input, outs['checked-copy'], result, lang, { force: true, workbook: excel }),
  );
  await stage('fixed-copy', opts, () =>
    writeFixed(input, outs['fixed-copy'], sheetName, safeFixes(result.findings), { force: true }),
  );
  await stage('consolidated', opts, () =>
    writeConsolidated(outs.consolidated, [fr, { file: 'unreadable.xlsx', error: '壊れています / damaged' }], lang, {
      force: true,
    }),
  );
  for (const [name, out] of Object.entries(outs) as [Stage, string][]) {
    const why = await stage('outputs', opts, () => badOutput(out));
    if (why) return { kind: 'bad-output', stage: name, message: why };
  }
  return { kind: 'accepted', wrote: true };
}
