/**
 * Shared set-up of the browser tests: the production build in dist/ served over http on a free
 * localhost port, a Chromium-family browser driven by playwright-core (which one:
 * tools/find-browser.js, resolved once per Jest run in test/e2e/global-setup.js), and a page of the
 * preview with everything it does recorded (requests, dialogs, errors, CSP violations), its text
 * drawn with the bundled test font (./fonts.ts).
 */
import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { Server } from 'http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { toA1 } from '../../src/core/a1';
import { checkSheet, type CheckResult } from '../../src/core/engine';
import { activeSheetName, loadWorkbook, sheetToData } from '../../src/xlsx/read';
import { describeBrowser, resolveBrowser, type ResolvedBrowser } from '../../tools/find-browser';
import { startServer } from '../../tools/serve';
import { useTestFonts } from './fonts';

export const ROOT = join(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** How long a browser may take to start before the launch counts as failed. */
export const LAUNCH_TIMEOUT_MS = 60_000;

export interface Session {
  browser: Browser;
  server: Server;
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** The browser in use, as tools/find-browser.js found it. */
  found: ResolvedBrowser;
  close(): Promise<void>;
}

/** The browser of this Jest run (chosen once by global-setup.js), or a failure saying what to install. */
export async function suiteBrowser(): Promise<ResolvedBrowser> {
  if (process.env.KPI_BROWSER_ERROR) throw new Error(process.env.KPI_BROWSER_ERROR);
  if (process.env.KPI_BROWSER) return JSON.parse(process.env.KPI_BROWSER) as ResolvedBrowser;
  return resolveBrowser();
}

/** Start `found`; a failure becomes one line naming the browser (Playwright's own log follows in its message). */
export async function launchBrowser(found: ResolvedBrowser): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: found.executablePath,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...found.env },
      timeout: LAUNCH_TIMEOUT_MS,
    });
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    throw new Error(`Could not start ${describeBrowser(found)}: ${first}`);
  }
}

/**
 * Serve dist/ and start the browser. Fails (never skips) when no browser is found or the build is
 * missing; when the browser cannot start, the server is closed first so that Jest can exit.
 */
export async function startSession(found?: ResolvedBrowser): Promise<Session> {
  const browserFound = found ?? (await suiteBrowser());
  if (!existsSync(join(DIST, 'preview.html')))
    throw new Error('dist/preview.html is missing: run "npx webpack --mode production" first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, url } = await startServer({ dir: DIST, port: 0 });
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  let browser: Browser;
  try {
    browser = await launchBrowser(browserFound);
  } catch (e) {
    await closeServer();
    throw e;
  }
  return {
    browser,
    server,
    url,
    found: browserFound,
    async close() {
      await browser.close();
      await closeServer();
    },
  };
}

/**
 * Outside Office, office.js tries to frame Microsoft's telemetry page. The pages' CSP blocks it, so
 * nothing leaves the machine; the tests accept that one blocked attempt and nothing else.
 */
const OFFICE_JS_TELEMETRY = 'telemetryservice.firstpartyapps.oaspapps.com';

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  dialogs: string[];
  /** Uncaught exceptions and console errors. */
  errors: string[];
  /** Content-Security-Policy violations reported in the page. */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

/** Open preview.html (with a query such as "?lang=en") in a fresh context and wait for the pane. */
export async function openPreview(s: Session, query = '', viewport = { width: 1400, height: 900 }): Promise<Watched> {
  const context = await s.browser.newContext({ viewport, acceptDownloads: true, locale: 'ja-JP' });
  await useTestFonts(context, s.url);
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes(OFFICE_JS_TELEMETRY)) errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${s.url}preview.html${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  await pane(page)
    .getByRole('button', { name: /作業中のシートを検証する|Validate the active sheet/ })
    .waitFor();
  return {
    context,
    page,
    requests,
    dialogs,
    errors,
    cspViolations: async () =>
      (await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).filter(
        (v) => !(v.startsWith('frame-src') && v.includes(OFFICE_JS_TELEMETRY)),
      ),
    close: () => context.close(),
  };
}

export const pane = (page: Page) => page.locator('#pane');
export const grid = (page: Page) => page.locator('#sheet');
export const gridCell = (page: Page, a1: string) => grid(page).locator(`td[data-cell="${a1}"]`);
export const sheetTab = (page: Page, name: string) => grid(page).getByRole('tab', { name, exact: true });

export function validateButton(page: Page, lang: 'ja' | 'en' = 'ja') {
  return pane(page).getByRole('button', { name: lang === 'ja' ? '作業中のシートを検証する' : 'Validate the active sheet' });
}

/** A finding in the pane's list, by its cell. */
export function findingButton(page: Page, a1: string) {
  return pane(page)
    .locator('li button')
    .filter({ has: page.locator(`span:text-is("${a1}")`) });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** What the engine says about a seed workbook's active sheet, read with the CLI's xlsx adapter. */
export async function expected(file: string): Promise<CheckResult> {
  const wb = await loadWorkbook(join(ROOT, 'seeds', file));
  const name = activeSheetName(wb) ?? wb.worksheets[0]!.name;
  return checkSheet(sheetToData(wb.getWorksheet(name)!));
}

/** The draft sample as the engine reads it, and the cell of its (first) missing grade. */
export async function draftWithMissing(): Promise<{ draft: CheckResult; missingCell: string }> {
  const draft = await expected('sample-draft.xlsx');
  const f = draft.findings.find((x) => x.ruleId === 'missing-grade');
  if (!f || f.row === null || f.col === null) throw new Error('the draft sample has no missing grade');
  return { draft, missingCell: toA1(f.row, f.col) };
}

/** Requests that left the preview's own server. */
export function foreignRequests(w: Watched, base: string): string[] {
  return w.requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'));
}
