import {
  classifyHeader,
  editDistance,
  headerCore,
  isBareLabel,
  isKpiParent,
  isSectionTitle,
  matchRole,
  nearMiss,
  nearMisses,
  parseFiscalYear,
  ROLE_HEADERS,
  sectionMarker,
  splitLabel,
} from '../../src/core/headers';
import { DEFAULT_PROFILE, type Profile } from '../../src/core/profile';
import { parseProfile } from '../../src/core/profileSchema';
import { ROLES, type Role } from '../../src/core/types';

function profileWith(input: unknown): Profile {
  const r = parseProfile(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.profile;
}

describe('matchRole', () => {
  test.each<[string, Role]>([
    ['対象者', 'target_group'],
    ['対 象 者', 'target_group'],
    ['取組内容', 'initiative'],
    ['取組\n内容', 'initiative'],
    ['実施計画(令和6年度)', 'plan'],
    ['実施計画（令和６年度）', 'plan'],
    ['実施計画（R6年度）', 'plan'],
    ['実施\n計画\n(2024年度)', 'plan'],
    ['KPI', 'kpi_target'],
    ['ＫＰＩ', 'kpi_target'],
    ['目標／令和6年度目標', 'kpi_target'],
    ['目標/令和７年度目標', 'kpi_target'],
    ['令和6年度目標', 'kpi_target'],
    ['目標値', 'kpi_target'],
    ['指標', 'indicator'],
    ['KPI指標', 'indicator'],
    ['実績値', 'kpi_actual'],
    ['達成率', 'rate'],
    ['達成率（％）', 'rate'],
    ['達成度', 'grade'],
    ['達成度（S～D）', 'grade'],
    ['実績(令和6年度)', 'results'],
    ['令和6年度実績', 'results'],
    ['取組実績', 'results'],
    ['令和6年度の取組を踏まえた課題と今後の方向性', 'issues'],
    ['平成30年度の取組を踏まえた課題と今後の方向性', 'issues'],
    ['課題と今後の方向性', 'issues'],
    ['課題・今後の方向性', 'issues'],
    ['課題及び今後の方向性', 'issues'],
    ['実施機関及び関係機関', 'agencies'],
    ['実施機関及び\n関係機関', 'agencies'],
    ['実施機関・関係機関', 'agencies'],
    ['備考', 'remarks'],
    ['備　考', 'remarks'],
    ['No.', 'label'],
  ])('%j → %s', (text, role) => {
    expect(matchRole(text)).toBe(role);
  });

  test.each([
    '実施機関及び関係機間',
    'ひきこもり支援施策 進捗管理表',
    '',
    '   ',
    'abc',
    '高知県子ども・福祉政策部',
    'x'.repeat(61),
    '2024',
  ])('%j is no header', (text) => {
    expect(matchRole(text)).toBeNull();
  });

  test('under a KPI parent, 実績 is the KPI actual and 内容 the indicator', () => {
    expect(matchRole('令和6年度実績', DEFAULT_PROFILE, { underKpi: true })).toBe('kpi_actual');
    expect(matchRole('実績', DEFAULT_PROFILE, { underKpi: true })).toBe('kpi_actual');
    expect(matchRole('内容', DEFAULT_PROFILE, { underKpi: true })).toBe('indicator');
    expect(matchRole('達成度', DEFAULT_PROFILE, { underKpi: true })).toBe('grade');
    expect(classifyHeader('令和6年度実績')).toMatchObject({ role: 'results', actualLike: true });
    expect(classifyHeader('取組実績')).toMatchObject({ role: 'results', actualLike: false });
  });

  test('profile spellings are matched after the same normalisation, before the built-in ones', () => {
    const p = profileWith({ headerSpellings: { remarks: ['メモ欄'], agencies: ['担当所属'], plan: ['実施計画（案）'] } });
    expect(matchRole('メモ 欄', p)).toBe('remarks');
    expect(matchRole('担当所属', p)).toBe('agencies');
    expect(matchRole('担当所属')).toBeNull();
    expect(classifyHeader('担当所属', p)?.fromProfile).toBe(true);
  });

  test('every role has a canonical header that matches it', () => {
    for (const role of ROLES) {
      if (role === 'kpi_actual') continue;
      expect([role, matchRole(ROLE_HEADERS[role])]).toEqual([role, role]);
    }
    expect(matchRole(ROLE_HEADERS.kpi_actual)).toBe('kpi_actual');
  });
});

test.each<[string, string]>([
  ['目標／令和6年度目標', '目標'],
  ['達成度（S～D）', '達成度'],
  ['令和6年度の取組を踏まえた課題と今後の方向性', '取組を踏まえた課題と今後の方向性'],
  ['実施計画\n(R6年度)', '実施計画'],
  ['ＫＰＩ', 'kpi'],
])('headerCore(%j) = %j', (text, core) => {
  expect(headerCore(text)).toBe(core);
});

test.each<[string, boolean]>([
  ['KPI', true],
  ['ＫＰＩ', true],
  ['KPI（重要業績評価指標）', true],
  ['指標', true],
  ['目標', false],
  ['取組内容', false],
])('isKpiParent(%j) = %s', (text, expected) => {
  expect(isKpiParent(text)).toBe(expected);
});

describe('parseFiscalYear', () => {
  test.each<[string, number]>([
    ['令和6年度', 2024],
    ['R6年度', 2024],
    ['Ｒ６年度', 2024],
    ['r6', 2024],
    ['2024年度', 2024],
    ['２０２４年度', 2024],
    ['FY2025', 2025],
    ['令和７年度', 2025],
    ['令和元年度', 2019],
    ['平成31年度', 2019],
    ['H31年度', 2019],
    ['実績(令和6年度)', 2024],
    ['目標／令和6年度目標', 2024],
    ['R5年度実績', 2023],
    ['令和6年度の取組を踏まえた課題と今後の方向性', 2024],
  ])('%j → %d', (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  test.each(['達成度', 'KPI', '2024', '', 'Phase2', '第6期', '実施機関'])('%j → null', (text) => {
    expect(parseFiscalYear(text)).toBeNull();
  });
});

describe('splitLabel', () => {
  test.each<[string, string, string]>([
    ['ア　地域の社会資源を活用する。', 'ア', '地域の社会資源を活用する。'],
    ['イ 相談窓口を周知する。', 'イ', '相談窓口を周知する。'],
    ['（ウ）就労体験を行う。', 'ウ', '就労体験を行う。'],
    ['(エ) 研修を行う。', 'エ', '研修を行う。'],
    ['ｱ. 相談', 'ア', '相談'],
    ['㋐相談会', 'ア', '相談会'],
    ['ア', 'ア', ''],
    ['  イ  ', 'イ', ''],
    ['(a) 研修', 'a', '研修'],
  ])('%j → %s + %j', (text, label, rest) => {
    expect(splitLabel(text)).toEqual({ label, rest });
  });

  test.each(['アウトリーチ支援員を配置する。', '相談を行う。', 'イベントを開く', '①課題', ''])('%j has no label', (text) => {
    expect(splitLabel(text)).toEqual({ label: '', rest: text });
  });

  test('isBareLabel', () => {
    expect(['ア', '（イ）', 'ｳ', ' エ '].every(isBareLabel)).toBe(true);
    expect(['ア 相談', 'アイ', '', '1'].some(isBareLabel)).toBe(false);
  });
});

describe('section titles', () => {
  test.each([
    '①課題やニーズの把握',
    '⑳最後の区分',
    '(1) 相談体制',
    '（２）就労支援',
    '1. 相談支援',
    '１．相談支援',
    '2、支援',
    '第3 推進体制',
    'Ⅱ 推進体制',
    '【1】広報',
  ])('%j is a section title', (text) => {
    expect(isSectionTitle(text)).toBe(true);
  });

  test.each(['①', '1.5倍に増加した', '相談を行う', '2024年度', '123', 'ア 相談', '(1)\n相談'])('%j is not', (text) => {
    expect(isSectionTitle(text)).toBe(false);
  });

  test('sectionMarker', () => {
    expect(sectionMarker('③伴走型支援')).toBe('③');
    expect(sectionMarker('（12）多様な支援')).toBe('(12)');
    expect(sectionMarker('支援')).toBeNull();
  });
});

describe('near misses', () => {
  test('a misspelt header suggests the role’s spelling', () => {
    expect(nearMiss('実施機関及び関係機間', 'agencies')).toEqual({ spelling: '実施機関及び関係機関', distance: 1 });
    expect(nearMiss('実施期間及び関係機関', 'agencies')?.spelling).toBe('実施機関及び関係機関');
    expect(nearMiss('対像者', 'target_group')?.spelling).toBe('対象者');
    expect(nearMiss('課題と今語の方向性', 'issues')?.spelling).toBe('課題と今後の方向性');
  });

  test('recognised headers, other roles and unrelated text give no suggestion', () => {
    expect(nearMiss('実施機関及び関係機関', 'agencies')).toBeNull();
    expect(nearMiss('実施機関及び関係機間', 'plan')).toBeNull();
    expect(nearMiss('まったく別の見出し', 'agencies')).toBeNull();
    expect(nearMiss('備品', 'remarks')).toBeNull();
  });

  test('nearMisses looks only at unrecognised cells, closest first', () => {
    const cells = [
      { text: '実施機関', role: 'agencies' as Role },
      { text: '実施機関及び関係機間' },
      { text: '実施機間及び関係機間' },
      { text: '備考' },
    ];
    expect(nearMisses(cells, 'agencies').map((m) => [m.cell.text, m.distance])).toEqual([
      ['実施機関及び関係機間', 1],
      ['実施機間及び関係機間', 2],
    ]);
  });

  test('editDistance', () => {
    expect(editDistance('実施機関', '実施機間')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
