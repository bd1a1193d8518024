/** The simulator is as strict as Excel: these are the rules the adapter is proven against. */
import { SimWorkbook } from '../../src/office/simulator';
import { simFromExcelJS, simToExcelJS, simFromXlsx, simToXlsx } from '../../src/office/simulator/xlsx';
import { install, loadSeed, rejection, uninstall } from './helpers';

afterEach(uninstall);

function book(): SimWorkbook {
  const sim = new SimWorkbook(['Data', 'Other']);
  sim.sheet('Data')!.setValues('A1', [
    ['name', 'n'],
    ['a', 1],
    ['b', 2],
  ]);
  install(sim);
  return sim;
}

describe('proxy semantics', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded (RichApi.Error)', async () => {
    book();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B3');
      expect(() => r.values).toThrow(expect.objectContaining({ name: 'RichApi.Error', code: 'PropertyNotLoaded' }));
      r.load('address');
      expect(() => r.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.address).toBe('Data!A1:B3');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('load() with no argument loads the scalar properties; navigation needs a path', async () => {
    book();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A2:B3');
      r.load();
      r.format.load('fill/color');
      await ctx.sync();
      expect(r.values).toEqual([
        ['a', 1],
        ['b', 2],
      ]);
      expect(r.format.fill.color).toBe('#FFFFFF');
      expect(() => r.format.font.bold).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes are queued and applied only at sync, in order', async () => {
    const sim = book();
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('C1');
      r.values = [['x']];
      r.format.fill.color = '#ff0000';
      expect(sim.sheet('Data')!.cell(0, 2)).toBeUndefined();
      await ctx.sync();
      expect(sim.sheet('Data')!.cell(0, 2)).toMatchObject({ value: 'x', style: { fill: '#FF0000' } });
    });
  });

  test('a failing operation stops the request there; what ran before it stays (no transaction)', async () => {
    const sim = book();
    const e = await rejection(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Data');
        ws.getRange('D1').values = [['before']];
        ws.getRange('D2').values = [['a', 'b']]; // wrong shape
        ws.getRange('D3').values = [['after']];
        await ctx.sync();
      }),
    );
    expect(e).toMatchObject({ code: 'InvalidArgument' });
    expect(sim.sheet('Data')!.cell(0, 3)?.value).toBe('before');
    expect(sim.sheet('Data')!.cell(2, 3)).toBeUndefined();
  });

  test('*OrNullObject gives isNullObject after sync; getItem of a missing sheet is ItemNotFound', async () => {
    book();
    await Excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const there = ctx.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(there.isNullObject).toBe(false);
      ctx.workbook.worksheets.getItem('Nope').load('name');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('a worksheet proxy stays bound to its sheet: renamed still works, deleted is ItemNotFound', async () => {
    const sim = book();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('id');
      await ctx.sync();
      sim.sheet('Data')!.name = 'Renamed';
      sim.activate('Other');
      ws.load('name');
      await ctx.sync();
      expect(ws.name).toBe('Renamed');
      sim.removeSheet(sim.sheet('Renamed')!);
      ws.getRange('A1').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  test('proxies cannot be used after Excel.run has ended', async () => {
    book();
    let kept: Excel.Range | null = null;
    await Excel.run(async (ctx) => {
      kept = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      kept.load('values');
      await ctx.sync();
    });
    expect(kept!.values).toEqual([['name']]);
    expect(() => kept!.load('address')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  test('every sync is counted with its request and response sizes; an empty sync costs nothing', async () => {
    const sim = book();
    await Excel.run(async (ctx) => {
      await ctx.sync();
      expect(sim.syncCount).toBe(0);
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B3');
      r.values = [
        ['ä', 'x'],
        ['b', 2],
        ['c', 3],
      ];
      r.load('values');
      await ctx.sync();
    });
    expect(sim.syncCount).toBe(1);
    const [s] = sim.syncs;
    expect(s!.operations).toBe(2);
    expect(s!.requestBytes).toBeGreaterThan(JSON.stringify([['ä', 'x']]).length);
    // The response is the JSON of the loaded values; "ä" is two bytes in UTF-8.
    expect(s!.responseBytes).toBe(
      new TextEncoder().encode(
        JSON.stringify([
          {
            values: [
              ['ä', 'x'],
              ['b', 2],
              ['c', 3],
            ],
          },
        ]),
      ).length,
    );
  });
});

describe("Excel's limits", () => {
  test('a request over 5 MB is refused and nothing of it is applied', async () => {
    const sim = book();
    const big = Array.from({ length: 6000 }, () => ['x'.repeat(1000)]);
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('E1:E6000').values = big;
        await ctx.sync();
      }),
    );
    expect(e).toMatchObject({ name: 'RichApi.Error', code: 'RequestPayloadSizeLimitExceeded' });
    expect(sim.sheet('Data')!.cell(0, 4)).toBeUndefined();
    expect(sim.largestRequest).toBeGreaterThan(5 * 1024 * 1024);
  });

  test('a response over 5 MB is refused', async () => {
    const sim = book();
    sim.sheet('Data')!.setValues(
      'E1',
      Array.from({ length: 6000 }, () => ['y'.repeat(1000)]),
    );
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRange('E1:E6000').load('values');
        await ctx.sync();
      }),
    );
    expect(e).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('reads of more than 5,000,000 cells are refused', async () => {
    book();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:E1000001').load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
    });
  });

  test('addresses longer than 8,192 characters are InvalidArgument', async () => {
    book();
    const cells = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(',');
    expect(cells.length).toBeGreaterThan(8192);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRanges(cells).load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });

  test.each([['x'.repeat(32)], ['a/b'], ['a[1]'], ['q?'], ['c:d'], ['s*'], ['back\\slash'], ["'quoted'"], ['History'], ['']])(
    'sheet name %p is refused',
    async (name) => {
      const sim = book();
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add(name);
        await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
      });
      expect(sim.sheets).toHaveLength(2);
    },
  );

  test('a 31-character name is fine; a duplicate (any case) is ItemAlreadyExists', async () => {
    const sim = book();
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('x'.repeat(31));
      await ctx.sync();
      ctx.workbook.worksheets.add('DATA');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    });
    expect(sim.sheets.map((s) => s.name)).toEqual(['Data', 'Other', 'x'.repeat(31)]);
  });

  test('writing to a protected sheet is AccessDenied; reading is fine', async () => {
    const sim = book();
    sim.sheet('Data')!.protected = true;
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      r.load('values');
      await ctx.sync();
      r.format.fill.color = '#FFFF00';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      r.conditionalFormats.add('Custom');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    expect(sim.sheet('Data')!.cell(0, 0)?.style).toBeUndefined();
    expect(sim.sheet('Data')!.conditionalFormats).toHaveLength(0);
  });

  test('an API newer than the host is ApiNotFound, and isSetSupported says so', async () => {
    const sim = new SimWorkbook(['S']);
    install(sim, { host: 'Office2019' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.8')).toBe(false);
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRanges('A1,B2').load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
      ctx.workbook.worksheets.getActiveWorksheet().getRange('A1').getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
    install(sim, { host: 'Office2021' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(true);
    expect(Office.context.requirements.isSetSupported('ExcelApi', 1.15)).toBe(false);
  });

  test('getMergedAreas fails past 512 merged areas, like Excel', async () => {
    const sim = book();
    const s = sim.sheet('Other')!;
    for (let i = 0; i < 513; i++) s.merges.push({ top: i, bottom: i, left: 0, right: 1 });
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      const ok = ws.getRange('A1:B512').getMergedAreasOrNullObject();
      ok.load('areaCount');
      await ctx.sync();
      expect(ok.areaCount).toBe(512);
      ws.getRange('A1:B513').getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ name: 'RichApi.Error' });
    });
  });
});

describe('what is written is read like typed input', () => {
  test('"=…", "+x", "-x", "@x" become formulas; an apostrophe or the text format keeps text', async () => {
    const sim = book();
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Other');
      ws.getRange('A1:F1').values = [['=1+1', '-abc', '@SUM(1)', "'=1+1", '123', 'TRUE']];
      const text = ws.getRange('A2:B2');
      text.numberFormat = [['@', '@']];
      text.values = [['=1+1', '123']];
      await ctx.sync();
    });
    const c = (a: string) => sim.sheet('Other')!.snapshot().cells[a];
    expect(c('A1')).toMatchObject({ formula: '=1+1' });
    expect(c('B1')).toMatchObject({ formula: '=-abc' });
    expect(c('C1')).toMatchObject({ formula: '=@SUM(1)' });
    expect(c('D1')).toEqual({ value: '=1+1', quotePrefix: true });
    expect(c('E1')).toEqual({ value: 123 });
    expect(c('F1')).toEqual({ value: true });
    expect(c('A2')).toMatchObject({ value: '=1+1' });
    expect(c('A2')!.formula).toBeUndefined();
    expect(c('B2')).toMatchObject({ value: '123' });
  });
});

describe('.xlsx bridge', () => {
  test('the draft sample loads with its values, formats and merges, and survives a round trip', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    const s = sim.activeSheet;
    expect(s.name).toBe('進捗管理表');
    expect(s.cell(0, 0)?.value).toBe('対象者');
    expect(s.merges.length).toBeGreaterThan(0);
    s.customProperties.push({ key: 'k', value: 'v' });
    s.addConditionalFormat({
      type: 'Custom',
      ranges: [{ top: 2, left: 2, bottom: 5, right: 2 }],
      formula: '=C3>1',
      format: { fill: '#00FF00' },
      stopIfTrue: false,
    });
    sim.settings = { 'kpiCheck.profile': { noKpiGrade: '-' } };
    const again = await simFromXlsx(new Uint8Array(await simToXlsx(sim)));
    const strip = (x: ReturnType<SimWorkbook['snapshot']>) =>
      x.sheets.map((sh) => ({ ...sh, id: '', conditionalFormats: sh.conditionalFormats.map((c) => ({ ...c, id: '' })) }));
    expect(strip(again.snapshot())).toEqual(strip(sim.snapshot()));
    expect(again.settings).toEqual(sim.settings);
  });

  test('ExcelJS workbooks in and out (what the browser preview uses)', async () => {
    const sim = await loadSeed('sample.xlsx');
    const wb = await simToExcelJS(sim);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['進捗管理表']);
    expect(simFromExcelJS(wb).activeSheet.cell(0, 0)?.value).toBe('対象者');
  });
});

describe('host behaviours (HostBehaviours, per test)', () => {
  test('listSeparator: getRanges takes only the host separator between areas; addresses come back with ","', async () => {
    const sim = book();
    sim.host.listSeparator = ';';
    const e = await rejection(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Data').getRanges('A1,B2').load('areaCount');
        await ctx.sync();
      }),
    );
    expect(e).toMatchObject({ code: 'InvalidArgument' });
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRanges('A1;B2');
      r.load('areaCount,address');
      await ctx.sync();
      expect(r.areaCount).toBe(2);
      expect(r.address).toBe('Data!A1,Data!B2');
    });
  });

  test('mergedAreasOver512: an error, or a null object as if there were none', async () => {
    const sim = book();
    const s = sim.sheet('Data')!;
    for (let i = 0; i < 513; i++) s.merges.push({ top: i, bottom: i, left: 4, right: 5 });
    const read = () =>
      Excel.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem('Data').getRange('A1:Z600').getMergedAreasOrNullObject();
        m.load('address');
        await ctx.sync();
        return m.isNullObject;
      });
    expect(await rejection(read())).toMatchObject({ code: 'GeneralException' });
    sim.host.mergedAreasOver512 = 'nullObject';
    expect(await read()).toBe(true);
  });

  test('conditionalFormatBugs: reading the rules of a cell with two user-made rules fails; API-made ones do not count', async () => {
    const sim = book();
    const s = sim.sheet('Data')!;
    const rule = { type: 'CellValue', ranges: [{ top: 0, left: 0, bottom: 2, right: 0 }], format: {}, stopIfTrue: false };
    s.addConditionalFormat(rule);
    const scan = () =>
      Excel.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem('Data').getRange().conditionalFormats;
        cfs.load('items/id');
        await ctx.sync();
        return cfs.items.length;
      });
    sim.host.conditionalFormatBugs = { read: true, delete: true };
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1:A3').conditionalFormats.add('Custom');
      await ctx.sync();
    });
    expect(await scan()).toBe(2);
    s.addConditionalFormat(rule);
    expect(await rejection(scan())).toMatchObject({ code: 'ItemNotFound' });
  });

  test('failAt: operation n of request m fails once; what ran before it stays', async () => {
    const sim = book();
    sim.host.failAt = { sync: 1, op: 2 };
    await rejection(
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Data');
        ws.getRange('D1').values = [['first']];
        ws.getRange('D2').values = [['second']];
        await ctx.sync();
      }),
    );
    expect(sim.sheet('Data')!.cell(0, 3)?.value).toBe('first');
    expect(sim.sheet('Data')!.cell(1, 3)).toBeUndefined();
    expect(sim.host.failAt).toBeNull();
  });

  test('cellEditError and delayForCellEdit: fail at once by default, wait when asked', async () => {
    const sim = book();
    sim.cellEditMode = true;
    const touch = (opts?: { delayForCellEdit: boolean }) => {
      const batch = async (ctx: Excel.RequestContext) => {
        ctx.workbook.worksheets.getItem('Data').getRange('E1').values = [['x']];
        await ctx.sync();
      };
      return opts ? Excel.run(opts, batch) : Excel.run(batch);
    };
    expect(await rejection(touch())).toMatchObject({ code: 'InvalidOperation' });
    sim.host.cellEditError = 'InvalidOperationInCellEditMode';
    expect(await rejection(touch())).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const waiting = touch({ delayForCellEdit: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(sim.sheet('Data')!.cell(0, 4)).toBeUndefined();
    sim.cellEditMode = false;
    await waiting;
    expect(sim.sheet('Data')!.cell(0, 4)?.value).toBe('x');
  });

  test('runtimes: each holds its own settings copy; saveAsync writes the whole copy, refreshAsync re-reads', async () => {
    const sim = book();
    const save = () => new Promise<void>((r) => Office.context.document.settings.saveAsync(() => r()));
    Office.context.document.settings.set('pane', 1);
    install(sim, { runtime: 'function' });
    Office.context.document.settings.set('ribbon', 2);
    await save();
    install(sim, { runtime: 'pane' });
    expect(Office.context.document.settings.get('ribbon')).toBeNull();
    await save();
    expect(sim.savedSettings).toEqual({ pane: 1 });
    await new Promise<void>((r) => Office.context.document.settings.refreshAsync(() => r()));
    expect(Office.context.document.settings.get('pane')).toBe(1);
  });

  test('reopen: sheet ids come back made from the position', () => {
    const sim = book();
    const before = sim.sheets.map((s) => s.id);
    sim.reopen();
    expect(sim.sheets.map((s) => s.id)).toEqual([
      '{00000000-0001-0000-0000-000000000000}',
      '{00000000-0001-0000-0001-000000000000}',
    ]);
    expect(sim.sheets.map((s) => s.id)).not.toEqual(before);
  });
});
