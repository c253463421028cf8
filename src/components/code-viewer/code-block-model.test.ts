import { describe, expect, it } from 'vitest';
import { tokenizeLines } from './chunked-tokens';
import { createBlockSplitter, LINES_PER_BLOCK, plainTextOfLines, stepTowardNear, withNearChanges } from './code-block-model';

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
    const near = withNearChanges(new Set([0, 1]), [
      { index: 0, near: false },
      { index: 5, near: true },
    ]);
    expect([...near].sort()).toEqual([1, 5]);
    expect(withNearChanges(near, [{ index: 5, near: true }, { index: 0, near: false }])).toBe(near);
  });
});

describe('stepTowardNear', () => {
  it('brings one block near per step, the last in the file first, until it matches', () => {
    const near = new Set([4, 5, 6]);
    const first = stepTowardNear(new Set([4]), near);
    expect([...first].sort()).toEqual([4, 6]);
    const second = stepTowardNear(first, near);
    expect([...second].sort()).toEqual([4, 5, 6]);
    expect(stepTowardNear(second, near)).toBe(second);
  });

  it('turns every block that went away plain in one step', () => {
    const step = stepTowardNear(new Set([0, 1, 2]), new Set([7, 8]));
    expect([...step].sort()).toEqual([8]);
  });
});

describe('createBlockSplitter', () => {
  const lines = tokenizeLines(Array.from({ length: LINES_PER_BLOCK * 2 + 10 }, (_, index) => `const line${index} = ${index};`).join('\n'), 'typescript');

  it('cuts the lines into blocks, the last one shorter', () => {
    const blocks = createBlockSplitter().blocksOf(lines);
    expect(blocks.map((block) => block.length)).toEqual([LINES_PER_BLOCK, LINES_PER_BLOCK, 10]);
    expect(blocks.flat()).toEqual(lines);
  });

  it('keeps the arrays of blocks whose lines did not change, and renews the one that grew', () => {
    const splitter = createBlockSplitter();
    const before = splitter.blocksOf(lines.slice(0, -1));
    const after = splitter.blocksOf(lines);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).not.toBe(before[2]);
    expect(after[2]).toEqual(lines.slice(LINES_PER_BLOCK * 2));
  });

  it('renews a block when one of its lines was tokenized again', () => {
    const splitter = createBlockSplitter();
    const before = splitter.blocksOf(lines);
    const retokenized = [...lines];
    retokenized[3] = [...lines[3]!];
    const after = splitter.blocksOf(retokenized);
    expect(after[0]).not.toBe(before[0]);
    expect(after[0]![3]).toBe(retokenized[3]);
    expect(after[1]).toBe(before[1]);
  });
});
