/**
 * Issue 9: where real Excel differs from a well-behaved one. Each describe is one point of the issue,
 * run against the simulator option (src/office/simulator/model.ts, HostBehaviours) that reproduces it.
 */
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { createExcelHost } from '../../src/office/excelHost';
import { HostError } from '../../src/office/host';
import type { SimWorkbook } from '../../src/office/simulator';
import { install, loadSeed, rejection, uninstall } from './helpers';

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
