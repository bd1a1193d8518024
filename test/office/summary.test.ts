/** The 集計 sheet written through Office.js. */
import { DEFAULT_PROFILE } from '../../src/core/profile';
import { createExcelHost } from '../../src/office/excelHost';
import { pickSummaryName, safeSheetName } from '../../src/core/summarySheet';
import { SUMMARY_NAME_PROPERTY, SUMMARY_PROPERTY, SUMMARY_SETTING } from '../../src/office/summarySheet';
import type { SheetSnapshot, SimWorkbook } from '../../src/office/simulator';
import { install, loadSeed, uninstall } from './helpers';

afterEach(uninstall);

async function validated(sim: SimWorkbook, host = createExcelHost()) {
  const { result } = await host.validate(DEFAULT_PROFILE);
  return { host, result };
}

function text(snap: SheetSnapshot, a1: string): unknown {
  return snap.cells[a1]?.value;
}

/** Address of the first cell whose value is v. */
function find(snap: SheetSnapshot, v: unknown): string | undefined {
  return Object.entries(snap.cells).find(([, c]) => c.value === v)?.[0];
}

describe('the summary sheet of the draft', () => {
  test('title, verdict, counts, grade table with a chart, tables and linked findings; readable formatting', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim);
    const { host, result } = await validated(sim);
    sim.resetStats();
    const name = await host.insertSummary(result, 'ja');
    expect(sim.syncCount).toBeLessThanOrEqual(2);
    expect(name).toBe('集計');
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表', '集計']);
    expect(sim.activeSheet.name).toBe('集計');
    const s = sim.sheet('集計')!.snapshot();

    expect(text(s, 'A1')).toBe('進捗表チェック結果 — シート「進捗管理表」 令和6年度（2024年度）');
    expect(text(s, 'B2')).toBe(
      `提出前に修正が必要です — エラー ${result.summary.errors} 件・警告 ${result.summary.warnings} 件・情報 ${result.summary.infos} 件`,
    );
    expect(s.cells.A1!.style?.font?.bold).toBe(true);
    // The creation date is a real date-time.
    const created = find(s, '作成日時')!;
    const when = s.cells[`B${created.slice(1)}`]!;
    expect(typeof when.value).toBe('number');
    expect(when.style?.numberFormat).toBe('yyyy/mm/dd hh:mm');

    // Grade distribution: a table, and a column chart over it.
    const head = Number(find(s, '件数')!.slice(1));
    expect(text(s, `A${head}`)).toBe('達成度');
    const grades = result.summary.gradeOrder.map((g, i) => [text(s, `A${head + 1 + i}`), text(s, `B${head + 1 + i}`)]);
    expect(grades.map((g) => g[1])).toEqual(result.summary.gradeOrder.map((g) => result.summary.grades[g]));
    expect(grades.find((g) => g[0] === '未記入')?.[1]).toBe(1);
    expect(s.charts).toEqual([
      expect.objectContaining({
        type: 'ColumnClustered',
        title: '達成度の分布',
        source: `集計!A${head}:B${head + result.summary.gradeOrder.length}`,
      }),
    ]);
    expect(s.cells[`A${head}`]!.style).toMatchObject({ font: { bold: true }, fill: '#D9E1F2' });

    // Per-section and per-agency tables.
    expect(find(s, '区分別')).toBeDefined();
    expect(find(s, '①課題やニーズの把握')).toBeDefined();
    expect(find(s, '高知県子ども・福祉政策部')).toBeDefined();

    // Findings with a link to each cell.
    const g13 = Object.entries(s.cells).find(([, c]) => c.formula?.includes('!G13'));
    expect(g13?.[1]).toMatchObject({ value: 'G13', formula: `=HYPERLINK("#'進捗管理表'!G13","G13")` });
    const row = g13![0].slice(1);
    expect(text(s, `C${row}`)).toBe('missing-grade');
    expect(text(s, `F${row}`)).toBe('KPIの目標があるのに達成度が未入力です');
    expect(s.cells[`F${row}`]!.style?.wrapText).toBe(true);
    const links = Object.values(s.cells).filter((c) => c.formula?.startsWith('=HYPERLINK('));
    expect(links).toHaveLength(result.findings.filter((f) => f.row !== null).length);

    expect(s.freeze).toEqual({ rows: 2, columns: 0 });
    expect(s.columnWidths[5]).toBeGreaterThan(s.columnWidths[1]!);
    expect(s.customProperties).toEqual([
      { key: SUMMARY_PROPERTY, value: '進捗管理表' },
      { key: SUMMARY_NAME_PROPERTY, value: '集計' },
    ]);
  });

  test('English words when asked', async () => {
    const sim = await loadSeed('sample.xlsx');
    install(sim, { displayLanguage: 'en-US' });
    const { host, result } = await validated(sim);
    const name = await host.insertSummary(result, 'en');
    const s = sim.sheet(name)!.snapshot();
    expect(text(s, 'A1')).toBe('KPI progress table check — sheet "進捗管理表" FY2024');
    expect(String(text(s, 'B2'))).toMatch(/^(Ready to submit|Fix before submitting) — /);
  });

  test('inserting twice leaves one summary sheet, replaced in place', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim);
    const { host, result } = await validated(sim);
    await host.insertSummary(result, 'ja');
    sim.activate('進捗管理表');
    sim.addSheet('後ろ');
    const firstId = sim.sheet('集計')!.id;
    sim.resetStats();
    expect(await host.insertSummary(result, 'en')).toBe('集計');
    expect(sim.syncCount).toBeLessThanOrEqual(2);
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表', '集計', '後ろ']);
    expect(sim.sheet('集計')!.id).not.toBe(firstId);
    expect(text(sim.sheet('集計')!.snapshot(), 'A2')).toBe('Verdict');
  });

  test("a user's own 集計 is never touched: ours gets another name", async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    const mine = sim.addSheet('集計');
    mine.setValues('A1', [['私のメモ', 42]]);
    mine.setStyle('A1', { fill: '#00FF00' });
    install(sim);
    const before = mine.snapshot();
    const { host, result } = await validated(sim);
    const name = await host.insertSummary(result, 'ja');
    expect(name).toBe('集計_進捗管理表');
    expect(await host.insertSummary(result, 'ja')).toBe('集計_進捗管理表');
    expect(sim.sheet('集計')!.snapshot()).toEqual(before);
    expect(sim.sheets.map((s) => s.name).sort()).toEqual(['集計', '集計_進捗管理表', '進捗管理表'].sort());
  });

  test('a second checked sheet gets 集計_<sheet>; each summary replaces only its own', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim);
    const host = createExcelHost();
    const a = (await host.validate(DEFAULT_PROFILE)).result;
    expect(await host.insertSummary(a, 'ja')).toBe('集計');
    const long = 'R7年度 進捗管理表（最新版・確認用の写し・提出前の点検）';
    expect(long.length).toBeGreaterThan(28);
    const copy = sim.addSheet(long);
    copy.setValues('A1', [['x']]);
    sim.activate(copy.name);
    const b = (await host.validate(DEFAULT_PROFILE)).result;
    const name = await host.insertSummary(b, 'ja');
    expect(name).toBe(`集計_${long}`.slice(0, 31));
    expect(name.length).toBeLessThanOrEqual(31);
    await host.insertSummary(a, 'ja');
    expect(sim.sheets.filter((s) => s.name.startsWith('集計'))).toHaveLength(2);
  });

  test('cell text copied into the summary stays text, whatever it starts with', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    const s = sim.activeSheet;
    // An agency name and a section title as hostile as cell text gets.
    const hostile = ['=HYPERLINK("http://evil.example")', '+1+2', '-cmd|calc', '@SUM(1)', "'quoted", '2024/4/1', '123'];
    install(sim);
    const rows = (await createExcelHost().validate(DEFAULT_PROFILE)).result.layout!.dataRows.map((d) => d.row);
    hostile.forEach((h, i) => s.setValues(`J${rows[i]! + 1}`, [[`'${h}`]]));
    const { host, result } = await validated(sim);
    const snap = sim.sheet(await host.insertSummary(result, 'ja'))!.snapshot();
    for (const h of hostile) {
      const hit = Object.values(snap.cells).find((c) => c.value === h);
      expect({ h, hit }).toEqual({ h, hit: expect.objectContaining({ value: h }) });
      expect(hit!.formula).toBeUndefined();
    }
    // The only formulas on the sheet are our links.
    expect(
      Object.values(snap.cells)
        .filter((c) => c.formula)
        .every((c) => c.formula!.startsWith('=HYPERLINK("#')),
    ).toBe(true);
  });

  test('on Office 2019 (no custom properties) the document settings mark the sheet as ours', async () => {
    const sim = await loadSeed('sample-draft.xlsx');
    install(sim, { host: 'Office2019' });
    const { host, result } = await validated(sim);
    sim.resetStats();
    expect(await host.insertSummary(result, 'ja')).toBe('集計');
    expect(sim.syncCount).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 5));
    expect(sim.savedSettings[SUMMARY_SETTING]).toEqual([
      { name: '集計', source: '進捗管理表', title: sim.sheet('集計')!.cell(0, 0)!.value },
    ]);
    expect(await host.insertSummary(result, 'ja')).toBe('集計');
    expect(sim.sheets.map((s) => s.name)).toEqual(['進捗管理表', '集計']);
    // A user's sheet that merely has the recorded name is not ours.
    sim.removeSheet(sim.sheet('集計')!);
    sim.addSheet('集計').setValues('A1', [['user']]);
    expect(await host.insertSummary(result, 'ja')).toBe('集計_進捗管理表');
    expect(sim.sheet('集計')!.cell(0, 0)?.value).toBe('user');
  });
});

describe('names', () => {
  test('within Excel rules', () => {
    expect(pickSummaryName('Sheet1', [], 0)).toBe('集計');
    expect(pickSummaryName('Sheet1', ['集計'], 0)).toBe('集計_Sheet1');
    expect(pickSummaryName('Sheet1', ['集計'], 1)).toBe('集計_Sheet1');
    expect(pickSummaryName('Sheet1', ['集計_sheet1'], 1)).toBe('集計_Sheet1 (2)');
    const long = pickSummaryName('a'.repeat(40), ['集計_' + 'a'.repeat(28)], 1);
    expect(long).toBe(`集計_${'a'.repeat(24)} (2)`);
    expect(long.length).toBe(31);
    expect(safeSheetName("'a:b'")).toBe('a_b');
  });
});
