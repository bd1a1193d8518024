/**
 * Which browser the browser tests use (tools/find-browser.js), the packaged fallback really running
 * the pane, a browser that cannot start ending the run cleanly, and the pages' text drawn with the
 * bundled test font on any machine.
 */
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import type { Page } from 'playwright-core';
import {
  findBrowser,
  packagedDir,
  packagedRoot,
  preparePackaged,
  resolveBrowser,
  type FindOptions,
} from '../../tools/find-browser';
import { openPreview, pane, ROOT, startSession, validateButton, type Session } from './harness';
import { TEST_FONT_NAME } from './fonts';

const PKG = packagedRoot()!;
const only =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);
const linux = (o: FindOptions = {}): FindOptions => ({ platform: 'linux', arch: 'x64', env: {}, packaged: PKG, ...o });

describe('the order in which a browser is found', () => {
  it('CHROMIUM_PATH first, even when a system and the packaged browser are there', () => {
    const b = findBrowser(
      linux({ env: { CHROMIUM_PATH: '/opt/my/chrome' }, exists: only('/opt/my/chrome', '/usr/bin/chromium') }),
    );
    expect(b).toEqual({ source: 'CHROMIUM_PATH', name: 'the browser in CHROMIUM_PATH', executablePath: '/opt/my/chrome' });
  });

  it('a CHROMIUM_PATH that does not exist is an error naming it, not a reason to look elsewhere', () => {
    expect(() => findBrowser(linux({ env: { CHROMIUM_PATH: '/nope/chrome' }, exists: only('/usr/bin/chromium') }))).toThrow(
      /^CHROMIUM_PATH is \/nope\/chrome, which does not exist/,
    );
  });

  it('then a system browser on Linux: Chromium, then Google Chrome, then Microsoft Edge', () => {
    const all = ['/usr/bin/chromium', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge'];
    expect(findBrowser(linux({ exists: only(...all) }))).toMatchObject({
      source: 'system',
      name: 'Chromium',
      executablePath: all[0],
    });
    expect(findBrowser(linux({ exists: only(...all.slice(1)) }))).toMatchObject({
      name: 'Google Chrome',
      executablePath: all[1],
    });
    expect(findBrowser(linux({ exists: only(all[2]!) }))).toMatchObject({ name: 'Microsoft Edge', executablePath: all[2] });
  });

  it('on Windows: Chrome or the Edge every Windows has, under Program Files', () => {
    const env = {
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local',
    };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ platform: 'win32', arch: 'x64', env, packaged: PKG, exists: only(edge) })).toEqual({
      source: 'system',
      name: 'Microsoft Edge',
      executablePath: edge,
    });
    const chrome = 'C:\\Users\\u\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ platform: 'win32', arch: 'x64', env, packaged: PKG, exists: only(edge, chrome) }).name).toBe(
      'Google Chrome',
    );
  });

  it('on macOS: Chrome, Edge or Chromium in /Applications', () => {
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser({ platform: 'darwin', arch: 'arm64', env: {}, packaged: PKG, exists: only(edge) })).toMatchObject({
      source: 'system',
      executablePath: edge,
    });
  });

  it('then, on Linux x64, the packaged headless Chromium, extracted into the temp directory', () => {
    expect(findBrowser(linux({ exists: only() }))).toEqual({
      source: 'packaged',
      name: 'headless Chromium from @sparticuz/chromium',
      executablePath: join(packagedDir(PKG), 'chromium'),
    });
  });

  it('KPI_HIDE_SYSTEM_BROWSER=1 passes over the system browsers (but not CHROMIUM_PATH)', () => {
    const exists = only('/usr/bin/chromium', '/opt/c');
    expect(findBrowser(linux({ env: { KPI_HIDE_SYSTEM_BROWSER: '1' }, exists })).source).toBe('packaged');
    expect(findBrowser(linux({ env: { KPI_HIDE_SYSTEM_BROWSER: '1', CHROMIUM_PATH: '/opt/c' }, exists })).source).toBe(
      'CHROMIUM_PATH',
    );
  });

  it.each([
    ['Linux arm64', { platform: 'linux', arch: 'arm64' }, /apt-get install chromium/],
    [
      'Linux x64 without node_modules',
      { platform: 'linux', arch: 'x64', packaged: null },
      /run npm ci to get @sparticuz\/chromium/,
    ],
    ['Windows', { platform: 'win32', arch: 'x64' }, /install Google Chrome or Microsoft Edge/],
    ['macOS', { platform: 'darwin', arch: 'arm64' }, /install Google Chrome or Microsoft Edge/],
  ] as const)('no browser at all on %s: an error of one line saying what to install', (_, where, hint) => {
    const run = () => findBrowser({ env: {}, packaged: PKG, exists: only(), ...where });
    expect(run).toThrow(/^No browser for the browser tests: /);
    expect(run).toThrow(hint);
    expect(run).toThrow(/or set CHROMIUM_PATH/);
    expect(run).not.toThrow(/\n/);
  });
});

describe('the packaged Chromium', () => {
  it('is extracted once (on any OS; it runs on Linux x64): the binary, its fonts and its NSS libraries, then reused', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'packaged-')), 'chromium');
    try {
      const first = await preparePackaged({ dir });
      expect(first.executablePath).toBe(join(dir, 'chromium'));
      expect(first.extractedMs).toBeGreaterThan(0);
      expect(statSync(first.executablePath).size).toBeGreaterThan(100e6);
      if (process.platform !== 'win32') expect(statSync(first.executablePath).mode & 0o111).not.toBe(0);
      for (const f of ['lib/libnss3.so', 'lib/libnspr4.so', 'fonts/Open_Sans/OpenSans-Regular.ttf'])
        expect(existsSync(join(dir, f))).toBe(true);
      expect(first.env.LD_LIBRARY_PATH?.split(':')[0]).toBe(join(dir, 'lib'));
      expect(readFileSync(first.env.FONTCONFIG_FILE!, 'utf8')).toContain(`<dir>${join(dir, 'fonts')}</dir>`);
      const again = await preparePackaged({ dir });
      expect(again.extractedMs).toBe(0);
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });
});

/** Every font Chromium drew the text of the probed elements with (DevTools CSS.getPlatformFontsForNode). */
async function fontsUsed(page: Page, selector: string): Promise<{ familyName: string; isCustomFont: boolean }[]> {
  const probes = await page.evaluate((sel) => {
    let n = 0;
    for (const el of document.querySelectorAll(sel))
      if (
        [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && /[\u3040-\u30ff\u4e00-\u9fff]/.test(c.textContent ?? ''))
      )
        el.setAttribute('data-font-probe', String(n++));
    return n;
  }, selector);
  expect(probes).toBeGreaterThan(10);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-probe]' });
  const fonts: { familyName: string; isCustomFont: boolean }[] = [];
  for (const nodeId of nodeIds) {
    const r = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    fonts.push(...r.fonts.map((f) => ({ familyName: f.familyName, isCustomFont: f.isCustomFont })));
  }
  await cdp.detach();
  return fonts;
}

/** Only the bundled font (a web font; its variable instance may be named "Noto Sans JP Thin"). */
function expectTestFont(fonts: { familyName: string; isCustomFont: boolean }[]): void {
  expect(fonts.length).toBeGreaterThan(10);
  for (const f of fonts)
    expect([f.familyName.startsWith(TEST_FONT_NAME), f.isCustomFont, f.familyName]).toEqual([true, true, f.familyName]);
}

/** Validate the draft in the preview and check that the pane lists the missing grade. */
async function validateDraft(s: Session): Promise<Page> {
  const w = await openPreview(s);
  await validateButton(w.page).click();
  await pane(w.page).getByText('達成度が未入力').first().waitFor();
  expect(w.errors).toEqual([]);
  return w.page;
}

const packagedHere = process.platform === 'linux' && process.arch === 'x64';

describe('the browser tests without a system browser', () => {
  const hidden: NodeJS.ProcessEnv = { ...process.env, KPI_HIDE_SYSTEM_BROWSER: '1' };
  delete hidden.CHROMIUM_PATH;

  it(`with CHROMIUM_PATH unset and the system browser hidden, the suite uses ${packagedHere ? 'the packaged Chromium' : 'nothing and says what to install'}`, () => {
    const r = spawnSync(
      process.execPath,
      ['-e', "require('./test/e2e/global-setup.js')().then(() => console.log(process.env.KPI_BROWSER ?? ''))"],
      { cwd: ROOT, env: hidden, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    if (packagedHere) {
      expect(r.stdout).toMatch(/^Browser tests use headless Chromium from @sparticuz\/chromium \(packaged, .*\/chromium\)/m);
      expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toMatchObject({ source: 'packaged' });
    } else {
      expect(r.stdout).toMatch(/^Browser tests will fail: No browser for the browser tests \(KPI_HIDE_SYSTEM_BROWSER=1 hides/m);
    }
  });

  it('the packaged Chromium (Linux x64) runs the real pane and draws its Japanese with the test font', async () => {
    if (!packagedHere) {
      await expect(resolveBrowser({ env: hidden })).rejects.toThrow(/^No browser for the browser tests/);
      return;
    }
    const found = await resolveBrowser({ env: hidden });
    expect(found.source).toBe('packaged');
    const s = await startSession(found);
    try {
      expect(s.browser.version()).toMatch(/^141\./);
      const page = await validateDraft(s);
      const fonts = await fontsUsed(page, '#pane *, #sheet td');
      expectTestFont(fonts);
    } finally {
      await s.close();
    }
  });
});

describe("the suite's browser", () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('draws every Japanese text of the pane and the grid with the bundled test font, not a system font', async () => {
    const page = await validateDraft(s);
    const fonts = await fontsUsed(page, '#pane *, #sheet td');
    expectTestFont(fonts);
    await page.context().close();
  });
});

/** Run the fixture's Jest with this CHROMIUM_PATH; resolves when it ends by itself or is killed at 120 s. */
function jestWithBrowser(
  chromiumPath: string,
): Promise<{ code: number | null; signal: string | null; stderr: string; seconds: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CHROMIUM_PATH: chromiumPath };
  for (const k of ['KPI_BROWSER', 'KPI_BROWSER_ERROR', 'JEST_WORKER_ID']) delete env[k];
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
      '--ci',
      '--roots',
      '<rootDir>/test/e2e/fixtures',
      '--testMatch',
      '**/*.fixture.ts',
    ],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const kill = setTimeout(() => child.kill('SIGKILL'), 120_000);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      resolve({ code, signal, stderr, seconds: (Date.now() - started) / 1000 });
    }),
  );
}

describe('a browser that cannot start', () => {
  // Both Jests at once (each takes a while to compile the harness).
  const runs = {
    'is not a browser': jestWithBrowser(process.execPath),
    'does not exist': jestWithBrowser(join(ROOT, 'no-such-browser')),
  };

  it.each([
    ['is not a browser', /Could not start the browser in CHROMIUM_PATH \(CHROMIUM_PATH, .+\): browserType\.launch: /],
    ['does not exist', /CHROMIUM_PATH is .*no-such-browser, which does not exist/],
  ] as const)(
    'CHROMIUM_PATH that %s: the browser tests fail with one line and Jest exits by itself',
    async (which, message) => {
      const r = await runs[which];
      expect(r.signal).toBeNull(); // not killed: Jest ended on its own
      expect(r.stderr).not.toMatch(/did not exit one second after/);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/Tests: +1 failed, 1 total/);
      expect(r.code).toBe(1);
      expect(r.seconds).toBeLessThan(90);
    },
    130_000,
  );
});
