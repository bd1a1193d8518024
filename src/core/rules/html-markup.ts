import { cellFix } from '../fixes';
import { hasHtmlMarkup, htmlToText } from '../text';
import { perText } from '../memo';
import type { RuleModule } from './types';
import { preview, tableTexts } from './util';

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
    const plainText = perText((v) => (hasHtmlMarkup(v) ? preview(htmlToText(v), 60) : null));
    for (const { row, col, text: v } of tableTexts(ctx)) {
      if (!v.includes('<') && !v.includes('&')) continue;
      const text = plainText(v);
      if (text === null) continue;
      // Nothing left without the tags: no fix (what the cell should say is the user's to decide).
      const fix = text ? cellFix(ctx.grid, row, col, htmlToText(v)) : undefined;
      ctx.report({
        row,
        col,
        messageId: 'markup',
        suggestionId: text ? 'plain' : 'onlyTags',
        data: { text },
        ...(fix ? { fix } : {}),
      });
    }
  },
};
export default rule;
