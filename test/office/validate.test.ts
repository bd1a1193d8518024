/** Validate and Clear on the sample workbooks: highlights show, then leave the sheet exactly as it was. */
import { rangeContains } from '../../src/core/a1';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { createExcelHost } from '../../src/office/excelHost';
import { HIGHLIGHT_COLOR } from '../../src/core/highlight';
import { isOurFormula } from '../../src/office/highlights';
import { HostError } from '../../src/office/host';
import type { HostName, SimSheet, SimWorkbook, WorkbookSnapshot } from '../../src/office/simulator';
import { install, loadSeed, rejection, uninstall } from './helpers';

afterEach(uninstall);

/** The fill a user sees on a cell: the top-priority conditional format over it that sets a fill, else the cell's own. */
function shownFill(sheet: SimSheet, a1: string): string | undefined {
  const row = Number(/\d+/.exec(a1)![0]) - 1;
  const col = a1.charCodeAt(0) - 65;
  for (const cf of sheet.conditionalFormats)
    if (cf.format.fill && isOurFormula(cf.formula) && cf.ranges.some((r) => rangeContains(r, row, col))) return cf.format.fill;
  return sheet.cell(row, col)?.style?.fill;
}

function ourFormats(sheet: SimSheet) {
  return sheet.conditionalFormats.filter((cf) => isOurFormula(cf.formula));
}

/** The user's own formatting on top of the sample: fills, a bold font and conditional formats of their own. */
function personalise(sim: SimWorkbook): void {
  const s = sim.activeSheet;
  s.setStyle('G13', { fill: '#FFFF00' });
  s.setStyle('B4:B6', { font: { bold: true, color: '#0000FF' } });
  s.addConditionalFormat({
    type: 'Custom',
    ranges: [{ top: 2, left: 6, bottom: 16, right: 6 }],
    formula: '=G3="D"',
    format: { fill: '#9999FF', fontBold: true },
    stopIfTrue: false,
  });
  s.addConditionalFormat({
    type: 'DataBar',
    ranges: [{ top: 2, left: 4, bottom: 16, right: 5 }],
    format: {},
    stopIfTrue: false,
    source: { kept: true },
  });
}

function withoutOurs(snap: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snap,
    sheets: snap.sheets.map((s) => ({
      ...s,
      conditionalFormats: s.conditionalFormats.filter((cf) => !isOurFormula(cf.formula)),
    })),
  };
}

describe.each(['sample.xlsx', 'sample-draft.xlsx'] as const)('%s', (file) => {
  test('Inspect (what the pane shows on open) finds the table in one round trip and paints nothing', async () => {
    const sim = await loadSeed(file);
    personalise(sim);
    install(sim);
    const before = sim.snapshot();
    sim.resetStats();
    const host = createExcelHost();
    const result = await host.inspect(DEFAULT_PROFILE);
    expect(result.summary.tableRange).toBe('A1:K17');
    expect(result.summary.rows).toBe(10);
    expect(sim.syncCount).toBe(1);
    expect(sim.snapshot()).toEqual(before);
    expect(result.findings).toEqual((await host.validate(DEFAULT_PROFILE)).result.findings);
  });

  test('Validate → Clear restores every value, formula, format and conditional format', async () => {
    const sim = await loadSeed(file);
    personalise(sim);
    install(sim);
    const before = sim.snapshot();
    const host = createExcelHost();

    const out = await host.validate(DEFAULT_PROFILE);
    expect(out.result.layout).not.toBeNull();
    const after = sim.snapshot();
    // Nothing of the user's changed: only our conditional formats were added.
    expect(withoutOurs(after)).toEqual(before);
    const painted = ourFormats(sim.activeSheet);
    expect(painted.length > 0).toBe(out.highlighted > 0);

    expect(await host.clearHighlights()).toBe(out.highlighted > 0 ? 1 : 0);
    expect(sim.snapshot()).toEqual(before);
  });

  test('Validate again does not stack highlights', async () => {
    const sim = await loadSeed(file);
    install(sim);
    const host = createExcelHost();
    const first = await host.validate(DEFAULT_PROFILE);
    const once = ourFormats(sim.activeSheet).map(({ id: _id, ...cf }) => cf);
    const second = await host.validate(DEFAULT_PROFILE);
    expect(second.highlighted).toBe(first.highlighted);
    expect(ourFormats(sim.activeSheet).map(({ id: _id, ...cf }) => cf)).toEqual(once);
  });

  test('Validate takes at most two round trips', async () => {
    const sim = await loadSeed(file);
    install(sim);
    const host = createExcelHost();
    await host.validate(DEFAULT_PROFILE);
    sim.resetStats();
    await host.validate(DEFAULT_PROFILE);
    expect(sim.syncCount).toBeLessThanOrEqual(2);
    expect(sim.largestRequest).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('the draft sample', () => {
  test('its missing grade (G13) gets the strongest colour, errors and warnings their own', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    personalise(sim);
    install(sim);
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    const cells = new Set(
      out.result.findings
        .filter((f) => f.row !== null)
        .map((f) => `${f.ruleId}@${String.fromCharCode(65 + f.col!)}${f.row! + 1}`),
    );
    expect(cells).toContain('missing-grade@G13');
    expect(cells).toContain('invalid-grade@G6');
    expect(cells).toContain('grade-mismatch@G10');
    const s = sim.activeSheet;
    // The user's own yellow on G13 is covered while highlighted, and back after Clear.
    expect(shownFill(s, 'G13')).toBe(HIGHLIGHT_COLOR['missing-grade']);
    expect(shownFill(s, 'G6')).toBe(HIGHLIGHT_COLOR.error);
    expect(shownFill(s, 'G10')).toBe(HIGHLIGHT_COLOR.warning);
    expect(shownFill(s, 'J4')).toBe(HIGHLIGHT_COLOR.info);
    // A header cell without findings keeps its own fill.
    expect(shownFill(s, 'A1')).toBe('#DDEBF7');
    // Our formats sit above the user's, each kind once.
    expect(s.conditionalFormats.slice(0, 4).every((cf) => isOurFormula(cf.formula))).toBe(true);
    expect(s.conditionalFormats.slice(0, 4).map((cf) => cf.format.fill)).toEqual([
      HIGHLIGHT_COLOR['missing-grade'],
      HIGHLIGHT_COLOR.error,
      HIGHLIGHT_COLOR.warning,
      HIGHLIGHT_COLOR.info,
    ]);
    expect(out.highlighted).toBe(new Set(out.result.findings.filter((f) => f.row !== null).map((f) => `${f.row},${f.col}`)).size);
    await createExcelHost().clearHighlights();
    expect(shownFill(s, 'G13')).toBe('#FFFF00');
  });

  test('Clear removes highlights from every sheet and only ours', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim);
    const host = createExcelHost();
    await host.validate(DEFAULT_PROFILE);
    const copy = sim.addSheet('写し');
    copy.setValues('A1', [['x']]);
    copy.addConditionalFormat({
      type: 'Custom',
      ranges: [{ top: 0, left: 0, bottom: 0, right: 0 }],
      formula: '=TRUE',
      format: { fill: '#00FF00' },
      stopIfTrue: false,
    });
    copy.addConditionalFormat({
      type: 'Custom',
      ranges: [{ top: 0, left: 0, bottom: 0, right: 0 }],
      formula: '=ISTEXT("KPICHK:error")',
      format: { fill: '#FFC7CE' },
      stopIfTrue: false,
    });
    expect(await host.clearHighlights()).toBe(2);
    expect(ourFormats(sim.activeSheet)).toHaveLength(0);
    expect(copy.conditionalFormats.map((cf) => cf.formula)).toEqual(['=TRUE']);
  });

  test('findings match what the CLI reads from the same file', async () => {
    const { loadWorkbook, sheetToData } = await import('../../src/xlsx/read');
    const { checkSheet } = await import('../../src/core/engine');
    const wb = await loadWorkbook(`${__dirname}/../../seeds/sample-draft.xlsx`);
    const cli = checkSheet(sheetToData(wb.worksheets[0]!), DEFAULT_PROFILE);
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim);
    const out = await createExcelHost().validate(DEFAULT_PROFILE);
    expect(out.result.findings).toEqual(cli.findings);
    expect(out.result.summary).toEqual(cli.summary);
  });
});

describe('older hosts', () => {
  test.each(['Office2019', { excelApi: '1.7' }] as (HostName | { excelApi: string })[])(
    'on %p (no RangeAreas, no merged areas) the table is still found and Clear still restores',
    async (host) => {
      const sim = await loadSeed('sample-draft.xlsx');
      personalise(sim);
      install(sim, { host });
      const before = sim.snapshot();
      const h = createExcelHost();
      sim.resetStats();
      const out = await h.validate(DEFAULT_PROFILE);
      expect(sim.syncCount).toBeLessThanOrEqual(2);
      expect(out.result.layout).not.toBeNull();
      expect(out.result.findings.some((f) => f.ruleId === 'header-not-found')).toBe(false);
      expect(out.result.findings.find((f) => f.ruleId === 'missing-grade')).toMatchObject({ row: 12, col: 6 });
      expect(shownFill(sim.activeSheet, 'G13')).toBe(HIGHLIGHT_COLOR['missing-grade']);
      // One conditional format per rectangular block instead of one per kind.
      expect(ourFormats(sim.activeSheet).length).toBeGreaterThan(4);
      await h.validate(DEFAULT_PROFILE);
      expect(ourFormats(sim.activeSheet).length).toBe(
        new Set(ourFormats(sim.activeSheet).map((cf) => JSON.stringify(cf.ranges))).size,
      );
      await h.clearHighlights();
      expect(sim.snapshot()).toEqual(before);
    },
  );

  test('without merged areas (before ExcelApi 1.13) only findings that depend on merges differ', async () => {
    const full = await loadSeed('sample-draft.xlsx');
    install(full);
    const withMerges = await createExcelHost().validate(DEFAULT_PROFILE);
    const old = await loadSeed('sample-draft.xlsx');
    install(old, { host: 'Office2019' });
    const without = await createExcelHost().validate(DEFAULT_PROFILE);
    const key = (f: { ruleId: string; row: number | null; col: number | null }) => `${f.ruleId}@${f.row},${f.col}`;
    const a = new Set(withMerges.result.findings.map(key));
    const b = without.result.findings.map(key);
    // Everything found with merges is found without them …
    for (const k of a) expect(b).toContain(k);
    // … and the extra ones are empty-looking cells that a merge covers (documented in the README).
    const extra = without.result.findings.filter((f) => !a.has(key(f)));
    for (const f of extra) {
      expect(f.ruleId).toBe('required-cell-empty');
      expect(
        full.activeSheet.merges.some(
          (m) => rangeContains(m, f.row!, f.col!) || (m.top <= 1 && m.left <= f.col! && f.col! <= m.right),
        ),
      ).toBe(true);
    }
  });

  test('a host older than ExcelApi 1.7 gets a clear message and nothing happens', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim, { host: 'Office2016' });
    const before = sim.snapshot();
    const e = await rejection(createExcelHost().validate(DEFAULT_PROFILE));
    expect(e).toBeInstanceOf(HostError);
    expect(e).toMatchObject({ code: 'api-unsupported' });
    expect((e as HostError).ja).toContain('ExcelApi 1.7');
    expect(sim.syncCount).toBe(0);
    expect(sim.snapshot()).toEqual(before);
  });
});
