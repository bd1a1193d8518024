/**
 * The read limit the CLI is measured against: the least a reader can do to get every cell value of the
 * first sheet into a grid. Native inflate (zlib) of the sheet and the shared strings, then a byte scan:
 * indexOf for each "<c", the address, the type, the <v> or inline <t> text decoded in one call (entities
 * in the same one-pass decoder the reader uses). No styles, formulas, merges, rich text or checks: it is a
 * floor, not a reader (it assumes the first sheet is xl/worksheets/sheet1.xml).
 *
 *   node dist-cli/bench/read-limit.js FILE.xlsx   → prints "<cells> <characters>"
 */
import { readFileSync } from 'fs';
import { decodeText } from '../src/xlsx-read/xml';
import { ZipArchive } from '../src/xlsx-read/zip';

/** Text decoded in one pass (the fast reader's decoder: one flat string, character references included). */
function text(buf: Buffer, s: number, e: number): string {
  return decodeText(buf, s, e);
}

function sharedStrings(buf: Buffer | undefined): string[] {
  const out: string[] = [];
  if (!buf) return out;
  let p = 0;
  for (;;) {
    const si = buf.indexOf('<si>', p, 'latin1');
    if (si < 0) return out;
    const end = buf.indexOf('</si>', si, 'latin1');
    let s = '';
    for (let q = si; ;) {
      const t = buf.indexOf('<t', q, 'latin1');
      if (t < 0 || t > end) break;
      const gt = buf.indexOf(0x3e, t);
      if (buf[gt - 1] === 0x2f) {
        q = gt + 1;
        continue;
      }
      const close = buf.indexOf('</t>', gt, 'latin1');
      s += text(buf, gt + 1, close);
      q = close + 4;
    }
    out.push(s);
    p = end + 5;
  }
}

export function readLimit(file: string): { cells: number; chars: number; grid: (string | number | null)[][] } {
  // Native inflate of the two parts (the reader's zip directory code: src/xlsx-read/zip.ts).
  const zip = new ZipArchive(readFileSync(file));
  const sst = sharedStrings(zip.read('xl/sharedStrings.xml'));
  const xml = zip.read('xl/worksheets/sheet1.xml')!;
  const grid: (string | number | null)[][] = [];
  let cells = 0;
  let chars = 0;
  let p = xml.indexOf('<sheetData', 0, 'latin1');
  for (;;) {
    const c = xml.indexOf('<c ', p, 'latin1');
    if (c < 0) break;
    const gt = xml.indexOf(0x3e, c);
    // r="AB12" and t="…" from the attribute bytes.
    let col = 0;
    let row = 0;
    let type = 0;
    for (let i = c + 3; i < gt; i++) {
      if (xml[i] === 0x72 && xml[i + 1] === 0x3d) {
        let j = i + 3;
        for (; xml[j]! >= 65; j++) col = col * 26 + xml[j]! - 64;
        for (; xml[j]! >= 48 && xml[j]! <= 57; j++) row = row * 10 + xml[j]! - 48;
        i = j;
      } else if (xml[i] === 0x74 && xml[i + 1] === 0x3d) type = xml[i + 3]!;
    }
    p = gt + 1;
    if (xml[gt - 1] === 0x2f) continue;
    const end = xml.indexOf('</c>', p, 'latin1');
    // Searches bounded by the cell's end (an unbounded search for a tag the cell lacks would scan the rest of the file).
    const cell = xml.subarray(p, end);
    const vAt = cell.indexOf('<v>', 0, 'latin1');
    const v = vAt < 0 ? -1 : p + vAt;
    let value: string | number | null = null;
    if (v >= 0 && v < end) {
      const raw = text(xml, v + 3, xml.indexOf('</v>', v, 'latin1'));
      value = type === 0x73 /* s */ ? (sst[Number(raw)] ?? null) : type === 0 || type === 0x6e ? Number(raw) : raw;
    } else {
      const tAt = cell.indexOf('<t', 0, 'latin1');
      const t = tAt < 0 ? -1 : p + tAt;
      if (t >= 0 && t < end) {
        const tg = xml.indexOf(0x3e, t);
        value = text(xml, tg + 1, xml.indexOf('</t>', tg, 'latin1'));
      }
    }
    p = end + 4;
    if (value === null) continue;
    (grid[row - 1] ??= [])[col - 1] = value;
    cells++;
    if (typeof value === 'string') chars += value.length;
  }
  return { cells, chars, grid };
}

if (require.main === module) {
  const { cells, chars } = readLimit(process.argv[2]!);
  process.stdout.write(`${cells} ${chars}\n`);
}
