/** The summary sheet's plan: what both the add-in and the CLI's checked copy put on 集計. */
import { checkSheet, type CheckResult } from '../../src/core/engine';
import { HIGHLIGHT_COLOR } from '../../src/core/highlight';
import { findingCell } from '../../src/core/report';
import { excelDateTime, linkLocation, planSummary, type PlanCell, type SummaryPlan } from '../../src/core/summarySheet';
import type { Finding } from '../../src/core/types';
import { SEED_ACTUAL, SEED_TARGET } from '../helpers/seedKpi';
import { seedTable } from '../helpers/table';

const NOW = new Date(2025, 5, 30, 9, 15);

/** ① with one row without a KPI, ② with a KPI whose grade is missing and two graded D; agencies shared. */
function draft() {
  return seedTable([
    { section: '①課題やニーズの把握' },
    { kpi_target: '-', kpi_actual: '-', grade: '-', agencies: '高知県子ども・福祉政策部' },
    { section: '②市町村の支援' },
    {
      kpi_target: SEED_TARGET,
      kpi_actual: SEED_ACTUAL,
      grade: null,
      agencies: '高知県子ども・福祉政策部、=高知県社会福祉協議会',
    },
    { kpi_target: SEED_TARGET, kpi_actual: SEED_ACTUAL, grade: 'D', agencies: '@市町村' },
    { kpi_target: SEED_TARGET, kpi_actual: SEED_ACTUAL, grade: 'D', agencies: '高知労働局' },
  ]);
}

function clean(): CheckResult {
  return checkSheet(seedTable([{ kpi_target: '-', kpi_actual: '-', grade: '-' }]).sheet);
}

/** The row whose first cells are these. */
function rowStarting(plan: SummaryPlan, ...cells: PlanCell[]): number {
  const i = plan.rows.findIndex((r) => cells.every((c, j) => r[j] === c));
  if (i < 0) throw new Error(`no row starting ${JSON.stringify(cells)}`);
  return i;
}

/** The rows below a header up to the next empty row. */
function tableBelow(plan: SummaryPlan, head: number): PlanCell[][] {
  const out: PlanCell[][] = [];
  for (let r = head + 1; r < plan.rows.length && plan.rows[r]!.some((c) => c !== null); r++) out.push(plan.rows[r]!);
  return out;
}

describe('the summary plan', () => {
  const built = draft();
  const result = checkSheet(built.sheet);
  const plan = planSummary(result, 'ja', { now: NOW });

  test('every row is seven cells wide', () => {
    expect(plan.rows.every((r) => r.length === 7)).toBe(true);
  });

  test('the title names the sheet and the fiscal year', () => {
    expect(plan.rows[0]![0]).toBe('進捗表チェック結果 — シート「進捗管理表」 令和6年度（2024年度）');
    expect(planSummary(result, 'en', { now: NOW }).rows[0]![0]).toBe('KPI progress table check — sheet "進捗管理表" FY2024');
  });

  test('the verdict says not ready with the counts, in red; ready in green when clean', () => {
    const s = result.summary;
    expect(s.errors).toBeGreaterThan(0);
    expect(plan.rows[1]!.slice(0, 2)).toEqual([
      '判定',
      `提出前に修正が必要です — エラー ${s.errors} 件・警告 ${s.warnings} 件・情報 ${s.infos} 件`,
    ]);
    expect(plan.styles).toContainEqual(
      expect.objectContaining({ range: { top: 1, bottom: 1, left: 1, right: 6 }, fill: '#FFC7CE' }),
    );
    expect(plan.tabColor).toBe('#E53935');

    const ok = clean();
    const okPlan = planSummary(ok, 'en', { now: NOW });
    expect(ok.summary.ready).toBe(true);
    expect(okPlan.rows[1]![1]).toBe(
      `Ready to submit — 0 errors, ${ok.summary.warnings} warning${ok.summary.warnings === 1 ? '' : 's'}, ${ok.summary.infos} info${ok.summary.infos === 1 ? '' : 's'}`,
    );
    expect(okPlan.styles).toContainEqual(
      expect.objectContaining({ range: { top: 1, bottom: 1, left: 1, right: 6 }, fill: '#C6EFCE' }),
    );
    expect(okPlan.tabColor).toBe('#43A047');
  });

  test('the key/value block: counts as numbers, the creation time as a date-time; the file first when given', () => {
    const s = result.summary;
    const valueOf = (p: SummaryPlan, k: string) => p.rows[rowStarting(p, k)]![1];
    expect(valueOf(plan, 'エラー')).toBe(s.errors);
    expect(valueOf(plan, '取組数')).toBe(4);
    expect(valueOf(plan, 'KPI 数')).toBe(s.kpis);
    expect(valueOf(plan, '表の範囲')).toBe(s.tableRange);
    const created = rowStarting(plan, '作成日時');
    expect(plan.rows[created]![1]).toBe(excelDateTime(NOW));
    expect(plan.styles).toContainEqual({
      range: { top: created, bottom: created, left: 1, right: 1 },
      numberFormat: 'yyyy/mm/dd hh:mm',
    });
    expect(plan.rows.some((r) => r[0] === 'ファイル')).toBe(false);

    const withFile = planSummary(result, 'ja', { now: NOW, sourceFile: '=進捗.xlsx' });
    expect(withFile.rows[3]!.slice(0, 2)).toEqual(['ファイル', '=進捗.xlsx']);
    expect(withFile.rows[4]!.slice(0, 2)).toEqual(['シート', '進捗管理表']);
  });

  test('the grade table lists every grade in gradeOrder with its count and share, under a chart', () => {
    const s = result.summary;
    const head = rowStarting(plan, '達成度', '件数', '割合');
    const table = tableBelow(plan, head);
    expect(table.map((r) => r[0])).toEqual(['S', 'A', 'B', 'C', 'D', '-（KPI なし）', '未記入']);
    expect(s.gradeOrder).toEqual(['S', 'A', 'B', 'C', 'D', '-', 'missing']);
    expect(table.map((r) => r[1])).toEqual([0, 0, 0, 0, 2, 1, 1]);
    expect(table.map((r) => r[2])).toEqual([0, 0, 0, 0, 0.5, 0.25, 0.25]);
    expect(plan.chart).toEqual({
      source: { top: head, bottom: head + 7, left: 0, right: 1 },
      title: '達成度の分布',
      start: 'I4',
      end: 'O20',
    });
    expect(table.every((r) => r[3] === null)).toBe(true);
  });

  test('with bars: a bar column in the grade table instead of a chart, longest for the largest count', () => {
    const withBars = planSummary(result, 'ja', { now: NOW, bars: true });
    expect(withBars.chart).toBeNull();
    const head = rowStarting(withBars, '達成度', '件数', '割合', 'グラフ');
    const table = tableBelow(withBars, head);
    expect(table.map((r) => r[3])).toEqual([null, null, null, null, '█'.repeat(30), '█'.repeat(15), '█'.repeat(15)]);
    const d = head + 5;
    expect(withBars.styles).toContainEqual({ range: { top: d, bottom: d, left: 3, right: 3 }, fontColor: '#EF6C00' });
  });

  test('per-section and per-agency tables', () => {
    const sections = tableBelow(plan, rowStarting(plan, '区分', '取組数', 'KPI 数', '達成度記入済み', '指摘'));
    expect(sections.map((r) => r.slice(0, 4))).toEqual([
      ['①課題やニーズの把握', 1, 0, 0],
      ['②市町村の支援', 3, 3, 2],
    ]);
    const agencies = tableBelow(plan, rowStarting(plan, '実施機関', '取組数', 'KPI 数', '指摘'));
    expect(agencies.map((r) => r.slice(0, 3))).toEqual(
      expect.arrayContaining([
        ['高知県子ども・福祉政策部', 2, 1],
        ['=高知県社会福祉協議会', 1, 1],
        ['@市町村', 1, 1],
        ['高知労働局', 1, 1],
      ]),
    );
    expect(agencies).toHaveLength(4);
  });

  test('each finding links to its cell, with its severity colour; the list has an autofilter', () => {
    const head = rowStarting(plan, 'セル', '重要度', 'ルール');
    const list = plan.rows.slice(head + 1);
    expect(list).toHaveLength(result.findings.length);
    const missing = built.at(3, 'grade');
    result.findings.forEach((f, i) => {
      const row = list[i]!;
      expect(row[2]).toBe(f.ruleId);
      const cell = findingCell(f);
      if (cell) expect(row[0]).toEqual({ link: { sheet: '進捗管理表', cell, text: cell } });
      else expect(typeof row[0]).toBe('string');
    });
    const i = list.findIndex((r) => r[2] === 'missing-grade');
    expect(list[i]!.slice(0, 2)).toEqual([{ link: { sheet: '進捗管理表', cell: missing, text: missing } }, 'エラー']);
    expect(list[i]![5]).toBe('KPIの目標があるのに達成度が未入力です');
    expect(linkLocation({ sheet: '進捗管理表', cell: missing, text: missing })).toBe(`'進捗管理表'!${missing}`);
    expect(linkLocation({ sheet: "It's", cell: 'A1', text: 'A1' })).toBe("'It''s'!A1");
    const r = head + 1 + i;
    const fillAt = (row: number, col: number) =>
      plan.styles
        .filter((st) => st.fill && st.range.top <= row && row <= st.range.bottom && st.range.left <= col && col <= st.range.right)
        .map((st) => st.fill);
    expect(fillAt(r, 1)).toEqual([HIGHLIGHT_COLOR['missing-grade']]);
    expect(fillAt(head, 0)).toEqual(['#D9E1F2']);
    expect(plan.autoFilter).toEqual({ top: head, bottom: plan.rows.length - 1, left: 0, right: 6 });
  });

  test('no findings: a line saying so and no autofilter', () => {
    const ok = clean();
    const p = planSummary({ ...ok, findings: [], summary: { ...ok.summary, findings: [], infos: 0, warnings: 0 } }, 'ja', {
      now: NOW,
    });
    expect(p.rows[p.rows.length - 1]![0]).toBe('指摘はありません');
    expect(p.autoFilter).toBeNull();
  });

  test('a finding whose message starts with "=" is a plain string cell, as is other cell text', () => {
    const hostile: Finding = {
      ruleId: '=HYPERLINK("http://evil.example")',
      severity: 'warning',
      row: null,
      col: null,
      messageId: 'x',
      data: {},
    };
    const p = planSummary({ ...result, summary: { ...result.summary, findings: [hostile] } }, 'ja', { now: NOW });
    const last = p.rows[p.rows.length - 1]!;
    expect(last[5]).toBe('=HYPERLINK("http://evil.example"): x');
    expect(last[2]).toBe('=HYPERLINK("http://evil.example")');
    expect(last[0]).toBe('—');
    expect(p.rows.flat().filter((c) => typeof c === 'object' && c !== null)).toEqual([]);
  });
});
