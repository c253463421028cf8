import { describe, expect, it } from 'vitest';
import { tokenizeLines } from './chunked-tokens';
import { INITIAL_NEAR_BLOCKS, plainTextOfLines, withNearChanges } from './code-block-model';

describe('plainTextOfLines', () => {
  it('gives back the text the lines were tokenized from, empty lines included', () => {
    const code = 'const a = "x";\n\n// note\nexport { a };';
    const lines = tokenizeLines(code, 'typescript');
    expect(plainTextOfLines(lines, true)).toBe(code);
    // A block before the last ends with the newline that separates it from the next.
    expect(plainTextOfLines(lines.slice(0, 2), false) + plainTextOfLines(lines.slice(2), true)).toBe(code);
  });
});

describe('withNearChanges', () => {
  it('adds and removes blocks, and keeps the same set when nothing changed', () => {
    const near = withNearChanges(INITIAL_NEAR_BLOCKS, [
      { index: 0, near: false },
      { index: 5, near: true },
    ]);
    expect([...near].sort()).toEqual([1, 5]);
    expect(withNearChanges(near, [{ index: 5, near: true }, { index: 0, near: false }])).toBe(near);
  });
});
