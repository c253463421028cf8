// Token colours from prism-react-renderer's VS Dark theme, resolved once rather than per render,
// as its <Highlight> would (same merge rules). Pure.
import { themes, type Token } from 'prism-react-renderer';
import type { CSSProperties } from 'react';

const THEME = themes.vsDark;

const STYLE_BY_TYPE: Record<string, CSSProperties> = {};
for (const entry of THEME.styles) {
  for (const type of entry.types) STYLE_BY_TYPE[type] = { ...STYLE_BY_TYPE[type], ...(entry.style as CSSProperties) };
}

export const PLAIN_TEXT_COLOR = THEME.plain.color;

/** The inline style of one token; undefined for plain text. */
export function tokenStyle(token: Pick<Token, 'types' | 'empty'>): CSSProperties | undefined {
  if (token.types.length === 1 && token.types[0] === 'plain') return undefined;
  return Object.assign({}, ...token.types.map((type) => STYLE_BY_TYPE[type])) as CSSProperties;
}
