import type { SheetData } from '../../../src/core/grid';
import { findingsOf } from '../../helpers/findings';
import { seedTable } from '../../helpers/table';

const EDGES = {
  ja: 'セルの先頭または末尾に空白（全角スペースを含む）があります',
  en: 'The cell starts or ends with spaces (full-width spaces included)',
};
const DOUBLE = { ja: '空白が連続しています', en: 'The cell has repeated spaces' };

describe('stray-whitespace', () => {
  it.each<[string, SheetData]>([
    ['clean cells', seedTable([{}, {}]).sheet],
    ['single spaces between words', seedTable([{ agencies: '高知県 社会福祉協議会' }]).sheet],
    ['indented lines after a line break', seedTable([{ results: '・研修の実施\n\u3000年3回開催' }]).sheet],
    ['spaces outside the table', seedTable([{}], { titleRows: [' 令和6年度 進捗管理表 '] }).sheet],
    ['spaces in HTML markup (html-markup reports it)', seedTable([{ results: '<p>【県】</p> <ul>  <li>a</li></ul>' }]).sheet],
  ])('is quiet on %s', (_name, sheet) => {
    expect(findingsOf('stray-whitespace', sheet)).toEqual([]);
  });

  it.each<[string, SheetData, string, { ja: string; en: string }]>([
    ['a leading space', seedTable([{ agencies: ' 高知県' }]).sheet, 'J3', EDGES],
    ['a trailing full-width space', seedTable([{}, { plan: '研修を実施する。\u3000' }]).sheet, 'D4', EDGES],
    ['a leading full-width space', seedTable([{ initiative: '\u3000居場所の拡大を図る。' }]).sheet, 'C3', EDGES],
    ['a trailing line break', seedTable([{ results: '補助を行った。\n' }]).sheet, 'H3', EDGES],
    ['double spaces', seedTable([{ agencies: '高知県  社会福祉協議会' }]).sheet, 'J3', DOUBLE],
    ['double full-width spaces', seedTable([{ issues: '課題がある。\u3000\u3000今後は連携する。' }]).sheet, 'I3', DOUBLE],
    ['a header cell with a trailing space', seedTable([{}], { edit: { K1: '備考 ' } }).sheet, 'K1', EDGES],
  ])('reports %s (info)', (_name, sheet, cell, msg) => {
    const f = findingsOf('stray-whitespace', sheet);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell, severity: 'info', ...msg });
  });
});
