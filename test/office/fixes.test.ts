/** Quick fixes on the strict simulator: exactly the planned cells, at most two round trips, never a formula. */
import { toA1 } from '../../src/core/a1';
import { reverseFixes, safeFixes, type Fix } from '../../src/core/fixes';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { createExcelHost } from '../../src/office/excelHost';
import { install, loadSeed, rejection, uninstall } from './helpers';

afterEach(uninstall);

async function draft() {
  const sim = await loadSeed('sample-draft.xlsx');
  install(sim);
  const host = createExcelHost();
  const { result } = await host.validate(DEFAULT_PROFILE);
  return { sim, host, result, sheet: result.sheet };
}

describe('quick fixes through Office.js', () => {
  it('change exactly the planned cells in two round trips, and undo restores every cell in two more', async () => {
    const { sim, host, result, sheet } = await draft();
    const fixes = safeFixes(result.findings);
    // The draft's certain fixes: Ｂ → B, stray spaces, HTML tags (the cell that is only tags has none).
    expect(fixes.map((f) => toA1(f.row, f.col)).sort()).toEqual(['G15', 'H7', 'J4']);
    expect(fixes.find((f) => toA1(f.row, f.col) === 'G15')).toMatchObject({ from: 'Ｂ', to: 'B' });
    const before = sim.snapshot().sheets.find((s) => s.name === sheet)!.cells;
    sim.resetStats();
    const out = await host.writeFixes(sheet, fixes);
    expect(sim.syncCount).toBeLessThanOrEqual(2);
    expect(out.skipped).toEqual([]);
    const after = sim.snapshot().sheets.find((s) => s.name === sheet)!.cells;
    const changed = Object.keys(after).filter((a) => JSON.stringify(after[a]) !== JSON.stringify(before[a]));
    expect(changed.sort()).toEqual(['G15', 'H7', 'J4']);
    for (const f of fixes) {
      expect(after[toA1(f.row, f.col)]!.value).toBe(f.to);
      // Formats stay: only the value differs.
      expect({ ...after[toA1(f.row, f.col)], value: null }).toEqual({ ...before[toA1(f.row, f.col)], value: null });
    }
    // The findings they fixed are gone.
    const rechecked = await host.inspect(DEFAULT_PROFILE);
    expect(safeFixes(rechecked.findings)).toEqual([]);
    sim.resetStats();
    const undo = await host.writeFixes(sheet, reverseFixes(out.applied));
    expect(sim.syncCount).toBeLessThanOrEqual(2);
    expect(undo.skipped).toEqual([]);
    expect(sim.snapshot().sheets.find((s) => s.name === sheet)!.cells).toEqual(before);
  });

  it('never writes a cell that holds a formula, nor one changed since it was checked', async () => {
    const { sim, host, sheet } = await draft();
    const ws = sim.sheet(sheet)!;
    ws.setCell(20, 0, { value: 'x  y', formula: '="x  y"' });
    ws.setCell(21, 0, { value: 'old' });
    const plan: Fix[] = [
      { row: 20, col: 0, from: 'x  y', to: 'x y', safe: true },
      { row: 21, col: 0, from: 'older', to: 'new', safe: true },
    ];
    const before = JSON.stringify(sim.snapshot());
    sim.resetStats();
    const out = await host.writeFixes(sheet, plan);
    expect(out.applied).toEqual([]);
    expect(out.skipped).toEqual(plan);
    expect(sim.syncCount).toBe(1);
    expect(JSON.stringify(sim.snapshot())).toBe(before);
  });

  it('the core attaches no fix to a formula cell', async () => {
    const { sim, sheet } = await draft();
    const ws = sim.sheet(sheet)!;
    const cell = ws.cell(14, 6)!; // G15 holds Ｂ
    ws.setCell(14, 6, { ...cell, formula: '="Ｂ"' });
    const result = await createExcelHost().inspect(DEFAULT_PROFILE);
    expect(result.findings.find((f) => f.row === 14 && f.col === 6)?.fix).toBeUndefined();
  });

  it('a protected sheet is refused before anything is written', async () => {
    const { sim, host, result, sheet } = await draft();
    sim.sheet(sheet)!.protected = true;
    const e = await rejection(host.writeFixes(sheet, safeFixes(result.findings)));
    expect((e as { code: string }).code).toBe('protected');
  });
});
