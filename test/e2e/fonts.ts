/**
 * The browser tests draw the pages' text with a font bundled from npm (Noto Sans JP, variable
 * weight, @fontsource-variable/noto-sans-jp: a dev dependency), whatever fonts the machine has: a
 * fresh Linux machine has no Japanese font, and the packaged Chromium brings only Open Sans, so the
 * screenshots in test-artifacts/e2e would show empty boxes for every kanji.
 *
 * How, without touching the build: the font files are answered by Playwright on the page's own
 * origin (/__test-fonts/…, allowed by the pages' `font-src 'self'`), and an init script registers
 * them with the CSS Font Loading API under the name the pages ask for first ('Segoe UI', the head of
 * the preview's and Fluent UI's font stacks). Only the test browser sees this.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { BrowserContext } from 'playwright-core';

const PACKAGE_DIR = join(__dirname, '..', '..', 'node_modules', '@fontsource-variable', 'noto-sans-jp');
export const TEST_FONT_PATH = '__test-fonts/';
/** The family names the pages ask for first; the test font answers to them. */
export const TEST_FONT_ALIASES = ['Segoe UI'];
/** The font's own family name, as Chromium reports the font it drew with. */
export const TEST_FONT_NAME = 'Noto Sans JP';

export interface FontFile {
  file: string;
  unicodeRange: string;
}

let cached: FontFile[] | undefined;

/** The font's files and the characters each covers, from the package's stylesheet. */
export function testFontFiles(): FontFile[] {
  if (cached) return cached;
  const css = readFileSync(join(PACKAGE_DIR, 'index.css'), 'utf8');
  cached = [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => {
    const file = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(body!)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(body!)?.[1];
    if (!file || !unicodeRange) throw new Error(`unexpected @font-face in ${PACKAGE_DIR}/index.css`);
    return { file, unicodeRange: unicodeRange.trim() };
  });
  if (cached.length === 0) throw new Error(`no @font-face in ${PACKAGE_DIR}/index.css`);
  return cached;
}

/** Serve the test font on `baseUrl`'s origin and register it in every page of `context`. */
export async function useTestFonts(context: BrowserContext, baseUrl: string): Promise<void> {
  const files = testFontFiles();
  await context.route(`${baseUrl}${TEST_FONT_PATH}*`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    if (!files.some((f) => f.file === name)) return route.fulfill({ status: 404 });
    return route.fulfill({
      path: join(PACKAGE_DIR, 'files', name),
      contentType: 'font/woff2',
    });
  });
  await context.addInitScript(
    ({ files, aliases, path, origin }) => {
      if (location.origin !== origin) return; // e.g. Chromium's own error page
      for (const family of aliases)
        for (const f of files)
          document.fonts.add(
            new FontFace(family, `url(/${path}${f.file}) format('woff2')`, {
              weight: '100 900',
              unicodeRange: f.unicodeRange,
              display: 'block',
            }),
          );
    },
    { files, aliases: TEST_FONT_ALIASES, path: TEST_FONT_PATH, origin: new URL(baseUrl).origin },
  );
}
