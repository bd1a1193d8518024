/** The pane follows the workbook: worksheet events on the strict simulator, and the host's view of the active sheet. */
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { createExcelHost } from '../../src/office/excelHost';
import type { SimWorkbook } from '../../src/office/simulator';
import { install, loadSeed, rejection, uninstall } from './helpers';

afterEach(uninstall);

const tick = () => new Promise((r) => setTimeout(r, 5));

async function draftWithSummary(): Promise<{ sim: SimWorkbook; source: string }> {
  const sim = await loadSeed('sample-draft.xlsx');
  install(sim);
  const host = createExcelHost();
  const source = sim.activeSheet.name;
  const { result } = await host.validate(DEFAULT_PROFILE);
  await host.insertSummary(result, 'ja');
  return { sim, source };
}

describe('worksheet events in the simulator', () => {
  it('a handler is registered only at sync, fires after tab changes, renames and deletions, and is removed again', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    sim.addSheet('別表');
    install(sim);
    const seen: string[] = [];
    const handler = await Excel.run(async (ctx) => {
      const h = ctx.workbook.worksheets.onActivated.add(async (e) => void seen.push(`${e.type}:${e.worksheetId}`));
      expect(sim.handlers.onActivated.size).toBe(0);
      await ctx.sync();
      return h;
    });
    expect(sim.handlers.onActivated.size).toBe(1);
    sim.activate('別表');
    expect(seen).toEqual([]); // asynchronous, as in Excel
    await tick();
    expect(seen).toEqual([`WorksheetActivated:${sim.sheet('別表')!.id}`]);
    await Excel.run(handler.context, async (ctx) => {
      handler.remove();
      await ctx.sync();
    });
    expect(sim.handlers.onActivated.size).toBe(0);
    sim.activate(sim.sheets[0]!.name);
    await tick();
    expect(seen).toHaveLength(1);
  });

  it('reproduces office-js issue 1814: with onActivated registered, a deletion arrives as an activation', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    sim.addSheet('別表');
    sim.deletedArrivesAsActivated = true;
    install(sim);
    const types: string[] = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.onActivated.add(async (e) => void types.push(`activated:${e.type}`));
      ctx.workbook.worksheets.onDeleted.add(async (e) => void types.push(`deleted:${e.type}`));
      await ctx.sync();
    });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('別表').delete();
      await ctx.sync();
    });
    await tick();
    expect(types).toEqual(['activated:WorksheetActivated']);
  });

  it('reproduces office-js issue 1103: registering onActivated may be refused with AccessDenied', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    sim.activatedHandlerDenied = true;
    install(sim);
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.onActivated.add(async () => undefined);
        await ctx.sync();
      }),
    );
    expect((e as { code: string }).code).toBe('AccessDenied');
  });

  it('onNameChanged needs ExcelApi 1.17', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim, { host: 'Office2021' });
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.onNameChanged.add(async () => undefined);
        await ctx.sync();
      }),
    );
    expect((e as { code: string }).code).toBe('ApiNotFound');
  });
});

describe('the host follows the workbook', () => {
  it('watchSheets calls back on tab changes, renames and deletions, in one round trip to register', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    sim.addSheet('別表');
    install(sim);
    const host = createExcelHost();
    let calls = 0;
    sim.resetStats();
    const unwatch = await host.watchSheets(() => void calls++);
    expect(unwatch).not.toBeNull();
    expect(sim.syncCount).toBe(1);
    sim.activate('別表');
    await tick();
    expect(calls).toBe(1);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('別表').name = '別表2';
      await ctx.sync();
    });
    await tick();
    expect(calls).toBe(2);
    await unwatch!();
    sim.activate(sim.sheets[0]!.name);
    await tick();
    expect(calls).toBe(2);
    expect(Object.values(sim.handlers).every((h) => h.size === 0)).toBe(true);
  });

  it('watchSheets gives null when the host refuses the handlers (the pane then reads the sheet on focus)', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    sim.activatedHandlerDenied = true;
    install(sim);
    expect(await createExcelHost().watchSheets(() => undefined)).toBeNull();
  });

  it('sheetState knows our summary sheet and its source, in one round trip', async () => {
    const { sim, source } = await draftWithSummary();
    const host = createExcelHost();
    sim.resetStats();
    const state = await host.sheetState();
    expect(sim.syncCount).toBe(1);
    expect(state.name).toBe('集計');
    expect(state.summaryOf).toBe(source);
    expect(state.sheets.map((x) => x.name)).toEqual([source, '集計']);
    sim.activate(source);
    expect((await host.sheetState()).summaryOf).toBeNull();
  });

  it('sheetState knows our summary sheet on hosts without custom properties (Office 2019)', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim, { host: 'Office2019' });
    const host = createExcelHost();
    const source = sim.activeSheet.name;
    await host.insertSummary((await host.validate(DEFAULT_PROFILE)).result, 'ja');
    expect((await host.sheetState()).summaryOf).toBe(source);
  });

  it('validate and inspect check a named sheet while the summary sheet is active', async () => {
    const { sim, source } = await draftWithSummary();
    const host = createExcelHost();
    expect(sim.activeSheet.name).toBe('集計');
    const o = await host.validate(DEFAULT_PROFILE, source);
    expect(o.result.sheet).toBe(source);
    expect(o.result.layout).not.toBeNull();
    expect(o.sheetId).toBe(sim.sheet(source)!.id);
    expect((await host.inspect(DEFAULT_PROFILE, source)).sheet).toBe(source);
    expect(sim.activeSheet.name).toBe('集計');
    const gone = await rejection(host.validate(DEFAULT_PROFILE, 'ないシート'));
    expect((gone as { code: string }).code).toBe('sheet-gone');
  });
});
