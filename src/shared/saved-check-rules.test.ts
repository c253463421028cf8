// The saved-check rules with plain inputs: the default name, and what may be expected JSON.
import { describe, expect, it } from 'vitest';
import { MAX_EXPECT_JSON_BYTES, MAX_EXPECT_JSON_DEPTH, MAX_SAVED_CHECK_NAME_LENGTH } from './saved-check-limits';
import { defaultSavedCheckName, expectJsonProblem } from './saved-check-rules';

describe('defaultSavedCheckName', () => {
  it('names a check by method, path and expected status', () => {
    expect(defaultSavedCheckName('GET', '/books', 200)).toBe('GET /books → 200');
    expect(defaultSavedCheckName('DELETE', '/books/3', 404)).toBe('DELETE /books/3 → 404');
  });

  it('cuts a long path in the middle so the name fits, keeping both ends', () => {
    const path = `/start/${'a'.repeat(500)}/end`;
    const name = defaultSavedCheckName('OPTIONS', path, 204);
    expect(Array.from(name)).toHaveLength(MAX_SAVED_CHECK_NAME_LENGTH);
    expect(name.startsWith('OPTIONS /start/aaa')).toBe(true);
    expect(name.endsWith('aaa/end → 204')).toBe(true);
    expect(name).toContain('…');
  });

  it('never cuts inside a character that takes two UTF-16 units', () => {
    const name = defaultSavedCheckName('GET', `/${'😀'.repeat(300)}`, 200);
    expect(Array.from(name)).toHaveLength(MAX_SAVED_CHECK_NAME_LENGTH);
    // Every surrogate half has its other half beside it.
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(name).toContain('😀…😀');
  });
});

describe('expectJsonProblem', () => {
  it.each([null, true, 0, -1.5, 'text', [], {}, [1, 'a', null, { nested: [true] }], { title: 'Dune', tags: ['x'] }])(
    'accepts plain JSON: %j',
    (value) => {
      expect(expectJsonProblem(value)).toBeNull();
    },
  );

  it.each([
    ['a Date', new Date(0), 'not Date'],
    ['a Map', new Map(), 'not Map'],
    ['undefined inside an object', { a: undefined }, 'not undefined'],
    ['a hole in an array', [1, , 3], 'not undefined'],
    ['a function', { f: () => 1 }, 'not function'],
    ['a bigint', 10n, 'not bigint'],
    ['NaN', { n: Number.NaN }, 'finite'],
    ['Infinity', [Number.POSITIVE_INFINITY], 'finite'],
    ['NUL in a string', { a: 'x\u0000y' }, 'NUL'],
    ['NUL in a key', { 'a\u0000': 1 }, 'NUL'],
    ['half a surrogate pair', ['\ud800'], 'surrogate'],
  ])('refuses %s', (_label, value, words) => {
    expect(expectJsonProblem(value)).toContain(words);
  });

  it(`refuses JSON over ${MAX_EXPECT_JSON_BYTES / 1024} KB serialised, and accepts it at the limit`, () => {
    // '"' + text + '"' is the serialised size.
    expect(expectJsonProblem('x'.repeat(MAX_EXPECT_JSON_BYTES - 2))).toBeNull();
    expect(expectJsonProblem('x'.repeat(MAX_EXPECT_JSON_BYTES - 1))).toBe(`The expected JSON may be at most ${MAX_EXPECT_JSON_BYTES / 1024} KB.`);
    // Multi-byte characters count by their UTF-8 bytes.
    expect(expectJsonProblem('é'.repeat(MAX_EXPECT_JSON_BYTES / 2))).toContain('at most');
    // A million small values are refused by count, before anything is serialised.
    expect(expectJsonProblem(new Array(1_000_000).fill(0))).toContain('at most');
  });

  it(`refuses nesting deeper than ${MAX_EXPECT_JSON_DEPTH} levels`, () => {
    const nest = (levels: number): unknown => (levels === 0 ? 1 : { a: nest(levels - 1) });
    expect(expectJsonProblem(nest(MAX_EXPECT_JSON_DEPTH))).toBeNull();
    expect(expectJsonProblem(nest(MAX_EXPECT_JSON_DEPTH + 1))).toContain('nest');
    expect(expectJsonProblem(nest(5000))).toContain('nest');
  });
});
