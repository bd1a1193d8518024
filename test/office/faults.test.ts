/** Faults: each gets a clear message, and the workbook is left as it was. */
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import { PROFILE_SETTING, createExcelHost } from '../../src/office/excelHost';
import { HostError } from '../../src/office/host';
import { isOurFormula } from '../../src/office/highlights';
import type { SimWorkbook } from '../../src/office/simulator';
import { install, loadSeed, rejection, summarised, uninstall } from './helpers';

afterEach(uninstall);

async function draft(): Promise<SimWorkbook> {
  const sim = await loadSeed('sample-draft.xlsx');
  install(sim);
  return sim;
}

function expectHostError(e: unknown, code: HostError['code'], ...words: string[]): HostError {
  expect(e).toBeInstanceOf(HostError);
  const h = e as HostError;
  expect(h.code).toBe(code);
  for (const w of words) expect(`${h.ja} ${h.en}`).toContain(w);
  expect(h.ja).toMatch(/[ぁ-んァ-ン]/);
  expect(h.en).toMatch(/[a-z]/);
  return h;
}

describe('Validate', () => {
  test('on a protected sheet: the findings, a message saying how to unprotect it, nothing written', async () => {
    const sim = await draft();
    sim.activeSheet.protected = true;
    const before = sim.snapshot();
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    expect(out.result.findings.some((f) => f.ruleId === 'missing-grade')).toBe(true);
    expect(out.highlighted).toBe(0);
    expectHostError(out.notPainted, 'protected', '進捗管理表', 'シート保護の解除', 'Unprotect');
    expect(sim.snapshot()).toEqual(before);
  });

  test('a protected sheet with nothing to paint: no message at all', async () => {
    const sim = await loadSeed('sample.xlsx');
    install(sim);
    sim.activeSheet.protected = true;
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    expect(out.result.summary.ready).toBe(true);
    expect(out.notPainted).toBeUndefined();
  });

  test('the sheet protected between reading and writing: nothing written', async () => {
    const sim = await draft();
    const host = createExcelHost();
    await host.validate(DEFAULT_PROFILE);
    const before = sim.snapshot();
    sim.resetStats();
    sim.beforeSync = (n) => {
      if (n === 2) sim.activeSheet.protected = true;
    };
    const out = await host.validate(DEFAULT_PROFILE);
    expectHostError(out.notPainted, 'protected');
    expect(out.result.findings.length).toBeGreaterThan(0);
    expect(sim.snapshot()).toEqual({ ...before, sheets: before.sheets.map((s) => ({ ...s, protected: true })) });
  });

  test('the sheet deleted between reading and writing: a message, nothing half-written', async () => {
    const sim = await draft();
    sim.addSheet('Other').setValues('A1', [['keep']]);
    const before = sim.sheet('Other')!.snapshot();
    sim.beforeSync = (n) => {
      if (n === 2) sim.removeSheet(sim.sheet('進捗管理表')!);
    };
    expectHostError(await rejection(createExcelHost().validate(DEFAULT_PROFILE)), 'sheet-gone', '進捗管理表');
    expect(sim.sheets.map((s) => s.name)).toEqual(['Other']);
    expect(sim.sheet('Other')!.snapshot()).toEqual(before);
  });

  test('the sheet renamed, or another sheet activated, between reading and writing: the sheet read is the one painted', async () => {
    const sim = await draft();
    sim.addSheet('Other');
    sim.beforeSync = (n) => {
      if (n === 2) {
        sim.sheet('進捗管理表')!.name = '改名';
        sim.activate('Other');
      }
    };
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    expect(out.highlighted).toBeGreaterThan(0);
    expect(sim.sheet('改名')!.conditionalFormats.filter((cf) => isOurFormula(cf.formula)).length).toBeGreaterThan(0);
    expect(sim.sheet('Other')!.conditionalFormats).toHaveLength(0);
  });

  test('another workbook taking the focus: a message, nothing written', async () => {
    const sim = await draft();
    const before = sim.snapshot();
    sim.beforeSync = (n) => {
      if (n === 2) sim.inactive = true;
    };
    expectHostError(await rejection(createExcelHost().validate(DEFAULT_PROFILE)), 'workbook-changed', 'このブック', 'workbook');
    expect(sim.snapshot()).toEqual(before);
  });

  test('a cell being edited: a message saying to finish editing', async () => {
    const sim = await draft();
    sim.cellEditMode = true;
    expectHostError(await rejection(createExcelHost().validate(DEFAULT_PROFILE)), 'unknown', 'Enter', 'Esc');
  });

  test('a used range of more than 20,000,000 cells is refused with a message, in one small round trip', async () => {
    const sim = await draft();
    sim.activeSheet.setValues('A1', [['x']]);
    sim.activeSheet.setValues('XFD2000', [['far away']]);
    sim.resetStats();
    const e = expectHostError(
      await rejection(createExcelHost().validate(DEFAULT_PROFILE)),
      'too-large',
      '20,000,000',
      'kpi-check',
    );
    expect(e.en).toContain('32,768,000');
    expect(sim.syncCount).toBe(1);
    expect(sim.largestResponse).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('Clear', () => {
  test('a protected sheet with our highlights: a message, nothing cleared anywhere', async () => {
    const sim = await draft();
    const host = createExcelHost();
    await host.validate(DEFAULT_PROFILE);
    sim.addSheet('Second');
    sim.activate('Second');
    sim.activeSheet.setValues('A1', [['a']]);
    sim.activeSheet.addConditionalFormat({
      type: 'Custom',
      ranges: [{ top: 0, left: 0, bottom: 0, right: 0 }],
      formula: '=ISTEXT("KPICHK:error")',
      format: { fill: '#FFC7CE' },
      stopIfTrue: false,
    });
    sim.sheet('進捗管理表')!.protected = true;
    const before = sim.snapshot();
    expectHostError(await rejection(host.clearHighlights()), 'protected', '進捗管理表');
    expect(sim.snapshot()).toEqual(before);
  });
});

describe('Insert summary', () => {
  test('the source sheet renamed or deleted since Validate: a message, nothing written', async () => {
    const sim = await draft();
    const host = createExcelHost();
    const { result } = await host.validate(DEFAULT_PROFILE);
    sim.sheet('進捗管理表')!.name = '改名後';
    const before = sim.snapshot();
    expectHostError(await rejection(host.insertSummary(result, 'ja')), 'sheet-gone', '進捗管理表', 'Validate');
    expect(sim.snapshot()).toEqual(before);
  });

  test('the source deleted between the two requests: nothing written, no temporary sheet left', async () => {
    const sim = await draft();
    const host = createExcelHost();
    const { result } = await host.validate(DEFAULT_PROFILE);
    sim.addSheet('Other');
    sim.resetStats();
    sim.beforeSync = (n) => {
      if (n === 2) sim.removeSheet(sim.sheet('進捗管理表')!);
    };
    expectHostError(await rejection(host.insertSummary(result, 'ja')), 'sheet-gone');
    expect(sim.sheets.map((s) => s.name)).toEqual(['Other']);
  });

  test('workbook structure protected: a message, nothing written', async () => {
    const sim = await draft();
    const host = createExcelHost();
    const { result } = await host.validate(DEFAULT_PROFILE);
    sim.structureProtected = true;
    const before = sim.snapshot();
    expectHostError(await rejection(host.insertSummary(result, 'ja')), 'protected', 'ブックの保護', 'Protect Workbook');
    expect(sim.snapshot()).toEqual(before);
  });

  test('the old summary deleted by hand while ours is written: ours takes its place, no half-written sheet', async () => {
    const sim = await draft();
    const { host, result } = await summarised();
    const before = sim.snapshot();
    sim.resetStats();
    sim.beforeSync = (n) => {
      // Deleting the old summary then fails (it is gone); everything else of the new one is written by then.
      if (n === 2) sim.removeSheet(sim.sheet('集計')!);
    };
    expect(await host.insertSummary(result, 'en')).toBe('集計');
    sim.beforeSync = null;
    expect(sim.sheets.some((s) => s.name.startsWith('KPICHK_tmp'))).toBe(false);
    expect(sim.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(sim.sheet('集計')!.cell(1, 0)?.value).toBe('Verdict');
  });

  test('a failure while writing leaves the previous summary in place and no half-written sheet', async () => {
    const sim = await draft();
    const { host, result } = await summarised();
    const before = sim.snapshot();
    sim.resetStats();
    sim.host.failAt = { sync: 2, op: 40 };
    await rejection(host.insertSummary(result, 'en'));
    expect(sim.snapshot()).toEqual(before);
  });
});

describe('selectCell', () => {
  test('activates the sheet and selects the cell in one round trip after the check', async () => {
    const sim = await draft();
    sim.addSheet('Other');
    sim.activate('Other');
    sim.resetStats();
    await createExcelHost().selectCell('進捗管理表', 'G13');
    expect(sim.activeSheet.name).toBe('進捗管理表');
    expect(sim.selection).toEqual({ sheetId: sim.activeSheet.id, range: { top: 12, left: 6, bottom: 12, right: 6 } });
    expect(sim.syncCount).toBe(2);
  });

  test('a missing sheet, a hidden sheet, a bad address: messages', async () => {
    const sim = await draft();
    const host = createExcelHost();
    expectHostError(await rejection(host.selectCell('ない', 'A1')), 'sheet-gone', 'ない');
    sim.addSheet('Hidden').visibility = 'Hidden';
    expectHostError(await rejection(host.selectCell('Hidden', 'A1')), 'unknown', 'Hidden', '再表示');
    expectHostError(await rejection(host.selectCell('進捗管理表', 'G13; DROP')), 'unknown', 'G13; DROP');
  });
});

describe('settings and the active sheet', () => {
  test('the profile travels in the document settings; a broken one reads as none, with why', async () => {
    const sim = await draft();
    const host = createExcelHost();
    expect(await host.loadProfile()).toEqual({ profile: null, errors: [] });
    const p = parseProfile({ noKpiGrade: '－', placeholders: ['調整中'] });
    if (!p.ok) throw new Error('bad profile');
    await host.saveProfile(p.profile);
    expect(sim.savedSettings[PROFILE_SETTING]).toMatchObject({ noKpiGrade: '－', placeholders: ['調整中'] });
    expect(await host.loadProfile()).toEqual({ profile: p.profile, errors: [] });
    sim.savedSettings[PROFILE_SETTING] = { gradeScale: 'nonsense' };
    expect(await host.loadProfile()).toEqual({ profile: null, errors: [expect.stringMatching(/^gradeScale: unknown preset/)] });
    await host.saveProfile(null);
    expect(sim.savedSettings[PROFILE_SETTING]).toBeUndefined();
  });

  test('activeSheet: name and used range in one round trip', async () => {
    const sim = await draft();
    sim.resetStats();
    expect(await createExcelHost().activeSheet()).toEqual({ name: '進捗管理表', usedRange: 'A1:K17' });
    expect(sim.syncCount).toBe(1);
    sim.activate(sim.addSheet('空').name);
    expect(await createExcelHost().activeSheet()).toEqual({ name: '空', usedRange: null });
  });
});
