import { loadWorkbook, activeSheetName, sheetToData } from '../../../src/xlsx/read';
import { checkSheet } from '../../../src/core/engine';
import { toA1, rangeToA1 } from '../../../src/core/a1';
test('diag', async () => {
  const out: string[] = [];
  for (const f of ['sample.xlsx', 'sample-draft.xlsx']) {
    const wb = await loadWorkbook(__dirname + '/../../../seeds/' + f);
    const ws = wb.getWorksheet(activeSheetName(wb)!)!;
    const data = sheetToData(ws);
    const a = checkSheet(data);
    const b = checkSheet({ ...data, merges: [] });
    const fmt = (r: typeof a) => r.findings.map((x) => `${x.ruleId}@${x.row != null ? toA1(x.row, x.col ?? 0) : '-'}`);
    out.push(f + ' merges ' + (data.merges ?? []).map(rangeToA1).join(','));
    out.push(' with    ' + fmt(a).join(' '));
    out.push(' without ' + fmt(b).join(' '));
    out.push(' cols ' + JSON.stringify(a.layout?.columns) + ' ' + JSON.stringify(b.layout?.columns));
    out.push(' sections ' + JSON.stringify(a.layout?.sections.map((s) => [s.row, s.col])) + ' ' + JSON.stringify(b.layout?.sections.map((s) => [s.row, s.col])));
    out.push(' rows ' + JSON.stringify(a.layout?.dataRows.map((s) => [s.row, s.label, s.targetGroup.slice(0, 5)])) + '\n  ' + JSON.stringify(b.layout?.dataRows.map((s) => [s.row, s.label, s.targetGroup.slice(0, 5)])));
    out.push(' range ' + rangeToA1(a.layout!.range) + ' ' + rangeToA1(b.layout!.range) + ' hc ' + JSON.stringify(a.layout?.headerCells.map(h=>[h.row,h.col,h.role])) + ' ' + JSON.stringify(b.layout?.headerCells.map(h=>[h.row,h.col,h.role])));
    out.push(' dup ' + JSON.stringify(a.layout?.duplicates) + JSON.stringify(b.layout?.duplicates));
  }
  console.log(out.join('\n'));
});
