#!/usr/bin/env node
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The version alone loads nothing else (the same text commander prints).
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('../dist-cli/src/cli/kpi-check.js').run();
}
