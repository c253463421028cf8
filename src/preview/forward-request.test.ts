// The console's one hop to a preview, against real HTTP servers on this machine: limits, timeouts,
// redirects that must not be followed, and exactly the headers the person typed.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardRequest, previewUrl, RefusedRequestError } from './forward-request';

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

async function listen(handler: Handler): Promise<{ url: string; server: Server; hits: () => number }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits++;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits: () => hits };
}

const LIMITS = { timeoutMs: 2_000, maxResponseBytes: 1024 * 1024 };
let api: Awaited<ReturnType<typeof listen>>;
let elsewhere: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  elsewhere = await listen((_request, response) => response.end('you should not be here'));
  api = await listen((request, response, body) => {
    const url = new URL(request.url!, 'http://x');
    switch (url.pathname) {
      case '/echo':
        response.writeHead(201, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
        return response.end(JSON.stringify({ method: request.method, query: url.search, headers: request.headers, body }));
      case '/hang':
        return; // never answers
      case '/slow-body':
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.write('first part, then nothing');
      case '/huge': {
        response.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = 'x'.repeat(64 * 1024);
        for (let index = 0; index < 160; index++) response.write(chunk); // 10 MB
        return response.end();
      }
      case '/redirect':
        response.writeHead(302, { location: `${elsewhere.url}/stolen` });
        return response.end();
      case '/image':
        response.writeHead(200, { 'content-type': 'image/png' });
        return response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]));
      default:
        response.writeHead(404).end();
    }
  });
});
afterAll(() => {
  api.server.closeAllConnections();
  api.server.close();
  elsewhere.server.close();
});

describe('forwardRequest', () => {
  it('sends the method, query, body and only the headers given, and reads the answer', async () => {
    const outcome = await forwardRequest(
      api.url,
      { method: 'POST', path: '/echo', query: { tag: ['a', 'b c'], q: 'x&y' }, headers: { Authorization: 'Bearer for-the-api' }, body: '{"name":"Ada"}' },
      LIMITS,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    const { response } = outcome;
    expect(response).toMatchObject({ status: 201, statusText: 'Created', truncated: false, binary: false });
    const echoed = JSON.parse(response.body) as { method: string; query: string; headers: Record<string, string>; body: string };
    expect(echoed.method).toBe('POST');
    expect(echoed.query).toBe('?tag=a&tag=b+c&q=x%26y');
    expect(echoed.body).toBe('{"name":"Ada"}');
    expect(echoed.headers).toMatchObject({ authorization: 'Bearer for-the-api', 'content-type': 'application/json', 'user-agent': 'api-forge-console' });
    expect(echoed.headers.cookie).toBeUndefined();
    expect(response.headers.filter(([name]) => name === 'set-cookie')).toEqual([['set-cookie', 'a=1'], ['set-cookie', 'b=2']]);
    expect(response.bodyBytes).toBe(Buffer.byteLength(response.body));
  });

  it('cuts a 10 MB body at the limit and says so', async () => {
    const outcome = await forwardRequest(api.url, { method: 'GET', path: '/huge' }, LIMITS);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.response.truncated).toBe(true);
    expect(outcome.response.bodyBytes).toBe(LIMITS.maxResponseBytes);
    expect(outcome.response.body).toHaveLength(LIMITS.maxResponseBytes);
  });

  it('gives up on a route that never answers, and on a body that never ends, at the timeout', async () => {
    const quick = { ...LIMITS, timeoutMs: 300 };
    expect(await forwardRequest(api.url, { method: 'GET', path: '/hang' }, quick)).toMatchObject({ ok: false, kind: 'timeout', message: 'No response came within 0.3 s.' });
    expect(await forwardRequest(api.url, { method: 'GET', path: '/slow-body' }, quick)).toMatchObject({ ok: false, kind: 'timeout', message: '200 came, but the body did not finish within 0.3 s.' });
  });

  it('answers a redirect as it is, without following it elsewhere', async () => {
    const before = elsewhere.hits();
    const outcome = await forwardRequest(api.url, { method: 'GET', path: '/redirect' }, LIMITS);
    expect(outcome).toMatchObject({ ok: true, response: { status: 302 } });
    expect(elsewhere.hits()).toBe(before);
  });

  it('does not show a binary body, only its size', async () => {
    const outcome = await forwardRequest(api.url, { method: 'GET', path: '/image' }, LIMITS);
    expect(outcome).toMatchObject({ ok: true, response: { binary: true, body: '', bodyBytes: 6 } });
  });

  it('says when the API cannot be reached', async () => {
    const closed = await listen(() => {});
    const url = closed.url;
    await new Promise((resolve) => closed.server.close(resolve));
    const outcome = await forwardRequest(url, { method: 'GET', path: '/' }, LIMITS);
    expect(outcome).toMatchObject({ ok: false, kind: 'unreachable' });
    if (!outcome.ok) expect(outcome.message).toMatch(/ECONNREFUSED/);
  });

  it('refuses what would leave the preview or pose as another host, before sending anything', async () => {
    const before = api.hits();
    for (const request of [
      { method: 'GET' as const, path: 'http://evil.example/' },
      { method: 'GET' as const, path: '//evil.example/' },
      { method: 'GET' as const, path: '/\\evil.example' },
      { method: 'GET' as const, path: '/echo', headers: { Host: 'evil.example' } },
      { method: 'GET' as const, path: '/echo', body: 'x' },
    ]) {
      await expect(forwardRequest(api.url, request, LIMITS)).rejects.toBeInstanceOf(RefusedRequestError);
    }
    expect(api.hits()).toBe(before);
  });
});

describe('previewUrl', () => {
  it('keeps every path on the preview origin', () => {
    expect(previewUrl('http://127.0.0.1:4000', '/a/../../b').href).toBe('http://127.0.0.1:4000/b');
    expect(previewUrl('https://3000-abc.e2b.app', '/books/caf%C3%A9', { q: 'dune' }).href).toBe('https://3000-abc.e2b.app/books/caf%C3%A9?q=dune');
    expect(() => previewUrl('http://127.0.0.1:4000', '@evil.example')).toThrow(RefusedRequestError);
  });
});
