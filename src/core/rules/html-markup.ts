import { cellFix } from '../fixes';
import { hasHtmlMarkup, htmlToText } from '../text';
import type { RuleModule } from './types';
import { eachJudged, preview } from './util';

const rule: RuleModule = {
  id: 'html-markup',
  defaultSeverity: 'warning',
  description: {
    ja: 'HTML のタグ（<ul>、<p> など）が貼り付けられている',
    en: 'The cell holds HTML markup (<ul>, <p> …) pasted from a web page or PDF extract',
  },
  messages: {
    markup: {
      ja: 'HTML のタグ（<ul>、<p> など）が含まれています',
      en: 'The text contains HTML markup (<ul>, <p> …)',
    },
    plain: {
      ja: 'タグを除いた文章: {text}',
      en: 'Without the tags: {text}',
    },
    onlyTags: {
      ja: 'タグを除くと何も残りません。このセルに何を書くべきか確認してください',
      en: 'Nothing is left without the tags; check what this cell should say',
    },
  },
  check(ctx) {
    const plain = (v: string) => {
      if ((!v.includes('<') && !v.includes('&')) || !hasHtmlMarkup(v)) return null;
      const whole = htmlToText(v);
      return { whole, text: preview(whole, 60) };
    };
    eachJudged(ctx, plain, (row, col, _v, { whole, text }) => {
      // Nothing left without the tags: no fix (what the cell should say is the user's to decide).
      const fix = text ? cellFix(ctx.grid, row, col, whole) : undefined;
      ctx.report({
        row,
        col,
        messageId: 'markup',
        suggestionId: text ? 'plain' : 'onlyTags',
        data: { text },
        ...(fix ? { fix } : {}),
      });
    });
  },
};
export default rule;
