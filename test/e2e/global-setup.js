/**
 * Jest global set-up: choose the browser for the browser tests once per run (tools/find-browser.js)
 * and, when it is the packaged Chromium, extract it here, once, before the test files start in
 * parallel. The choice reaches the test workers through KPI_BROWSER; a failure to find any browser
 * through KPI_BROWSER_ERROR, so that the browser tests fail with its one-line message while the
 * other tests run.
 */
'use strict';
const { describeBrowser, resolveBrowser } = require('../../tools/find-browser');

module.exports = async function globalSetup() {
  delete process.env.KPI_BROWSER;
  delete process.env.KPI_BROWSER_ERROR;
  try {
    const found = await resolveBrowser();
    process.env.KPI_BROWSER = JSON.stringify(found);
    const extracted = found.extractedMs ? `, extracted in ${(found.extractedMs / 1000).toFixed(1)} s` : '';
    process.stdout.write(`\nBrowser tests use ${describeBrowser(found)}${extracted}\n`);
  } catch (e) {
    process.env.KPI_BROWSER_ERROR = e instanceof Error ? e.message : String(e);
    process.stdout.write(`\nBrowser tests will fail: ${process.env.KPI_BROWSER_ERROR}\n`);
  }
};
