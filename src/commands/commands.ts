import { DEFAULT_PROFILE } from '../core/profile';
import { createExcelHost } from '../office/excelHost';
import { initialLang, putCommandError } from '../taskpane/env';

/**
 * The ribbon's 集計 button (ExecuteFunction): validate the active sheet (on our summary sheet, its
 * source) with the workbook's profile, then insert the summary sheet. A function command has no UI, so a failure is left in the document
 * settings and shown by the task pane the next time it opens.
 */
export async function insertSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // No window to ask the user to finish editing a cell in: wait for it instead.
    const host = createExcelHost({ delayForCellEdit: true });
    const profile = (await host.loadProfile()).profile ?? DEFAULT_PROFILE;
    // On our own summary sheet, its source is summarised again (never the summary itself).
    const { summaryOf } = await host.sheetState();
    const { result } = await host.validate(profile, summaryOf ?? undefined);
    await host.insertSummary(result, initialLang());
  } catch (e) {
    const m = e as { ja?: unknown; en?: unknown; message?: unknown };
    const ja = typeof m.ja === 'string' ? m.ja : String(m.message ?? e);
    const en = typeof m.en === 'string' ? m.en : String(m.message ?? e);
    await putCommandError({ ja, en }).catch(() => undefined);
  } finally {
    event.completed();
  }
}

// Hosts before Office.actions call the function by its global name; newer ones through associate.
(globalThis as unknown as Record<string, unknown>).insertSummary = insertSummary;
Office.onReady(() => {
  if (typeof Office.actions?.associate === 'function') Office.actions.associate('insertSummary', insertSummary);
});
