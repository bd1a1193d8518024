/**
 * The document settings (Office.context.document.settings) shared by the task pane and the ribbon's
 * function file. Without a shared runtime each of them holds its own copy, loaded when it started,
 * and `saveAsync` writes the whole copy (https://learn.microsoft.com/javascript/api/office/office.settings):
 * the one saving last would undo what the other saved. So every read starts with `refreshAsync` and
 * every write is re-read, changed and saved at once.
 */
import { toHostError } from './faults';

function settings(): Office.Settings | undefined {
  try {
    return typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
  } catch {
    return undefined;
  }
}

/** The settings as the document holds them now (what another runtime saved included). */
export function refreshSettings(): Promise<Office.Settings | undefined> {
  const s = settings();
  if (!s || typeof s.refreshAsync !== 'function') return Promise.resolve(s);
  return new Promise((resolve) =>
    s.refreshAsync((r) => resolve(r.status === Office.AsyncResultStatus.Failed ? s : (r.value ?? s))),
  );
}

/** Re-read the settings, apply `change`, save; a failed save is a HostError. */
export async function updateSettings(change: (s: Office.Settings) => void): Promise<void> {
  const s = await refreshSettings();
  if (!s) return;
  change(s);
  await new Promise<void>((resolve, reject) =>
    s.saveAsync((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(toHostError(r.error)) : resolve())),
  );
}
