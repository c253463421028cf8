import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffOp } from '@/types/versioning';
import { applyDiff, diffSize, makeDiff } from './diff';

// Pieces that stress code-unit arithmetic: surrogate pairs sharing a high half, ZWJ sequences,
// combining marks, CRLF / lone CR, and a few ASCII letters so texts share content.
const tricky = fc.constantFrom('a', 'b', 'c', ' ', '\n', '\r\n', '\r', 'é', 'e\u0301', '😀', '😁', '👍🏽', '👨‍👩‍👧', '𝕏', '中', '\t');
const trickyText = fc.array(tricky, { maxLength: 60 }).map((parts) => parts.join(''));

const texts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  trickyText,
);

/**
 * A target made from the base by a few splices, so diffs have long equal runs (random pairs rarely do).
 * Splicing whole code points keeps the target well formed, as real file content is.
 */
const baseAndEdit = texts.chain((base) =>
  fc
    .array(fc.tuple(fc.nat(), fc.nat({ max: 10 }), texts), { maxLength: 4 })
    .map((edits) => [base, edits.reduce((text, [at, length, insert]) => splice(text, at, length, insert), base)] as const),
);

function splice(text: string, at: number, deleteCount: number, insert: string): string {
  const codePoints = [...text];
  codePoints.splice(at % (codePoints.length + 1), deleteCount, insert);
  return codePoints.join('');
}

const LONE_SURROGATE = /\p{Cs}/u;

/** Every position in `text` where an op boundary falls; none may sit inside a surrogate pair. */
function splitsPair(text: string, position: number): boolean {
  const before = text.charCodeAt(position - 1);
  const after = text.charCodeAt(position);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function boundaries(ops: DiffOp[]): { base: number[]; target: number[] } {
  const base: number[] = [];
  const target: number[] = [];
  let basePosition = 0;
  let targetPosition = 0;
  for (const [kind, value] of ops) {
    if (kind === 1) targetPosition += value.length;
    else basePosition += value;
    if (kind === 0) targetPosition += value;
    base.push(basePosition);
    target.push(targetPosition);
  }
  return { base, target };
}

describe('makeDiff / applyDiff', () => {
  it('round-trips random text pairs exactly', () => {
    fc.assert(
      fc.property(texts, texts, (base, target) => {
        expect(applyDiff(base, makeDiff(base, target))).toBe(target);
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips edited texts and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(baseAndEdit, ([base, target]) => {
        const ops = makeDiff(base, target);
        expect(applyDiff(base, ops)).toBe(target);
        for (const op of ops) if (op[0] === 1) expect(op[1]).not.toMatch(LONE_SURROGATE);
        const { base: baseCuts, target: targetCuts } = boundaries(ops);
        expect(baseCuts.filter((position) => splitsPair(base, position))).toEqual([]);
        expect(targetCuts.filter((position) => splitsPair(target, position))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('still applies exactly when the texts hold lone surrogates', () => {
    const rawUnits = fc.string({ unit: fc.constantFrom('a', '\ud83d', '\ude00', '\ude01', '\n'), maxLength: 30 });
    fc.assert(
      fc.property(rawUnits, rawUnits, (base, target) => {
        expect(applyDiff(base, makeDiff(base, target))).toBe(target);
      }),
      { numRuns: 300 },
    );
  });

  it('does not hand fast-diff the lone surrogates it recurses on forever', () => {
    const [base, target] = ['a\n\n\ude00\n', '\n\ude00\ude00\na'];
    expect(applyDiff(base, makeDiff(base, target))).toBe(target);
  });

  it('keeps the shared high surrogate of 😀 → 😁 out of a split', () => {
    expect(makeDiff('x😀y', 'x😁y')).toEqual([
      [0, 1],
      [-1, 2],
      [1, '😁'],
      [0, 1],
    ]);
  });

  it('produces compact ops for the simple cases', () => {
    expect(makeDiff('', '')).toEqual([]);
    expect(makeDiff('same', 'same')).toEqual([[0, 4]]);
    expect(makeDiff('', 'new')).toEqual([[1, 'new']]);
    expect(makeDiff('old', '')).toEqual([[-1, 3]]);
    expect(makeDiff('line1\r\nline2\r\n', 'line1\r\nline2 changed\r\n')).toEqual([
      [0, 12],
      [1, ' changed'],
      [0, 2],
    ]);
  });

  it('diffs a 1 MB file with a few edits into a small diff', () => {
    const lines = Array.from({ length: 25_000 }, (_, i) => `export const value${i} = ${(i * 7919) % 10007}; // line ${i}\n`);
    const base = lines.join('');
    expect(base.length).toBeGreaterThan(1_000_000);
    const edited = [...lines];
    edited[10] = 'import { z } from "zod";\n';
    edited.splice(12_345, 3);
    edited[20_000] = edited[20_000]!.replace('=', '= 1 +') + 'export const emoji = "🎉";\r\n';
    const target = edited.join('') + 'export default {};\n';

    const started = performance.now();
    const ops = makeDiff(base, target);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(applyDiff(base, ops)).toBe(target);
    expect(diffSize(ops)).toBeLessThan(500);
  });

  it('stays fast when a large file is rewritten completely', () => {
    const file = (seed: number) =>
      Array.from({ length: 10_000 }, (_, i) => `  const v${(i * seed) % 9973} = compute(${(i * seed * 31) % 10007});\n`).join('');
    const [base, target] = [file(7), file(13)];
    const started = performance.now();
    const ops = makeDiff(base, target);
    // Diffing these line by line unguarded takes seconds; the budget turns it into one replacement.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(applyDiff(base, ops)).toBe(target);
  });
});

describe('applyDiff errors', () => {
  it('rejects ops that keep or delete past the end of the base', () => {
    expect(() => applyDiff('abc', [[0, 4]])).toThrow(/keeps up to 4, past the end of the base \(3\)/);
    expect(() => applyDiff('abc', [[0, 1], [-1, 3]])).toThrow(/deletes up to 4/);
  });

  it('rejects ops that leave base text uncovered', () => {
    expect(() => applyDiff('abc', [[0, 2]])).toThrow(/cover 2 of 3/);
    expect(() => applyDiff('abc', [[1, 'abc']])).toThrow(/cover 0 of 3/);
  });

  it('rejects malformed ops, as a corrupted jsonb value could hold', () => {
    expect(() => applyDiff('abc', [[0, 1.5]] as unknown as DiffOp[])).toThrow(/op 0 is not/);
    expect(() => applyDiff('abc', [[2, 3]] as unknown as DiffOp[])).toThrow(/op 0 is not/);
    expect(() => applyDiff('abc', [[0, -1]] as unknown as DiffOp[])).toThrow(/op 0 is not/);
    expect(() => applyDiff('abc', [[1, 3]] as unknown as DiffOp[])).toThrow(/op 0 is not/);
    expect(() => applyDiff('abc', [null] as unknown as DiffOp[])).toThrow(/op 0 is not/);
  });
});

describe('diffSize', () => {
  it('is the length of the JSON stored in content_diff', () => {
    expect(diffSize([[0, 12], [1, 'hé'], [-1, 3]])).toBe('[[0,12],[1,"hé"],[-1,3]]'.length);
  });
});
