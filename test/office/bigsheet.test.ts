/** Sheets too large for one request: read in row chunks, every request and response under 5 MB. */
import { checkSheet } from '../../src/core/engine';
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { createExcelHost } from '../../src/office/excelHost';
import { HEAD_ROWS } from '../../src/office/read';
import { SUMMARY_NAME_PROPERTY, SUMMARY_PROPERTY } from '../../src/office/summarySheet';
import { LIMITS } from '../../src/office/simulator';
import { modelSheetData, tiledWorkbook } from './fixtures';
import { install, loadSeed, uninstall } from './helpers';

afterEach(uninstall);

jest.setTimeout(240_000);

test('a 60,000-row sheet is read in chunks: no request or response over 5 MB, the same findings as the whole sheet', async () => {
  const seed = await loadSeed('sample-draft.xlsx');
  const sim = tiledWorkbook(seed.activeSheet, 60_000);
  install(sim);
  const expected = checkSheet(modelSheetData(sim.activeSheet), DEFAULT_PROFILE);
  const out = await createExcelHost().validate(DEFAULT_PROFILE);

  expect(sim.syncCount).toBeGreaterThan(3);
  expect(sim.syncs.every((x) => !x.failed)).toBe(true);
  expect(sim.largestRequest).toBeLessThanOrEqual(LIMITS.payloadBytes);
  expect(sim.largestResponse).toBeLessThanOrEqual(LIMITS.payloadBytes);
  // The reads were real chunks, not a read per row.
  expect(sim.syncCount).toBeLessThan(200);
  expect(out.result.findings).toEqual(expected.findings);
  expect(out.result.summary.rows).toBe(expected.summary.rows);
  expect(out.result.summary.rows).toBeGreaterThan(40_000);
  expect(out.highlighted).toBeGreaterThan(10_000);
});

test('a sheet of 1,500 rows (about 2 MB of cells, under the payload limit) still costs at most two round trips', async () => {
  const seed = await loadSeed('sample-draft.xlsx');
  const sim = tiledWorkbook(seed.activeSheet, 1500);
  install(sim);
  const out = await createExcelHost().validate(DEFAULT_PROFILE);
  expect(out.highlighted).toBeGreaterThan(500);
  expect(sim.syncCount).toBeLessThanOrEqual(2);
  expect(sim.largestResponse).toBeGreaterThan(1_000_000);
  expect(sim.largestResponse).toBeLessThanOrEqual(LIMITS.payloadBytes);
});

test('a sheet whose first rows exceed one response is still read, by the long way', async () => {
  const seed = await loadSeed('sample-draft.xlsx');
  const sim = tiledWorkbook(seed.activeSheet, 400);
  // Long texts: 400 rows (fewer than HEAD_ROWS) that weigh more than 5 MB.
  const s = sim.activeSheet;
  expect(s.usedRange(true)!.bottom).toBeLessThan(HEAD_ROWS);
  for (let r = 2; r <= s.usedRange(true)!.bottom; r++) s.setValues(`K${r + 1}`, [[`備考${'あ'.repeat(8000)}`]]);
  install(sim);
  const expected = checkSheet(modelSheetData(s), DEFAULT_PROFILE);
  const out = await createExcelHost().validate(DEFAULT_PROFILE);
  expect(out.result.findings).toEqual(expected.findings);
  // Excel refused the too-large reads (the first request, then chunks until they were small enough) …
  const refused = sim.syncs.filter((x) => x.failed);
  expect(refused.length).toBeGreaterThan(0);
  expect(refused.length).toBeLessThanOrEqual(5);
  expect(refused.every((x) => x.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  // … and every request that went through stayed within the limits.
  const done = sim.syncs.filter((x) => !x.failed);
  expect(done.every((x) => x.responseBytes <= LIMITS.payloadBytes && x.requestBytes <= LIMITS.payloadBytes)).toBe(true);
});

test('a summary too large for one request is written over several, and still replaces only ours', async () => {
  const seed = await loadSeed('sample-draft.xlsx');
  const sim = tiledWorkbook(seed.activeSheet, 20_000);
  install(sim);
  const host = createExcelHost();
  const { result } = await host.validate(DEFAULT_PROFILE);
  expect(result.findings.length).toBeGreaterThan(10_000);
  await host.insertSummary(result, 'ja');
  sim.resetStats();
  const name = await host.insertSummary(result, 'ja');
  expect(sim.syncCount).toBeGreaterThan(2);
  expect(sim.largestRequest).toBeLessThanOrEqual(LIMITS.payloadBytes);
  expect(sim.sheets.map((s) => s.name)).toEqual([sim.sheets[0]!.name, name]);
  expect(sim.sheet(name)!.customProperties).toEqual([
    { key: SUMMARY_PROPERTY, value: result.sheet },
    { key: SUMMARY_NAME_PROPERTY, value: name },
  ]);
  const links = Object.values(sim.sheet(name)!.snapshot().cells).filter((c) => c.formula?.startsWith('=HYPERLINK('));
  expect(links).toHaveLength(result.findings.filter((f) => f.row !== null).length);
});
