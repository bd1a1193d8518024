import { cellFix, fixSpaces } from '../fixes';
import { hasHtmlMarkup } from '../text';
import type { RuleModule } from './types';
import { eachJudged } from './util';

const SPACE_RE = /[\s\u3000]/;
const DOUBLE_RE = /[^\s\u3000][ \t\u3000]{2,}[^\s\u3000]/u;
/** What DOUBLE_RE needs, found faster. */
const TWO_SPACES_RE = /[ \t\u3000]{2}/;

/** What is wrong with the spaces of a cell's text, or null. */
function spacing(v: string): 'edges' | 'double' | null {
  const edges = SPACE_RE.test(v.charAt(0)) || SPACE_RE.test(v.charAt(v.length - 1));
  if (!edges && !(TWO_SPACES_RE.test(v) && DOUBLE_RE.test(v))) return null;
  if (v.trim() === '' || hasHtmlMarkup(v)) return null;
  return edges ? 'edges' : 'double';
}

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
    const judge = (text: string) => {
      const messageId = spacing(text);
      return messageId === null ? null : { messageId, fixed: fixSpaces(text) };
    };
    eachJudged(ctx, judge, (row, col, _text, { messageId, fixed }) => {
      if (col === gradeCol && skip.has(row)) return;
      const fix = cellFix(ctx.grid, row, col, fixed);
      ctx.report({ row, col, messageId, ...(fix ? { fix } : {}) });
    });
  },
};
export default rule;
