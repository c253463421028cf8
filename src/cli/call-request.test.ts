import { describe, expect, it } from 'vitest';
import { buildCallRequest, parseHeaderLines, splitPathAndQuery } from './call-request';
import { UsageError } from './cli-errors';

describe('splitPathAndQuery', () => {
  it('keeps a path without a query as it is', () => {
    expect(splitPathAndQuery('/books/42')).toEqual({ path: '/books/42' });
    expect(splitPathAndQuery('/')).toEqual({ path: '/' });
  });

  it('splits the query off, a repeated name becoming a list', () => {
    expect(splitPathAndQuery('/books?limit=2&tag=a&tag=b')).toEqual({ path: '/books', query: { limit: '2', tag: ['a', 'b'] } });
  });

  it('decodes values as a browser would, and keeps names without a value', () => {
    expect(splitPathAndQuery('/search?q=two%20words&r=a+b&flag&empty=')).toEqual({ path: '/search', query: { q: 'two words', r: 'a b', flag: '', empty: '' } });
  });

  it('leaves out an empty query', () => {
    expect(splitPathAndQuery('/books?')).toEqual({ path: '/books' });
  });

  it('keeps a parameter named __proto__ as a parameter', () => {
    const { query } = splitPathAndQuery('/x?__proto__=1');
    expect(Object.keys(query!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
  });

  it.each(['books', '?limit=2', '//evil.example/x', '/a b', '/books#top'])('refuses %j', (target) => {
    expect(() => splitPathAndQuery(target)).toThrow(UsageError);
  });
});

describe('parseHeaderLines', () => {
  it('splits at the first colon and trims around the value', () => {
    expect(parseHeaderLines(['Authorization:  Bearer a:b ', 'X-Empty:'])).toEqual({ Authorization: 'Bearer a:b', 'X-Empty': '' });
    expect(parseHeaderLines([])).toBeUndefined();
  });

  it.each([['no colon'], [': no name'], ['Bad Name: x']])('refuses %j', (line) => {
    expect(() => parseHeaderLines([line])).toThrow(UsageError);
  });
});

describe('buildCallRequest', () => {
  it('sends --data as it was typed, not re-serialized', () => {
    expect(buildCallRequest({ method: 'patch', target: '/authors/1', data: '{ "name" : "Ada" }' })).toEqual({ method: 'PATCH', path: '/authors/1', body: '{ "name" : "Ada" }' });
  });

  it('sends a body on DELETE and OPTIONS, which may have one', () => {
    expect(buildCallRequest({ method: 'DELETE', target: '/authors', data: '[1,2]' }).body).toBe('[1,2]');
  });

  it('checks --data is JSON only while no Content-Type says otherwise', () => {
    expect(() => buildCallRequest({ method: 'POST', target: '/notes', data: 'hello' })).toThrow('not valid JSON');
    expect(buildCallRequest({ method: 'POST', target: '/notes', data: 'hello', headerLines: ['Content-Type: text/plain'] }).body).toBe('hello');
  });
});
