import { hasHtmlMarkup } from '../text';
import type { RuleModule } from './types';
import { tableTexts } from './util';

const EDGES_RE = /^[\s\u3000]|[\s\u3000]$/u;
const DOUBLE_RE = /[^\s\u3000][ \t\u3000]{2,}[^\s\u3000]/u;

const rule: RuleModule = {
  id: 'stray-whitespace',
  defaultSeverity: 'info',
  description: {
    ja: 'セルの先頭・末尾の空白（全角スペースを含む）や、連続した空白',
    en: 'Leading or trailing spaces (also full-width ones) or repeated spaces in a cell',
  },
  messages: {
    edges: {
      ja: 'セルの先頭または末尾に空白（全角スペースを含む）があります',
      en: 'The cell starts or ends with spaces (full-width spaces included)',
    },
    double: {
      ja: '空白が連続しています',
      en: 'The cell has repeated spaces',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    // Grades with spaces are reported (with their fix) by grade-not-normalized.
    const gradeCol = layout.columns.grade;
    const skip = new Set(ctx.kpis.filter((k) => k.gradeStatus === 'not-normalized').map((k) => k.row));
    for (const { row, col, text: v } of tableTexts(ctx)) {
      const edges = EDGES_RE.test(v);
      if (!edges && !DOUBLE_RE.test(v)) continue;
      if (v.trim() === '' || hasHtmlMarkup(v)) continue;
      if (col === gradeCol && skip.has(row)) continue;
      ctx.report({ row, col, messageId: edges ? 'edges' : 'double' });
    }
  },
};
export default rule;
