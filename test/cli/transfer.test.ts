/**
 * A worker sends the main thread only what the reports read (src/cli/transfer.ts). Every report the
 * main thread makes, in both languages, must come out the same from that part as from the whole
 * result, on every workbook of the project: a report that starts reading the KPI rows or a table's
 * data rows fails here, before it silently reports nothing in the CLI.
 */
import { promises as fs } from 'fs';
import path from 'path';
import { checkSheet } from '../../src/core/engine';
import { toCsv, toJsonReport, toSarif, toText, type FileResult } from '../../src/core/report';
import { forMainThread, reportedPart } from '../../src/cli/transfer';
import { consolidatedFromResults } from '../../src/xlsx/consolidated';
import { FastWorkbook } from '../../src/xlsx-read';
import { ROOT } from './helpers';

async function workbooks(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const d of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) await walk(p);
      else if (d.name.endsWith('.xlsx')) out.push(p);
    }
  };
  for (const d of ['seeds', path.join('test', 'fixtures')]) await walk(path.join(ROOT, d));
  return out.sort();
}

const reports = (results: FileResult[]) =>
  (['ja', 'en'] as const).map((lang) => ({
    text: toText(results, lang),
    byRule: toText(results, lang, { groupBy: 'rule' }),
    json: JSON.stringify(toJsonReport(results, lang)),
    sarif: JSON.stringify(toSarif(results, lang)),
    csv: toCsv(results, lang),
    consolidated: JSON.stringify(consolidatedFromResults(results, lang)),
  }));

it('every report is the same from the part a worker sends as from the whole result, on every workbook', async () => {
  const files = await workbooks();
  expect(files.length).toBeGreaterThan(10);
  const full: FileResult[] = [];
  const sent: FileResult[] = [];
  for (const file of files) {
    let wb: FastWorkbook;
    try {
      wb = await FastWorkbook.open(file);
    } catch {
      continue; // A fixture that is not a readable workbook is reported without a result.
    }
    for (const sheet of wb.sheets) {
      const result = checkSheet(wb.readSheet(sheet));
      const name = `${path.relative(ROOT, file)}#${sheet.name}`;
      full.push({ file: name, sheet: sheet.name, result, profileSource: 'default' });
      sent.push({ file: name, sheet: sheet.name, result: reportedPart(result), profileSource: 'default' });
    }
  }
  expect(sent.length).toBeGreaterThan(files.length / 2);
  expect(reports(sent)).toEqual(reports(full));
}, 120_000);

it('leaves out the per-row data, and keeps an unreadable file as it is', () => {
  const result = checkSheet({
    name: 's',
    top: 0,
    left: 0,
    values: [
      ['取組', '目標', '実績', '達成度'],
      ['a', '10人', '8人', 'B'],
    ],
  });
  expect(result.tables).toHaveLength(1);
  expect(result.kpis.length).toBeGreaterThan(0);
  const part = reportedPart(result);
  expect(part.kpis).toEqual([]);
  expect(part.tables.every((t) => t.kpis.length === 0 && t.layout.dataRows.length === 0)).toBe(true);
  expect(part.layout).toBe(part.tables[0]?.layout);
  expect(part.findings).toEqual(result.findings);
  const unreadable = { result: { file: 'x.xlsx', error: '壊れています' }, notes: [] };
  expect(forMainThread(unreadable)).toBe(unreadable);
});
