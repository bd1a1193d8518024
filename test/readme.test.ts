/** The README is part of the product: its rule list and quick start must stay true. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES } from '../src/core/rules';
import { MAX_CELL_CHARS } from '../src/core/limits';
import { DEFAULT_TIME_LIMIT_S, MAX_WORKER_HEAP_MB } from '../src/cli/limits';
import { MAX_WRITE_MERGED_CELLS, MAX_WRITE_NAME_CELLS, MAX_WRITE_VALIDATION_CELLS } from '../src/xlsx/limits';
import * as reader from '../src/xlsx-read/limits';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  it.each(ALL_RULES.map((r) => [r.id, r.defaultSeverity]))('lists rule %s with its default severity %s', (id, severity) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${id}\` \\| ${severity} \\|`, 'm'));
  });

  it('lists no rule that does not exist', () => {
    const listed = [...readme.matchAll(/^\| `([a-z-]+)` \| (?:error|warning|info) \|/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(ALL_RULES.map((r) => r.id)));
  });

  it.each(['demo', 'test', 'preview', 'start', 'validate', 'bench'])('names the npm script %s, which exists', (script) => {
    expect(readme).toContain(`npm run ${script}`.replace('npm run test', 'npm test').replace('npm run start', 'npm start'));
    expect(pkg.scripts[script]).toBeDefined();
  });

  it('names the limits for files from others as the code sets them', () => {
    const section = readme.slice(readme.indexOf('## Checking files from others'), readme.indexOf('## Benchmarks'));
    const n = (x: number) => x.toLocaleString('en-US');
    const MiB = 1024 * 1024;
    expect(section).toContain(`heap\ncapped at ${n(MAX_WORKER_HEAP_MB)} MiB, ${DEFAULT_TIME_LIMIT_S} s per file`);
    expect(section).toContain(`| zip entries | ${n(reader.MAX_ZIP_ENTRIES)};`);
    expect(section).toContain(`${reader.MAX_PART_BYTES / MiB} MiB a part, ${reader.MAX_INFLATED_BYTES / MiB} MiB a workbook`);
    expect(section).toContain(`| XML nesting | ${reader.MAX_XML_DEPTH} levels |`);
    expect(section).toContain(`(${n(reader.MAX_ROWS)} rows × ${n(reader.MAX_COLUMNS)} columns)`);
    expect(section).toContain(`at most ${n(reader.MAX_SHEET_CELLS)} cells`);
    expect(section).toContain(`| cell text | ${n(MAX_CELL_CHARS)} characters`);
    expect(new Set([MAX_WRITE_MERGED_CELLS, MAX_WRITE_NAME_CELLS, MAX_WRITE_VALIDATION_CELLS])).toEqual(new Set([1_000_000]));
    expect(section).toContain(`at most ${n(MAX_WRITE_MERGED_CELLS)} cells each`);
    expect(section).toContain('-- *.xlsx');
  });
});
