/**
 * The bench's workbooks: the 50,000-row table laid out like seeds/sample.xlsx (shared strings, UTF-8,
 * 23,340 merged areas), the same table with its text written as inline strings of character references
 * (as some writers store text), and one with a merge on every data row too; and many small files.
 */
import { promises as fs, readFileSync } from 'fs';
import path from 'path';
import JSZip from 'jszip';

export type BenchWorkbook = { file: string; label: string; sheetRows: number; dataRows: number; merges: number };

export async function buildWorkbook(
  file: string,
  totalRows: number,
): Promise<{ dataRows: number; sheetRows: number; merges: number; initiativeRows: number[] }> {
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const gen = require('../tools/generate-samples') as typeof import('../tools/generate-samples');

  const seedText = readFileSync(path.join(gen.repoRoot(), 'seeds', gen.SEED_FILE), 'utf8');
  const seed = gen.parseSeed(seedText);
  const draft = gen.applyMistakes(seed, gen.draftMistakes(seed));
  const font = { name: '游ゴシック', size: 10, charset: 128 };
  const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const cols = gen.COLUMNS.length;

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet(gen.SHEET_NAME, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  ws.columns = [14, 4, 40, 44, 30, 30, 8, 60, 56, 28, 14].map((width) => ({ width }));
  const header1 = [
    '対象者',
    '取組内容',
    '',
    '実施計画(令和6年度)',
    'KPI',
    '',
    '',
    '実績(令和6年度)',
    '令和6年度の取組を踏まえた課題と今後の方向性',
    '実施機関及び関係機関',
    '備考',
  ];
  const header2 = ['', '', '', '', '目標／令和6年度目標', '令和6年度実績', '達成度', '', '', '', ''];
  for (const h of [header1, header2]) {
    const row = ws.addRow(h.map((v) => (v === '' ? null : v)));
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { ...font, bold: true };
      c.border = border;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    });
  }
  // The streaming writer can merge only rows it has not committed yet.
  for (const m of ['A1:A2', 'B1:C1', 'B2:C2', 'D1:D2', 'E1:G1', 'H1:H2', 'I1:I2', 'J1:J2', 'K1:K2']) ws.mergeCells(m);
  ws.getRow(2).commit();

  let rowNo = 2;
  let dataRows = 0;
  const initiativeRows: number[] = [];
  let merges = 9;
  // Every tenth copy of the table is the draft, so the findings are realistic too.
  for (let copy = 0; rowNo + seed.entries.length <= totalRows; copy++) {
    const table = copy % 10 === 9 ? draft : seed;
    const first = rowNo + 1;
    for (const e of table.entries) {
      rowNo++;
      if (e.kind === 'section') {
        const inBlock = table.blocks.some((b) => rowNo - first >= b.first && rowNo - first <= b.last);
        const from = inBlock ? 2 : 1;
        const values: (string | null)[] = new Array(cols).fill(null);
        values[from - 1] = e.title;
        const row = ws.addRow(values);
        row.eachCell({ includeEmpty: true }, (c) => {
          c.border = border;
          c.font = { ...font, bold: true };
        });
        ws.mergeCells(rowNo, from, rowNo, cols);
        merges++;
        continue;
      }
      dataRows++;
      initiativeRows.push(rowNo);
      const block = table.blocks.find((b) => b.first === rowNo - first);
      const values = [
        block?.targetGroup ?? null,
        e.label,
        e.initiative,
        e.plan,
        e.target,
        e.actual,
        e.grade,
        e.results,
        e.issues,
        e.agencies,
        e.remarks,
      ];
      const row = ws.addRow(values.map((v) => (v === '' ? null : v)));
      row.eachCell({ includeEmpty: true }, (c) => {
        c.font = font;
        c.border = border;
        c.alignment = { vertical: 'top', wrapText: true };
      });
    }
    for (const b of table.blocks) if (b.last > b.first) (ws.mergeCells(first + b.first, 1, first + b.last, 1), merges++);
    ws.getRow(rowNo).commit();
  }
  ws.commit();
  await wb.commit();
  return { dataRows, sheetRows: rowNo, merges, initiativeRows };
}

async function rewriteSheet(from: string, to: string, edit: (sheet: string, strings: string[]) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(from));
  const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const sstXml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  const strings = [...sstXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''),
  );
  zip.file('xl/worksheets/sheet1.xml', edit(sheetXml, strings));
  await fs.writeFile(
    to,
    await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }),
  );
}

/** Every shared-string cell as an inline string, each character beyond ASCII as "&#x…;". */
export async function characterReferences(from: string, to: string): Promise<void> {
  const refs = (s: string) => s.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`);
  await rewriteSheet(from, to, (xml, strings) =>
    xml.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => {
      const t = strings[Number(i)] ?? '';
      return `<c ${a}t="inlineStr"${b}><is><t xml:space="preserve">${refs(t)}</t></is></c>`;
    }),
  );
}

/** A merge of H:I on every initiative row (section rows are merged across the table already). */
export async function manyMerges(from: string, to: string, dataRows: number[]): Promise<number> {
  let added = 0;
  await rewriteSheet(from, to, (xml) => {
    const refs = dataRows.map((r) => `<mergeCell ref="H${r}:I${r}"/>`);
    added = refs.length;
    return xml.replace(
      /<mergeCells count="(\d+)">/,
      (_m, n: string) => `<mergeCells count="${Number(n) + added}">${refs.join('')}`,
    );
  });
  return added;
}

/** n copies of a small workbook, in a folder. */
export async function smallFiles(dir: string, source: string, n: number): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const bytes = readFileSync(source);
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `f${String(i).padStart(4, '0')}.xlsx`);
    await fs.writeFile(f, bytes);
    files.push(f);
  }
  return files;
}
