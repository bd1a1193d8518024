/**
 * Issue 9: where real Excel differs from a well-behaved one. Each describe is one point of the issue,
 * run against the simulator option (src/office/simulator/model.ts, HostBehaviours) that reproduces it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { quoteSheetName } from '../../src/core/a1';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import { safeSheetName } from '../../src/core/summarySheet';
import { MIN_EXCEL_API, detectCaps } from '../../src/office/caps';
import { PROFILE_SETTING, createExcelHost } from '../../src/office/excelHost';
import { isOurFormula } from '../../src/office/highlights';
import { HostError } from '../../src/office/host';
import { readSheet } from '../../src/office/read';
import { HOSTS, LIMITS, type SheetSnapshot, type SimWorkbook, type WorkbookSnapshot } from '../../src/office/simulator';
import { langFromDisplayLanguage, takeCommandError } from '../../src/taskpane/env';
import { install, loadSeed, rejection, summarised, uninstall } from './helpers';

afterEach(uninstall);

async function draft(opts: Parameters<typeof install>[1] = {}): Promise<SimWorkbook> {
  const sim = await loadSeed('sample-draft.xlsx');
  install(sim, opts);
  return sim;
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

/** The ribbon's 集計 as Excel calls it: the function file's module, loaded in its own runtime. */
async function ribbonSummary(): Promise<void> {
  const { insertSummary } = await import('../../src/commands/commands');
  let done = false;
  await insertSummary({ completed: () => (done = true) } as unknown as Office.AddinCommands.Event);
  expect(done).toBe(true);
}

describe('5. cell-edit mode', () => {
  test.each(['InvalidOperation', 'InvalidOperationInCellEditMode'] as const)(
    'the pane gets a message saying to finish editing, whichever code Excel answers (%s)',
    async (code) => {
      const sim = await draft();
      sim.host.cellEditError = code;
      sim.cellEditMode = true;
      const before = sim.snapshot();
      const e = (await rejection(createExcelHost().validate(DEFAULT_PROFILE))) as HostError;
      expect(e).toBeInstanceOf(HostError);
      expect(e.ja).toContain('Enter');
      expect(e.ja).toContain('Esc');
      expect(e.en).toMatch(/finish editing/);
      expect(sim.snapshot()).toEqual(before);
    },
  );

  test('the ribbon waits for the edit to end (delayForCellEdit), then inserts the summary', async () => {
    const sim = await draft();
    sim.cellEditMode = true;
    const run = ribbonSummary();
    await tick(20);
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表']);
    sim.cellEditMode = false;
    await run;
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表', '集計']);
    expect(sim.savedSettings['kpiCheck.commandError']).toBeUndefined();
  });
});

/** The user's own conditional formats: two rules on the same cells (as made twice in Excel's UI). */
function stackUserRules(sim: SimWorkbook): void {
  const s = sim.activeSheet;
  for (const fill of ['#9999FF', '#FF9999'])
    s.addConditionalFormat({
      type: 'CellValue',
      ranges: [{ top: 2, left: 4, bottom: 16, right: 4 }],
      format: { fill },
      stopIfTrue: false,
    });
}

function ourFormats(sim: SimWorkbook) {
  return sim.activeSheet.conditionalFormats.filter((cf) => isOurFormula(cf.formula));
}

describe('1. conditional formats Excel cannot read', () => {
  test('Validate still lists the findings and says the highlights were not refreshed; nothing is written', async () => {
    const sim = await draft();
    stackUserRules(sim);
    sim.host.conditionalFormatBugs = { read: true, delete: true };
    const before = sim.snapshot();
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    expect(out.result.findings.some((f) => f.ruleId === 'missing-grade')).toBe(true);
    expect(out.highlighted).toBe(0);
    expect(out.notPainted?.ja).toContain('条件付き書式');
    expect(out.notPainted?.en).toContain('could not read the conditional formats');
    expect(out.notPainted?.en).not.toMatch(/deleted or renamed/);
    expect(sim.snapshot()).toEqual(before);
  });

  test('Clear says which sheet it could not read, and deletes nothing', async () => {
    const sim = await draft();
    await createExcelHost().validate(DEFAULT_PROFILE);
    stackUserRules(sim);
    sim.host.conditionalFormatBugs = { read: true, delete: true };
    const before = sim.snapshot();
    const e = (await rejection(createExcelHost().clearHighlights())) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e.ja).toContain('進捗管理表');
    expect(e.en).not.toMatch(/deleted or renamed/);
    expect(sim.snapshot()).toEqual(before);
  });

  test('without the bug, the same sheet is painted and cleared as usual', async () => {
    const sim = await draft();
    stackUserRules(sim);
    const before = sim.snapshot();
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    expect(out.highlighted).toBeGreaterThan(0);
    await createExcelHost().clearHighlights();
    expect(sim.snapshot()).toEqual(before);
  });
});

describe('4. the host list separator', () => {
  test.each([',', ';'] as const)('with "%s" between areas, highlights and the summary are written', async (sep) => {
    const sim = await draft();
    sim.host.listSeparator = sep;
    const host = createExcelHost();
    const out = await host.validate(DEFAULT_PROFILE);
    expect(out.highlighted).toBeGreaterThan(0);
    expect(out.notPainted).toBeUndefined();
    // One conditional format per kind: the areas went through getRanges joined.
    expect(ourFormats(sim).length).toBe(4);
    expect(ourFormats(sim).some((cf) => cf.ranges.length > 1)).toBe(true);
    expect(await host.insertSummary(out.result, 'ja')).toBe('集計');
    sim.activate('進捗管理表');
    sim.resetStats();
    await host.validate(DEFAULT_PROFILE);
    // Once known, the separator costs nothing more.
    expect(sim.syncs.filter((x) => x.failed)).toEqual([]);
  });
});

describe('6. merged areas past 512', () => {
  test.each(['throw', 'nullObject'] as const)('%s: every merged area is read, none is lost', async (mode) => {
    const sim = await draft();
    const s = sim.activeSheet;
    // 600 two-cell merges below the table (a notes block), within the first 2,000 rows.
    for (let i = 0; i < 600; i++) {
      const row = 100 + Math.floor(i / 5);
      const col = (i % 5) * 2;
      s.setValues(`${String.fromCharCode(65 + col)}${row + 1}`, [['メモ']]);
      s.merges.push({ top: row, bottom: row, left: col, right: col + 1 });
    }
    sim.host.mergedAreasOver512 = mode;
    const read = await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      return (await readSheet(ctx, ws, detectCaps(), () => null)).read;
    });
    const key = (m: { top: number; left: number }) => `${m.top},${m.left}`;
    expect(read.data.merges!.map(key).sort()).toEqual(s.merges.map(key).sort());
    expect(sim.syncs.length).toBeLessThanOrEqual(3);
  });

  test('a sheet without merges gets its answer in one more small request, not from a null object', async () => {
    const sim = await draft();
    sim.activeSheet.merges = [];
    sim.resetStats();
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    expect(out.result.layout).not.toBeNull();
    expect(sim.syncCount).toBeLessThanOrEqual(3);
  });
});

describe('7. repainting is no transaction', () => {
  /** The draft validated once, then G13 filled in, so that the next highlights differ from the old ones. */
  async function revalidated(): Promise<SimWorkbook> {
    const sim = await draft();
    await createExcelHost().validate(DEFAULT_PROFILE);
    sim.activeSheet.setValues('G13', [['B']]);
    return sim;
  }

  test('a failure at any operation of the repaint leaves the sheet as before or fully painted', async () => {
    const clean = await revalidated();
    clean.resetStats();
    await createExcelHost().validate(DEFAULT_PROFILE);
    const full = ourFormatsOf(clean.activeSheet.snapshot());
    const ops = clean.syncs[1]!.operations;
    expect(ops).toBeGreaterThan(4);
    const outcomes = new Set<string>();
    for (let op = 1; op <= ops; op++) {
      const sim = await revalidated();
      const before = sim.snapshot();
      sim.resetStats();
      sim.host.failAt = { sync: 2, op };
      await rejection(createExcelHost().validate(DEFAULT_PROFILE));
      const after = sim.snapshot();
      expect(withoutOurs(after)).toEqual(withoutOurs(before));
      const asBefore = JSON.stringify(after) === JSON.stringify(before);
      if (!asBefore) expect({ op, painted: ourFormatsOf(after.sheets[0]!) }).toEqual({ op, painted: full });
      outcomes.add(asBefore ? 'before' : 'painted');
    }
    // Failures among the new formats roll back; failures among the deletions of the old ones finish them.
    expect([...outcomes].sort()).toEqual(['before', 'painted']);
  });
});

describe('9. used ranges over 5,000,000 cells', () => {
  test('are read in chunks of at most 5,000,000 cells each, and checked', async () => {
    const sim = await draft();
    sim.activeSheet.setValues('XFD400', [['far away']]);
    sim.resetStats();
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    expect(out.result.findings.some((f) => f.ruleId === 'missing-grade')).toBe(true);
    // The simulator refuses any read of more than 5,000,000 cells (RangeExceedsLimit): none failed.
    expect(sim.syncs.filter((x) => x.failed)).toEqual([]);
    expect(sim.largestResponse).toBeLessThanOrEqual(LIMITS.payloadBytes);
  });
});

function ourFormatsOf(s: SheetSnapshot) {
  return s.conditionalFormats.filter((cf) => isOurFormula(cf.formula)).map(({ id: _id, ...cf }) => cf);
}

function withoutOurs(snap: WorkbookSnapshot) {
  return snap.sheets.map((s) => ({ ...s, conditionalFormats: s.conditionalFormats.filter((cf) => !isOurFormula(cf.formula)) }));
}

describe('2. a settings copy per runtime', () => {
  test("the ribbon's error survives the pane saving its settings, and the pane shows it", async () => {
    const sim = await draft();
    const pane = createExcelHost();
    expect((await pane.loadProfile()).profile).toBeNull();
    // The ribbon, in its own runtime, fails (workbook structure protected) and leaves its message.
    install(sim, { runtime: 'function' });
    sim.structureProtected = true;
    await ribbonSummary();
    expect(sim.savedSettings['kpiCheck.commandError']).toBeDefined();
    // Back in the pane, which loaded its copy before: saving the profile keeps the ribbon's message.
    install(sim, { runtime: 'pane' });
    const p = parseProfile({ noKpiGrade: '－' });
    if (!p.ok) throw new Error('bad profile');
    await pane.saveProfile(p.profile);
    expect(sim.savedSettings['kpiCheck.commandError']).toBeDefined();
    const shown = await takeCommandError();
    expect(shown?.ja).toContain('ブックの保護');
    expect(sim.savedSettings['kpiCheck.commandError']).toBeUndefined();
    expect(sim.savedSettings[PROFILE_SETTING]).toMatchObject({ noKpiGrade: '－' });
  });

  test('on Office 2019 the summary the ribbon inserted is replaced from the pane, not duplicated', async () => {
    const sim = await draft({ host: 'Office2019' });
    const pane = createExcelHost();
    const { result } = await pane.validate(DEFAULT_PROFILE);
    install(sim, { host: 'Office2019', runtime: 'function' });
    await ribbonSummary();
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表', '集計']);
    install(sim, { host: 'Office2019', runtime: 'pane' });
    await pane.saveProfile(null);
    sim.activate('進捗管理表');
    expect(await pane.insertSummary(result, 'ja')).toBe('集計');
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表', '集計']);
  });
});

describe('3. sheet ids that change between sessions', () => {
  test('on Office 2019 our summary is recognised after the workbook is reopened', async () => {
    const sim = await draft({ host: 'Office2019' });
    const { result } = await summarised();
    sim.reopen();
    install(sim, { host: 'Office2019' });
    sim.activate('進捗管理表');
    expect(await createExcelHost().insertSummary(result, 'en')).toBe('集計');
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表', '集計']);
    expect(sim.sheet('集計')!.cell(1, 0)?.value).toBe('Verdict');
  });

  test("a user's sheet that takes our summary's place (name, position, id) is not taken for ours", async () => {
    const sim = await draft({ host: 'Office2019' });
    const { result } = await summarised();
    sim.reopen();
    sim.removeSheet(sim.sheet('集計')!);
    const mine = sim.addSheet('集計');
    mine.setValues('A1', [['私の集計']]);
    sim.reopen();
    install(sim, { host: 'Office2019' });
    const before = mine.snapshot();
    sim.activate('進捗管理表');
    expect(await createExcelHost().insertSummary(result, 'ja')).toBe('集計_進捗管理表');
    expect(sim.sheet('集計')!.snapshot()).toEqual(before);
  });
});

describe("8. a user's copy of our summary", () => {
  test.each(['M365', 'Office2019'] as const)('on %s, a renamed copy is never replaced; ours is', async (hostName) => {
    const sim = await draft({ host: hostName });
    const { host, result } = await summarised();
    // The user copies 集計 (custom properties and all) and renames the copy, placed before ours.
    const ours = sim.sheet('集計')!;
    const copy = sim.addSheet('集計 (2)', 1);
    for (const [r, row] of ours.rowEntries()) row.forEach((c, col) => copy.setCell(r, col, c));
    copy.customProperties = ours.customProperties.map((p) => ({ ...p }));
    copy.name = '私の集計';
    const before = copy.snapshot();
    sim.activate('進捗管理表');
    expect(await host.insertSummary(result, 'en')).toBe('集計');
    expect(sim.sheet('私の集計')!.snapshot()).toEqual(before);
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表', '私の集計', '集計']);
    expect(sim.sheet('集計')!.cell(1, 0)?.value).toBe('Verdict');
  });
});

describe('10. sheet names: UTF-16 length and R1C1-looking names', () => {
  test('a summary of a sheet whose name has characters outside the BMP (𠮷) gets a name Excel takes', async () => {
    const sim = await draft();
    const name = `${'𠮷'.repeat(14)}表1`;
    expect([...`集計_${name}`].length).toBeLessThanOrEqual(31);
    expect(`集計_${name}`.length).toBeGreaterThan(31);
    sim.activeSheet.name = name;
    sim.addSheet('集計');
    const host = createExcelHost();
    const { result } = await host.validate(DEFAULT_PROFILE);
    const made = await host.insertSummary(result, 'ja');
    expect(made.length).toBeLessThanOrEqual(31);
    expect(made.startsWith('集計_𠮷')).toBe(true);
    expect(safeSheetName('𠮷'.repeat(20)).length).toBe(30);
  });

  test.each(['R', 'C', 'RC', 'R1C1', 'r2', 'C3'])('a sheet named %s is quoted in the summary links', async (sheet) => {
    expect(quoteSheetName(sheet)).toBe(`'${sheet}'`);
    const sim = await draft();
    sim.activeSheet.name = sheet;
    const host = createExcelHost();
    const { result } = await host.validate(DEFAULT_PROFILE);
    const snap = sim.sheet(await host.insertSummary(result, 'ja'))!.snapshot();
    const link = Object.values(snap.cells).find((c) => c.formula?.includes('G13'));
    expect(link?.formula).toBe(`=HYPERLINK("#'${sheet}'!G13","G13")`);
  });

  test('ordinary names stay unquoted', () => {
    expect(['Sheet1', 'Report', 'Cat', 'Rx'].map(quoteSheetName)).toEqual(['Sheet1', 'Report', 'Cat', 'Rx']);
  });
});

describe('11. Office 2019 and the languages of Office', () => {
  test('Office 2019 (volume licence) is ExcelApi 1.7, and Validate, Clear and the summary work there', async () => {
    expect(HOSTS.Office2019).toBe('1.7');
    expect(MIN_EXCEL_API).toBe('1.7');
    const sim = await draft({ host: 'Office2019' });
    const before = sim.snapshot();
    const host = createExcelHost();
    const out = await host.validate(DEFAULT_PROFILE);
    expect(out.highlighted).toBeGreaterThan(0);
    expect(await host.insertSummary(out.result, 'ja')).toBe('集計');
    sim.activate('進捗管理表');
    await host.clearHighlights();
    expect(sim.sheet('進捗管理表')!.snapshot()).toEqual(before.sheets[0]);
  });

  const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
  /** The text Office shows for a string resource in a display language: its override, else its default. */
  function shown(id: string, lang: string): string {
    const m = new RegExp(`<bt:String id="${id.replace('.', '\\.')}" DefaultValue="([^"]*)">([\\s\\S]*?)</bt:String>`).exec(
      manifest,
    )!;
    const o = new RegExp(`<bt:Override Locale="${lang}" Value="([^"]*)"/>`).exec(m[2]!);
    return o ? o[1]! : m[1]!;
  }

  test.each(['ja-JP', 'en-US', 'en-GB', 'fr-FR', 'de-DE', 'zh-CN', 'ko-KR', 'pt-BR', 'vi-VN'])(
    'in %s the ribbon speaks the language of the pane',
    (lang) => {
      const paneLang = langFromDisplayLanguage(lang);
      for (const id of ['Group.Label', 'Validate.Label', 'Summary.Label', 'Validate.Tooltip', 'Summary.Tooltip']) {
        const text = shown(id, lang);
        expect({ id, japanese: /[ぁ-んァ-ン一-龯]/.test(text) }).toEqual({ id, japanese: paneLang === 'ja' });
      }
    },
  );
});

describe('the promises under a failure at every request', () => {
  /** Every (request, operation) to fail: the first, a middle and the last operation of each request. */
  async function sweep(
    prepare: () => Promise<SimWorkbook>,
    act: () => Promise<unknown>,
    check: (sim: SimWorkbook, before: WorkbookSnapshot, failed: boolean) => void,
  ): Promise<number> {
    const dry = await prepare();
    dry.resetStats();
    await act();
    const plan = dry.syncs.map((s) => s.operations);
    let runs = 0;
    for (let sync = 1; sync <= plan.length; sync++)
      for (const op of new Set([1, Math.ceil(plan[sync - 1]! / 2), plan[sync - 1]!])) {
        const sim = await prepare();
        const before = sim.snapshot();
        sim.resetStats();
        sim.host.failAt = { sync, op };
        let failed = false;
        try {
          await act();
        } catch {
          failed = true;
        }
        expect({ sync, op, leftover: sim.sheets.filter((s) => s.name.startsWith('KPICHK_tmp')).length }).toEqual({
          sync,
          op,
          leftover: 0,
        });
        check(sim, before, failed);
        runs++;
      }
    return runs;
  }

  /** The user's content: everything but our conditional formats, our summary sheets and the settings. */
  function users(snap: WorkbookSnapshot) {
    return withoutOurs({ ...snap, sheets: snap.sheets.filter((s) => !s.customProperties.length) });
  }

  test('Validate: the sheet as before or fully painted, the user’s content untouched', async () => {
    const prepare = async () => {
      const sim = await draft();
      await createExcelHost().validate(DEFAULT_PROFILE);
      sim.activeSheet.setValues('G13', [['B']]);
      return sim;
    };
    const clean = await prepare();
    await createExcelHost().validate(DEFAULT_PROFILE);
    const full = ourFormatsOf(clean.activeSheet.snapshot());
    const runs = await sweep(
      prepare,
      () => createExcelHost().validate(DEFAULT_PROFILE),
      (sim, before) => {
        const after = sim.snapshot();
        expect(users(after)).toEqual(users(before));
        const mine = ourFormatsOf(after.sheets[0]!);
        if (JSON.stringify(mine) !== JSON.stringify(ourFormatsOf(before.sheets[0]!))) expect(mine).toEqual(full);
      },
    );
    expect(runs).toBeGreaterThan(2);
  });

  test('Clear: every sheet cleared (one retry) or as before', async () => {
    const prepare = async () => {
      const sim = await draft();
      await createExcelHost().validate(DEFAULT_PROFILE);
      return sim;
    };
    await sweep(
      prepare,
      () => createExcelHost().clearHighlights(),
      (sim, before) => {
        const after = sim.snapshot();
        expect(users(after)).toEqual(users(before));
        const left = ourFormatsOf(after.sheets[0]!);
        if (left.length) expect(left).toEqual(ourFormatsOf(before.sheets[0]!));
      },
    );
  });

  test.each(['M365', 'Office2019'] as const)(
    'Insert summary on %s: the old summary or the new one, never half of one, the user’s sheets untouched',
    async (hostName) => {
      let result: Awaited<ReturnType<ReturnType<typeof createExcelHost>['validate']>>['result'] | null = null;
      const prepare = async () => {
        const sim = await draft({ host: hostName });
        sim.addSheet('メモ').setValues('A1', [['私のメモ']]);
        const host = createExcelHost();
        result = (await host.validate(DEFAULT_PROFILE)).result;
        await host.insertSummary(result, 'ja');
        sim.activate('進捗管理表');
        return sim;
      };
      await sweep(
        prepare,
        () => createExcelHost().insertSummary(result!, 'en'),
        (sim, before, failed) => {
          const after = sim.snapshot();
          expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
          expect(after.sheets.find((s) => s.name === 'メモ')).toEqual(before.sheets.find((s) => s.name === 'メモ'));
          expect(after.sheets[0]).toEqual(before.sheets[0]);
          const verdict = sim.sheet('集計')!.cell(1, 0)?.value;
          expect(verdict).toBe(failed ? '判定' : 'Verdict');
        },
      );
    },
  );

  test('the ribbon: a failure is kept for the pane, and the workbook is as before or summarised', async () => {
    const prepare = async () => {
      const sim = await draft();
      install(sim, { runtime: 'function' });
      return sim;
    };
    await sweep(prepare, ribbonSummary, (sim, before) => {
      const after = sim.snapshot();
      const error = sim.savedSettings['kpiCheck.commandError'];
      const names = after.sheets.map((s) => s.name);
      if (error) expect(names).toEqual(before.sheets.map((s) => s.name));
      else expect(names).toEqual(['進捗管理表', '集計']);
      expect(withoutOurs(after)[0]!.cells).toEqual(withoutOurs(before)[0]!.cells);
    });
  });
});
