// A project's env values reach its API and nothing else. With a marker value set, a model (the real
// openai SDK against the fixture server) writes an API that prints the value when it fails to start
// and answers it from a route; validation runs in the real local sandbox, the automatic Fix asks the
// model again with the failure, and the fixed version becomes the running preview. Then every place
// a client, the model or a download can see is searched for the marker.
import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVersionZip } from '@/shared/version-zip';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from './openai-fixture-server';
import { openTestApp, type TestApp } from './test-app';

const MARKER = `marker-${randomUUID()}`;

const PACKAGE_JSON = JSON.stringify({ name: 'config-api', private: true, scripts: { start: 'node server.js' } });
const OPENAPI = JSON.stringify({ openapi: '3.1.0', info: { title: 'config', version: '1' }, paths: { '/health': { get: {} }, '/config': { get: {} } } });
const SERVER = (startup: string) => `${startup}
require('node:http').createServer((request, response) => {
  response.writeHead(request.url === '/health' || request.url === '/config' ? 200 : 404, { 'content-type': 'application/json' });
  response.end(JSON.stringify(request.url === '/config' ? { key: process.env.API_KEY } : { status: 'ok' }));
}).listen(Number(process.env.PORT));
`;
const block = (path: string, content: string) => `<file path="${path}">\n${content}\n</file>\n`;
const version = (title: string, server: string) =>
  `<plan title="${title}">server.js create</plan>\n${block('package.json', PACKAGE_JSON)}${block('openapi.json', OPENAPI)}${block('server.js', server)}<summary>${title}.</summary>`;

/** Prints the key, in two forms, then gives up: the start check fails with this output. */
const CRASHING = SERVER(`console.error('cannot connect with key ' + process.env.API_KEY);
console.error(JSON.stringify({ config: { key: process.env.API_KEY } }));
process.exit(1);`);
/** Starts, printing the key on the way. */
const WORKING = SERVER(`console.log('connected with key ' + process.env.API_KEY);`);

describe("a project's env values", () => {
  let fixture: OpenAIFixtureServer;
  let app: TestApp;

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    app = await openTestApp({ env: { FORGE_SANDBOX: 'auto', OPENAI_BASE_URL: fixture.baseURL, FORGE_AUTO_FIX: 'on' } });
  });
  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  it('reach the API, and never the model, the files, the ZIP, the stream, the chat or the logs a client sees', { timeout: 180_000 }, async () => {
    const { caller, services } = app;
    fixture.respondWith({ kind: 'stream', text: version('Config API', WORKING) });
    const { projectId } = await caller.projects.create({ prompt: 'An API that reads its key from API_KEY' });
    await services.jobs.idle();
    await caller.projectEnv.set({ projectId, name: 'API_KEY', value: MARKER });

    fixture.respondWith({ kind: 'stream', text: version('Crashing config', CRASHING) }, { kind: 'stream', text: version('Fixed config', WORKING) });
    await caller.versions.create({ projectId, prompt: 'Connect with the key at start' });
    await services.jobs.idle();
    await services.jobs.idle(); // the automatic fix is queued when v2 ends

    const versions = await caller.versions.list({ projectId });
    expect(versions.map((entry) => [entry.versionNumber, entry.status])).toEqual([
      [1, 'complete'],
      [2, 'failed'],
      [3, 'complete'],
    ]);
    const [, v2, v3] = versions;
    // The value was there to leak: v2's failure shows the API printed it, masked.
    const startCheck = v2!.validation!.checks.find((check) => check.check === 'start')!;
    expect(startCheck.detail).toContain('cannot connect with key [hidden: API_KEY]');
    expect(startCheck.detail).toContain('{"config":{"key":"[hidden: API_KEY]"}}');
    // ...and v3's route answered it to validation's probe, masked in the check's detail.
    expect(v3!.validation!.checks.find((check) => check.check === 'GET /config')!.detail).toContain('[hidden: API_KEY]');
    // The model was asked to fix v2 with the failure's output.
    expect(fixture.requests.at(-1)!.body.messages.at(-1)!.content).toContain('cannot connect with key [hidden: API_KEY]');

    // v3's validated server lives on as its preview, with the value, and its log masks it.
    const preview = await caller.preview.status({ versionId: v3!.id });
    expect(preview).toMatchObject({ state: 'ready', handedOver: true });
    expect(preview.logTail).toContain('connected with key [hidden: API_KEY]');
    const answer = await caller.preview.send({ versionId: v3!.id, method: 'GET', path: '/config' });
    expect(JSON.parse(answer.body)).toEqual({ key: MARKER });

    const seen: Record<string, string> = {
      'model requests': JSON.stringify(fixture.requests),
      versions: JSON.stringify(versions),
      chat: JSON.stringify(await caller.messages.list({ projectId })),
      'preview status': JSON.stringify(await caller.preview.status({ versionId: v3!.id })),
      history: JSON.stringify(await caller.preview.history({ projectId })),
      'env list': JSON.stringify(await caller.projectEnv.list({ projectId })),
    };
    for (const entry of versions) {
      const { files } = await caller.versions.files({ versionId: entry.id });
      seen[`v${entry.versionNumber} files`] = JSON.stringify(files);
      if (Object.keys(files).length > 0) {
        const zip = unzipSync(buildVersionZip(files, 'config-api').bytes);
        seen[`v${entry.versionNumber} zip`] = Object.values(zip).map((bytes) => strFromU8(bytes)).join('\n');
      }
      seen[`v${entry.versionNumber} stream`] = JSON.stringify(await caller.stream.since({ versionId: entry.id, afterSeq: 0, waitMs: 0 }));
    }
    const events = await app.handle.query<{ event: unknown }>('select event from stream_buffer');
    expect(events.length).toBeGreaterThan(0);
    seen['stream_buffer table'] = JSON.stringify(events);

    for (const [place, text] of Object.entries(seen)) expect({ place, leaked: text.includes(MARKER) }).toEqual({ place, leaked: false });
  });
});
