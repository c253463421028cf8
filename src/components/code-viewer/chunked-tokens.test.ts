import { describe, expect, it } from 'vitest';
import type { Token } from 'prism-react-renderer';
import { EMPTY_TOKEN_CACHE, tokenizeLines, tokenizeWithCache, WARM_UP_SAMPLES, type TokenCache } from './chunked-tokens';

/**
 * What a line shows: its tokens without zero-length ones (a whole tokenization can start a line
 * after a blank one with an empty plain token that a tokenization from that line does not have).
 */
function shown(lines: Token[][]) {
  return lines.map((line) => line.filter((token) => token.content !== '' || token.empty).map((token) => [token.types.join('.'), token.content]));
}

const json = JSON.stringify(
  { paths: Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`/items/${index}`, { get: { summary: `Item ${index}`, responses: { 200: { description: 'ok' } } } }])) },
  null,
  2,
);

const typescript = Array.from(
  { length: 20 },
  (_, index) => `// Route ${index}: a comment\nexport function handler${index}(request: Request): string {\n  const name = \`item-\${${index}}\`;\n  return name + '${index}';\n}\n\n`,
).join('');

/** Feeds the code in 24-character chunks, as the stream does, checking every step against a full tokenization. */
function streamThrough(code: string, language: string) {
  let cache: TokenCache = EMPTY_TOKEN_CACHE;
  let longestRetokenized = 0;
  for (let length = 24; length < code.length + 24; length += 24) {
    const text = code.slice(0, length);
    const result = tokenizeWithCache(text, language, cache);
    expect(shown(result.lines)).toEqual(shown(tokenizeLines(text, language)));
    longestRetokenized = Math.max(longestRetokenized, text.length - cache.text.length);
    cache = result.cache;
  }
  return { cache, longestRetokenized };
}

describe('tokenizeWithCache', () => {
  it('gives the same lines as tokenizing the whole JSON file, at every step of its growth', () => {
    const { cache, longestRetokenized } = streamThrough(json, 'json');
    expect(cache.text.length).toBeGreaterThan(json.length / 2);
    // A step tokenizes again only the line before the one being written, that line, and the chunk.
    const longestLine = Math.max(...json.split('\n').map((line) => line.length + 1));
    expect(longestRetokenized).toBeLessThanOrEqual(2 * longestLine + 24);
  });

  it('serves an older cache again unchanged after a newer call shared its lines', () => {
    const start = tokenizeWithCache(json.slice(0, 600), 'json', EMPTY_TOKEN_CACHE).cache;
    const longer = json.slice(0, 1200);
    const other = `${json.slice(0, 600)}"rewritten": [1, 2, 3]\n}`;
    tokenizeWithCache(longer, 'json', start);
    expect(shown(tokenizeWithCache(other, 'json', start).lines)).toEqual(shown(tokenizeLines(other, 'json')));
    expect(shown(tokenizeWithCache(longer, 'json', start).lines)).toEqual(shown(tokenizeLines(longer, 'json')));
  });

  it('moves its cache only to lines after blank lines in code, and still matches a whole tokenization', () => {
    const { cache } = streamThrough(typescript, 'typescript');
    expect(cache.text.length).toBeGreaterThan(0);
    expect(cache.text.endsWith('\n\n')).toBe(true);
  });

  it('starts over when the code no longer starts with what it kept, or the language changed', () => {
    const first = tokenizeWithCache(json, 'json', EMPTY_TOKEN_CACHE);
    const rewritten = `{"other": true}\n${json}`;
    expect(shown(tokenizeWithCache(rewritten, 'json', first.cache).lines)).toEqual(shown(tokenizeLines(rewritten, 'json')));
    expect(shown(tokenizeWithCache(json, 'javascript', first.cache).lines)).toEqual(shown(tokenizeLines(json, 'javascript')));
  });
});

describe('WARM_UP_SAMPLES', () => {
  // A sample in a language Prism lacks would come back as one plain token and warm nothing up.
  it.each(Object.entries(WARM_UP_SAMPLES))('runs the %s grammar on its sample', (language, sample) => {
    const types = new Set(tokenizeLines(sample, language).flatMap((line) => line.flatMap((token) => token.types)));
    expect(types.size).toBeGreaterThan(3);
  });
});
