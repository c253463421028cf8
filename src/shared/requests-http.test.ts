import { describe, expect, it } from 'vitest';
import { formatRequestsHttp } from './requests-http';
import { savedCheckFixture } from '@/test/saved-check-fixture';

const check = savedCheckFixture;

/** The request blocks: everything from the first `###` on, one string per block. */
function blocks(text: string): string[] {
  return text
    .slice(text.indexOf('###'))
    .split(/\n\n(?=###)/)
    .map((block) => block.trimEnd());
}

describe('formatRequestsHttp', () => {
  it('writes the header, @baseUrl and one block per check, in order', () => {
    const text = formatRequestsHttp(
      [
        check({}),
        check({ name: 'Create Dune', method: 'POST', path: '/books', headers: { 'Content-Type': 'application/json' }, body: '{"title":"Dune"}', expectStatus: 201, expectJson: { title: 'Dune' } }),
      ],
      { baseUrl: 'http://localhost:8080/' },
    );
    expect(text.startsWith('# ')).toBe(true);
    expect(text).toMatch(/^@baseUrl = http:\/\/localhost:8080$/m);
    expect(text.endsWith('\n')).toBe(true);
    expect(blocks(text)).toEqual([
      '### GET /books → 200\n# expect: 200\nGET {{baseUrl}}/books',
      [
        '### Create Dune',
        '# expect: 201',
        '# expect JSON within the answer: {"title":"Dune"}',
        'POST {{baseUrl}}/books',
        'Content-Type: application/json',
        '',
        '{"title":"Dune"}',
      ].join('\n'),
    ]);
  });

  it('encodes the query as the server does, a repeated parameter once per value', () => {
    const text = formatRequestsHttp([check({ path: '/books/a%20b', query: { tag: ['sci fi', 'a&b'], q: 'é=1', empty: '' } })], { baseUrl: 'http://x' });
    expect(text).toContain('GET {{baseUrl}}/books/a%20b?tag=sci+fi&tag=a%26b&q=%C3%A9%3D1&empty=\n');
    const url = new URL(text.match(/^GET \{\{baseUrl\}\}(.*)$/m)![1]!, 'http://x');
    expect(url.searchParams.getAll('tag')).toEqual(['sci fi', 'a&b']);
    expect(url.searchParams.get('q')).toBe('é=1');
  });

  it('gives a body without a content-type the JSON type the console sends it with, and keeps a given one', () => {
    const [plain, typed] = blocks(
      formatRequestsHttp(
        [
          check({ method: 'PUT', path: '/books/1', body: '{\n  "title": "Dune"\n}' }),
          check({ method: 'POST', path: '/form', headers: { 'content-type': 'text/plain' }, body: 'hello' }),
        ],
        { baseUrl: 'http://x' },
      ),
    );
    expect(plain).toBe('### GET /books → 200\n# expect: 200\nPUT {{baseUrl}}/books/1\nContent-Type: application/json\n\n{\n  "title": "Dune"\n}');
    expect(typed).toBe('### GET /books → 200\n# expect: 200\nPOST {{baseUrl}}/form\ncontent-type: text/plain\n\nhello');
  });

  it('writes masked values as variables, declared empty at the top, and nowhere as they are', () => {
    const secret = 'sk-live-12345';
    const quoted = 'pa"ss\\word';
    const text = formatRequestsHttp(
      [
        check({
          method: 'POST',
          headers: { Authorization: `Bearer ${secret}` },
          query: { key: [`${secret}&x`, 'plain'] },
          body: JSON.stringify({ password: quoted, token: secret }),
        }),
      ],
      {
        baseUrl: 'http://x',
        maskedValues: [
          { name: 'API_KEY', value: secret },
          { name: 'ADMIN_PASSWORD', value: quoted },
          { name: 'UNUSED', value: 'not-in-any-request' },
        ],
      },
    );
    expect(text).not.toContain(secret);
    expect(text).not.toContain(quoted);
    expect(text).not.toContain('ss\\\\word');
    expect(text).toContain('Authorization: Bearer {{API_KEY}}\n');
    expect(text).toContain('POST {{baseUrl}}/books?key={{API_KEY}}%26x&key=plain\n');
    expect(text).toContain('\n{"password":"{{ADMIN_PASSWORD}}","token":"{{API_KEY}}"}\n');
    // Only the variables used are declared, each with no value, after a line saying to fill them in.
    expect(text).toMatch(/fill these in[^\n]*\n@ADMIN_PASSWORD =\n@API_KEY =\n/);
    expect(text).not.toContain('UNUSED');
    // Declared before the first request, so both clients know them.
    expect(text.indexOf('@API_KEY =')).toBeLessThan(text.indexOf('###'));
  });

  it('masks a value containing another whole, and never declares a variable when nothing is masked', () => {
    const text = formatRequestsHttp([check({ headers: { 'X-Token': 'abcd-efgh' } })], {
      baseUrl: 'http://x',
      maskedValues: [
        { name: 'SHORT', value: 'abcd' },
        { name: 'LONG', value: 'abcd-efgh' },
      ],
    });
    expect(text).toContain('X-Token: {{LONG}}\n');
    expect(text).not.toContain('@SHORT');
    const unmasked = formatRequestsHttp([check({ headers: { 'X-Token': 'abcd' } })], { baseUrl: 'http://x' });
    expect(unmasked).toContain('X-Token: abcd\n');
    expect(unmasked).not.toMatch(/^@(?!baseUrl)/m);
  });

  it('keeps a name on its comment line and an env var named baseUrl apart from @baseUrl', () => {
    const text = formatRequestsHttp([check({ name: 'two\nlines', headers: { 'X-Upstream': 'http://upstream.internal' } })], {
      baseUrl: 'http://x',
      maskedValues: [{ name: 'baseUrl', value: 'http://upstream.internal' }],
    });
    expect(text).toContain('### two lines\n');
    expect(text).toContain('X-Upstream: {{env_baseUrl}}\n');
    expect(text).toMatch(/^@env_baseUrl =$/m);
    expect(text.match(/^@baseUrl = /gm)).toHaveLength(1);
  });
});
