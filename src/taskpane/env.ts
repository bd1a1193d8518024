import type { Lang } from '../core/types';
import { refreshSettings, updateSettings } from '../office/settings';

/** What the pane learns from Office and its own URL at start. */
export interface PaneEnv {
  lang: Lang;
  dark: boolean;
  /** Opened from the ribbon's 検証 button (taskpane.html?run=1): validate at once. */
  autoRun: boolean;
  /** Office.context.platform ("PC", "OfficeOnline", "Mac" …), when known. */
  platform?: string;
}

const LANG_KEY = 'kpi-check.lang';

/** Japanese unless Office's display language is something other than ja-*. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return !displayLanguage || /^ja(-|$)/i.test(displayLanguage) ? 'ja' : 'en';
}

/** True for a dark background colour ("#1f1f1f"); false for light or unreadable colours. */
export function isDarkColor(color: string | undefined | null): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? '');
  if (!m) return false;
  const n = parseInt(m[1]!, 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const lum = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
  return lum < 0.2;
}

function officeContext(): Office.Context | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context : undefined;
  } catch {
    return undefined;
  }
}

/** The language the user picked with the pane's switch, if any. */
export function storedLang(): Lang | null {
  try {
    const v = window.localStorage.getItem(LANG_KEY);
    return v === 'ja' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage blocked (private mode, policy): the choice lasts for this session only.
  }
}

export function initialLang(): Lang {
  return storedLang() ?? langFromDisplayLanguage(officeContext()?.displayLanguage);
}

export function readEnv(search = window.location.search): PaneEnv {
  let dark = false;
  try {
    dark = isDarkColor(officeContext()?.officeTheme?.bodyBackgroundColor);
  } catch {
    dark = false;
  }
  let platform: string | undefined;
  try {
    const pl = officeContext()?.platform as unknown;
    platform = typeof pl === 'string' ? pl : undefined;
  } catch {
    platform = undefined;
  }
  return { lang: initialLang(), dark, autoRun: new URLSearchParams(search).get('run') === '1', platform };
}

/** The workbook's file name for reports (Office.context.document.url), or null. */
export function workbookName(): string | null {
  const url = officeContext()?.document?.url;
  if (!url) return null;
  const last = url.split(/[\\/]/).pop() ?? '';
  try {
    return decodeURIComponent(last) || null;
  } catch {
    return last || null;
  }
}

const COMMAND_ERROR_KEY = 'kpiCheck.commandError';

/** The ribbon command has no UI of its own: it leaves its failure in the document for the pane to show. */
export async function putCommandError(message: { ja: string; en: string }): Promise<void> {
  await updateSettings((s) => s.set(COMMAND_ERROR_KEY, { ja: message.ja, en: message.en, at: new Date().toISOString() }));
}

/** The failure a ribbon command left (saved by its own runtime), removed from the document once read. */
export async function takeCommandError(): Promise<{ ja: string; en: string } | null> {
  const v: unknown = (await refreshSettings())?.get(COMMAND_ERROR_KEY);
  if (!v || typeof v !== 'object') return null;
  const { ja, en } = v as Record<string, unknown>;
  await updateSettings((s) => s.remove(COMMAND_ERROR_KEY)).catch(() => undefined);
  return typeof ja === 'string' && typeof en === 'string' ? { ja, en } : null;
}
