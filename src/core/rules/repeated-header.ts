import type { RuleModule } from './types';
import { cellIn } from './util';

const rule: RuleModule = {
  id: 'repeated-header',
  defaultSeverity: 'info',
  description: {
    ja: '表の途中に見出し行が繰り返されている（印刷ページの貼り合わせなど）',
    en: 'The header is repeated inside the table (printed pages pasted together)',
  },
  messages: {
    repeated: {
      ja: '表の途中で見出し行が繰り返されています（{row} 行目）。この行はデータとして扱わずに読み飛ばしました',
      en: 'The header is repeated inside the table (row {row}); the row was skipped, not read as data',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    for (const row of layout.repeatedHeaderRows) {
      let col = layout.range.left;
      for (let c = layout.range.left; c <= layout.range.right; c++) {
        if (!ctx.grid.isEmpty(row, c)) {
          col = c;
          break;
        }
      }
      ctx.report({ ...cellIn(ctx, row, col), messageId: 'repeated', data: { row: row + 1 } });
    }
  },
};
export default rule;
