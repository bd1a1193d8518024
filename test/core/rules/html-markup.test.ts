import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { seedTable } from '../../helpers/table';

describe('html-markup', () => {
  it.each<[string, SheetData]>([
    ['plain text with line breaks', seedTable([{ results: '【高知県子ども・福祉政策部】\n・居場所づくりへの補助' }]).sheet],
    ['comparisons that look like brackets', seedTable([{ issues: '参加者 < 目標 のため、周知を強化する（目標 > 30人）' }]).sheet],
    ['a note in angle brackets', seedTable([{ remarks: '<注>交付金事業' }]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('html-markup', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, string]>([
    [
      'list markup from the PDF extract',
      seedTable([
        {
          results:
            '<p>【高知県子ども・福祉政策部】</p> <ul style="list-style-type: none"><li>・居場所づくりへの補助</li><li>・就労体験の実施</li></ul>',
        },
      ]).sheet,
      'H3',
      '【高知県子ども・福祉政策部】 / ・居場所づくりへの補助 / ・就労体験の実施',
    ],
    ['a line break tag', seedTable([{}, { plan: '研修を実施する。<br>年3回' }]).sheet, 'D4', '研修を実施する。 / 年3回'],
    ['an entity', seedTable([{ agencies: '高知県&nbsp;社会福祉協議会' }]).sheet, 'J3', '高知県 社会福祉協議会'],
    [
      'long text (the suggestion is cut)',
      seedTable([{ issues: `<p>${'支援体制の構築に向けて関係機関と連携する。'.repeat(5)}</p>` }]).sheet,
      'I3',
      `${'支援体制の構築に向けて関係機関と連携する。'.repeat(5).slice(0, 60)}…`,
    ],
  ])('reports %s with the text as staff would see it', (_name, sheet, cell, text) => {
    const f = findingsOf('html-markup', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      cell,
      severity: 'warning',
      ja: 'HTML のタグ（<ul>、<p> など）が含まれています',
      en: 'The text contains HTML markup (<ul>, <p> …)',
      jaSuggestion: `タグを除いた文章: ${text}`,
      enSuggestion: `Without the tags: ${text}`,
    });
  });

  it('says when nothing is left without the tags', () => {
    const f = findingsOf('html-markup', seedTable([{ remarks: '<img src=x onerror=alert(1)>' }]).sheet);
    expect(f).toEqual([
      expect.objectContaining({
        cell: 'K3',
        severity: 'warning',
        jaSuggestion: 'タグを除くと何も残りません。このセルに何を書くべきか確認してください',
        enSuggestion: 'Nothing is left without the tags; check what this cell should say',
      }),
    ]);
  });
});
