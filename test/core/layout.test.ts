import fc from 'fast-check';
import { parseRange, rangeToA1 } from '../../src/core/a1';
import { Grid, type CellValue, type SheetData } from '../../src/core/grid';
import { nearMisses } from '../../src/core/headers';
import { detectLayout, isNoteText, roleText, roleValue } from '../../src/core/layout';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import type { Layout, Role } from '../../src/core/types';
import {
  bigSampleSheet,
  blankRows,
  rawSeedSheet,
  SAMPLE_HEADER_MERGES,
  SAMPLE_HEADER_ROW_1,
  SAMPLE_HEADER_ROW_2,
  seedModel,
  seedSampleSheet,
  sheet,
  withoutMerges,
  type Cell,
} from '../helpers/layouts';

function detect(data: SheetData, profile: Profile = DEFAULT_PROFILE): Layout {
  const layout = detectLayout(new Grid(data), profile);
  if (!layout) throw new Error('no table detected');
  return layout;
}

/** Role → column letter, as the JSON report shows it. */
function letters(layout: Layout): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, c] of Object.entries(layout.columns)) out[role] = String.fromCharCode(65 + c!);
  return out;
}

const TARGET = '社会参加に向けた支援を必要とする方（ひきこもりの方等）';
const SEED_COLUMNS = {
  target_group: 'A',
  label: 'B',
  initiative: 'C',
  plan: 'D',
  kpi_target: 'E',
  kpi_actual: 'F',
  grade: 'G',
  results: 'H',
  issues: 'I',
  agencies: 'J',
  remarks: 'K',
};

describe('the seed laid out as the sample workbook', () => {
  const { data, expected } = seedSampleSheet();
  const grid = new Grid(data);
  const layout = detect(data);

  test('the seed file reads as 5 sections and 10 initiatives', () => {
    const model = seedModel();
    expect(model.sections.map((s) => s.title[0])).toEqual(['①', '②', '③', '④', '⑤']);
    expect(model.initiatives.map((i) => i.label)).toEqual(['', 'ア', 'イ', 'ア', 'イ', 'ウ', '', 'ア', 'イ', 'ウ']);
    expect(model.targetGroup).toBe(TARGET);
    expect(model.initiatives[8]!.grade).toBe('D');
  });

  test('header rows, range, fiscal year and every role column', () => {
    expect(layout.headerRows).toEqual([0, 1]);
    expect(rangeToA1(layout.range)).toBe('A1:K17');
    expect(layout.fiscalYear).toBe(2024);
    expect(letters(layout)).toEqual(SEED_COLUMNS);
    expect(layout.duplicates).toEqual([]);
    expect(layout.repeatedHeaderRows).toEqual([]);
  });

  test('five sections, in column A or in the 取組内容 column', () => {
    expect(layout.sections.map((s) => s.row)).toEqual(expected.sectionRows);
    expect(layout.sections.map((s) => s.col)).toEqual([0, 1, 1, 0, 0]);
    expect(layout.sections[1]!.title).toBe('②市町村の包括的な支援体制構築に向けた支援');
  });

  test('ten data rows with their sub-labels, sections and the merged 対象者', () => {
    expect(layout.dataRows.map((d) => d.row)).toEqual(expected.dataRows);
    expect(layout.dataRows.map((d) => d.label)).toEqual(['', 'ア', 'イ', 'ア', 'イ', 'ウ', '', 'ア', 'イ', 'ウ']);
    expect(layout.dataRows.map((d) => d.section)).toEqual([0, 1, 1, 2, 2, 2, 3, 4, 4, 4]);
    expect(new Set(layout.dataRows.map((d) => d.targetGroup))).toEqual(new Set([TARGET]));
  });

  test('header cells carry their role and fiscal year; the KPI parent has no role', () => {
    const byAddr = new Map(layout.headerCells.map((h) => [`${h.row},${h.col}`, h]));
    expect(byAddr.get('0,1')).toMatchObject({ text: '取組内容', role: 'initiative' });
    expect(byAddr.get('0,4')?.role).toBeUndefined();
    expect(byAddr.get('1,4')).toMatchObject({ role: 'kpi_target', fiscalYear: 2024 });
    expect(byAddr.get('1,5')).toMatchObject({ role: 'kpi_actual', fiscalYear: 2024 });
    expect(byAddr.get('0,7')).toMatchObject({ role: 'results', fiscalYear: 2024 });
    expect(byAddr.get('1,6')).toMatchObject({ role: 'grade' });
    expect(byAddr.get('1,6')?.fiscalYear).toBeUndefined();
    expect(layout.headerCells).toHaveLength(11);
  });

  test('roleText shows merged cells as Excel does', () => {
    const second = layout.dataRows[1]!.row;
    expect(grid.value(second, 0)).toBeNull();
    expect(roleText(grid, layout, second, 'target_group')).toBe(TARGET);
    expect(roleText(grid, layout, layout.dataRows[8]!.row, 'grade')).toBe('D');
    expect(roleText(grid, layout, second, 'rate')).toBe('');
    expect(roleValue(grid, layout, second, 'rate')).toBeNull();
  });

  test('取組内容 merged over both header rows (B1:C2) gives the same columns', () => {
    const merges = SAMPLE_HEADER_MERGES.map((m) => (m === 'B1:C1' ? 'B1:C2' : m));
    const l = detect(seedSampleSheet({ headerMerges: merges }).data);
    expect(letters(l)).toEqual(SEED_COLUMNS);
    expect(l.dataRows).toHaveLength(10);
  });
});

describe('the sample without merged areas (hosts before ExcelApi 1.13, files whose merges were lost)', () => {
  const { data, expected } = seedSampleSheet();
  const merged = detect(data);
  const bare = detect(withoutMerges(data));

  test('the sample really has the merges this block takes away', () => {
    expect((data.merges ?? []).map(rangeToA1)).toEqual(
      expect.arrayContaining(['B1:C1', 'E1:G1', 'A1:A2', 'A3:K3', 'B5:K5', 'A4:A11', 'A15:A17']),
    );
  });

  test('取組内容 over column B only: B (ア/イ/ウ or empty) is the label, C (the texts, no header) the initiative', () => {
    expect(letters(bare)).toEqual(SEED_COLUMNS);
    expect(bare.duplicates).toEqual([]);
    expect(bare.headerRows).toEqual([0, 1]);
    expect(rangeToA1(bare.range)).toBe('A1:K17');
  });

  test('KPI written once over E:G still makes 目標・実績・達成度 the KPI columns', () => {
    expect(bare.columns).toMatchObject({ kpi_target: 4, kpi_actual: 5, grade: 6 });
    expect(bare.headerCells.find((h) => h.row === 0 && h.col === 4)?.role).toBeUndefined();
  });

  test('section titles stay in the first cell of their rows; 対象者 written once applies to the rows below', () => {
    expect(bare.sections).toEqual(merged.sections);
    expect(bare.sections.map((s) => s.row)).toEqual(expected.sectionRows);
    expect(bare.dataRows).toEqual(merged.dataRows);
    expect(bare.dataRows.map((d) => d.label)).toEqual(expected.labels);
    expect(bare.dataRows.every((d) => d.targetGroup === TARGET)).toBe(true);
  });

  test('the whole layout equals the one found with the merges', () => {
    expect(bare).toEqual(merged);
    expect(detect({ ...data, merges: undefined })).toEqual(merged);
  });

  test('any subset of the merges lost gives the same layout', () => {
    const all = data.merges ?? [];
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: all.length, maxLength: all.length }), (keep) => {
        const kept = new Set(all.filter((_, i) => keep[i]));
        expect(detect(withoutMerges(data, (m) => kept.has(m)))).toEqual(merged);
      }),
      { numRuns: 60 },
    );
  });

  test('取組内容 merged over both header rows (B1:C2) and lost gives the same columns', () => {
    const merges = SAMPLE_HEADER_MERGES.map((m) => (m === 'B1:C1' ? 'B1:C2' : m));
    const d = seedSampleSheet({ headerMerges: merges }).data;
    const bareB1C2 = detect(withoutMerges(d, (m) => rangeToA1(m) !== 'B1:C2'));
    expect(letters(bareB1C2)).toEqual(SEED_COLUMNS);
    expect(bareB1C2.dataRows).toEqual(detect(d).dataRows);
  });

  const table = (b: Cell[], c: Cell[]): SheetData =>
    sheet({
      rows: [
        ['対象者', '取組内容', null, '実施計画', '目標', '実績', '達成度'],
        ['①区分'],
        ['県民', b[0], c[0], '年2回', '2回', '2回', 'A'],
        [null, b[1], c[1], '月1回', '12回', '10回', 'C'],
        [null, b[2], c[2], '随時', '-', '-', '-'],
      ],
    });

  test('a 取組内容 column left empty (one initiative per section) with the texts to its right', () => {
    const l = detect(table([null, null, null], ['啓発イベントを開く。', 'SNSで発信する。', '相談に応じる。']));
    expect(l.columns).toMatchObject({ label: 1, initiative: 2 });
    expect(l.dataRows.map((d) => d.label)).toEqual(['', '', '']);
  });

  test('the texts under 取組内容 itself keep it the initiative column, whatever stands right of it', () => {
    const l = detect(
      table(['啓発イベントを開く。', 'SNSで発信する。', '相談に応じる。'], ['メモ', '確認中のため後日記入する予定', null]),
    );
    expect(l.columns.initiative).toBe(1);
    expect(l.columns.label).toBeUndefined();
    const labelled = detect(table(['ア 啓発イベントを開く。', 'イ SNSで発信する。', 'ウ 相談に応じる。'], [null, null, null]));
    expect(labelled.columns.initiative).toBe(1);
    expect(labelled.dataRows.map((d) => d.label)).toEqual(['ア', 'イ', 'ウ']);
  });

  test('labels under 取組内容 with an empty column to their right stay where they are', () => {
    const l = detect(table(['ア', 'イ', 'ウ'], [null, null, null]));
    expect(l.columns.initiative).toBe(1);
  });
});

describe('the seed file as extracted (two printed pages, page 2 shifted left)', () => {
  const layout = detect(rawSeedSheet());

  test('finds the first page header (file lines 3–4) and its columns', () => {
    expect(layout.headerRows).toEqual([2, 3]);
    expect(layout.fiscalYear).toBe(2024);
    expect(layout.columns).toMatchObject({
      target_group: 0,
      initiative: 1,
      plan: 2,
      kpi_target: 3,
      kpi_actual: 4,
      grade: 5,
      results: 6,
    });
    expect(layout.columns.label).toBeUndefined();
  });

  test('reports the repeated header (file lines 14–15) and still classifies the rows below', () => {
    expect(layout.repeatedHeaderRows).toEqual([13, 14]);
    expect(layout.sections.map((s) => s.row + 1)).toEqual([5, 7, 10, 17, 20]);
    // file line 18 holds only the 対象者: it is not a data row but applies to line 19.
    expect(layout.dataRows.map((d) => d.row + 1)).toEqual([6, 8, 9, 11, 12, 16, 19, 21, 22, 23]);
    expect(layout.dataRows.map((d) => d.label)).toEqual(['', 'ア', 'イ', 'ア', 'イ', 'ウ', '', 'ア', 'イ', 'ウ']);
    expect(layout.dataRows.every((d) => d.targetGroup === TARGET)).toBe(true);
    expect(rangeToA1(layout.range)).toBe('A3:J23');
  });
});

describe('title rows, one header row, numeric KPI columns, labels in the text, (1) sections', () => {
  const rows: Cell[][] = [
    ['令和６年度 ひきこもり支援施策 進捗管理表'],
    ['高知県子ども・福祉政策部 障害保健支援課'],
    [],
    [
      '対象者',
      '取組内容',
      '実施計画(R6年度)',
      '指標',
      '目標値',
      '実績値',
      '達成率',
      '達成度',
      '実績(R6年度)',
      '課題・今後の方向性',
      '実施機関・関係機関',
      '備考',
    ],
    ['(1) 相談体制の充実'],
    ['ひきこもりの方とその家族'],
    [
      null,
      'ア　相談窓口を周知する。',
      'リーフレットを配布する。',
      '相談件数',
      100,
      120,
      1.2,
      'S',
      '相談120件',
      '周知の継続',
      '県、市町村',
      null,
    ],
    [null, 'イ　訪問支援を行う。', '訪問支援員を配置する。', '訪問件数', 50, 40, 0.8, 'B', '訪問40件', '人材確保', '県', null],
    ['（２）社会参加の支援'],
    [
      '就労を希望する方',
      '（ア）就労体験の場を広げる。',
      '拠点を3か所設ける。',
      '体験者数',
      32,
      8,
      0.25,
      'D',
      '体験者8人',
      '受入先の開拓',
      '労働局、県',
      '交付金事業',
    ],
    [null, '(イ) 企業へ働きかける。', '企業訪問を行う。', '-', null, null, null, '-', '訪問20社', '継続', '県', null],
  ];
  const layout = detect(sheet({ rows, formulas: { G7: '=F7/E7', G8: '=F8/E8', G10: '=F10/E10' } }));

  test('header below the title rows, numeric KPI roles', () => {
    expect(layout.headerRows).toEqual([3]);
    expect(layout.fiscalYear).toBe(2024);
    expect(letters(layout)).toEqual({
      target_group: 'A',
      initiative: 'B',
      plan: 'C',
      indicator: 'D',
      kpi_target: 'E',
      kpi_actual: 'F',
      rate: 'G',
      grade: 'H',
      results: 'I',
      issues: 'J',
      agencies: 'K',
      remarks: 'L',
    });
    expect(rangeToA1(layout.range)).toBe('A4:L11');
  });

  test('sections, 対象者 alone on a row or in the first data row, labels split off the text', () => {
    expect(layout.sections.map((s) => [s.row, s.title])).toEqual([
      [4, '(1) 相談体制の充実'],
      [8, '（２）社会参加の支援'],
    ]);
    expect(layout.dataRows.map((d) => [d.row, d.section, d.label, d.targetGroup])).toEqual([
      [6, 0, 'ア', 'ひきこもりの方とその家族'],
      [7, 0, 'イ', 'ひきこもりの方とその家族'],
      [9, 1, 'ア', '就労を希望する方'],
      [10, 1, 'イ', '就労を希望する方'],
    ]);
  });
});

describe('header deep in the sheet with offsets, spaces and line breaks, KPI over five columns, notes', () => {
  const header1: Cell[] = [
    '対 象 者',
    '取組\n内容',
    '実施\n計画\n（2024年度）',
    'ＫＰＩ',
    null,
    null,
    null,
    null,
    '実績\n(2024年度)',
    '課題と\n今後の方向性',
    '実施機関及び\n関係機関',
    '備　考',
  ];
  const header2: Cell[] = [null, null, null, '指 標', '目標値', '実績値', '達成率（％）', '達成度（S～D）'];
  const rows: Cell[][] = [
    ['2024年度 事業進捗表'],
    ['部局名：福祉部'],
    ...blankRows(20),
    header1,
    header2,
    ['1. 相談支援'],
    ['若者', 'ア 相談会を開く。', '年4回開催', '開催回数', 4, 4, 1, 'A', '4回開催', 'なし', '県'],
    [null, 'イ 出張相談を行う。', '年6回', '出張回数', 6, 3, 0.5, 'C', '3回', '人員不足', '県、市'],
    [],
    ['２．就労支援'],
    [null, 'ア 職場体験を行う。', '通年', '参加者数', 10, 12, 1.2, 'S', '12人', '受入先', '労働局'],
    [],
    [],
    ['※ 達成度は S（120％以上）～ D（50％未満）の5段階で評価する。'],
    ['出典：県福祉部調べ'],
  ];
  // rows[0] is sheet row 4 (index 3), column C (index 2): the header is on sheet rows 26–27.
  const merges = ['C26:C27', 'D26:D27', 'E26:E27', 'F26:J26', 'K26:K27', 'L26:L27', 'M26:M27', 'N26:N27'];
  const data = sheet({ top: 3, left: 2, rows, merges, formulas: { I29: '=H29/G29' } });
  const layout = detect(data);

  test('the same layout without the merges', () => {
    expect(detect(withoutMerges(data))).toEqual(layout);
  });

  test('two header rows at sheet rows 26–27, columns from C', () => {
    expect(layout.headerRows).toEqual([25, 26]);
    expect(layout.fiscalYear).toBe(2024);
    expect(letters(layout)).toEqual({
      target_group: 'C',
      initiative: 'D',
      plan: 'E',
      indicator: 'F',
      kpi_target: 'G',
      kpi_actual: 'H',
      rate: 'I',
      grade: 'J',
      results: 'K',
      issues: 'L',
      agencies: 'M',
      remarks: 'N',
    });
  });

  test('blank rows inside the table are skipped; notes below it are not data rows', () => {
    expect(layout.sections.map((s) => s.row)).toEqual([27, 31]);
    expect(layout.dataRows.map((d) => [d.row, d.section, d.label, d.targetGroup])).toEqual([
      [28, 0, 'ア', '若者'],
      [29, 0, 'イ', '若者'],
      [32, 1, 'ア', '若者'],
    ]);
    expect(rangeToA1(layout.range)).toBe('C26:N33');
  });
});

describe('full-width spellings, no merges, a label column, another fiscal year', () => {
  const rows: Cell[][] = [
    [
      '対象者',
      '記号',
      '取組内容',
      '実施計画（令和７年度）',
      'ＫＰＩ',
      null,
      null,
      '実績（令和７年度）',
      '令和７年度の取組を踏まえた課題と今後の方向性',
      '実施機関及び関係機関',
      '備考',
    ],
    [null, null, null, null, '目標/令和7年度目標', '令和７年度実績', '達成度'],
    ['①見守り'],
    ['高齢者', 'ア', '見守りを行う。', '訪問する。', '訪問 30件（R7年度目標：30件）', '25件', 'B', '25件訪問', '継続', '市町村'],
    [null, 'イ', '声かけを行う。', '声かけ運動', '-', '-', '-', '実施', '継続', '市町村'],
    [null, null, '②居場所づくり'],
    [null, 'ア', '居場所を開く。', '月2回', '-', '-', '-', '24回', '拡大', '社協', 'メモ'],
  ];
  const layout = detect(sheet({ rows }));

  test('KPI written once over three sub-headers still makes them KPI columns', () => {
    expect(layout.headerRows).toEqual([0, 1]);
    expect(layout.fiscalYear).toBe(2025);
    expect(letters(layout)).toEqual(SEED_COLUMNS);
  });

  test('section titles in column A and in the 取組内容 column; labels from their own column', () => {
    expect(layout.sections.map((s) => [s.row, s.col])).toEqual([
      [2, 0],
      [5, 2],
    ]);
    expect(layout.dataRows.map((d) => [d.row, d.section, d.label, d.targetGroup])).toEqual([
      [3, 0, 'ア', '高齢者'],
      [4, 0, 'イ', '高齢者'],
      [6, 1, 'ア', '高齢者'],
    ]);
  });
});

describe('one header row with 取組内容 merged over label + text, top-level 目標 | 実績 | 達成度', () => {
  const rows: Cell[][] = [
    ['対象者', '取組内容', null, '実施計画', '目標', '実績', '達成度', '取組実績', '課題と今後の方向性', '実施機関', '備考'],
    ['県民', '(1) 周知啓発'],
    [null, 'ア', '啓発イベントを開く。', '年2回', '2回', '2回', 'A', '2回開催', '参加者の拡大', '県、市町村'],
    [null, 'イ', 'SNSで発信する。', '月1回', '12回', '10回', 'C', '10回発信', '発信の工夫', '県'],
    [null, '(2) 人材育成'],
    [null, null, '研修を行う。', '年1回', '50人', '45人', 'B', '45人受講', '内容の充実', '県'],
  ];
  const data = sheet({ rows, merges: ['B1:C1', 'A2:A6', 'B2:K2', 'B5:K5'] });
  const layout = detect(data);

  test('the same layout without the merges', () => {
    expect(detect(withoutMerges(data))).toEqual(layout);
  });

  test('実績 right of 目標 is the KPI actual; 取組実績 is the results', () => {
    expect(layout.headerRows).toEqual([0]);
    expect(layout.fiscalYear).toBeNull();
    expect(letters(layout)).toEqual(SEED_COLUMNS);
  });

  test('対象者 merged down across sections applies to every row', () => {
    expect(layout.sections.map((s) => [s.row, s.col])).toEqual([
      [1, 1],
      [4, 1],
    ]);
    expect(layout.dataRows.map((d) => [d.row, d.section, d.label, d.targetGroup])).toEqual([
      [2, 0, 'ア', '県民'],
      [3, 0, 'イ', '県民'],
      [5, 1, '', '県民'],
    ]);
  });
});

describe('a header repeated inside the table and a header cell naming another year', () => {
  const header2 = [...SAMPLE_HEADER_ROW_2];
  header2[5] = 'R5年度実績';
  const dataRow = (label: string, text: string): Cell[] => [null, label, text, '計画', '-', '-', '-', '実績', '課題', '県', null];
  const rows: Cell[][] = [
    SAMPLE_HEADER_ROW_1,
    header2,
    ['①区分A'],
    ['若者', 'ア', '取組1', '計画', '-', '-', '-', '実績', '課題', '県'],
    dataRow('イ', '取組2'),
    [],
    SAMPLE_HEADER_ROW_1,
    SAMPLE_HEADER_ROW_2,
    dataRow('ウ', '取組3'),
    ['②区分B'],
    dataRow('', '取組4'),
  ];
  const page2 = SAMPLE_HEADER_MERGES.map((m) => m.replace(/([A-K])1/g, '$17').replace(/([A-K])2/g, '$18'));
  const data = sheet({ rows, merges: [...SAMPLE_HEADER_MERGES, ...page2] });
  const layout = detect(data);

  test('the same layout without the merges', () => {
    expect(detect(withoutMerges(data))).toEqual(layout);
  });

  test('both rows of the repeated header are reported; the rows below stay data rows', () => {
    expect(layout.headerRows).toEqual([0, 1]);
    expect(layout.repeatedHeaderRows).toEqual([6, 7]);
    expect(layout.dataRows.map((d) => [d.row, d.section, d.label])).toEqual([
      [3, 0, 'ア'],
      [4, 0, 'イ'],
      [8, 0, 'ウ'],
      [10, 1, ''],
    ]);
    expect(layout.range.bottom).toBe(10);
  });

  test('the fiscal year is the most common one; the odd cell carries its own', () => {
    expect(layout.fiscalYear).toBe(2024);
    const odd = layout.headerCells.filter((h) => h.fiscalYear !== undefined && h.fiscalYear !== 2024);
    expect(odd).toEqual([{ row: 1, col: 5, text: 'R5年度実績', role: 'kpi_actual', fiscalYear: 2023 }]);
  });
});

describe('duplicates, profile spellings and near misses', () => {
  const rows: Cell[][] = [
    [
      '取組内容',
      '実施計画（平成31年度）',
      '目標',
      '実績',
      '達成度',
      '実績（平成31年度）',
      '課題',
      '担当所属',
      '備考',
      '実施機関及び関係機間',
      '備考',
    ],
    ['相談会を開く', '年4回', '4回', '3回', 'C', '3回開催', '周知', '福祉課', 'メモ', '県', 'メモ2'],
  ];
  const data = sheet({ rows });

  test('a role found in two columns is reported with both; the first is used', () => {
    const layout = detect(data);
    expect(layout.columns.remarks).toBe(8);
    expect(layout.duplicates).toEqual([{ role: 'remarks', cols: [8, 10] }]);
    expect(layout.fiscalYear).toBe(2019);
    expect(layout.columns.kpi_actual).toBe(3);
    expect(layout.columns.results).toBe(5);
  });

  test('a misspelt header is not recognised but is offered as a near miss', () => {
    const layout = detect(data);
    expect(layout.columns.agencies).toBeUndefined();
    const misses = nearMisses(layout.headerCells, 'agencies');
    expect(misses.map((m) => [m.cell.col, m.spelling])).toEqual([[9, '実施機関及び関係機関']]);
  });

  test('profile.headerSpellings adds a spelling', () => {
    const r = parseProfile({ headerSpellings: { agencies: ['担当 所属'] } });
    if (!r.ok) throw new Error(r.errors.join());
    const layout = detect(data, r.profile);
    expect(layout.columns.agencies).toBe(7);
    expect(layout.headerCells.find((h) => h.col === 7)?.role).toBe('agencies');
  });
});

describe('a sub-label column with no header of its own', () => {
  const rows: Cell[][] = [
    ['対象者', null, '取組内容', '実施計画', 'KPI', '達成度', '実績', '課題と今後の方向性', '実施機関及び関係機関'],
    ['子ども', 'ア', '学習支援を行う。', '週1回', '参加者 20人', 'A', '22人参加', '会場の確保', '市'],
    [null, 'イ', '食事を提供する。', '月2回', '-', '-', '24回', '担い手', '社協'],
    [null, 'ウ', '相談に応じる。', '随時', '-', '-', '15件', '周知', '市'],
  ];
  const layout = detect(sheet({ rows }));

  test('a column of ア/イ/ウ left of the text column is the label column', () => {
    expect(letters(layout)).toEqual({
      target_group: 'A',
      label: 'B',
      initiative: 'C',
      plan: 'D',
      kpi_target: 'E',
      grade: 'F',
      results: 'G',
      issues: 'H',
      agencies: 'I',
    });
    expect(layout.dataRows.map((d) => d.label)).toEqual(['ア', 'イ', 'ウ']);
    expect(rangeToA1(layout.range)).toBe('A1:I4');
  });
});

test('取組内容 over unnamed and 内容 sub-columns: the column of ア/イ/ウ is the label', () => {
  const rows: Cell[][] = [
    ['対象者', '取組内容', null, '実施計画', 'KPI', null, '達成度'],
    [null, '項目', '内容', null, '目標', '実績'],
    ['子ども', 'ア', '学習支援を行う。', '週1回', '20人', '22人', 'S'],
    [null, 'イ', '食事を提供する。', '月2回', '-', '-', '-'],
  ];
  const data = sheet({ rows, merges: ['A1:A2', 'B1:C1', 'D1:D2', 'E1:F1', 'G1:G2'] });
  const layout = detect(data);
  expect(letters(layout)).toEqual({
    target_group: 'A',
    label: 'B',
    initiative: 'C',
    plan: 'D',
    kpi_target: 'E',
    kpi_actual: 'F',
    grade: 'G',
  });
  expect(layout.duplicates).toEqual([]);
  expect(layout.dataRows.map((d) => d.label)).toEqual(['ア', 'イ']);
  expect(detect(withoutMerges(data))).toEqual(layout);
});

describe('fiscal year from the title, template rows below the data', () => {
  const rows: Cell[][] = [
    ['令和６年度 進捗管理表（福祉部）'],
    ['取組内容', '実施計画', '目標値', '実績値', '達成率', '達成度', '実績'],
    ['相談会を開く', '年4回', 4, 3, 0.75, 'C', '3回開催'],
    ['訪問する', '通年', 10, 12, 1.2, 'S', '12回訪問'],
    [null, null, null, null, '#DIV/0!', null, null],
    [null, null, null, null, '#DIV/0!', null, null],
  ];
  const layout = detect(sheet({ rows, formulas: { E3: '=D3/C3', E4: '=D4/C4', E5: '=D5/C5', E6: '=D6/C6' } }));

  test('a header that names no year takes the year from the title above it', () => {
    expect(layout.headerCells.some((h) => h.fiscalYear !== undefined)).toBe(false);
    expect(layout.fiscalYear).toBe(2024);
  });

  test('rows with nothing but failing formulas are not data rows', () => {
    expect(layout.dataRows.map((d) => d.row)).toEqual([2, 3]);
    expect(rangeToA1(layout.range)).toBe('A2:G4');
  });

  test('an error value typed into an otherwise empty row is still a row to check', () => {
    const typed = detect(sheet({ rows }));
    expect(typed.dataRows.map((d) => d.row)).toEqual([2, 3, 4, 5]);
  });
});

describe('no table', () => {
  const header = ['対象者', '取組内容', '実施計画', '目標', '実績', '達成度'];

  test.each<[string, SheetData]>([
    ['an empty sheet', { name: 'e', top: 0, left: 0, values: [] }],
    ['a sheet of empty rows', sheet({ rows: blankRows(5) })],
    ['a memo', sheet({ rows: [['会議メモ'], ['出席者：田中、佐藤'], ['次回は来週', 3, true]] })],
    [
      'two roles only',
      sheet({
        rows: [
          ['取組内容', '備考'],
          ['相談', 'なし'],
        ],
      }),
    ],
    ['three roles but none about initiatives or KPIs', sheet({ rows: [['対象者', '備考', '実施機関']] })],
    [
      'a header below the first 30 rows',
      sheet({ rows: [['表題'], ...blankRows(29), header, ['県民', '相談', '年4回', '4回', '3回', 'C']] }),
    ],
  ])('%s → null', (_name, data) => {
    expect(detectLayout(new Grid(data), DEFAULT_PROFILE)).toBeNull();
  });

  test('a header on the 30th row is still found', () => {
    const layout = detect(sheet({ rows: [['表題'], ...blankRows(28), header, ['県民', '相談', '年4回', '4回', '3回', 'C']] }));
    expect(layout.headerRows).toEqual([29]);
    expect(layout.dataRows.map((d) => d.row)).toEqual([30]);
  });
});

describe('robustness', () => {
  test('odd cells, ragged rows and merges outside the used range do not disturb detection', () => {
    const { data } = seedSampleSheet();
    const values = data.values.map((r) => [...r]);
    values[3]!.push(NaN as unknown as CellValue, Infinity as unknown as CellValue, { x: 1 } as unknown as CellValue);
    values.push([true, 3.5, '#DIV/0!']);
    const merges = [...(data.merges ?? []), parseRange('Z100:AB200'), { top: 5, left: 5, bottom: 2, right: 1 }];
    const layout = detect({ ...data, values, merges });
    expect(letters(layout)).toEqual(SEED_COLUMNS);
    expect(layout.dataRows).toHaveLength(11);
  });

  test('isNoteText', () => {
    expect(['※ 注記', '＊交付金', '出典：県', '(注) 数値は速報値', '注1：見込み'].every(isNoteText)).toBe(true);
    expect(['注意深く見守る', '相談を行う', '①区分'].some(isNoteText)).toBe(false);
  });

  const WORDS = [
    '対象者',
    '取組内容',
    '実施計画',
    'KPI',
    '目標',
    '実績',
    '達成度',
    '課題と今後の方向性',
    '実施機関',
    '備考',
    '①区分',
    '(1) 区分',
    'ア',
    'イ 取組',
    '※ 注',
    '-',
    'D',
    '',
    ' ',
    '令和6年度',
    'R6年度実績',
    '#REF!',
  ];
  const cell = fc.oneof(
    fc.constantFrom(...WORDS),
    fc.string({ maxLength: 8 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const merge = fc.record({
    top: fc.integer({ min: -2, max: 40 }),
    left: fc.integer({ min: -2, max: 15 }),
    bottom: fc.integer({ min: -2, max: 40 }),
    right: fc.integer({ min: -2, max: 15 }),
  });

  test('random grids never make detection throw, and what it reports lies in the grid', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 }),
        fc.array(merge, { maxLength: 6 }),
        fc.nat(5),
        fc.nat(3),
        (values, merges, top, left) => {
          const grid = new Grid({ name: 'r', top, left, values: values as CellValue[][], merges });
          const layout = detectLayout(grid, DEFAULT_PROFILE);
          if (!layout) return;
          const inGrid = (r: number) => r >= grid.firstRow && r <= grid.lastRow;
          expect(inGrid(layout.range.top) && inGrid(layout.range.bottom)).toBe(true);
          expect(layout.range.left).toBeGreaterThanOrEqual(grid.firstCol);
          expect(layout.range.right).toBeLessThanOrEqual(grid.lastCol);
          for (const c of Object.values(layout.columns)) {
            expect(c! >= layout.range.left && c! <= layout.range.right).toBe(true);
          }
          const special = new Set([...layout.headerRows, ...layout.repeatedHeaderRows, ...layout.sections.map((s) => s.row)]);
          let prev = -1;
          for (const d of layout.dataRows) {
            expect(d.row).toBeGreaterThan(prev);
            expect(special.has(d.row)).toBe(false);
            expect(d.section).toBeGreaterThanOrEqual(-1);
            expect(d.section).toBeLessThan(layout.sections.length);
            prev = d.row;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('blank rows inserted anywhere keep the sample’s ten data rows', () => {
    const { data } = seedSampleSheet();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 3, max: 16 }), { maxLength: 4 }), (at) => {
        // Insert blank rows (moving merges below them) and expect the same initiatives.
        const values = data.values.map((r) => [...r]);
        let merges = [...(data.merges ?? [])];
        for (const r of [...new Set(at)].sort((a, b) => b - a)) {
          values.splice(r, 0, []);
          merges = merges.map((m) => ({
            top: m.top >= r ? m.top + 1 : m.top,
            left: m.left,
            bottom: m.bottom >= r ? m.bottom + 1 : m.bottom,
            right: m.right,
          }));
        }
        const layout = detect({ ...data, values, merges });
        expect(layout.dataRows.map((d) => d.label)).toEqual(['', 'ア', 'イ', 'ア', 'イ', 'ウ', '', 'ア', 'イ', 'ウ']);
        expect(layout.dataRows.every((d) => d.targetGroup === TARGET)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  // Its speed is measured by `npm run bench` (engine time), not here: a loaded machine must not fail a test.
  test('a 50,000-row sheet is read whole: every data row with its label and 対象者', () => {
    const grid = new Grid(bigSampleSheet(50000));
    const layout = detectLayout(grid, DEFAULT_PROFILE)!;
    expect(layout.dataRows).toHaveLength(50000);
    expect(layout.dataRows[49999]!.label).toBe('アイウ'[49999 % 3]);
    expect(layout.dataRows[49999]!.targetGroup).toBe('社会参加に向けた支援を必要とする方');
  });
});

test('every role the issue names can be found by some layout here', () => {
  const found = new Set<Role>();
  const sheets = [seedSampleSheet().data, sheet({ rows: [['指標', '目標値', '実績値', '達成率', '達成度', '取組内容']] })];
  for (const s of sheets) for (const r of Object.keys(detect(s).columns)) found.add(r as Role);
  expect([...found].sort()).toEqual(
    [
      'agencies',
      'grade',
      'indicator',
      'initiative',
      'issues',
      'kpi_actual',
      'kpi_target',
      'label',
      'plan',
      'rate',
      'remarks',
      'results',
      'target_group',
    ].sort(),
  );
});
