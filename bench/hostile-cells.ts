/**
 * The "Hostile cells" section of `npm run bench` (issue 11, item 3): what the worst cells cost the
 * engine at 1k, 8k and 32k characters, and how that grows. Linear rules grow about 4× from 8k to 32k
 * (and 8× from 1k to 8k); a quadratic one grows about 16× (and 64×). Run alone: `npm run bench -- --hostile`.
 */
import { performance } from 'perf_hooks';
import { checkSheet } from '../src/core/engine';
import type { CellValue, SheetData } from '../src/core/grid';
import { MAX_CELL_CHARS } from '../src/core/limits';
import { rateFromCell } from '../src/core/kpi';
import { parseLegend } from '../src/core/legend';
import { preview } from '../src/core/rules/util';
import { splitAgencies } from '../src/core/summary';
import { hasHtmlMarkup, htmlToText } from '../src/core/text';
import { SAMPLE_HEADER_MERGES, SAMPLE_HEADER_ROW_1, SAMPLE_HEADER_ROW_2 } from '../test/helpers/layouts';
import { parseRange } from '../src/core/a1';

const SIZES = [1000, 8000, MAX_CELL_CHARS] as const;

/** u repeated to n characters, the last one "x" (so that no pattern ends its scan with a match). */
const fill = (u: string, n: number) => u.repeat(Math.ceil(n / u.length)).slice(0, n - 1) + 'x';

/** A table like the sample (two header rows, KPI over 目標 · 実績 · 達成度), one plain row and one row of the cell. */
function sheetWith(cell: string): SheetData {
  const plain = [
    '若者',
    'ア',
    '居場所の拡大を図る。',
    '補助を行う。',
    '10人',
    '8人',
    'B',
    '3団体に補助した。',
    '連携する。',
    '高知県',
    null,
  ];
  const hostile: CellValue[] = ['若者', 'イ', ...new Array<string>(9).fill(cell)];
  return {
    name: '進捗管理表',
    top: 0,
    left: 0,
    values: [SAMPLE_HEADER_ROW_1, SAMPLE_HEADER_ROW_2, plain, hostile],
    merges: SAMPLE_HEADER_MERGES.map(parseRange),
  };
}

/** The worst cells found for each rule (each was quadratic before issue 11), and the whole engine on them. */
const CASES: { name: string; unit: string; run: (s: string) => unknown }[] = [
  { name: 'preview() — spaces and tabs', unit: ' \t', run: (s) => preview(s) },
  { name: 'splitAgencies — spaces', unit: ' ', run: splitAgencies },
  { name: 'rate typed as text — "1" and spaces', unit: ' ', run: (s) => rateFromCell('1' + s, null, null) },
  { name: 'hasHtmlMarkup — "<b" without ">"', unit: '<b', run: hasHtmlMarkup },
  { name: 'htmlToText — "<p" without ">"', unit: '<p', run: htmlToText },
  { name: 'legend meaning — 「、」 run', unit: '、', run: (s) => parseLegend([{ row: 0, col: 0, text: 'A：目標達成 B：' + s }]) },
  ...[' ', '<b', '（', '、', '1 ', '①', '1'].map((unit) => ({
    name: `checkSheet, the cell in 9 columns — ${JSON.stringify(unit)}`,
    unit,
    run: (s: string) => checkSheet(sheetWith(s)),
  })),
];

function best(f: () => unknown, runs: number): number {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}

/** Measures every case; returns the section for docs/performance.md (also printed). */
export function hostileCellsSection(machineLine: string): string {
  const rows = CASES.map((c) => {
    const texts = SIZES.map((n) => fill(c.unit, n));
    best(() => c.run(texts[0]!), 3); // warm up
    const ms = texts.map((t) => best(() => c.run(t), 3));
    return { name: c.name, ms, g1: ms[1]! / ms[0]!, g2: ms[2]! / ms[1]! };
  });
  const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  const table = rows
    .map((r) => `| ${r.name} | ${r.ms.map(f).join(' | ')} | ${r.g1.toFixed(1)}× | ${r.g2.toFixed(1)}× |`)
    .join('\n');
  for (const r of rows)
    console.log(`${r.name}: ${r.ms.map(f).join(' / ')} ms, growth ${r.g1.toFixed(1)}× (1k→8k), ${r.g2.toFixed(1)}× (8k→32k)`);
  return (
    `## Hostile cells (issue 11)\n\n` +
    `\`npm run bench\` (bench/hostile-cells.ts; alone: \`npm run bench -- --hostile\`) times the worst cells found for the ` +
    `core's text rules, best of 3, at 1,000, 8,000 and 32,767 characters (Excel's limit per cell, MAX_CELL_CHARS; ` +
    `longer cells are cut to it in Grid). Linear cost grows 8× from 1k to 8k and 4× from 8k to 32k; quadratic cost ` +
    `grows 64× and 16×. Before issue 11 (measured on this machine with the old patterns, one 32k cell): preview() ` +
    `1.9–3.1 s, splitAgencies 1.6–4.2 s, the typed rate 1.0 s, hasHtmlMarkup 0.4–1.8 s, htmlToText 0.4–3.0 s, legend ` +
    `meanings 2.0–3.5 s, each growing 12–48× from 8k to 32k.\n\n` +
    `| Cell | 1k ms | 8k ms | 32k ms | 1k→8k | 8k→32k |\n|---|---|---|---|---|---|\n${table}\n\n` +
    `${machineLine}\n\n`
  );
}
