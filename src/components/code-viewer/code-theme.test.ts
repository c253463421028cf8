import { describe, expect, it } from 'vitest';
import { themes } from 'prism-react-renderer';
import { tokenStyle } from './code-theme';

describe('tokenStyle', () => {
  it('colours tokens by their types, later types winning, and leaves plain text to the line', () => {
    const keyword = themes.vsDark.styles.find((entry) => entry.types.includes('keyword'))!.style;
    expect(tokenStyle({ types: ['keyword'] })).toMatchObject(keyword);
    expect(tokenStyle({ types: ['plain'] })).toBeUndefined();
    const string = themes.vsDark.styles.find((entry) => entry.types.includes('string'))!.style;
    expect(tokenStyle({ types: ['keyword', 'string'] })).toMatchObject(string);
  });
});
