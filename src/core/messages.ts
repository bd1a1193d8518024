import type { Finding, Lang, Localized } from './types';
import { RULES_BY_ID } from './rules';

/** Fill {name} placeholders from data; unknown names are left as written. */
export function format(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

export interface LocalizedFinding {
  message: string;
  suggestion?: string;
}

/** The message (and suggested fix) of a finding in one language. */
export function localizeFinding(f: Finding, lang: Lang): LocalizedFinding {
  const rule = RULES_BY_ID.get(f.ruleId);
  const msg = rule?.messages[f.messageId];
  const message = msg ? format(msg[lang], f.data) : `${f.ruleId}: ${f.messageId}`;
  const sug = f.suggestionId ? rule?.messages[f.suggestionId] : undefined;
  return sug ? { message, suggestion: format(sug[lang], f.data) } : { message };
}
