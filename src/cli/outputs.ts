/**
 * The files written for one checked input: <name>.checked.xlsx (--write) and <name>.fixed.xlsx (--fix).
 * They are written where the input was checked (a worker of the pool), since writing loads the input
 * with ExcelJS. The paths are planned up front in the main thread (planOutputs), so that two inputs
 * never claim one output, whatever order the workers finish in.
 */
import type { FileResult } from '../core/report';
import type { Lang } from '../core/types';
import { safeText } from '../core/safeText';
import { OutputExistsError, outputKey, outputPath, SameFileError, SymlinkOutputError } from '../xlsx/files';
import { WriteLimitError, type WriteLimitKind } from '../xlsx/load-limits';
import { msg, type MsgKey } from './messages';

export { outputPath, realOutputPath } from '../xlsx/files';

type Readable = Extract<FileResult, { result: unknown }>;

export interface OutputPlan {
  /** Where to write the checked copy, if --write. */
  checked?: string;
  /** Where to write the fixed copy, if --fix. */
  fixed?: string;
  /** Outputs an earlier input already claimed: reported, not written. */
  clashes: string[];
}

export interface OutputOptions {
  write: boolean;
  writeDir?: string;
  fix: boolean;
  fixDir?: string;
}

/**
 * Each input's outputs, in input order; an output claimed by an earlier input is a clash for later ones
 * (compared by real path: "out/a.checked.xlsx" and "link-to-out/a.checked.xlsx" are one file).
 */
export function planOutputs(files: readonly string[], o: OutputOptions): OutputPlan[] {
  const claimed = new Set<string>();
  return files.map((file) => {
    const plan: OutputPlan = { clashes: [] };
    for (const kind of ['checked', 'fixed'] as const) {
      if (!(kind === 'checked' ? o.write : o.fix)) continue;
      const out = outputPath(file, kind, kind === 'checked' ? o.writeDir : o.fixDir);
      const key = outputKey(out);
      if (claimed.has(key)) plan.clashes.push(out);
      else {
        claimed.add(key);
        plan[kind] = out;
      }
    }
    return plan;
  });
}

export interface WriteContext {
  lang: Lang;
  force?: boolean;
  /** Every input of the run: no output may replace one. */
  inputs: readonly string[];
}

export interface OutputOutcome {
  /** One-line messages for stderr. */
  notes: string[];
  /** The fixes made, as lines printed as they are (after the notes). */
  fixLog?: string;
  /** 2 when an output could not be written. */
  exit: 0 | 2;
  /** The checked copy, when written. */
  checkedFile?: string;
}

const LIMIT_WHAT: Record<WriteLimitKind, MsgKey> = {
  validations: 'limitValidations',
  names: 'limitNames',
  merges: 'limitMerges',
};

/** What to say when an output could not be written: it exists, it is an input or a symlink, a limit, or why it failed. */
export function writeErrorMessage(e: unknown, out: string, lang: Lang): string {
  if (e instanceof OutputExistsError) return msg('outputExists', lang, { path: out });
  if (e instanceof SameFileError) return msg('outputIsInput', lang, { path: out });
  if (e instanceof SymlinkOutputError) return msg('outputIsSymlink', lang, { path: out });
  if (e instanceof WriteLimitError)
    return msg('writeLimit', lang, {
      path: out,
      what: msg(LIMIT_WHAT[e.kind], lang),
      n: e.cells.toLocaleString('en-US'),
      limit: e.limit.toLocaleString('en-US'),
    });
  return msg('writeFailed', lang, { path: out, reason: String((e as Error)?.message ?? e) });
}

/** Write the planned outputs of one readable result. */
export async function writeOutputs(fr: Readable, plan: OutputPlan, ctx: WriteContext): Promise<OutputOutcome> {
  const { lang } = ctx;
  const out: OutputOutcome = { notes: plan.clashes.map((p) => msg('outputClash', lang, { path: p })), exit: 0 };
  if (plan.clashes.length) out.exit = 2;
  if (!plan.checked && !plan.fixed) return out;
  const w = await import('../xlsx/write');
  const protect = [...ctx.inputs];
  if (plan.checked) {
    try {
      await w.writeChecked(fr.file, plan.checked, fr.result, lang, { force: ctx.force, protect });
      out.checkedFile = plan.checked;
    } catch (e) {
      out.notes.push(writeErrorMessage(e, plan.checked, lang));
      out.exit = 2;
    }
  }
  if (plan.fixed) {
    const [{ writeFixed }, { safeFixes }, { toA1 }] = await Promise.all([
      import('../xlsx/fix'),
      import('../core/fixes'),
      import('../core/a1'),
    ]);
    try {
      const r = await writeFixed(fr.file, plan.fixed, fr.result.sheet, safeFixes(fr.result.findings), {
        force: ctx.force,
        protect,
      });
      // Cell text shown on a terminal: line breaks and control characters escaped.
      const shown = safeText;
      const lines = [msg('fixed', lang, { path: plan.fixed, n: r.applied.length })];
      for (const f of r.applied)
        lines.push(msg('fixLine', lang, { cell: toA1(f.row, f.col), from: shown(f.from), to: shown(f.to) }));
      for (const f of r.skipped) lines.push(msg('fixSkipped', lang, { cell: toA1(f.row, f.col) }));
      out.fixLog = lines.join('\n') + '\n';
    } catch (e) {
      out.notes.push(writeErrorMessage(e, plan.fixed, lang));
      out.exit = 2;
    }
  }
  return out;
}
