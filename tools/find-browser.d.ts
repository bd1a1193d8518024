export type BrowserSource = 'CHROMIUM_PATH' | 'system' | 'packaged';

export interface FoundBrowser {
  source: BrowserSource;
  /** "Chromium", "Google Chrome", "Microsoft Edge", "headless Chromium from @sparticuz/chromium", … */
  name: string;
  executablePath: string;
}

export interface ResolvedBrowser extends FoundBrowser {
  /** Variables the browser process needs on top of the caller's. */
  env: Record<string, string>;
  /** Time spent extracting the packaged Chromium in this call (0 when it was already there). */
  extractedMs: number;
}

export interface FindOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  exists?: (path: string) => boolean;
  /** The @sparticuz/chromium package directory, or null when it is not installed. */
  packaged?: string | null;
}

export function systemCandidates(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): [string, string][];
export function findBrowser(options?: FindOptions): FoundBrowser;
export function resolveBrowser(options?: FindOptions): Promise<ResolvedBrowser>;
export function preparePackaged(options?: {
  root?: string | null;
  dir?: string;
  baseEnv?: NodeJS.ProcessEnv;
}): Promise<{ executablePath: string; env: Record<string, string>; extractedMs: number }>;
export function packagedDir(root?: string | null): string;
export function packagedRoot(): string | null;
export function describeBrowser(b: FoundBrowser): string;
export function untar(buf: Buffer): { name: string; type: string; body: Buffer }[];
