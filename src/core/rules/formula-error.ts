import { isExcelError } from '../grid';
import type { Localized } from '../types';
import type { RuleModule } from './types';
import { eachJudged } from './util';

const REASONS: Record<string, Localized> = {
  '#DIV/0!': { ja: '0 または空欄のセルで割っています', en: 'a division by zero or by an empty cell' },
  '#REF!': { ja: '参照先のセルが削除されています', en: 'a referenced cell was deleted' },
  '#VALUE!': { ja: '計算に文字列が含まれています', en: 'text where a number was expected' },
  '#N/A': { ja: '検索した値が見つかりません', en: 'a looked-up value was not found' },
  '#NAME?': { ja: '関数名や名前の綴りが誤っています', en: 'a misspelt function or name' },
  '#NUM!': { ja: '計算できない数値です', en: 'a number that cannot be calculated' },
  '#NULL!': { ja: '範囲の指定が誤っています', en: 'ranges that do not intersect' },
  '#SPILL!': { ja: '結果を書き出す範囲が空いていません', en: 'the spill range is not empty' },
  '#CALC!': { ja: '計算できない数式です', en: 'a calculation the engine cannot do' },
};
const OTHER: Localized = { ja: '数式の結果がエラーです', en: 'the formula returns an error' };

const rule: RuleModule = {
  id: 'formula-error',
  defaultSeverity: 'error',
  description: {
    ja: 'セルにエラー値（#DIV/0!、#REF!、#VALUE!、#N/A、#NAME?、#NUM!、#NULL!、#SPILL!、#CALC!）が表示されている',
    en: 'A cell shows an Excel error value (#DIV/0!, #REF!, #VALUE!, #N/A, #NAME?, #NUM!, #NULL!, #SPILL!, #CALC!)',
  },
  messages: {
    error: {
      ja: 'エラー値 {code} が表示されています（{reasonJa}）',
      en: 'The cell shows the error value {code} ({reasonEn})',
    },
  },
  check(ctx) {
    eachJudged(
      ctx,
      (text) => (isExcelError(text) ? (REASONS[text] ?? OTHER) : null),
      (row, col, code, reason) =>
        ctx.report({ row, col, messageId: 'error', data: { code, reasonJa: reason.ja, reasonEn: reason.en } }),
    );
  },
};
export default rule;
