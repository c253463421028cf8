// runGeneration with the real `openai` SDK against the OpenAI-wire fixture: every way a model
// stream goes wrong ends with a clear reason in the chat, and earlier versions stay intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppServices } from '@/server/app-services';
import type { DatabaseHandle } from '@/db/client';
import { pruneStreamBuffer } from '@/db/stores/stream-buffer-store';
import { openTestApp, type TestApp } from '@/test/test-app';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';

function fileBlock(path: string, content: string) {
  return `<file path="${path}">\n${content}</file>\n`;
}

function tenFileProject(): string {
  const paths = Array.from({ length: 10 }, (_, index) => `src/module${index}.ts`);
  const files = paths.map((path, index) => fileBlock(path, `export const value${index} = ${index};\n`));
  return `<plan title="Ten modules">${paths.map((path) => `${path} create`).join('; ')}</plan>\n${files.join('')}<summary>Ten modules.</summary>`;
}

describe('runGeneration with an OpenAI-compatible model', () => {
  let fixture: OpenAIFixtureServer;
  let app: TestApp;
  let handle: DatabaseHandle;
  let services: AppServices;
  let caller: TestApp['caller'];

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    app = await openTestApp({ env: { OPENAI_BASE_URL: fixture.baseURL, OPENAI_MODEL: 'fixture-model' } });
    ({ handle, services, caller } = app);
  });
  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  async function createProjectWithV1() {
    fixture.respondWith({ kind: 'stream', text: tenFileProject(), chunkSize: 7 });
    const created = await caller.projects.create({ prompt: 'Ten modules' });
    await services.jobs.idle();
    return created;
  }

  async function lastVersion(projectId: string) {
    return (await caller.versions.list({ projectId })).at(-1)!;
  }

  async function lastAssistantMessage(projectId: string) {
    return (await caller.messages.list({ projectId })).filter((message) => message.role === 'assistant').at(-1)!.content;
  }

  it('streams with tags split mid-token and records the model and its usage', async () => {
    const { projectId, versionId } = await createProjectWithV1();
    expect(await lastVersion(projectId)).toMatchObject({ status: 'complete', model: 'fixture-model', title: 'Ten modules' });
    expect(Object.keys((await caller.versions.files({ versionId })).files)).toHaveLength(10);
    const [row] = await handle.query<{ usage: { completionTokens: number; ttftMs: number } }>('select usage from api_versions where id = $1', [versionId]);
    expect(row!.usage.completionTokens).toBeGreaterThan(0);
  });

  it('broadcasts the end of a version like every batch before it, completed or failed', async () => {
    const broadcast: Array<{ type: string; seq: number }> = [];
    const original = services.generationDeps.broadcast;
    services.generationDeps.broadcast = async (_projectId, events) => {
      broadcast.push(...events.map((event) => ({ type: event.type, seq: event.seq })));
    };
    try {
      await createProjectWithV1();
      expect(broadcast.slice(-2).map((event) => event.type)).toEqual(['step', 'version:complete']);
      const seqs = broadcast.map((event) => event.seq);
      expect(seqs).toEqual(seqs.map((_, index) => index + 1)); // every event once, in order, none missing

      broadcast.length = 0;
      fixture.respondWith({ kind: 'stream', text: 'no file blocks here at all' });
      await caller.projects.create({ prompt: 'Garbage' });
      await services.jobs.idle();
      expect(broadcast.at(-1)).toMatchObject({ type: 'error' });
    } finally {
      services.generationDeps.broadcast = original;
    }
  });

  it('a v2 that touches one file of ten sends the files and gets back one file', async () => {
    const { projectId } = await createProjectWithV1();
    const oneFile = `<plan title="Change module 3">src/module3.ts modify</plan>\n${fileBlock('src/module3.ts', 'export const value3 = 33;\n')}<summary>Changed module 3.</summary>`;
    fixture.respondWith({ kind: 'stream', text: oneFile });
    const v2 = await caller.versions.create({ projectId, prompt: 'Set module 3 to 33' });
    await services.jobs.idle();

    const request = fixture.requests.at(-1)!.body;
    const userMessage = request.messages.at(-1)!.content;
    for (let index = 0; index < 10; index++) expect(userMessage).toContain(`export const value${index} = ${index};`);
    const version = await lastVersion(projectId);
    expect(version.changes).toEqual([{ filePath: 'src/module3.ts', operation: 'modified' }]);
    const files = (await caller.versions.files({ versionId: v2.versionId })).files;
    expect(files['src/module3.ts']).toBe('export const value3 = 33;\n');
    expect(files['src/module4.ts']).toBe('export const value4 = 4;\n');
  });

  it('keeps what each run read and planned on its version, after the stream buffer is pruned, for failed runs too', async () => {
    const { projectId, versionId: v1Id } = await createProjectWithV1();
    const oneFile = `<plan title="Change module 3">src/module3.ts modify</plan>\n${fileBlock('src/module3.ts', 'export const value3 = 33;\n')}<summary>Changed module 3.</summary>`;
    fixture.respondWith({ kind: 'stream', text: oneFile });
    const v2 = await caller.versions.create({ projectId, prompt: 'Set module 3 to 33' });
    await services.jobs.idle();
    fixture.respondWith({ kind: 'stream', text: tenFileProject(), chunkSize: 20, dropAfterChars: 300 });
    const v3 = await caller.versions.create({ projectId, prompt: 'Again', baseVersionId: v2.versionId });
    await services.jobs.idle();

    await pruneStreamBuffer(handle.db, new Date(Date.now() + 60_000));
    const [buffered] = await handle.query<{ count: number }>('select count(*)::int as count from stream_buffer where version_id = any($1)', [[v1Id, v2.versionId, v3.versionId]]);
    expect(buffered!.count).toBe(0);
    const byId = new Map((await caller.versions.list({ projectId })).map((version) => [version.id, version]));
    expect(byId.get(v1Id)!.activity).toEqual({ plannedFileCount: 10 });
    expect(byId.get(v2.versionId)!.activity).toEqual({ readNote: 'Read src/module0.ts, src/module1.ts, src/module2.ts and 7 more files', plannedFileCount: 1 });
    expect(byId.get(v3.versionId)).toMatchObject({ status: 'failed', activity: { readNote: expect.stringMatching(/^Read /), plannedFileCount: 10 } });
  });

  it('a stream that drops mid-file fails with the reason and leaves v1 intact', async () => {
    const { projectId, versionId: v1Id } = await createProjectWithV1();
    const before = (await caller.versions.files({ versionId: v1Id })).files;
    fixture.respondWith({ kind: 'stream', text: tenFileProject(), chunkSize: 20, dropAfterChars: 200 });
    await caller.versions.create({ projectId, prompt: 'Again' });
    await services.jobs.idle();
    expect(await lastVersion(projectId)).toMatchObject({ status: 'failed', stopReason: 'model_error' });
    expect(await lastAssistantMessage(projectId)).toMatch(/broke off/);
    expect((await caller.versions.files({ versionId: v1Id })).files).toEqual(before);
    // The failed version is never a default base.
    fixture.respondWith({ kind: 'stream', text: `${fileBlock('src/extra.ts', 'export {};\n')}<summary>x</summary>` });
    await caller.versions.create({ projectId, prompt: 'Add extra' });
    await services.jobs.idle();
    expect((await lastVersion(projectId)).baseVersionId).toBe(v1Id);
  });

  it('retries a 429 before the first token and completes', async () => {
    fixture.respondWith({ kind: 'error', status: 429, message: 'Rate limit reached', retryAfterSeconds: 0 }, { kind: 'stream', text: tenFileProject() });
    const { projectId } = await caller.projects.create({ prompt: 'Ten modules' });
    await services.jobs.idle();
    expect(await lastVersion(projectId)).toMatchObject({ status: 'complete' });
  });

  it('garbage output fails as invalid output and keeps what the model said', async () => {
    fixture.respondWith({ kind: 'stream', text: 'Sure! Here is some thoughts about APIs, but no files at all.' });
    const { projectId } = await caller.projects.create({ prompt: 'Something' });
    await services.jobs.idle();
    expect(await lastVersion(projectId)).toMatchObject({ status: 'failed', stopReason: 'invalid_output' });
    expect(await lastAssistantMessage(projectId)).toContain('Sure! Here is some thoughts');
  });

  it('unsafe paths are never written, and are named in the answer', async () => {
    const text = `${fileBlock('../../etc/passwd', 'root::0:0\n')}${fileBlock('/abs.ts', 'x\n')}${fileBlock('src/ok.ts', 'export {};\n')}<summary>Done.</summary>`;
    fixture.respondWith({ kind: 'stream', text });
    const { projectId, versionId } = await caller.projects.create({ prompt: 'Unsafe' });
    await services.jobs.idle();
    expect(Object.keys((await caller.versions.files({ versionId })).files)).toEqual(['src/ok.ts']);
    const message = await lastAssistantMessage(projectId);
    expect(message).toContain('../../etc/passwd');
    expect(message).toContain('/abs.ts');
  });

  it('a block that never closes, even after two continuations, is not saved: the version fails as truncated', async () => {
    fixture.respondWith(
      { kind: 'stream', text: `${fileBlock('src/a.ts', 'export {};\n')}<file path="src/b.ts">\nexport const b = ` },
      { kind: 'stream', text: '1;\nexport const c = ' },
      { kind: 'stream', text: '2;\nexport const d = ' },
    );
    const { projectId, versionId } = await caller.projects.create({ prompt: 'Truncated' });
    await services.jobs.idle();
    expect(await lastVersion(projectId)).toMatchObject({ status: 'failed', stopReason: 'invalid_output' });
    const message = await lastAssistantMessage(projectId);
    expect(message).toMatch(/ended in the middle of src\/b\.ts and could not be continued/);
    expect(message).toMatch(/still cut off in the middle of src\/b\.ts after 2 continuations/);
    expect((await caller.versions.files({ versionId })).files).toEqual({});
  });

  it('stop ends a slow stream within a second and keeps the partial output in the stream', async () => {
    fixture.respondWith({ kind: 'stream', text: tenFileProject().repeat(5), chunkSize: 4, chunkDelayMs: 25 });
    const { projectId, versionId } = await caller.projects.create({ prompt: 'Slow' });
    // Wait until code is visible to a client, then stop.
    for (let afterSeq = 0, sawCode = false; !sawCode; ) {
      const answer = await caller.stream.since({ versionId, afterSeq, waitMs: 2000 });
      sawCode = answer.events.some((event) => event.type === 'code:chunk');
      afterSeq = answer.lastSeq;
    }
    const stoppedAt = Date.now();
    await caller.versions.stop({ versionId });
    await services.jobs.idle();
    expect(Date.now() - stoppedAt).toBeLessThan(1000);
    expect(await lastVersion(projectId)).toMatchObject({ status: 'failed', stopReason: 'stopped' });
    const events = (await caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
    expect(events.some((event) => event.type === 'code:chunk')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'error', reason: 'stopped' });
  });
});
