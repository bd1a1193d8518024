import { hasHtmlMarkup, htmlToText } from '../text';
import type { RuleModule } from './types';
import { preview, tableCells } from './util';

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
  },
  check(ctx) {
    for (const { row, col } of tableCells(ctx)) {
      const v = ctx.grid.value(row, col);
      if (typeof v !== 'string' || !hasHtmlMarkup(v)) continue;
      ctx.report({ row, col, messageId: 'markup', suggestionId: 'plain', data: { text: preview(htmlToText(v), 60) } });
    }
  },
};
export default rule;
