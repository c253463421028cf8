import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, prettyBody, statusTone } from './response-format';

describe('prettyBody', () => {
  it('indents JSON by two spaces, as JSON.stringify does', () => {
    const value = { authors: [{ id: 1, name: 'Ann', tags: [], meta: {} }], total: 1, next: null, ok: true };
    expect(prettyBody(JSON.stringify(value), 'application/json; charset=utf-8')).toEqual({
      text: JSON.stringify(value, null, 2),
      language: 'json',
    });
  });

  it('reads JSON types with a suffix, and objects or arrays whatever the type says', () => {
    expect(prettyBody('{"title":"Not found"}', 'application/problem+json').language).toBe('json');
    expect(prettyBody(' [1,2] ', 'text/plain')).toEqual({ text: '[\n  1,\n  2\n]', language: 'json' });
    expect(prettyBody('{"a":1}', null)).toEqual({ text: '{\n  "a": 1\n}', language: 'json' });
  });

  it('formats a declared JSON scalar, but leaves an undeclared one as text', () => {
    expect(prettyBody('"hello"', 'application/json')).toEqual({ text: '"hello"', language: 'json' });
    expect(prettyBody('42', 'text/plain')).toEqual({ text: '42', language: 'text' });
  });

  it('keeps the text of numbers, escapes and duplicate keys as the API sent them', () => {
    const body = '{"id":12345678901234567890,"name":"caf\\u00e9 \\"x\\" {[,:]}","id":2,"price":1.10}';
    expect(prettyBody(body, 'application/json').text).toBe(
      '{\n  "id": 12345678901234567890,\n  "name": "caf\\u00e9 \\"x\\" {[,:]}",\n  "id": 2,\n  "price": 1.10\n}',
    );
  });

  it('leaves a broken or cut JSON body, and plain text, as it came', () => {
    expect(prettyBody('{"a": [1, 2', 'application/json')).toEqual({ text: '{"a": [1, 2', language: 'text' });
    expect(prettyBody('{not json}', null)).toEqual({ text: '{not json}', language: 'text' });
    expect(prettyBody('<h1>Hi</h1>', 'text/html')).toEqual({ text: '<h1>Hi</h1>', language: 'text' });
    expect(prettyBody('', 'application/json')).toEqual({ text: '', language: 'text' });
  });

  it('does not throw on deeply nested JSON', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(() => prettyBody(deep, 'application/json')).not.toThrow();
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [154, '154 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [1536, '1.5 KB'],
    [1024 * 1024 - 1, '1.0 MB'],
    [1024 * 1024, '1.0 MB'],
    [5.25 * 1024 * 1024 * 1024, '5.3 GB'],
  ])('%d bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 ms'],
    [12, '12 ms'],
    [12.4, '12 ms'],
    [999.6, '1.00 s'],
    [1250, '1.25 s'],
    [30_000, '30.0 s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('statusTone', () => {
  it('names the class of a status', () => {
    expect([101, 200, 204, 304, 404, 422, 500, 503].map(statusTone)).toEqual([
      'informational',
      'success',
      'success',
      'redirect',
      'client-error',
      'client-error',
      'server-error',
      'server-error',
    ]);
  });
});
