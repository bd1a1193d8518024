/**
 * Builds seeds/sample.xlsx (the seed table as staff keep it in Excel) and seeds/sample-draft.xlsx (the same
 * table with the mistakes staff really make) from seeds/000_3cf5f138d44a5c0c.txt, and refreshes the table of
 * those mistakes in seeds/README.md. Deterministic: running it again gives the same files, byte for byte.
 *
 *   npm run seeds
 */
import { existsSync, promises as fs } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { colToLetters, toA1 } from '../src/core/a1';
import { htmlToText } from '../src/core/text';

export const SEED_FILE = '000_3cf5f138d44a5c0c.txt';
export const SHEET_NAME = '進捗管理表';
/** Fixed so that the generated files do not change from run to run. */
const FIXED_DATE = new Date(Date.UTC(2025, 5, 30, 0, 0, 0));

/** The table's columns, left to right (A…K). */
export const COLUMNS = [
  'targetGroup',
  'label',
  'initiative',
  'plan',
  'target',
  'actual',
  'grade',
  'results',
  'issues',
  'agencies',
  'remarks',
] as const;
export type Column = (typeof COLUMNS)[number];
/** The columns an initiative fills (all but 対象者, which is written once per block). */
export type DataColumn = Exclude<Column, 'targetGroup'>;
export const LAST_COL = COLUMNS.length - 1;

export function colOf(c: Column): number {
  return COLUMNS.indexOf(c);
}

/** One initiative as the seed gives it (texts already as staff see them in Excel). */
export interface Initiative {
  /** Section mark + sub-label, e.g. "⑤イ", or "④" when the initiative has no sub-label. */
  key: string;
  label: string;
  initiative: string;
  plan: string;
  target: string;
  actual: string;
  grade: string;
  results: string;
  issues: string;
  agencies: string;
  remarks: string;
  /** The seed's fields as extracted, before seedCellText. */
  raw: Partial<Record<DataColumn, string>>;
}

/** The seed's fields after the sub-label, in order. */
const DATA_COLUMNS = ['initiative', 'plan', 'target', 'actual', 'grade', 'results', 'issues', 'agencies', 'remarks'] as const;

export type Entry = { kind: 'section'; title: string } | ({ kind: 'initiative' } & Initiative);

/** A 対象者 and the entries (by index) it is written for. */
export interface TargetBlock {
  targetGroup: string;
  first: number;
  last: number;
}

export interface SeedTable {
  entries: Entry[];
  blocks: TargetBlock[];
}

const SECTION_RE = /^[①-⑳]/;
const SUB_LABEL_RE = /^[ア-ン]$/;

/**
 * Where a list item starts in the seed although the PDF extract lost its <li> tag and ran the items
 * together. A line break goes before each of these; no text is added or removed.
 */
const ITEM_STARTS = [
  'ひきこもりピアサポートセンター（県委託）が',
  '市町村長訪問：',
  'ブロック別意見交換会：',
  '地域共生社会推進アドバイザー：',
  '重層事業導入研修：',
  '包括的相談支援対応力向上研修：',
  '防災との連携による',
  '高知家地域共生社会講座動画の制作、',
  '高知家地域共生社会推進宣言に参画する',
  '高知家地域共生社会推進宣言企業等の取組紹介',
  '高知家地域共生社会推進宣言企業・団体の拡充',
  '高知家地域共生社会ポータルサイト等を通じた',
  'リーフレット配布先：',
  'つながり：3件',
  '内容：関係機関',
  '参加者：市町村',
  '相談支援員 3名',
  '就労支援員・就労準備',
  '家計改善支援員 2名',
  '一時生活支援 1名',
  '子どもの学習・生活支援事業従事者',
  'テーマ別研修（',
  '中国・四国ブロック研修',
  '第2回 受講人数',
  '受講人数 35名',
  '交付先：団体',
  '就労体験者数：',
  'その後、一般就労',
  '就職先：',
];

/**
 * A seed cell as staff see it in Excel: list markup turned into line breaks (htmlToText), and one item per
 * line where the text plainly starts a new one (・, ●, ○, ①…, 【R7拡】, a sentence after "。 ", or a
 * known item start from ITEM_STARTS).
 */
export function seedCellText(raw: string): string {
  let s = htmlToText(raw);
  s = s
    .replace(/。[ \u3000]+/g, '。\n')
    .replace(/[ \u3000]+(?=[・○①-⑳])/g, '\n')
    .replace(/(?<=[^\n])(?=●|【R\d+拡】)/g, '\n');
  for (const start of ITEM_STARTS) s = s.split(start).join(`\n${start}`);
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

function isHeaderRow(f: string[]): boolean {
  return (f[0] === '対象者' && f[1] === '取組内容') || f.includes('目標／令和6年度目標');
}

/**
 * The seed's rows as one table. The seed is a PDF extract of two printed pages: each page repeats the two
 * header rows; on page 1 every row starts with the 対象者 column; on page 2 that column is gone (the first
 * field is the sub-label or empty), except one row that restates the 対象者 for the rows below it. Section
 * titles (①…) stand alone on their rows.
 */
export function parseSeed(text: string): SeedTable {
  const entries: Entry[] = [];
  const blocks: TargetBlock[] = [];
  let headersSeen = 0;
  let section = '';
  let pendingTarget: string | null = null;

  for (const line of text.split(/\r?\n/)) {
    const split = line.split('\t');
    const fields = split.map((f) => f.trim());
    if (fields.every((f) => f === '')) continue;
    if (isHeaderRow(fields)) {
      if (fields[0] === '対象者') headersSeen++;
      continue;
    }
    const filled = fields.filter((f) => f !== '');
    if (filled.length === 1 && SECTION_RE.test(filled[0]!)) {
      section = filled[0]!.charAt(0);
      entries.push({ kind: 'section', title: filled[0]! });
      continue;
    }
    const page1 = headersSeen <= 1;
    let rest = split;
    if (page1) {
      if (fields[0] !== '') pendingTarget = fields[0]!;
      rest = split.slice(1);
    } else if (filled.length === 1 && fields[0] !== '') {
      pendingTarget = fields[0]!;
      continue;
    }
    const first = rest[0]?.trim() ?? '';
    const label = first === '' || SUB_LABEL_RE.test(first) ? first : '';
    const cols = label === '' && first !== '' ? rest : rest.slice(1);
    const cell = (i: number) => seedCellText(cols[i] ?? '');
    const raw: Partial<Record<DataColumn, string>> = {};
    DATA_COLUMNS.forEach((c, i) => (raw[c] = (cols[i] ?? '').trim()));
    let agencies = cell(7);
    let remarks = cell(8);
    // "高知県子ども・福祉政策部 *交付金事業": the extract ran the 備考 note into the agencies cell.
    const note = /^(.*?)\s+(\*\s*\S.*)$/.exec(agencies);
    if (note && remarks === '') {
      agencies = note[1]!;
      remarks = note[2]!;
    }
    if (pendingTarget !== null) {
      blocks.push({ targetGroup: pendingTarget, first: entries.length, last: entries.length });
      pendingTarget = null;
    }
    const block = blocks[blocks.length - 1];
    if (block) block.last = entries.length;
    entries.push({
      kind: 'initiative',
      key: `${section}${label}`,
      label,
      initiative: cell(0),
      plan: cell(1),
      target: cell(2),
      actual: cell(3),
      grade: cell(4),
      results: cell(5),
      issues: cell(6),
      agencies,
      remarks,
      raw,
    });
  }
  return { entries, blocks };
}

// ---------------------------------------------------------------------------------------------------------
// Layout of the sheet

export const HEADER_ROWS = 2;

/** 0-based sheet row of each entry. */
export function entryRow(index: number): number {
  return HEADER_ROWS + index;
}

/** The address of an initiative's cell in the generated sheet, e.g. cellOf(table, '⑤イ', 'grade') → "G16". */
export function cellOf(table: SeedTable, key: string, col: Column): string {
  const i = table.entries.findIndex((e) => e.kind === 'initiative' && e.key === key);
  if (i < 0) throw new Error(`no initiative ${key}`);
  return toA1(entryRow(i), colOf(col));
}

const WIDTHS: Record<Column, number> = {
  targetGroup: 14,
  label: 4,
  initiative: 40,
  plan: 44,
  target: 30,
  actual: 30,
  grade: 8,
  results: 60,
  issues: 56,
  agencies: 28,
  remarks: 14,
};

export const FONT: Partial<ExcelJS.Font> = { name: '游ゴシック', size: 10, charset: 128 };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const LINE_HEIGHT = 17;
const MAX_ROW_HEIGHT = 409;

/** Rough display width in units of "0": full-width characters count about two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0xff ? 1.9 : 1;
  return w;
}

function linesNeeded(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  let n = 0;
  for (const line of text.split('\n')) n += Math.max(1, Math.ceil(displayWidth(line) / usable));
  return n;
}

function writeHeader(ws: ExcelJS.Worksheet): void {
  const top: [Column, string][] = [
    ['targetGroup', '対象者'],
    ['label', '取組内容'],
    ['plan', '実施計画(令和6年度)'],
    ['target', 'KPI'],
    ['results', '実績(令和6年度)'],
    ['issues', '令和6年度の取組を踏まえた課題と今後の方向性'],
    ['agencies', '実施機関及び関係機関'],
    ['remarks', '備考'],
  ];
  for (const [c, text] of top) ws.getCell(1, colOf(c) + 1).value = text;
  ws.getCell(2, colOf('target') + 1).value = '目標／令和6年度目標';
  ws.getCell(2, colOf('actual') + 1).value = '令和6年度実績';
  ws.getCell(2, colOf('grade') + 1).value = '達成度';
  const merge = (t: number, l: Column, b: number, r: Column) => ws.mergeCells(t, colOf(l) + 1, b, colOf(r) + 1);
  merge(1, 'targetGroup', 2, 'targetGroup');
  merge(1, 'label', 1, 'initiative');
  merge(2, 'label', 2, 'initiative');
  merge(1, 'plan', 2, 'plan');
  merge(1, 'target', 1, 'grade');
  for (const c of ['results', 'issues', 'agencies', 'remarks'] as const) merge(1, c, 2, c);
  for (let r = 1; r <= HEADER_ROWS; r++) {
    const row = ws.getRow(r);
    row.height = 24;
    for (let c = 1; c <= COLUMNS.length; c++) {
      const cell = row.getCell(c);
      cell.font = { ...FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
}

/** Fills the sheet with the table. Values come from the entries as given (the draft passes edited ones). */
function writeBody(ws: ExcelJS.Worksheet, table: SeedTable): void {
  const inBlock = (i: number) => table.blocks.some((b) => i >= b.first && i <= b.last);
  table.entries.forEach((e, i) => {
    const r = entryRow(i) + 1;
    const row = ws.getRow(r);
    if (e.kind === 'section') {
      const from = inBlock(i) ? colOf('label') + 1 : 1;
      row.getCell(from).value = e.title;
      ws.mergeCells(r, from, r, COLUMNS.length);
      for (let c = 1; c <= COLUMNS.length; c++) {
        const cell = row.getCell(c);
        cell.border = BORDER;
        if (c < from) continue;
        cell.font = { ...FONT, bold: true };
        cell.fill = SECTION_FILL;
        cell.alignment = { vertical: 'middle' };
      }
      row.height = 20;
      return;
    }
    let lines = 1;
    COLUMNS.forEach((c, ci) => {
      const cell = row.getCell(ci + 1);
      cell.font = FONT;
      cell.border = BORDER;
      const centred = c === 'label' || c === 'grade';
      cell.alignment = { vertical: 'top', horizontal: centred ? 'center' : 'left', wrapText: true };
      if (c === 'targetGroup') return;
      const v: string = e[c];
      if (v !== '') cell.value = v;
      lines = Math.max(lines, linesNeeded(v, WIDTHS[c]));
    });
    row.height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4);
  });
  for (const b of table.blocks) {
    const top = entryRow(b.first) + 1;
    const cell = ws.getCell(top, 1);
    cell.value = b.targetGroup;
    cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    if (b.last > b.first) ws.mergeCells(top, 1, entryRow(b.last) + 1, 1);
  }
}

/** An empty workbook stamped as ours, with the fixed dates that keep the generated files byte-stable. */
export function newWorkbook(title: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '進捗表チェッカー (kpi-progress-checker)';
  wb.lastModifiedBy = wb.creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = title;
  return wb;
}

export function buildWorkbook(table: SeedTable, title: string): ExcelJS.Workbook {
  const wb = newWorkbook(title);
  wb.subject = '社会参加に向けた支援を必要とする方への取組の進捗管理表（令和6年度）';
  wb.keywords = 'KPI 進捗管理表 令和6年度';
  wb.description = `Generated from seeds/${SEED_FILE} by tools/generate-samples.ts`;
  const lastRow = entryRow(table.entries.length - 1) + 1;
  const ws = wb.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROWS, topLeftCell: 'A3', activeCell: 'A3' }],
    pageSetup: {
      paperSize: 8 as ExcelJS.PaperSize, // A3 (not in ExcelJS's enum)
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `1:${HEADER_ROWS}`,
      printArea: `A1:${colToLetters(LAST_COL)}${lastRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&P / &N' },
  });
  ws.columns = COLUMNS.map((c) => ({ width: WIDTHS[c] }));
  writeHeader(ws);
  writeBody(ws, table);
  wb.views = [{ x: 0, y: 0, width: 28800, height: 17000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

// ---------------------------------------------------------------------------------------------------------
// The draft: the mistakes staff really make

export interface DraftMistake {
  /** Initiative key ("⑤ア") and column of the cell the finding points at. */
  key: string;
  col: DataColumn;
  /** Edits that make the mistake (the finding's cell first). */
  edits: Partial<Record<DataColumn, string>>;
  what: string;
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | '—';
}

export function draftMistakes(seed: SeedTable): DraftMistake[] {
  const original = (key: string, col: DataColumn): string => initiative(seed, key)[col];
  const raw = (key: string, col: DataColumn): string => initiative(seed, key).raw[col] ?? '';
  return [
    {
      key: '④',
      col: 'grade',
      edits: { target: '研修受講者数 40人', actual: '32人', grade: '' },
      what: 'KPI の目標（研修受講者数 40人）と実績（32人）があるのに達成度が空欄 / a KPI with a target and an actual but no grade',
      ruleId: 'missing-grade',
      severity: 'error',
    },
    {
      key: '③ア',
      col: 'actual',
      edits: { target: '自宅等訪問件数（延べ） 150件', actual: '', grade: 'C' },
      what: '目標（150件）はあるが実績が空欄 / a target but no actual',
      ruleId: 'missing-actual',
      severity: 'error',
    },
    {
      key: '⑤ア',
      col: 'grade',
      edits: { target: '居場所の実施か所数 10か所', actual: '8か所', grade: 'Ｂ' },
      what: '達成度が全角の「Ｂ」（8か所 ÷ 10か所 = 80 % で B は正しい） / the grade typed as full-width Ｂ',
      ruleId: 'grade-not-normalized',
      severity: 'warning',
    },
    {
      key: '②ア',
      col: 'grade',
      edits: { target: '重層事業に取り組む市町村数 20市町村', actual: '24市町村', grade: '済' },
      what: '達成度に評価の段階にない「済」 / a grade that is not on the scale (済)',
      ruleId: 'invalid-grade',
      severity: 'error',
    },
    {
      key: '③イ',
      col: 'grade',
      edits: { target: '就職氷河期世代相談実績 200件', actual: '235件', grade: 'C' },
      what: '235件 ÷ 200件 = 117.5 % なら A だが「C」 / the grade C disagrees with 117.5 % (A)',
      ruleId: 'grade-mismatch',
      severity: 'warning',
    },
    {
      key: '⑤ウ',
      col: 'agencies',
      edits: { agencies: '' },
      what: '実施機関及び関係機関が空欄 / the agencies cell left empty',
      ruleId: 'required-cell-empty',
      severity: 'error',
    },
    {
      key: '⑤ウ',
      col: 'grade',
      edits: { grade: 'A' },
      what: 'KPI が「-」なのに達成度 A / a letter grade where the KPI is "-"',
      ruleId: 'grade-without-kpi',
      severity: 'warning',
    },
    {
      key: '②イ',
      col: 'results',
      edits: { results: raw('②イ', 'results') },
      what: 'PDF から貼り付けた HTML タグ（<ul style=…>）が残った実績 / results pasted with HTML tags',
      ruleId: 'html-markup',
      severity: 'warning',
    },
    {
      key: '③ウ',
      col: 'plan',
      edits: { plan: '未定' },
      what: '実施計画が仮置きの「未定」 / the plan is a placeholder (未定)',
      ruleId: 'placeholder-text',
      severity: 'warning',
    },
    {
      key: '①',
      col: 'agencies',
      edits: { agencies: `${original('①', 'agencies')}\u3000` },
      what: '末尾に全角スペース / a trailing full-width space',
      ruleId: 'stray-whitespace',
      severity: 'info',
    },
    {
      key: '⑤ア',
      col: 'remarks',
      edits: { remarks: '<img src=x onerror=alert(1)>' },
      what: '備考に HTML（画面に表示するときスクリプトとして動いてはならない） / HTML in a remark (must never run when shown)',
      ruleId: 'html-markup',
      severity: 'warning',
    },
    {
      key: '④',
      col: 'remarks',
      edits: { remarks: '=今後検討' },
      what: '「=」で始まる文字列（数式ではない）。集計シートに写しても文字列のまま / text starting with "=" (not a formula); must stay text when copied',
      ruleId: '—',
      severity: '—',
    },
  ];
}

export function initiative(table: SeedTable, key: string): Initiative {
  const e = table.entries.find((x) => x.kind === 'initiative' && x.key === key);
  if (!e || e.kind !== 'initiative') throw new Error(`no initiative ${key}`);
  return e;
}

/** The seed table with the draft's edits applied. */
export function applyMistakes(seed: SeedTable, mistakes: DraftMistake[]): SeedTable {
  const table: SeedTable = { entries: seed.entries.map((e) => ({ ...e })), blocks: seed.blocks };
  for (const m of mistakes) Object.assign(initiative(table, m.key), m.edits);
  return table;
}

export interface Samples {
  seed: SeedTable;
  sample: ExcelJS.Workbook;
  draft: ExcelJS.Workbook;
  mistakes: DraftMistake[];
}

export function buildSamples(seedText: string): Samples {
  const seed = parseSeed(seedText);
  const mistakes = draftMistakes(seed);
  return {
    seed,
    sample: buildWorkbook(seed, '進捗管理表（サンプル）'),
    draft: buildWorkbook(applyMistakes(seed, mistakes), '進捗管理表（下書きサンプル：誤りを含む）'),
    mistakes,
  };
}

const TABLE_START = '<!-- draft-mistakes:start -->';
const TABLE_END = '<!-- draft-mistakes:end -->';

export function mistakesTable(seed: SeedTable, mistakes: DraftMistake[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  const lines = ['| cell | what is wrong | rule id | severity |', '|---|---|---|---|'];
  for (const m of mistakes) {
    const id = m.ruleId === '—' ? '—' : `\`${m.ruleId}\``;
    lines.push(`| ${cellOf(seed, m.key, m.col)} (${m.key}) | ${esc(m.what)} | ${id} | ${m.severity} |`);
  }
  return lines.join('\n');
}

/**
 * Sets every entry's time in a zip to one fixed date, so that the same contents give the same bytes
 * (ExcelJS stamps each part with the time of writing).
 */
export function fixZipTimes(buf: Buffer, date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('unexpected zip central directory');
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(day, p + 14);
    const local = buf.readUInt32LE(p + 42);
    buf.writeUInt16LE(time, local + 10);
    buf.writeUInt16LE(day, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

/** The .xlsx file's bytes, the same for the same contents. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer()), FIXED_DATE);
}

/** The repository root: the nearest folder above `from` holding package.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${from}`);
    dir = up;
  }
  return dir;
}

export async function generate(root: string = repoRoot()): Promise<string[]> {
  const seeds = path.join(root, 'seeds');
  const text = await fs.readFile(path.join(seeds, SEED_FILE), 'utf8');
  const { seed, sample, draft, mistakes } = buildSamples(text);
  const written: string[] = [];
  for (const [name, wb] of [
    ['sample.xlsx', sample],
    ['sample-draft.xlsx', draft],
  ] as const) {
    const file = path.join(seeds, name);
    await fs.writeFile(file, await workbookBytes(wb));
    written.push(file);
  }
  const readme = path.join(seeds, 'README.md');
  const current = await fs.readFile(readme, 'utf8').catch(() => '');
  const start = current.indexOf(TABLE_START);
  const end = current.indexOf(TABLE_END);
  if (start >= 0 && end > start) {
    const next = `${current.slice(0, start + TABLE_START.length)}\n${mistakesTable(seed, mistakes)}\n${current.slice(end)}`;
    if (next !== current) await fs.writeFile(readme, next);
    written.push(readme);
  }
  return written;
}

/** Runs a generator from the command line: prints each file it wrote, or the error and exit code 1. */
export function runGenerator(generate: () => Promise<string[]>): void {
  generate().then(
    (files) => {
      for (const f of files) console.log(`wrote ${path.relative(process.cwd(), f)}`);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}

if (require.main === module) runGenerator(() => generate());
