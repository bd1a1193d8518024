/**
 * ExcelHost on Office.js: what the task pane and the ribbon ask of Excel. Thin by design: every
 * decision about the table comes from src/core; this file reads, paints and writes.
 */
import { parseA1 } from '../core/a1';
import { checkSheet, type CheckResult } from '../core/engine';
import { Grid, type SheetData } from '../core/grid';
import { detectLayout, headerCandidate } from '../core/layout';
import { profileToJson, type Profile } from '../core/profile';
import type { Lang } from '../core/types';
import { MIN_EXCEL_API, detectCaps, excelApi, type Caps } from './caps';
import { fault, toHostError } from './faults';
import { ours, queueClear, queueScan, repaint } from './highlights';
import {
  HostError,
  type ExcelHost,
  type HeaderChoice,
  type SavedProfile,
  type SheetInfo,
  type SheetState,
  type ValidateOutcome,
} from './host';
import { writeFixes } from './fixes';
import { readSheet } from './read';
import { refreshSettings, updateSettings } from './settings';
import { queueSummaryOf, writeSummarySheet } from './summarySheet';

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

/** The named sheet, or the active one. */
function sheetOf(ctx: Excel.RequestContext, sheet: string | undefined): Excel.Worksheet {
  return sheet ? ctx.workbook.worksheets.getItem(sheet) : ctx.workbook.worksheets.getActiveWorksheet();
}

/** Read the named (or active) sheet in one batch, painting nothing, and hand its data to `use`. */
function withSheet<T>(run: Run, sheet: string | undefined, use: (data: SheetData) => T): Promise<T> {
  let name = sheet ?? '';
  return run(
    async (ctx, caps) => {
      const { read } = await readSheet(ctx, sheetOf(ctx, sheet), caps, () => null);
      name = read.data.name;
      return use(read.data);
    },
    () => name,
  );
}

export function createExcelHost(opts: HostOptions = {}): ExcelHost {
  const run = runner(opts);
  return {
    async activeSheet(): Promise<SheetInfo> {
      const { name, usedRange } = await this.sheetState();
      return { name, usedRange };
    },

    async sheetState(): Promise<SheetState> {
      return run(async (ctx, caps) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name,items/id');
        const ws = sheets.getActiveWorksheet();
        ws.load('name,id');
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address');
        const summaryOf = queueSummaryOf(ws, caps);
        await ctx.sync();
        return {
          name: ws.name,
          id: ws.id,
          usedRange: used.isNullObject ? null : used.address.slice(used.address.lastIndexOf('!') + 1),
          summaryOf: await summaryOf(),
          sheets: sheets.items.map((s) => ({ id: s.id, name: s.name })),
        };
      });
    },

    async watchSheets(onChange: () => void) {
      if (!excelApi('1.7')) return null;
      try {
        const handlers = await Excel.run(async (ctx) => {
          const sheets = ctx.workbook.worksheets;
          // Every event is handled alike (the active sheet is read again): a deletion may arrive as
          // an activation (office-js issue 1814), so the type and sheet id of an event are not trusted.
          const handle = async () => onChange();
          const added = [sheets.onActivated.add(handle), sheets.onDeleted.add(handle), sheets.onAdded.add(handle)];
          if (excelApi('1.17')) added.push(sheets.onNameChanged.add(handle));
          await ctx.sync();
          return added;
        });
        return async () => {
          await Excel.run(handlers[0]!.context, async (ctx) => {
            for (const h of handlers) h.remove();
            await ctx.sync();
          }).catch(() => undefined);
        };
      } catch {
        // Refused (AccessDenied on some Excel 2019 builds, office-js issue 1103): the pane reads the sheet on focus.
        return null;
      }
    },

    async inspect(profile: Profile, sheet?: string): Promise<CheckResult> {
      return withSheet(run, sheet, (data) => checkSheet(data, profile));
    },

    async headerChoice(profile: Profile, sheet?: string): Promise<HeaderChoice | null> {
      return withSheet(run, sheet, (data) => {
        const grid = new Grid(data);
        const layout = detectLayout(grid, profile);
        if (layout) return { sheet: data.name, found: true, row: layout.headerRows[0]!, cells: layout.headerCells };
        const c = headerCandidate(grid, profile);
        return c ? { sheet: data.name, found: false, row: c.row, cells: c.cells } : null;
      });
    },

    async validate(profile: Profile, sheet?: string): Promise<ValidateOutcome> {
      let name = sheet ?? '';
      return run(
        async (ctx, caps) => {
          const ws = sheetOf(ctx, sheet);
          // One request: the sheet and its first rows, and our conditional formats to replace. The scan
          // may fail where Excel cannot read the user's rules (office-js #5222, #6827, #6835): the
          // findings still stand, only the highlights are not refreshed.
          const { read, extra: scan } = await readSheet(ctx, ws, caps, () => queueScan(ws));
          name = read.data.name;
          const result = checkSheet(read.data, profile);
          if (!scan)
            return {
              result,
              highlighted: 0,
              sheetId: read.sheetId,
              notPainted: fault('unknown', 'highlightsUnread', { sheet: name }),
            };
          const stale = ours(scan).length;
          const cells = result.findings.some((f) => f.row !== null && f.col !== null);
          const notPainted = (): ValidateOutcome => ({
            result,
            highlighted: 0,
            notPainted: fault('protected', 'protectedNotPainted', { sheet: name }),
          });
          const sheetId = read.sheetId;
          if (read.protected) return stale || cells ? { ...notPainted(), sheetId } : { result, highlighted: 0, sheetId };
          try {
            return { result, highlighted: await repaint(ctx, ws, scan, result.findings, caps), sheetId };
          } catch (e) {
            // Protected between reading and painting: Excel refused it, the sheet is as it was.
            if (toHostError(e, name).code === 'protected') return { ...notPainted(), sheetId };
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

    async writeFixes(sheet, fixes) {
      return run(
        (ctx) => writeFixes(ctx, sheet, fixes),
        () => sheet,
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

    async loadProfile(): Promise<SavedProfile> {
      const raw = (await refreshSettings())?.get(PROFILE_SETTING) as unknown;
      if (raw === null || raw === undefined) return { profile: null, errors: [] };
      // The schema (zod) is its own script, fetched only for a workbook that holds a profile.
      const { parseProfile } = await import(/* webpackChunkName: "profile" */ '../core/profileSchema');
      const r = parseProfile(raw);
      return r.ok ? { profile: r.profile, errors: [] } : { profile: null, errors: r.errors };
    },

    async saveProfile(profile: Profile | null): Promise<void> {
      await updateSettings((s) => {
        if (profile) s.set(PROFILE_SETTING, profileToJson(profile));
        else s.remove(PROFILE_SETTING);
      });
    },
  };
}
