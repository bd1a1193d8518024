/**
 * What a worker sends the main thread for a checked file: the result without the per-row data only the
 * engine and the writers use (the KPI rows, a table's data rows, sections and nearby texts, and the
 * summaries' per-section and per-agency counts, which only a --write copy's summary sheet shows). The
 * main thread only reports: findings, summary counts and each table's place, header, columns, scale and set.
 * Structured cloning the rest of a 50,000-row result cost about a fifth of the CLI's time and 57 MiB
 * (docs/performance.md); test/cli/transfer.test.ts holds every report to the same text from both.
 */
import type { CheckResult } from '../core/engine';
import type { SummaryModel } from '../core/summary';
import type { Layout } from '../core/types';
import type { CheckOutcome } from './check-file';

export function forMainThread(outcome: CheckOutcome): CheckOutcome {
  const fr = outcome.result;
  if (!('result' in fr)) return outcome;
  return { ...outcome, result: { ...fr, result: reportedPart(fr.result) } };
}

/** The result as the reports read it (a layout or summary shared by the result and its first table stays shared). */
export function reportedPart(r: CheckResult): CheckResult {
  const slim = new Map<Layout, Layout>();
  const layout = (l: Layout): Layout => {
    let s = slim.get(l);
    if (!s) slim.set(l, (s = { ...l, dataRows: [], sections: [], nearTexts: [] }));
    return s;
  };
  const slimSummary = new Map<SummaryModel, SummaryModel>();
  const summary = (m: SummaryModel): SummaryModel => {
    let s = slimSummary.get(m);
    if (!s) slimSummary.set(m, (s = { ...m, sections: [], agencies: [] }));
    return s;
  };
  return {
    ...r,
    kpis: [],
    layout: r.layout && layout(r.layout),
    summary: summary(r.summary),
    tables: r.tables.map((t) => ({ ...t, kpis: [], layout: layout(t.layout), summary: summary(t.summary) })),
  };
}
