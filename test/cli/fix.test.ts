/** kpi-check --fix on the draft: the fixed copy has exactly the expected changes, the input is untouched. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { toA1 } from '../../src/core/a1';
import { checkSheet } from '../../src/core/engine';
import { safeFixes } from '../../src/core/fixes';
import { sheetToData } from '../../src/xlsx/read';
import { SEEDS, SHEET, assertBuilt, readBook, runCli, sha256, sheet, tempDir } from './helpers';

beforeAll(assertBuilt);

/** Every cell of a sheet: value, formula and style, by address. */
function cells(ws: import('exceljs').Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      out[c.address] = JSON.stringify({ v: c.value ?? null, s: c.style ?? {} });
    }),
  );
  return out;
}

it('writes <name>.fixed.xlsx with exactly the safe fixes and lists them; the input is not written', async () => {
  const dir = await tempDir('kpi-fix-');
  const input = path.join(dir, 'sample-draft.xlsx');
  await fs.copyFile(path.join(SEEDS, 'sample-draft.xlsx'), input);
  const hash = await sha256(input);
  const r = await runCli(['--fix', input]);
  expect(r.code).toBe(1); // the draft still has errors a fix does not touch
  const out = path.join(dir, 'sample-draft.fixed.xlsx');
  expect(await sha256(input)).toBe(hash);

  const before = sheet(await readBook(input), SHEET);
  const plan = safeFixes(checkSheet(sheetToData(before)).findings);
  expect(plan.map((f) => toA1(f.row, f.col)).sort()).toEqual(['G15', 'H7', 'J4']);
  const after = sheet(await readBook(out), SHEET);
  const a = cells(before);
  const b = cells(after);
  const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();
  expect(changed).toEqual(['G15', 'H7', 'J4']);
  for (const f of plan) {
    expect(after.getCell(f.row + 1, f.col + 1).value).toBe(f.to);
    expect(after.getCell(f.row + 1, f.col + 1).style).toEqual(before.getCell(f.row + 1, f.col + 1).style);
  }
  // The list of changes, on stderr (stdout keeps the report).
  expect(r.stderr).toContain(`${out}: 3 か所を修正しました（入力は変更していません）`);
  expect(r.stderr).toContain('G15: 「Ｂ」→「B」');
  // The fixed copy checks clean of what was fixed.
  expect(safeFixes(checkSheet(sheetToData(after)).findings)).toEqual([]);

  // Never over an existing file without --force; never over the input.
  const again = await runCli(['--fix', input]);
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('--force');
  const same = await runCli(['--fix', dir, input, '--force']);
  expect(same.code).toBe(1);
  expect(await sha256(input)).toBe(hash);
});
