import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, pathWithQuery, queryString, shellQuote } from './curl-command';

const BASE = 'http://127.0.0.1:4100';
const SEPARATOR = '<<end of argument>>';

/** The words a POSIX shell hands to curl for `command`: curl is replaced by a function that prints them. */
function shellWords(command: string): string[] {
  const script = `curl() { for word in "$@"; do printf '%s${SEPARATOR}' "$word"; done; }\n${command}`;
  const output = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
  return output.split(SEPARATOR).slice(0, -1);
}

describe('shellQuote', () => {
  it('keeps every character literal, closing and reopening the quotes around a single quote', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    for (const text of ["it's", '$HOME', '`id`', '$(id)', 'a\nb', '\\n', '"', "''", '!', '*', '']) {
      expect(shellWords(`curl ${shellQuote(text)}`)).toEqual([text]);
    }
  });
});

describe('queryString', () => {
  it('encodes like URLSearchParams, one pair per value of a repeated name', () => {
    expect(queryString({ tag: ['a b', 'c&d'], limit: '2' })).toBe('tag=a+b&tag=c%26d&limit=2');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });

  it('adds the query to the path only when there is one', () => {
    expect(pathWithQuery('/books', { q: 'café' })).toBe('/books?q=caf%C3%A9');
    expect(pathWithQuery('/books', {})).toBe('/books');
  });
});

describe('curlCommand', () => {
  it('leaves out -X for a plain GET and joins the base URL and path without doubling "/"', () => {
    expect(curlCommand({ method: 'GET', path: '/authors' }, `${BASE}/`)).toBe(`curl '${BASE}/authors'`);
  });

  it('sends a body as sent, with the JSON content type the server would add', () => {
    const command = curlCommand({ method: 'POST', path: '/authors', body: '{"name":"Ann"}' }, BASE);
    expect(command).toBe(`curl -X POST '${BASE}/authors' -H 'content-type: application/json' --data-raw '{"name":"Ann"}'`);
  });

  it('keeps the given content type, whatever its case, instead of adding one', () => {
    const command = curlCommand({ method: 'PUT', path: '/notes/1', headers: { 'Content-Type': 'text/plain' }, body: 'hi' }, BASE);
    expect(command).toBe(`curl -X PUT '${BASE}/notes/1' -H 'Content-Type: text/plain' --data-raw 'hi'`);
  });

  it('survives the shell: quotes, $, backticks and newlines reach curl unchanged', () => {
    const body = `{\n  "name": "O'Brien",\n  "cost": "$5 \`whoami\` $(id)"\n}`;
    const command = curlCommand(
      { method: 'PATCH', path: '/authors/1', query: { q: "it's $x" }, headers: { 'X-Note': "don't `run`" }, body },
      BASE,
    );
    expect(shellWords(command)).toEqual([
      '-X',
      'PATCH',
      `${BASE}/authors/1?q=it%27s+%24x`,
      '-H',
      "X-Note: don't `run`",
      '-H',
      'content-type: application/json',
      '--data-raw',
      body,
    ]);
  });

  it('repeats a query name once per value', () => {
    expect(shellWords(curlCommand({ method: 'GET', path: '/books', query: { tag: ['a', 'b'], limit: '2' } }, BASE))).toEqual([
      `${BASE}/books?tag=a&tag=b&limit=2`,
    ]);
  });

  it('asks for headers only with --head for HEAD, never -X HEAD', () => {
    const command = curlCommand({ method: 'HEAD', path: '/health' }, BASE);
    expect(command).toBe(`curl --head '${BASE}/health'`);
    expect(command).not.toContain('-X');
  });

  it('names other methods with -X and sends an empty body when one is given', () => {
    expect(curlCommand({ method: 'DELETE', path: '/authors/1' }, BASE)).toBe(`curl -X DELETE '${BASE}/authors/1'`);
    expect(curlCommand({ method: 'OPTIONS', path: '/' }, BASE)).toBe(`curl -X OPTIONS '${BASE}/'`);
    expect(shellWords(curlCommand({ method: 'POST', path: '/ping', body: '' }, BASE)).slice(-2)).toEqual(['--data-raw', '']);
  });

  it('treats a null body (as history stores it) as no body', () => {
    expect(curlCommand({ method: 'POST', path: '/ping', body: null }, BASE)).toBe(`curl -X POST '${BASE}/ping'`);
  });

  it('spells an empty header value so curl sends it instead of dropping the header', () => {
    expect(curlCommand({ method: 'GET', path: '/', headers: { 'X-Empty': '' } }, BASE)).toBe(`curl '${BASE}/' -H 'X-Empty;'`);
  });

  it('turns off curl URL globbing when the path holds brackets or braces', () => {
    expect(curlCommand({ method: 'GET', path: '/items/[1]/{x}' }, BASE)).toBe(`curl --globoff '${BASE}/items/[1]/{x}'`);
  });
});
