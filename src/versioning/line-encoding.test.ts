import { describe, expect, it } from 'vitest';
import { applyDiff, makeDiff } from './diff';
import { encodeLines, MAX_DISTINCT_LINES, splitLines } from './line-encoding';

describe('splitLines', () => {
  it('keeps each terminator, so the lines join back to the text', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\r\nb\n\nc')).toEqual(['a\r\n', 'b\n', '\n', 'c']);
    expect(splitLines('a\n')).toEqual(['a\n']);
  });
});

describe('encodeLines', () => {
  it('gives equal lines equal codes, and none in the surrogate range', () => {
    const encoded = encodeLines(['x\n', 'y\n', 'x\n'], ['y\n', 'z\n']);
    expect(encoded).not.toBeNull();
    const { oldCodes, newCodes } = encoded!;
    expect(oldCodes[0]).toBe(oldCodes[2]);
    expect(newCodes[0]).toBe(oldCodes[1]);
    expect(new Set([...oldCodes, ...newCodes]).size).toBe(3);

    const many = Array.from({ length: MAX_DISTINCT_LINES }, (_, i) => `${i}\n`);
    const all = encodeLines(many, [])!.oldCodes;
    expect(all).not.toMatch(/\p{Cs}/u);
  });

  it('gives up beyond MAX_DISTINCT_LINES, and makeDiff still diffs such texts exactly', () => {
    const many = Array.from({ length: MAX_DISTINCT_LINES + 1 }, (_, i) => `${i}\n`);
    expect(encodeLines(many, [])).toBeNull();
    const base = many.join('');
    // Edits at both ends leave nothing to trim, so the whole text reaches the line pass.
    const target = `first\n${base.slice(2, -2)}last\n`;
    expect(applyDiff(base, makeDiff(base, target))).toBe(target);
  });
});
