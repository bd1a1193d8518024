import { promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { parseA1, rangeToA1, toA1 } from '../../src/core/a1';
import { checkSheet } from '../../src/core/engine';
import { cellText } from '../../src/core/grid';
import { hasHtmlMarkup } from '../../src/core/text';
import { activeSheetName, loadWorkbook, sheetToData } from '../../src/xlsx/read';
import {
  SEED_FILE,
  type DataColumn,
  SHEET_NAME,
  buildSamples,
  cellOf,
  mistakesTable,
  parseSeed,
  seedCellText,
  workbookBytes,
} from '../../tools/generate-samples';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');

let seedText: string;
let sample: ExcelJS.Workbook;
let draft: ExcelJS.Workbook;

beforeAll(async () => {
  seedText = await fs.readFile(path.join(SEEDS, SEED_FILE), 'utf8');
  sample = await loadWorkbook(path.join(SEEDS, 'sample.xlsx'));
  draft = await loadWorkbook(path.join(SEEDS, 'sample-draft.xlsx'));
});

function sheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(SHEET_NAME);
  if (!ws) throw new Error(`no sheet ${SHEET_NAME}`);
  return ws;
}

function text(ws: ExcelJS.Worksheet, addr: string): string {
  const { row, col } = parseA1(addr);
  const data = sheetToData(ws);
  return cellText(data.values[row - data.top]?.[col - data.left] ?? null);
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return (sheetToData(ws).merges ?? []).map(rangeToA1).sort();
}

/** Every non-empty cell as "A1" → text, with formulas marked. */
function contents(ws: ExcelJS.Worksheet): Map<string, string> {
  const data = sheetToData(ws);
  const out = new Map<string, string>();
  data.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const f = data.formulas?.[r]?.[c];
      if (v !== null || f) out.set(toA1(data.top + r, data.left + c), f ? `formula ${f} → ${cellText(v)}` : cellText(v));
    }),
  );
  return out;
}

/** What a reader sees of each cell's formatting that matters here. */
function looks(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  for (let c = 1; c <= 11; c++) out.push(`column ${c} width ${ws.getColumn(c).width}`);
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    out.push(`row ${r} height ${row.height}`);
    for (let c = 1; c <= 11; c++) {
      const cell = row.getCell(c);
      const fill = cell.fill && cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : '';
      out.push(`${cell.address} ${cell.font?.bold ? 'bold' : ''} ${fill} ${cell.alignment?.wrapText ? 'wrap' : ''}`);
    }
  });
  return out;
}

describe('seed parsing', () => {
  it('turns list markup into lines, one item per line, without adding or dropping text', () => {
    const raw =
      '【高知県子ども・福祉政策部】 <ul style="list-style-type: none">独自で実態把握調査を実施。 ・次の項目 ●実施状況<ul>①一つ目 ②二つ目';
    const out = seedCellText(raw);
    expect(out).toBe('【高知県子ども・福祉政策部】\n独自で実態把握調査を実施。\n・次の項目\n●実施状況\n①一つ目\n②二つ目');
    expect(out.replace(/\s/g, '')).toBe(raw.replace(/<[^>]*>/g, '').replace(/\s/g, ''));
  });

  it('keeps every character of the seed cells (apart from markup and spacing)', () => {
    const { entries } = parseSeed(seedText);
    const strip = (s: string) => s.replace(/<[^>]*>/g, '').replace(/[\s\u3000]/g, '');
    for (const e of entries) {
      if (e.kind !== 'initiative') continue;
      for (const [col, raw] of Object.entries(e.raw)) {
        const shown = e[col as DataColumn];
        if (col === 'agencies' || col === 'remarks') continue;
        expect(strip(shown)).toBe(strip(raw));
      }
      expect(strip(e.agencies + e.remarks)).toBe(strip((e.raw.agencies ?? '') + (e.raw.remarks ?? '')));
    }
  });

  it('joins the two printed pages into one table with two 対象者 blocks', () => {
    const { entries, blocks } = parseSeed(seedText);
    expect(entries.map((e) => (e.kind === 'section' ? e.title.charAt(0) : e.key))).toEqual([
      '①',
      '①',
      '②',
      '②ア',
      '②イ',
      '③',
      '③ア',
      '③イ',
      '③ウ',
      '④',
      '④',
      '⑤',
      '⑤ア',
      '⑤イ',
      '⑤ウ',
    ]);
    expect(blocks.map((b) => [b.first, b.last])).toEqual([
      [1, 8],
      [10, 14],
    ]);
    expect(new Set(blocks.map((b) => b.targetGroup))).toEqual(
      new Set(['社会参加に向けた支援を必要とする方（ひきこもりの方等）']),
    );
  });
});

describe('seeds/sample.xlsx', () => {
  it('opens on the progress sheet with the workbook properties set', () => {
    expect(activeSheetName(sample)).toBe(SHEET_NAME);
    expect(sample.worksheets).toHaveLength(1);
    expect(sample.title).toBe('進捗管理表（サンプル）');
    expect(sample.creator).toMatch(/進捗表チェッカー/);
  });

  it('has the two header rows with their merges', () => {
    const ws = sheet(sample);
    const headers: Record<string, string> = {
      A1: '対象者',
      B1: '取組内容',
      D1: '実施計画(令和6年度)',
      E1: 'KPI',
      H1: '実績(令和6年度)',
      I1: '令和6年度の取組を踏まえた課題と今後の方向性',
      J1: '実施機関及び関係機関',
      K1: '備考',
      E2: '目標／令和6年度目標',
      F2: '令和6年度実績',
      G2: '達成度',
    };
    for (const [addr, t] of Object.entries(headers)) expect([addr, text(ws, addr)]).toEqual([addr, t]);
    for (const addr of ['C1', 'A2', 'B2', 'C2', 'D2', 'H2', 'I2', 'J2', 'K2']) expect(text(ws, addr)).toBe('');
    expect(merges(ws)).toEqual(
      expect.arrayContaining(['A1:A2', 'B1:C1', 'B2:C2', 'D1:D2', 'E1:G1', 'H1:H2', 'I1:I2', 'J1:J2', 'K1:K2']),
    );
    for (const addr of ['A1', 'E1', 'G2', 'K1']) {
      expect(ws.getCell(addr).font.bold).toBe(true);
      expect(ws.getCell(addr).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
  });

  it('has the five section rows spanning the table, the 対象者 merged down its rows', () => {
    const ws = sheet(sample);
    const sections: [number, string, string][] = [
      [3, 'A', '①課題やニーズの把握'],
      [5, 'B', '②市町村の包括的な支援体制構築に向けた支援'],
      [8, 'B', '③伴走型支援の充実や窓口の多様化'],
      [12, 'A', '④支援に係る人材の育成、資質向上'],
      [14, 'B', '⑤多様な社会参加に向けた支援'],
    ];
    const m = merges(ws);
    for (const [row, col, title] of sections) {
      expect(text(ws, `${col}${row}`)).toBe(title);
      expect(m).toContain(`${col}${row}:K${row}`);
      expect(ws.getCell(`${col}${row}`).font.bold).toBe(true);
    }
    const data = sheetToData(ws);
    const inColumnAB = data.values.flatMap((r) => r.slice(0, 2)).map(cellText);
    expect(inColumnAB.filter((t) => /^[①-⑳]/.test(t))).toHaveLength(5);
    const target = '社会参加に向けた支援を必要とする方（ひきこもりの方等）';
    expect(text(ws, 'A4')).toBe(target);
    expect(text(ws, 'A13')).toBe(target);
    expect(m).toEqual(expect.arrayContaining(['A4:A11', 'A13:A17']));
    expect(data.values.length + data.top).toBe(17);
  });

  it('has the ten initiatives with their sub-labels and texts', () => {
    const ws = sheet(sample);
    const rows = [4, 6, 7, 9, 10, 11, 13, 15, 16, 17];
    expect(rows.map((r) => text(ws, `B${r}`))).toEqual(['', 'ア', 'イ', 'ア', 'イ', 'ウ', '', 'ア', 'イ', 'ウ']);
    for (const r of rows)
      for (const col of 'CDEFGHIJ') expect([`${col}${r}`, text(ws, `${col}${r}`)]).not.toEqual([`${col}${r}`, '']);
    expect(text(ws, 'C13')).toMatch(/^自立相談支援機関の相談支援員の養成研修や/);
    expect(text(ws, 'C11')).toMatch(/^高知県ひきこもり地域支援センターにおいて/);
    expect(text(ws, 'H6').split('\n')).toContain('市町村長訪問：R6. 5. 27～R6. 10. 18');
    expect(ws.getCell('H6').alignment.wrapText).toBe(true);
  });

  it('keeps the one KPI row as in the seed', () => {
    const ws = sheet(sample);
    expect(text(ws, 'E16')).toBe(
      '①本事業において、就職氷河期世代のひきこもり当事者が社会参加（就労体験及び就労訓練等への参加）につながった人數 54人（R6年度到達目標：32人）',
    );
    expect(text(ws, 'F16')).toBe(
      '①本事業において、就職氷河期世代のひきこもり当事者が社会参加（就労体験及び就労訓練等への参加）につながった人數 8人（R5年度実績：4人）',
    );
    expect(text(ws, 'G16')).toBe('D');
    expect(text(ws, 'K16')).toBe('* 交付金事業');
    expect(text(ws, 'J10')).toBe('高知県子ども・福祉政策部');
    expect(text(ws, 'K10')).toBe('*交付金事業');
  });

  it('shows no list markup anywhere', () => {
    expect(contents(sheet(sample)).size).toBeGreaterThan(100);
    for (const [addr, t] of contents(sheet(sample))) {
      expect([addr, /<ul|<p>|<li|<\/?p\b/i.test(t)]).toEqual([addr, false]);
      expect([addr, hasHtmlMarkup(t)]).toEqual([addr, false]);
      expect([addr, t]).toEqual([addr, t.trim()]);
    }
  });

  it('is set up for reading and printing', () => {
    const ws = sheet(sample);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    expect(ws.getColumn('B').width).toBeLessThanOrEqual(5);
    for (const col of ['C', 'D', 'H', 'I']) {
      expect(ws.getColumn(col).width).toBeGreaterThanOrEqual(40);
      expect(ws.getColumn(col).width).toBeLessThanOrEqual(60);
    }
  });
});

describe('seeds/sample-draft.xlsx', () => {
  it('differs from the sample exactly in the documented cells', () => {
    const { seed, mistakes } = buildSamples(seedText);
    const a = contents(sheet(sample));
    const b = contents(sheet(draft));
    const changed = new Set<string>();
    for (const addr of new Set([...a.keys(), ...b.keys()])) if (a.get(addr) !== b.get(addr)) changed.add(addr);
    const documented = new Set<string>();
    for (const m of mistakes)
      for (const col of Object.keys(m.edits)) documented.add(cellOf(seed, m.key, col as keyof typeof m.edits));
    expect([...changed].sort()).toEqual([...documented].sort());
    expect(merges(sheet(draft))).toEqual(merges(sheet(sample)));
  });

  it('holds the mistakes as described', () => {
    const ws = sheet(draft);
    expect([text(ws, 'E13'), text(ws, 'F13'), text(ws, 'G13')]).toEqual(['研修受講者数 40人', '32人', '']);
    expect(text(ws, 'G15')).toBe('Ｂ');
    expect(text(ws, 'G6')).toBe('済');
    expect(text(ws, 'J17')).toBe('');
    expect(text(ws, 'H7')).toMatch(/^【高知県子ども・福祉政策部】 <ul style="list-style-type: none">専門職や/);
    expect(text(ws, 'D11')).toBe('未定');
    expect(text(ws, 'J4').endsWith('\u3000')).toBe(true);
    expect(text(ws, 'K15')).toBe('<img src=x onerror=alert(1)>');
    // Text, not a formula.
    expect(ws.getCell('K13').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('K13').value).toBe('=今後検討');
    expect(sheetToData(ws).formulas).toBeUndefined();
  });

  it('is documented in seeds/README.md', async () => {
    const { seed, mistakes } = buildSamples(seedText);
    const readme = await fs.readFile(path.join(SEEDS, 'README.md'), 'utf8');
    expect(readme).toContain(mistakesTable(seed, mistakes));
  });
});

describe('the engine on the samples', () => {
  const found = (wb: ExcelJS.Workbook) =>
    checkSheet(sheetToData(sheet(wb))).findings.map(
      (f) => `${f.row === null || f.row === undefined ? '-' : toA1(f.row, f.col ?? 0)} ${f.ruleId} ${f.severity}`,
    );

  it('finds no error in the faithful sample and grades its KPI 8 ÷ 32 = 25 % → D', () => {
    const result = checkSheet(sheetToData(sheet(sample)));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.layout?.sections).toHaveLength(5);
    expect(result.layout?.dataRows).toHaveLength(10);
    const kpi = result.kpis.find((k) => k.row === parseA1('G16').row);
    expect(kpi).toMatchObject({ ratePercent: 25, grade: 'D' });
  });

  it('reports each documented mistake of the draft at its cell, and nothing else', () => {
    const { seed, mistakes } = buildSamples(seedText);
    const documented = mistakes
      .filter((m) => m.ruleId !== '—')
      .map((m) => `${cellOf(seed, m.key, m.col)} ${m.ruleId} ${m.severity}`);
    expect(found(draft).sort()).toEqual(documented.sort());
  });
});

describe('the committed samples', () => {
  it('come out byte for byte the same whenever the generator runs', async () => {
    jest.useFakeTimers({
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    try {
      const bytes: Buffer[] = [];
      for (const now of ['2025-07-01T09:00:00Z', '2026-01-02T18:31:07Z']) {
        jest.setSystemTime(new Date(now));
        const wb = buildSamples(seedText).sample;
        bytes.push(await workbookBytes(wb));
      }
      expect(bytes[0]!.equals(bytes[1]!)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([
    ['sample.xlsx', 'sample'],
    ['sample-draft.xlsx', 'draft'],
  ] as const)('%s is what the generator makes now', async (file, which) => {
    const built = buildSamples(seedText)[which];
    const fresh = await loadWorkbook(Buffer.from(await built.xlsx.writeBuffer()));
    const committed = which === 'sample' ? sample : draft;
    expect(committed.worksheets.map((w) => w.name)).toEqual(fresh.worksheets.map((w) => w.name));
    expect(Object.fromEntries(contents(sheet(committed)))).toEqual(Object.fromEntries(contents(sheet(fresh))));
    expect(merges(sheet(committed))).toEqual(merges(sheet(fresh)));
    expect(looks(sheet(committed))).toEqual(looks(sheet(fresh)));
    expect([committed.title, committed.created, committed.modified]).toEqual([fresh.title, fresh.created, fresh.modified]);
    expect(file).toMatch(/\.xlsx$/);
  });
});
