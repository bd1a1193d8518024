import type { SheetData } from '../../../src/core/grid';
import { checkSheet } from '../../../src/core/engine';
import { findingsOf, seen } from '../../helpers/findings';
import { numericTable, seedTable } from '../../helpers/table';

const sheet = (values: SheetData['values']): SheetData => ({ name: 'Sheet1', top: 0, left: 0, values });

describe('header-not-found', () => {
  it.each<[string, SheetData]>([
    ['a seed-like table', seedTable([{}]).sheet],
    ['a table with numeric KPI columns', numericTable([{ kpi_target: 10, kpi_actual: 8, grade: 'B' }]).sheet],
    [
      'a table under title and department rows',
      seedTable([{}], { titleRows: ['令和6年度 ひきこもり支援の進捗管理表', '高知県子ども・福祉政策部'] }).sheet,
    ],
  ])('is quiet on %s', (_name, s) => {
    expect(findingsOf('header-not-found', s)).toEqual([]);
  });

  it.each<[string, SheetData]>([
    ['an empty sheet', sheet([])],
    ['a sheet of prose', sheet([['議事録'], ['出席者：企画課、福祉政策課'], ['次回は5月に開催する。']])],
    [
      'a header below the first 30 rows',
      seedTable([{}], { titleRows: Array.from({ length: 30 }, (_, i) => `メモ ${i + 1}`) }).sheet,
    ],
  ])('reports %s, saying what it looked for', (_name, s) => {
    const f = findingsOf('header-not-found', s);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell: null,
      severity: 'error',
      ja: '進捗管理表の見出しが見つかりません。先頭 30 行から「対象者・取組内容・実施計画・KPI・達成度・実績・課題と今後の方向性・実施機関及び関係機関」などの見出しを探しました',
      en: 'No KPI progress table found: looked in the first 30 rows for headers such as Target group, Initiative, Plan, KPI, Grade, Results, Issues and next steps, Agencies',
      jaSuggestion: '見出し行（対象者・取組内容・KPI・達成度 など）があるシートを選んでください',
    });
  });

  it('names the row closest to a header, what it read there and the profile keys that can map it', () => {
    const f = findingsOf('header-not-found', sheet([['令和6年度 事業一覧'], ['対象者', '事業費', '備考'], ['高齢者', 100, '']]));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell: null,
      severity: 'error',
      ja: '進捗管理表の見出しが見つかりません。見出しに最も近いのは 2 行目で、「対象者」「備考」は読み取れましたが、表として読むには KPI（指標・目標・実績）や達成度などの見出しがあと 1 種類必要です',
      jaSuggestion:
        '見出しの言葉が違うだけなら、プロファイルで列を指定できます（例: {"headerRow": 2, "columns": {"grade": "評価", "kpi_actual": "E"}}）',
    });
  });

  it('is the only finding when there is no table', () => {
    const s = sheet([['〇〇', ' ', '#DIV/0!', '<p>x</p>']]);
    expect(seen(checkSheet(s)).map((f) => f.ruleId)).toEqual(['header-not-found']);
  });
});
