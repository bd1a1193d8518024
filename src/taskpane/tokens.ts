import type { Theme } from '@fluentui/react-components';

type Token = Exclude<keyof Theme, `zIndex${string}`>;

/**
 * Fluent's design tokens as the CSS variables FluentProvider defines: `tokens.colorNeutralStroke1` is
 * "var(--colorNeutralStroke1)", as in Fluent's own `tokens` (whose zIndex tokens, with fallbacks, are
 * left out). Fluent's object is 30 KB of names; in one script the minifier inlines what is used, but
 * once the Settings script shares it, all of it ships with the pane. This gives the same strings.
 */
export const tokens = new Proxy({} as Record<Token, string>, {
  get: (_, name) => `var(--${String(name)})`,
});
