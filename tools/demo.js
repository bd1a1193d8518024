#!/usr/bin/env node
// `npm run demo`: check the draft sample and write its checked copy. The draft is meant to have errors,
// so kpi-check's exit code 1 is the expected outcome here; 2 (cannot read, bad arguments) is a failure.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const args = [path.join(root, 'bin/kpi-check.js'), '--write', '--force', 'seeds/sample-draft.xlsx', ...process.argv.slice(2)];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (r.status === 1) {
  console.log(
    '\n(kpi-check exited 1: the draft has errors, as it should. Open seeds/sample-draft.checked.xlsx to see them highlighted.)',
  );
  process.exit(0);
}
process.exit(r.status ?? 2);
