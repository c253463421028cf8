// preview.* through the router: ownership, refusals, limits and the history, with the bookstore's v1
// from the offline generator and, as its running preview, a real HTTP server in this process that
// records what reaches it (starting real previews is local-preview.test.ts's job).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApi } from '@/generation/ports';
import { rejectionOf } from '@/test/rejection';
import { openTestApp, type TestApp } from '@/test/test-app';
import { MAX_PREVIEW_REQUEST_BODY_BYTES, MAX_PREVIEW_RESPONSE_BODY_BYTES } from '@/shared/preview-limits';
import { appRouter, createCaller } from './root';
import { createTRPCContext } from './trpc';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let app: TestApp;
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
let projectId: string;
let v1: string;

function runningApi(): RunningApi {
  return { sandbox: 'test', baseUrl, logTail: () => '', exited: new Promise(() => {}), stop: async () => {} };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ method: request.method!, url: request.url!, headers: request.headers });
    if (request.url === '/hang') return;
    if (request.url === '/huge') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end('"'.padEnd(10 * 1024 * 1024, 'x'));
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ url: request.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await openTestApp({ env: { FORGE_PREVIEW_TIMEOUT_SECONDS: '0.5', FORGE_PREVIEW_RATE_PER_MINUTE: '60' } });
  ({ projectId, versionId: v1 } = await app.caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' }));
  await app.services.jobs.idle();
  app.services.previews.manager.adopt({ versionId: v1, versionNumber: 1, envFingerprint: '' }, runningApi());
});
afterAll(async () => {
  await app?.close();
  server?.closeAllConnections();
  server?.close();
});

const refusal = (call: Promise<unknown>) => rejectionOf(call, TRPCError);

const historyLength = async () => (await app.caller.preview.history({ projectId })).length;

describe('preview router', () => {
  it('sends a request to the running preview and keeps it in the history', async () => {
    const response = await app.caller.preview.send({ versionId: v1, method: 'GET', path: '/authors', query: { limit: '2' } });
    expect(response).toMatchObject({ status: 200, truncated: false, binary: false });
    expect(JSON.parse(response.body)).toEqual({ url: '/authors?limit=2' });
    const [latest] = await app.caller.preview.history({ projectId });
    expect(latest).toMatchObject({ id: response.historyId, versionId: v1, versionNumber: 1, method: 'GET', path: '/authors', query: { limit: '2' }, status: 200, error: null });
  });

  it("refuses every preview procedure for another user's project", async () => {
    const stranger = createCaller({ services: app.services, userId: crypto.randomUUID() });
    const before = seen.length;
    for (const call of [
      stranger.preview.start({ versionId: v1 }),
      stranger.preview.status({ versionId: v1 }),
      stranger.preview.stop({ versionId: v1 }),
      stranger.preview.send({ versionId: v1, method: 'GET', path: '/authors' }),
      stranger.preview.history({ projectId }),
    ]) {
      expect((await refusal(call)).code).toBe('NOT_FOUND');
    }
    expect(seen.length).toBe(before);
    expect(app.services.previews.manager.status(v1).state).toBe('ready');
  });

  it('refuses an absolute URL, a host override and a body over the limit, sending and saving nothing', async () => {
    const before = { seen: seen.length, history: await historyLength() };
    const refused = [
      { versionId: v1, method: 'GET' as const, path: 'http://169.254.169.254/latest/meta-data' },
      { versionId: v1, method: 'GET' as const, path: '//evil.example/x' },
      { versionId: v1, method: 'GET' as const, path: '/authors', headers: { Host: 'evil.example' } },
      { versionId: v1, method: 'POST' as const, path: '/authors', body: 'x'.repeat(MAX_PREVIEW_REQUEST_BODY_BYTES + 1) },
      { versionId: v1, method: 'TRACE' as 'GET', path: '/authors' },
    ];
    for (const input of refused) expect((await refusal(app.caller.preview.send(input))).code).toBe('BAD_REQUEST');
    expect({ seen: seen.length, history: await historyLength() }).toEqual(before);
  });

  it('times out a route that hangs, and records the failure', async () => {
    const error = await refusal(app.caller.preview.send({ versionId: v1, method: 'GET', path: '/hang' }));
    expect(error.code).toBe('GATEWAY_TIMEOUT');
    expect(error.message).toBe('No response came within 0.5 s.');
    const [latest] = await app.caller.preview.history({ projectId });
    expect(latest).toMatchObject({ path: '/hang', status: null, error: 'No response came within 0.5 s.' });
  });

  it('cuts a 10 MB response at the limit with the flag set', async () => {
    const response = await app.caller.preview.send({ versionId: v1, method: 'GET', path: '/huge' });
    expect(response).toMatchObject({ truncated: true, bodyBytes: MAX_PREVIEW_RESPONSE_BODY_BYTES });
    expect(response.body.length).toBe(MAX_PREVIEW_RESPONSE_BODY_BYTES);
  });

  it("never forwards the console's own cookies or Authorization, only the headers typed for the API", async () => {
    const request = new Request('http://127.0.0.1/api/trpc/preview.send', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'sb-access-token=our-session', authorization: 'Bearer our-token' },
      body: JSON.stringify({ json: { versionId: v1, method: 'GET', path: '/whoami', headers: { 'x-api-key': 'typed-for-the-api' } } }),
    });
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      createContext: () => createTRPCContext({ headers: request.headers, services: app.services }),
    });
    expect(response.status).toBe(200);
    const reached = seen.findLast((entry) => entry.url === '/whoami')!;
    expect(reached.headers['x-api-key']).toBe('typed-for-the-api');
    expect(reached.headers.cookie).toBeUndefined();
    expect(reached.headers.authorization).toBeUndefined();
    expect(JSON.stringify(reached.headers)).not.toMatch(/our-session|our-token/);
  });

  it('says what to do when the preview is not running, and refuses versions without saved files', async () => {
    const { versionId: v2 } = await app.caller.versions.create({ projectId, prompt: 'Add a reviews resource' });
    await app.caller.versions.stop({ versionId: v2 });
    await app.services.jobs.idle();
    const notRunning = await refusal(app.caller.preview.send({ versionId: v2, method: 'GET', path: '/' }));
    expect(notRunning).toMatchObject({ code: 'PRECONDITION_FAILED', message: "v2's preview is not running. Start it first." });
    expect(await refusal(app.caller.preview.start({ versionId: v2 }))).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect((await app.caller.preview.status({ versionId: v2 })).state).toBe('stopped');
  });

  it("limits each user's request rate", async () => {
    const limited = await openTestApp({ env: { FORGE_PREVIEW_RATE_PER_MINUTE: '1' } });
    try {
      const created = await limited.caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
      await limited.services.jobs.idle();
      limited.services.previews.manager.adopt({ versionId: created.versionId, versionNumber: 1, envFingerprint: '' }, runningApi());
      const send = () => limited.caller.preview.send({ versionId: created.versionId, method: 'GET', path: '/' });
      // A burst of ten seconds' worth, at least 10.
      for (let index = 0; index < 10; index++) await send();
      const error = await refusal(send());
      expect(error.code).toBe('TOO_MANY_REQUESTS');
      expect(error.message).toMatch(/^Too many requests: wait \d+ s and send again\.$/);
    } finally {
      await limited.close();
    }
  });
});
