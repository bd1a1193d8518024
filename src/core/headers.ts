/** The header dictionary: which header text plays which role, fiscal years, section titles, sub-labels. */
import { DEFAULT_PROFILE, type Profile } from './profile';
import { headerKey } from './text';
import { ROLES, type Role } from './types';

/** The canonical header of each role as staff write it (for messages and suggestions). */
export const ROLE_HEADERS: Readonly<Record<Role, string>> = {
  target_group: '対象者',
  label: '記号',
  initiative: '取組内容',
  plan: '実施計画',
  indicator: '指標',
  baseline: '基準値',
  kpi_target: '目標',
  kpi_actual: '実績値',
  rate: '達成率',
  grade: '達成度',
  results: '実績',
  issues: '課題と今後の方向性',
  agencies: '実施機関及び関係機関',
  remarks: '備考',
};

/** Built-in spellings per role, written as staff write them; compared after headerCore(). */
export const BUILTIN_SPELLINGS: Readonly<Record<Role, readonly string[]>> = {
  target_group: ['対象者', '対象', '対象者層', '対象層', '支援対象者', '支援対象', '対象者等', '主な対象者', '対象者(層)'],
  label: ['No.', '番号', '項番', '記号', '枝番', '細目', '小項目'],
  initiative: [
    '取組内容',
    '取組',
    '取組み内容',
    '取り組み内容',
    '取組の内容',
    '主な取組',
    '主な取組内容',
    '具体的な取組',
    '具体的取組',
    '具体的な取組内容',
    '取組項目',
    '施策',
    '施策内容',
    '施策名',
    '具体的な施策',
    '具体的施策',
    '主な施策',
    '基本施策',
    '具体的な取組み',
    '具体的な取り組み',
    '主な取組み',
    '重点取組',
    '重点的な取組',
    '具体的方策',
    '具体的な方策',
    '主な事業',
    '取組名',
    '事業',
    '事業内容',
    '事業名',
    '事業概要',
    '取組概要',
    '内容',
    '個別施策',
    '事務事業名',
    '事務事業',
    '主な事務事業',
    '具体的方策',
    '施策の方向',
    '基本事業',
  ],
  plan: ['実施計画', '計画', '年度計画', '取組計画', '実施予定', '事業計画', '計画内容', '実施計画内容'],
  indicator: [
    '指標',
    '指標名',
    'KPI指標',
    '成果指標',
    '評価指標',
    '活動指標',
    'KPI項目',
    'KPI名',
    'KPIの指標',
    'KPI内容',
    '数値指標',
    '指標内容',
    '重点指標',
    '成果指標名',
    '評価指標名',
    '目標指標',
    '数値目標の指標',
    '指標項目',
    '重要業績評価指標',
    '重要業績評価指標(KPI)',
    '基本指標',
    '主要指標',
    '指標名称',
    '具体例',
    '成果指標(KPI)',
    'KPI(重要業績評価指標)名',
  ],
  baseline: [
    '基準値',
    '基準',
    '基準年度',
    '基準年',
    '基準値(年度)',
    '策定時',
    '策定時の値',
    '策定時点',
    '計画策定時',
    '計画策定時の値',
    '当初値',
    '現状値',
    '前計画策定時',
    '従前値',
    '従前',
    '当初',
    '策定時値',
    '基準時',
    '計画策定時点',
  ],
  kpi_target: [
    '期待値',
    '到達すべきレベル',
    '到達目標値',
    '年間目標',
    '年間の目標値',
    '年度目標',
    '目標水準',
    '最終目標',
    '最終目標値',
    '目標',
    '目標値',
    '数値目標',
    'KPI目標',
    'KPI目標値',
    '目標数値',
    '到達目標',
    'KPI(目標)',
    'KPI',
  ],
  kpi_actual: [
    '実績値',
    'KPI実績',
    'KPI実績値',
    '実績数値',
    '数値実績',
    '実績数',
    'KPI(実績)',
    '直近値',
    '直近の値',
    '直近実績',
    '最新値',
    '現在値',
    '現況値',
    '達成値',
    '実績見込',
    '実績見込み',
    '中間値',
  ],
  rate: [
    '到達度',
    '目標に対する進捗率',
    '進捗率(%)',
    '達成率(%)',
    '目標達成率',
    '対目標比',
    '達成率',
    '進捗率',
    '達成割合',
    '達成比率',
    '実績率',
    '率',
  ],
  grade: [
    '達成度',
    '評価',
    '自己評価',
    '達成度評価',
    '達成度区分',
    '評価区分',
    '進捗評価',
    '総合評価',
    '評価結果',
    '評定',
    '判定',
    '達成状況',
    '進捗状況',
    '進捗度',
    '達成区分',
    '評価判定',
    '達成評価',
    '進捗の評価',
    '目標達成状況',
    '達成状況の評価',
  ],
  results: [
    '実績',
    '取組実績',
    '事業実績',
    '活動実績',
    '実施状況',
    '取組状況',
    '実施結果',
    '取組結果',
    '実績内容',
    '取組の実績',
    '実績概要',
  ],
  issues: [
    '課題と今後の方向性',
    '課題・今後の方向性',
    '課題及び今後の方向性',
    '課題と今後の取組',
    '課題及び今後の取組',
    '今後の方向性',
    '今後の取組',
    '今後の方針',
    '課題',
    '課題と対応策',
    '課題と今後の対応',
    '取組を踏まえた課題と今後の方向性',
  ],
  agencies: [
    '実施機関及び関係機関',
    '実施機関・関係機関',
    '実施機関と関係機関',
    '実施機関及び連携機関',
    '実施機関及び関係団体',
    '実施主体及び関係機関',
    '実施機関等',
    '実施機関',
    '関係機関',
    '実施主体',
    '担当部署',
    '担当課',
    '担当部局',
    '所管課',
    '所管部署',
  ],
  remarks: ['備考', 'その他', '特記事項', '備考欄', '補足', 'メモ', '摘要'],
};

/** Templated spellings the word lists cannot enumerate. */
const ROLE_PATTERNS: readonly [RegExp, Role][] = [
  [/^(?:取組|取組状況|実績|結果)を踏まえた(?:課題|今後)/, 'issues'],
  [/^課題(?:及び|と|や)?今後の/, 'issues'],
  [/^以降の(?:取組|方向性|方針)/, 'issues'],
  [/^までの(?:実績|成果)/, 'kpi_actual'],
  [/^までの(?:状況|進捗|評価)$/, 'grade'],
  [/(?:以降|まで)の累計(?:値|実績)?$|^累計(?:値|実績)$/, 'kpi_actual'],
  [/^(?:年間|最終|年度)の?目標値?$/, 'kpi_target'],
  [/^目標に対する(?:進捗|達成)率$/, 'rate'],
];

/** Headers that stand over KPI sub-columns. */
const KPI_PARENTS = new Set([
  'kpi',
  '重要業績評価指標',
  '数値目標',
  '成果指標',
  '指標',
  '目標指標',
  '目標と実績',
  '目標実績',
  '評価指標',
]);

const ERA_YEAR = '(?:令和|平成|昭和|[rhs])(?:元|\\d{1,2})年?度?';
const YEAR_WORDS = new RegExp(
  `\\d{1,4}\\s*~(?=\\s*(?:令和|平成|[rh])?\\d)|${ERA_YEAR}|(?:19|20)\\d{2}年?度?|fy\\d{2,4}|\\d{1,2}年度|[今本当前次来翌昨]年度|年度|\\d{1,2}月末?(?:時点)?|時点`,
  'g',
);
const SCALE_NOTE = /\((?:[a-z][~〜\-・,、/]*)+\)/g;
const PUNCT = /[()[\]{}【】「」『』〈〉《》<>・･/:;,.、。'"`~〜\-_*※#=+|!?%％]/g;

/**
 * The core of a header for matching: headerKey, fiscal years and grade scales ("(S~D)") removed,
 * brackets and punctuation removed, a leading の dropped, a doubled text ("目標／令和6年度目標") halved.
 */
export function headerCore(text: string): string {
  let k = headerKey(text).replace(SCALE_NOTE, '').replace(YEAR_WORDS, '').replace(PUNCT, '').replace(/^の+/, '');
  const n = k.length;
  if (n >= 2 && n % 2 === 0 && k.slice(0, n / 2) === k.slice(n / 2)) k = k.slice(0, n / 2);
  return k;
}

const BUILTIN_INDEX: ReadonlyMap<string, Role> = (() => {
  const m = new Map<string, Role>();
  for (const role of ROLES) for (const s of BUILTIN_SPELLINGS[role]) if (!m.has(headerCore(s))) m.set(headerCore(s), role);
  return m;
})();

/** Header cores that mean "the KPI's actual" under a KPI parent or beside a target, and "results" elsewhere. */
const ACTUAL_LIKE = new Set(['実績']);

export interface HeaderMatch {
  role: Role;
  /** Plain 実績: the KPI actual under a KPI parent or right of the target column, else results. */
  actualLike: boolean;
  /** The text can stand over KPI sub-columns ("KPI", "指標"). */
  kpiParent: boolean;
  /** Matched a spelling from the profile. */
  fromProfile: boolean;
}

const profileIndexCache = new WeakMap<Profile, Map<string, Role>>();

function profileIndex(profile: Profile): Map<string, Role> {
  let m = profileIndexCache.get(profile);
  if (!m) {
    m = new Map();
    for (const role of ROLES) {
      for (const s of profile.headerSpellings?.[role] ?? []) {
        if (typeof s !== 'string') continue;
        m.set(headerKey(s), role);
        const core = headerCore(s);
        if (core && !m.has(core)) m.set(core, role);
      }
    }
    profileIndexCache.set(profile, m);
  }
  return m;
}

/** Is this header text one that stands over KPI sub-columns? */
export function isKpiParent(text: string): boolean {
  return typeof text === 'string' && text.length <= 60 && isKpiParentCore(headerCore(text));
}

function isKpiParentCore(core: string): boolean {
  return KPI_PARENTS.has(core) || (core.startsWith('kpi') && !BUILTIN_INDEX.has(core));
}

/** Classify one header text without context. Texts longer than 60 characters are never headers. */
export function classifyHeader(text: string, profile: Profile = DEFAULT_PROFILE): HeaderMatch | null {
  if (typeof text !== 'string' || text.length > 60) return null;
  const key = headerKey(text);
  if (key === '') return null;
  const core = headerCore(text);
  const kpiParent = isKpiParentCore(core);
  const custom = profileIndex(profile);
  const fromProfile = custom.get(key) ?? custom.get(core);
  if (fromProfile) return { role: fromProfile, actualLike: false, kpiParent, fromProfile: true };
  if (core === '') return null;
  let role = BUILTIN_INDEX.get(core);
  if (!role) for (const [re, r] of ROLE_PATTERNS) if (re.test(core)) role = r;
  // "KPI（重要業績評価指標）" standing alone over one column holds the KPI as text.
  if (!role && kpiParent) role = 'kpi_target';
  if (!role) return null;
  return { role, actualLike: ACTUAL_LIKE.has(core), kpiParent, fromProfile: false };
}

/**
 * The role a header text plays, or null. With underKpi (the cell stands under a KPI parent), plain
 * 実績 is the KPI actual and 内容/取組 is the indicator; otherwise plain 実績 is the results column.
 */
export function matchRole(text: string, profile: Profile = DEFAULT_PROFILE, ctx: { underKpi?: boolean } = {}): Role | null {
  const m = classifyHeader(text, profile);
  if (!m) return null;
  if (!ctx.underKpi || m.fromProfile) return m.role;
  if (m.actualLike || m.role === 'results') return 'kpi_actual';
  if (m.role === 'initiative') return 'indicator';
  return m.role;
}

export { parseFiscalYear, yearOnly } from './years';

/** Circled numbers ①…⑳, ㉑…㊿ and Roman numerals Ⅰ…ⅿ (tested before NFKC, which turns them into digits/letters). */
const CIRCLED = /^[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF\u2160-\u217F]/;
const NUMBERED = /^(?:\(\d{1,2}\)|\d{1,2}[.、)](?!\d)|第\d{1,2}[章節項]?|【\d{1,2}】)/;

/** The section marker a text starts with (①…⑳, (1), 1., 第1, Ⅰ), or null. */
export function sectionMarker(text: string): string | null {
  if (typeof text !== 'string') return null;
  const t = text.replace(/^[\s\u3000]+/, '');
  const c = CIRCLED.exec(t);
  if (c) return c[0];
  const m = NUMBERED.exec(t.normalize('NFKC'));
  return m ? m[0] : null;
}

/** A section title: a section marker followed by a title ("①課題やニーズの把握", "(2) 伴走型支援"). */
export function isSectionTitle(text: string): boolean {
  if (typeof text !== 'string' || text.length > 120) return false;
  const marker = sectionMarker(text);
  if (!marker) return false;
  const t = text.replace(/^[\s\u3000]+/, '');
  const rest = CIRCLED.test(t) ? t.slice(marker.length) : t.normalize('NFKC').slice(marker.length);
  return rest.trim() !== '' && !rest.includes('\n');
}

const LABEL_RE = /^(?:\(([ア-ンa-z])\)|([ア-ン])(?:[)\s.、。:]|$)|([a-z])\))[\s.、。:]*/;

/**
 * Split a sub-label (ア/イ/ウ, (ア), ｱ., ㋐, (a)) off the start of a text: "ア　地域の…" → {label: "ア",
 * rest: "地域の…"}. The label is normalised (full-width katakana); no label gives {label: "", rest: text}.
 */
export function splitLabel(text: string): { label: string; rest: string } {
  if (typeof text !== 'string') return { label: '', rest: '' };
  if (text.length === 1 && text >= 'ア' && text <= 'ン') return { label: text, rest: '' };
  const t = text.replace(/^[\s\u3000]+/, '');
  const circled = /^[\u32D0-\u32FE]/.exec(t);
  if (circled) return { label: circled[0].normalize('NFKC'), rest: t.slice(1).replace(/^[\s\u3000]+/, '') };
  const head = t.slice(0, 8).normalize('NFKC');
  const m = LABEL_RE.exec(head);
  if (!m) return { label: '', rest: text };
  // Map the match back onto the original text: count how many original characters the NFKC head used.
  let used = 0;
  while (used < t.length && t.slice(0, used).normalize('NFKC').length < m[0].length) used++;
  return { label: (m[1] ?? m[2] ?? m[3])!, rest: t.slice(used).replace(/^[\s\u3000]+/, '') };
}

/** A cell that holds only a sub-label ("ア", "（イ）"). */
export function isBareLabel(text: string): boolean {
  const s = splitLabel(text);
  return s.label !== '' && s.rest.trim() === '';
}

/** Levenshtein distance on code points, giving up (returning max + 1) beyond max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[y.length]!;
}

export interface NearMiss {
  /** The spelling the text is close to, as staff write it ("実施機関及び関係機関"). */
  spelling: string;
  distance: number;
}

/**
 * A header text that is not recognised but is close to a spelling of the role ("実施機関及び関係機間" →
 * 実施機関及び関係機関), or null. Allowed distance: a quarter of the length (at least 1 from 3 characters).
 */
export function nearMiss(text: string, role: Role, profile: Profile = DEFAULT_PROFILE): NearMiss | null {
  if (typeof text !== 'string' || classifyHeader(text, profile)) return null;
  const core = headerCore(text);
  if (core.length < 3 || core.length > 40) return null;
  let best: NearMiss | null = null;
  const spellings = [...BUILTIN_SPELLINGS[role], ...(profile.headerSpellings?.[role] ?? [])];
  for (const s of spellings) {
    const sc = headerCore(s);
    const allowed = Math.max(1, Math.floor(Math.max(sc.length, core.length) / 4));
    if (sc.length < 3) continue;
    const d = editDistance(core, sc, allowed);
    if (d <= allowed && (!best || d < best.distance)) best = { spelling: s, distance: d };
  }
  return best;
}

/** The unrecognised header cells that look like a misspelt header of the role, closest first. */
export function nearMisses<T extends { text: string; role?: Role }>(
  cells: readonly T[],
  role: Role,
  profile: Profile = DEFAULT_PROFILE,
): (NearMiss & { cell: T })[] {
  const out: (NearMiss & { cell: T })[] = [];
  for (const cell of cells) {
    if (cell.role) continue;
    const m = nearMiss(cell.text, role, profile);
    if (m) out.push({ ...m, cell });
  }
  return out.sort((a, b) => a.distance - b.distance);
}
