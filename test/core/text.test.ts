import { hasHtmlMarkup, headerKey, htmlToText, nfkc } from '../../src/core/text';

describe('text normalisation', () => {
  it('folds full-width forms and spacing for header comparison', () => {
    expect(headerKey('実施計画（令和６年度）')).toBe(headerKey('実施計画(令和6年度)'));
    expect(headerKey('目標／令和6年度\n目標')).toBe('目標/令和6年度目標');
    expect(headerKey('実施 機関　及び関係機関')).toBe('実施機関及び関係機関');
    expect(nfkc('Ｂ')).toBe('B');
    expect(nfkc('－')).toBe('-');
  });

  it('turns pasted list markup into lines', () => {
    const html = '【部】 <ul style="list-style-type: none"><li>一つ目</li><li>二つ目&amp;三</li></ul><p>段落</p>';
    expect(hasHtmlMarkup(html)).toBe(true);
    expect(htmlToText(html)).toBe('【部】\n一つ目\n二つ目&三\n段落');
    expect(hasHtmlMarkup('A < B かつ C > D')).toBe(false);
  });
});
