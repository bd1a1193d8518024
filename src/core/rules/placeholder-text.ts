import { nfkc } from '../text';
import type { RuleModule } from './types';
import { eachJudged } from './util';

/** Fill-in marks that are never real content, wherever they appear (〇〇市, XX年度, ■■). */
const MARK_RE = new RegExp(
  [
    '[〇○◯]{2,}',
    '●{2,}',
    '[×✕✖]{2,}',
    '■{2,}',
    '□{2,}',
    '[△▲]{2,}',
    '[◇◆]{2,}',
    '[☆★]{2,}',
    '\\*{2,}',
    '\\?{2,}',
    '(?<![A-Za-z])(?:x{2,}|tb[da])(?![A-Za-z])',
    '要確認|要記入|要入力|後日記入|後日入力|記入予定|入力予定|記載予定|後日報告',
  ].join('|'),
  'iu',
);

/**
 * Words that are placeholders when they are the whole cell or bracketed (「（未定）」, 「【確認中】」)
 * but ordinary prose inside a sentence (「開催時期は未定である」, 「関係機関と調整中」).
 */
const WORDS = '未定|未記入|未入力|確認中|調整中|検討中|作成中|集計中|記入中|精査中|照会中|未確定|仮|\\?';
const WHOLE_RE = new RegExp(`^[\\s【】()「」『』\\[\\]<>・.。、:]*(${WORDS})[\\s【】()「」『』\\[\\]<>・.。、:]*$`, 'u');
const BRACKETED_RE = new RegExp(`[【(「\\[<]\\s*(${WORDS})\\s*[】)」\\]>]`, 'u');

/** The placeholder in a cell's text, or null. */
export function findPlaceholder(text: string, extra: readonly string[]): string | null {
  return placeholderIn(text, normalizedExtras(extra));
}

function normalizedExtras(extra: readonly string[]): { placeholder: string; normalized: string }[] {
  return extra.map((placeholder) => ({ placeholder, normalized: nfkc(placeholder) })).filter((p) => p.normalized.trim() !== '');
}

function placeholderIn(text: string, extra: readonly { placeholder: string; normalized: string }[]): string | null {
  const t = nfkc(text);
  for (const p of extra) if (t.includes(p.normalized)) return p.placeholder;
  const m = MARK_RE.exec(t);
  if (m) return m[0];
  const w = WHOLE_RE.exec(t) ?? BRACKETED_RE.exec(t);
  return w ? w[1]! : null;
}

const rule: RuleModule = {
  id: 'placeholder-text',
  defaultSeverity: 'warning',
  description: {
    ja: '仮の記入（〇〇、××、未定、TBD、要確認 など）が残っている',
    en: 'Placeholder text (〇〇, ××, 未定, TBD, 要確認 …) is left in the table',
  },
  messages: {
    placeholder: {
      ja: '仮の記入「{token}」が残っています',
      en: 'Placeholder text "{token}" is still in the cell',
    },
  },
  check(ctx) {
    const layout = ctx.layout;
    if (!layout) return;
    const extra = normalizedExtras(ctx.profile.placeholders);
    const dataRows = new Set(layout.dataRows.map((d) => d.row));
    eachJudged(
      ctx,
      (text) => placeholderIn(text, extra),
      (row, col, _text, token) => {
        if (dataRows.has(row)) ctx.report({ row, col, messageId: 'placeholder', data: { token } });
      },
    );
  },
};
export default rule;
