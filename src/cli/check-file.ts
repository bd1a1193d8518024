/**
 * Checking one file, the same in the CLI's own thread and in a worker of the pool (pool.ts): read it with
 * the fast reader (no ExcelJS), pick the sheet, choose the profile (--profile, else the one saved in the
 * workbook by the add-in, else the default) and run the engine. It returns what to report and what to
 * say on stderr; it never writes anything.
 */
import { checkSheet } from '../core/engine';
import { DEFAULT_PROFILE, type Profile } from '../core/profile';
import { profileDifferences } from '../core/profileDiff';
import type { FileResult, ProfileSource } from '../core/report';
import { safeFileName } from '../core/safeText';
import type { Lang } from '../core/types';
import { XlsxReadError } from '../xlsx/errors';
import { FastWorkbook, WORKBOOK_PROFILE_SETTING, type SheetInfo } from '../xlsx-read';
import { msg as checkMsg, oneLine } from './messages';
import { writeOutputs, type OutputPlan, type WriteContext } from './outputs';

export interface CheckOptions {
  sheet?: string;
  lang: Lang;
  /** The --profile file's profile; it overrides the workbook's own. */
  profile?: Profile;
  /** --no-workbook-profile: ignore a profile saved in the workbook. */
  ignoreWorkbookProfile?: boolean;
}

export interface CheckOutcome {
  result: FileResult;
  /** One-line messages for stderr (already prefixed with the file). */
  notes: string[];
  /** Lines printed as they are after the notes (the fixes made by --fix). */
  log?: string;
  /** 2 when an output could not be written (the check itself may still have succeeded). */
  exit?: 0 | 2;
}

function pickSheet(wb: FastWorkbook, wanted: string | undefined, lang: Lang): SheetInfo {
  if (wanted !== undefined) {
    const s = wb.findSheet(wanted);
    if (!s)
      throw new XlsxReadError(checkMsg('noSuchSheet', lang, { sheet: wanted, sheets: wb.sheets.map((x) => x.name).join(', ') }));
    return s;
  }
  const name = wb.activeSheetName();
  const s = name === undefined ? undefined : wb.findSheet(name);
  if (!s) throw new XlsxReadError(checkMsg('noActiveSheet', lang));
  return s;
}

/**
 * The profile the add-in saved in the workbook (document settings), or why it cannot be used. The
 * schema (zod) is loaded only for a workbook that carries a profile: most files do not, and loading it
 * costs more than a small file's whole check.
 */
async function workbookProfile(wb: FastWorkbook): Promise<{ profile?: Profile; errors?: string[] }> {
  let raw: string | undefined;
  try {
    raw = wb.documentSettings().get(WORKBOOK_PROFILE_SETTING);
  } catch (e) {
    // A damaged settings part does not stop the check (ExcelJS never read it either).
    return { errors: [`(settings): ${oneLine((e as Error).message)}`] };
  }
  if (raw === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return { errors: [`(profile): not valid JSON / JSON として読めません: ${(e as Error).message}`] };
  }
  const { parseProfile } = await import('../core/profileSchema');
  const r = parseProfile(json);
  return r.ok ? { profile: r.profile } : { errors: r.errors };
}

export async function checkFile(file: string, opts: CheckOptions): Promise<CheckOutcome> {
  const notes: string[] = [];
  let wb: FastWorkbook;
  let sheet: SheetInfo;
  let data;
  try {
    wb = await FastWorkbook.open(file);
    sheet = pickSheet(wb, opts.sheet, opts.lang);
    data = wb.readSheet(sheet);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return { result: { file, error: oneLine(e.message) }, notes: [`${safeFileName(file)}: ${e.message}`] };
  }
  let profile: Profile = DEFAULT_PROFILE;
  let profileSource: ProfileSource = 'default';
  if (opts.profile) {
    profile = opts.profile;
    profileSource = 'file';
  } else if (!opts.ignoreWorkbookProfile) {
    const own = await workbookProfile(wb);
    if (own.profile) {
      profile = own.profile;
      profileSource = 'workbook';
    } else if (own.errors) {
      notes.push(`${safeFileName(file)}: ${checkMsg('workbookProfileInvalid', opts.lang, { errors: own.errors.join('; ') })}`);
    }
  }
  try {
    const result = checkSheet(data, profile);
    const differences = profileSource === 'default' ? {} : { profileDifferences: profileDifferences(profile) };
    return { result: { file, sheet: sheet.name, result, profileSource, ...differences }, notes };
  } catch (e) {
    const error = checkMsg('internal', opts.lang, { reason: oneLine(String((e as Error)?.message ?? e)) });
    return { result: { file, sheet: sheet.name, error }, notes: [...notes, `${safeFileName(file)}: ${error}`] };
  }
}

/** Check one file and write what was asked for it (--write, --fix): what a worker of the pool does. */
export async function processFile(file: string, opts: CheckOptions, plan: OutputPlan, ctx: WriteContext): Promise<CheckOutcome> {
  const outcome = await checkFile(file, opts);
  const fr = outcome.result;
  if (!('result' in fr) || (!plan.checked && !plan.fixed && plan.clashes.length === 0)) return outcome;
  const w = await writeOutputs(fr, plan, ctx);
  if (w.checkedFile) fr.checkedFile = w.checkedFile;
  return { ...outcome, notes: [...outcome.notes, ...w.notes], log: w.fixLog, exit: w.exit };
}
