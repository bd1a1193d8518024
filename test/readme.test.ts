/** The README is part of the product: its rule list and quick start must stay true. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES } from '../src/core/rules';

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
});
