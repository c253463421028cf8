// Files written in parallel can disagree with each other when a writer strays from the plan. Nothing
// is guessed: validation in the real local sandbox catches it like any broken version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '@/test/test-app';
import { startOpenAIFixtureServer, type OpenAIFixtureServer, type ScriptedResponse } from '@/test/openai-fixture-server';
import { classifyChatRequest } from '@/test/parallel-files-fixture';

const PLAN = `<plan title="Tasks">
server.mjs create — the HTTP server; imports listTasks from ./store.mjs
store.mjs create — the in-memory store
package.json create — the manifest
openapi.json create — the contract
</plan>
<interfaces>store.mjs exports listTasks(): Array<{ id: string }>. server.mjs serves GET /health and GET /tasks.</interfaces>`;

const FILES: Record<string, string> = {
  // The server writer imports a name the plan never declared.
  'server.mjs': `import { createServer } from 'node:http';
import { listItems } from './store.mjs';
createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(request.url === '/tasks' ? listItems() : { status: 'ok' }));
}).listen(Number(process.env.PORT), process.env.HOST);
`,
  'store.mjs': 'export function listTasks() {\n  return [];\n}\n',
  'package.json': JSON.stringify({ name: 'tasks', private: true, type: 'module', scripts: { start: 'node server.mjs' } }),
  'openapi.json': JSON.stringify({ openapi: '3.1.0', info: { title: 'Tasks', version: '1' }, paths: { '/health': { get: {} }, '/tasks': { get: {} } } }),
};

describe('parallel files that disagree with their plan', () => {
  let fixture: OpenAIFixtureServer;
  let app: TestApp;

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    app = await openTestApp({ env: { OPENAI_BASE_URL: fixture.baseURL, FORGE_PARALLEL_FILES: 'auto', FORGE_SANDBOX: 'local', FORGE_AUTO_FIX: 'off' } });
  });
  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  it('fail validation at start, with the runtime naming the missing export', { timeout: 120_000 }, async () => {
    fixture.respondUsing((body): ScriptedResponse => {
      const request = classifyChatRequest(body);
      if (request.kind === 'plan') return { kind: 'stream', text: PLAN };
      if (request.kind === 'file') return { kind: 'stream', text: `<file path="${request.path}">\n${FILES[request.path]}</file>` };
      throw new Error('only plan and file calls are expected');
    });
    const { projectId } = await app.caller.projects.create({ prompt: 'Tasks' });
    await app.services.jobs.idle();
    const version = (await app.caller.versions.list({ projectId }))[0]!;
    expect(version).toMatchObject({ status: 'failed', stopReason: 'validation_failed' });
    const start = version.validation!.checks.find((check) => check.check === 'start');
    expect(start).toMatchObject({ ok: false });
    expect(start!.detail).toMatch(/listItems/);
  });
});
