/**
 * ExcelHost on Office.js: what the task pane and the ribbon ask of Excel. Thin by design: every
 * decision about the table comes from src/core; this file reads, paints and writes.
 */
import { parseA1 } from '../core/a1';
import { checkSheet, type CheckResult } from '../core/engine';
import { parseProfile, profileToJson, type Profile } from '../core/profile';
import type { Lang } from '../core/types';
import { MIN_EXCEL_API, detectCaps, excelApi, type Caps } from './caps';
import { fault, toHostError } from './faults';
import { ours, queueClear, queueScan, repaint } from './highlights';
import { HostError, type ExcelHost, type SheetInfo, type ValidateOutcome } from './host';
import { readSheet } from './read';
import { refreshSettings, updateSettings } from './settings';
import { writeSummarySheet } from './summarySheet';

export const PROFILE_SETTING = 'kpiCheck.profile';

export interface HostOptions {
  /**
   * Wait while the user edits a cell instead of failing (Excel.RunOptions.delayForCellEdit). For the
   * ribbon's function command, which has no window to say "finish editing" in; the pane fails at once
   * with that message, so that a click never seems to do nothing.
   */
  delayForCellEdit?: boolean;
}

type Run = <T>(batch: (ctx: Excel.RequestContext, caps: Caps) => Promise<T>, sheet?: () => string) => Promise<T>;

/** Run a batch on Excel with the faults turned into HostErrors; `sheet()` names the sheet for messages. */
function runner(opts: HostOptions): Run {
  return async (batch, sheet = () => '') => {
    if (!excelApi(MIN_EXCEL_API)) throw fault('api-unsupported', 'apiUnsupported', { version: MIN_EXCEL_API });
    const caps = detectCaps();
    try {
      return opts.delayForCellEdit
        ? await Excel.run({ delayForCellEdit: true }, (ctx) => batch(ctx, caps))
        : await Excel.run((ctx) => batch(ctx, caps));
    } catch (e) {
      throw toHostError(e, sheet());
    }
  };
}

/** One Clear: scan every sheet, then delete our conditional formats where there are any. */
async function clearOnce(ctx: Excel.RequestContext, naming: (sheet: string) => void): Promise<number> {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await ctx.sync();
  const scans = sheets.items.map((ws) => ({ ws, scan: queueScan(ws) }));
  try {
    await ctx.sync();
  } catch (e) {
    // Find the sheet whose rules Excel cannot read (office-js #5222, #6827, #6835); nothing is deleted.
    for (const ws of sheets.items) {
      queueScan(ws);
      try {
        await ctx.sync();
      } catch {
        naming(ws.name);
        throw fault('unknown', 'highlightsUnread', { sheet: ws.name });
      }
    }
    throw e;
  }
  const dirty = scans.filter((s) => ours(s.scan).length > 0);
  const locked = dirty.find((s) => s.ws.protection.protected);
  if (locked) {
    naming(locked.ws.name);
    throw fault('protected', 'protected', { sheet: locked.ws.name });
  }
  for (const s of dirty) queueClear(s.scan);
  if (dirty.length) await ctx.sync();
  return dirty.length;
}

export function createExcelHost(opts: HostOptions = {}): ExcelHost {
  const run = runner(opts);
  return {
    async activeSheet(): Promise<SheetInfo> {
      return run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.load('name');
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address');
        await ctx.sync();
        return { name: ws.name, usedRange: used.isNullObject ? null : used.address.slice(used.address.lastIndexOf('!') + 1) };
      });
    },

    async inspect(profile: Profile): Promise<CheckResult> {
      let name = '';
      return run(
        async (ctx, caps) => {
          const { read } = await readSheet(ctx, ctx.workbook.worksheets.getActiveWorksheet(), caps, () => null);
          name = read.data.name;
          return checkSheet(read.data, profile);
        },
        () => name,
      );
    },

    async validate(profile: Profile): Promise<ValidateOutcome> {
      let name = '';
      return run(
        async (ctx, caps) => {
          const ws = ctx.workbook.worksheets.getActiveWorksheet();
          // One request: the sheet and its first rows, and our conditional formats to replace. The scan
          // may fail where Excel cannot read the user's rules (office-js #5222, #6827, #6835): the
          // findings still stand, only the highlights are not refreshed.
          const { read, extra: scan } = await readSheet(ctx, ws, caps, () => queueScan(ws));
          name = read.data.name;
          const result = checkSheet(read.data, profile);
          if (!scan) return { result, highlighted: 0, notPainted: fault('unknown', 'highlightsUnread', { sheet: name }) };
          const stale = ours(scan).length;
          const cells = result.findings.some((f) => f.row !== null && f.col !== null);
          const notPainted = (): ValidateOutcome => ({
            result,
            highlighted: 0,
            notPainted: fault('protected', 'protectedNotPainted', { sheet: name }),
          });
          if (read.protected) return stale || cells ? notPainted() : { result, highlighted: 0 };
          try {
            return { result, highlighted: await repaint(ctx, ws, scan, result.findings, caps) };
          } catch (e) {
            // Protected between reading and painting: Excel refused it, the sheet is as it was.
            if (toHostError(e, name).code === 'protected') return notPainted();
            throw e;
          }
        },
        () => name,
      );
    },

    async clearHighlights(): Promise<number> {
      let name = '';
      return run(
        async (ctx) => {
          // Deleting is no transaction either: a request that fails half way is run once more, from a
          // fresh scan, so that Clear still leaves every sheet exactly as it was before Validate.
          for (let attempt = 0; ; attempt++) {
            try {
              return await clearOnce(ctx, (n) => (name = n));
            } catch (e) {
              if (attempt > 0 || e instanceof HostError) throw e;
            }
          }
        },
        () => name,
      );
    },

    async insertSummary(result: CheckResult, lang: Lang): Promise<string> {
      return run(
        (ctx, caps) => writeSummarySheet(ctx, result, lang, caps),
        () => result.sheet,
      );
    },

    async selectCell(sheet: string, address: string): Promise<void> {
      try {
        parseA1(address);
      } catch {
        throw fault('unknown', 'badAddress', { address });
      }
      return run(
        async (ctx) => {
          const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
          ws.load('visibility');
          await ctx.sync();
          if (ws.isNullObject) throw fault('sheet-gone', 'sheetGone', { sheet });
          if (ws.visibility !== 'Visible') throw fault('unknown', 'hidden', { sheet });
          ws.activate();
          ws.getRange(address).select();
          await ctx.sync();
        },
        () => sheet,
      );
    },

    async loadProfile(): Promise<Profile | null> {
      const raw = (await refreshSettings())?.get(PROFILE_SETTING) as unknown;
      if (raw === null || raw === undefined) return null;
      const r = parseProfile(raw);
      return r.ok ? r.profile : null;
    },

    async saveProfile(profile: Profile | null): Promise<void> {
      await updateSettings((s) => {
        if (profile) s.set(PROFILE_SETTING, profileToJson(profile));
        else s.remove(PROFILE_SETTING);
      });
    },
  };
}
