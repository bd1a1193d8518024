/**
 * The task pane's script stays small (issue 10, item 4): taskpane.js at most 150 KB gzipped, and
 * neither ExcelJS nor zod in it (the profile schema is its own script, fetched for a workbook that
 * holds a profile). `npm test` builds first; `npm run bundle-size` prints the composition.
 */
import { existsSync } from 'fs';
import path from 'path';

const { measurePane } = require('../../tools/bundle-size.js') as {
  measurePane(): { gzip: number; budget: number; hasExcelJs: boolean; hasZod: boolean };
};

const DIST = path.join(__dirname, '..', '..', 'dist');

beforeAll(() => {
  if (!existsSync(path.join(DIST, 'taskpane.js'))) throw new Error('dist/taskpane.js is missing: run `npm run build` first');
});

it('taskpane.js is at most 150 KB gzipped, without ExcelJS or zod', () => {
  const m = measurePane();
  expect(m.budget).toBe(150 * 1024);
  expect({ overBudget: m.gzip > m.budget, hasExcelJs: m.hasExcelJs, hasZod: m.hasZod }).toEqual({
    overBudget: false,
    hasExcelJs: false,
    hasZod: false,
  });
});

it('the scripts the pane fetches later are built next to it', () => {
  for (const f of ['settings.chunk.js', 'profile.chunk.js']) expect(existsSync(path.join(DIST, f))).toBe(true);
});
