/**
 * Which browser the browser tests drive, in this order (the first that exists wins):
 *   1. CHROMIUM_PATH, when set (a missing file there is an error, not a reason to look elsewhere);
 *   2. a system Chromium, Chrome or Edge at its usual install path (skipped when
 *      KPI_HIDE_SYSTEM_BROWSER=1, which is how the tests prove the next step);
 *   3. on Linux x64, the headless Chromium inside the npm package @sparticuz/chromium (a dev
 *      dependency: no install script, no download), extracted once into the temp directory.
 * No browser at all is an error with one line saying what to install.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { createHash } = require('crypto');
const { pipeline } = require('stream/promises');

const PACKAGE = '@sparticuz/chromium';

/** Usual install paths, per platform, in the order they are tried. */
function systemCandidates(platform = process.platform, env = process.env) {
  if (platform === 'linux')
    return [
      ['Chromium', '/usr/bin/chromium'],
      ['Chromium', '/usr/bin/chromium-browser'],
      ['Chromium', '/snap/bin/chromium'],
      ['Google Chrome', '/usr/bin/google-chrome'],
      ['Google Chrome', '/usr/bin/google-chrome-stable'],
      ['Microsoft Edge', '/usr/bin/microsoft-edge'],
      ['Microsoft Edge', '/usr/bin/microsoft-edge-stable'],
    ];
  if (platform === 'darwin')
    return [
      ['Google Chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      ['Microsoft Edge', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
      ['Chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ];
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    const win = (...parts) => roots.map((r) => path.win32.join(r, ...parts));
    return [
      ...win('Google', 'Chrome', 'Application', 'chrome.exe').map((p) => ['Google Chrome', p]),
      ...win('Microsoft', 'Edge', 'Application', 'msedge.exe').map((p) => ['Microsoft Edge', p]),
    ];
  }
  return [];
}

/** The package's directory, or null when it is not installed (its exports hide package.json). */
function packagedRoot() {
  for (const dir of require.resolve.paths(PACKAGE) ?? []) {
    const root = path.join(dir, PACKAGE);
    if (fs.existsSync(path.join(root, 'bin', 'chromium.br'))) return root;
  }
  return null;
}

/** Where the packaged Chromium is extracted: one directory per package version, shared by runs. */
function packagedDir(root = packagedRoot()) {
  const version = root ? JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version : 'none';
  return path.join(os.tmpdir(), `kpi-checker-chromium-${version}`);
}

const INSTALL_HINT = {
  linux: 'apt-get install chromium (or install Google Chrome / Microsoft Edge)',
  darwin: 'install Google Chrome or Microsoft Edge',
  win32: 'install Google Chrome or Microsoft Edge (Edge ships with Windows 10 and 11)',
};

/**
 * Decide which browser to use, without starting or extracting anything. Every input can be given,
 * so that the order is testable on any machine. Returns
 * `{ source: 'CHROMIUM_PATH' | 'system' | 'packaged', name, executablePath }` (for 'packaged',
 * executablePath is where it will be once extracted) or throws an Error with a one-line message.
 */
function findBrowser({
  env = process.env,
  platform = process.platform,
  arch = process.arch,
  exists = fs.existsSync,
  packaged = packagedRoot(),
} = {}) {
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH))
      throw new Error(
        `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist: set it to a Chromium, Chrome or Edge executable, or unset it`,
      );
    return { source: 'CHROMIUM_PATH', name: 'the browser in CHROMIUM_PATH', executablePath: env.CHROMIUM_PATH };
  }
  if (env.KPI_HIDE_SYSTEM_BROWSER !== '1') {
    for (const [name, p] of systemCandidates(platform, env)) if (exists(p)) return { source: 'system', name, executablePath: p };
  }
  if (platform === 'linux' && arch === 'x64' && packaged)
    return {
      source: 'packaged',
      name: `headless Chromium from ${PACKAGE}`,
      executablePath: path.join(packagedDir(packaged), 'chromium'),
    };
  const hidden = env.KPI_HIDE_SYSTEM_BROWSER === '1' ? ' (KPI_HIDE_SYSTEM_BROWSER=1 hides the installed ones)' : '';
  const pkg = platform === 'linux' && arch === 'x64' ? `; or run npm ci to get ${PACKAGE}` : '';
  throw new Error(
    `No browser for the browser tests${hidden}: ${INSTALL_HINT[platform] ?? 'install Google Chrome or Microsoft Edge'}, or set CHROMIUM_PATH to one${pkg}`,
  );
}

/** Files of an uncompressed (ustar) tar archive held in memory: [{ name, type, body }]. */
function untar(buf) {
  const out = [];
  for (let at = 0; at + 512 <= buf.length;) {
    const head = buf.subarray(at, at + 512);
    if (head.every((b) => b === 0)) break;
    const str = (from, len) => head.toString('utf8', from, from + len).replace(/\0[\s\S]*$/, '');
    const size = parseInt(str(124, 12).trim() || '0', 8);
    const prefix = str(257, 6).startsWith('ustar') ? str(345, 155) : '';
    const name = path.posix.join(prefix, str(0, 100));
    out.push({ name, type: str(156, 1) || '0', body: buf.subarray(at + 512, at + 512 + size) });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** Write every file of a .tar.br into dir, refusing paths that leave it. */
function extractTarBr(file, dir) {
  for (const entry of untar(zlib.brotliDecompressSync(fs.readFileSync(file)))) {
    const target = path.resolve(dir, entry.name);
    if (!target.startsWith(path.resolve(dir) + path.sep)) throw new Error(`${file}: unsafe path ${entry.name}`);
    if (entry.type === '5') fs.mkdirSync(target, { recursive: true });
    else if (entry.type === '0') {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, entry.body, { mode: 0o755 });
    }
  }
}

/**
 * Extract the packaged Chromium once: the binary, its fonts (Open Sans) and the NSS libraries it
 * links against (from the package's Amazon Linux archive, so a machine without libnss3 runs it too).
 * Idempotent and safe when two processes race: each extracts into its own directory and renames it
 * into place; a complete directory is reused. Returns `{ executablePath, env, extractedMs }`.
 */
async function preparePackaged({ root = packagedRoot(), dir = packagedDir(root), baseEnv = process.env } = {}) {
  if (!root) throw new Error(`${PACKAGE} is not installed: run npm ci`);
  const done = path.join(dir, '.complete');
  let extractedMs = 0;
  const binary = path.join(dir, 'chromium');
  if (!fs.existsSync(done) || !fs.existsSync(binary)) {
    // Missing or cleaned up in part (temp cleaners delete old files): extract afresh.
    fs.rmSync(dir, { recursive: true, force: true });
    const started = Date.now();
    const bin = path.join(root, 'bin');
    const tmp = `${dir}.partial-${process.pid}-${Date.now()}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    try {
      await pipeline(
        fs.createReadStream(path.join(bin, 'chromium.br'), { highWaterMark: 1 << 22 }),
        zlib.createBrotliDecompress({ chunkSize: 1 << 21 }),
        fs.createWriteStream(path.join(tmp, 'chromium'), { mode: 0o755 }),
      );
      extractTarBr(path.join(bin, 'fonts.tar.br'), tmp);
      extractTarBr(path.join(bin, 'al2023.tar.br'), tmp);
      fs.writeFileSync(path.join(tmp, '.complete'), `${new Date().toISOString()}\n`);
      try {
        fs.renameSync(tmp, dir);
      } catch (e) {
        if (!fs.existsSync(done)) throw e; // another process finished first: use its copy
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
    extractedMs = Date.now() - started;
  }
  // Fonts: the package's own, then whatever fontconfig the caller has (the system's by default).
  const include = baseEnv.FONTCONFIG_FILE ?? '/etc/fonts/fonts.conf';
  const conf = path.join(dir, `fonts-${createHash('sha1').update(include).digest('hex').slice(0, 8)}.conf`);
  fs.writeFileSync(
    conf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${path.join(dir, 'fonts')}</dir>\n  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>\n` +
      `  <include ignore_missing="yes">${include}</include>\n</fontconfig>\n`,
  );
  const lib = path.join(dir, 'lib');
  return {
    executablePath: binary,
    env: {
      LD_LIBRARY_PATH: [lib, baseEnv.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: conf,
    },
    extractedMs,
  };
}

/**
 * findBrowser, then make it runnable: `{ source, name, executablePath, env, extractedMs }`, where
 * `env` holds the variables the browser process needs on top of the caller's (empty but for the
 * packaged one).
 */
async function resolveBrowser(options = {}) {
  const found = findBrowser(options);
  if (found.source !== 'packaged') return { ...found, env: {}, extractedMs: 0 };
  const ready = await preparePackaged({ root: options.packaged, baseEnv: options.env });
  return { ...found, ...ready };
}

/** "Chromium (system, /usr/bin/chromium)" */
function describeBrowser(b) {
  return `${b.name} (${b.source}, ${b.executablePath})`;
}

module.exports = {
  systemCandidates,
  findBrowser,
  resolveBrowser,
  preparePackaged,
  packagedDir,
  packagedRoot,
  describeBrowser,
  untar,
};
