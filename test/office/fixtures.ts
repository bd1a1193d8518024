/** Workbooks for the big-sheet tests and the benchmark (no Jest here: bench/office-bench.ts uses it too). */
import type { CellValue, SheetData } from '../../src/core/grid';
import { SimWorkbook, type SimSheet } from '../../src/office/simulator';

/**
 * A sheet of `rows` data rows: the source's two header rows (with their merges), then its data rows
 * (from row 3 on) repeated. The section rows repeat too, so the table looks like many pages of one.
 */
export function tiledWorkbook(source: SimSheet, rows: number, name = source.name): SimWorkbook {
  const sim = new SimWorkbook([name]);
  const s = sim.sheet(name)!;
  const header = 2;
  const used = source.usedRange(true)!;
  const body: number[] = [];
  for (let r = header + 1; r <= used.bottom; r++) body.push(r);
  for (let r = 0; r < header; r++) for (let c = 0; c <= used.right; c++) s.setCell(r, c, source.cell(r, c));
  s.merges = source.merges.filter((m) => m.bottom < header).map((m) => ({ ...m }));
  for (let i = 0; i < rows; i++) {
    const from = body[i % body.length]!;
    for (let c = 0; c <= used.right; c++) s.setCell(header + i, c, source.cell(from, c));
  }
  return sim;
}

/** SheetData straight from the simulator's model (what a perfect reader would produce). */
export function modelSheetData(s: SimSheet): SheetData {
  const used = s.usedRange(true);
  if (!used) return { name: s.name, top: 0, left: 0, values: [], merges: [] };
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  let any = false;
  let anyFormat = false;
  for (let r = used.top; r <= used.bottom; r++) {
    const vr: CellValue[] = [];
    const fr: (string | null)[] = [];
    const nr: (string | null)[] = [];
    for (let c = used.left; c <= used.right; c++) {
      const cell = s.cell(r, c);
      vr.push(cell?.value ?? null);
      fr.push(cell?.formula ?? null);
      const nf = cell?.style?.numberFormat;
      nr.push(nf && nf !== 'General' ? nf : null);
      if (cell?.formula) any = true;
      if (nf && nf !== 'General') anyFormat = true;
    }
    values.push(vr);
    formulas.push(fr);
    numberFormats.push(nr);
  }
  return {
    name: s.name,
    top: used.top,
    left: used.left,
    values,
    ...(any ? { formulas } : {}),
    ...(anyFormat ? { numberFormats } : {}),
    merges: s.merges.map((m) => ({ ...m })),
  };
}
