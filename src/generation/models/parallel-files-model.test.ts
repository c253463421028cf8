// Parallel-files mode end to end: the real SDK against the OpenAI-wire fixture, through runGeneration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '@/test/test-app';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';
import { classifyChatRequest, fixtureFileContent, parallelFixtureResponder } from '@/test/parallel-files-fixture';
import type { ScriptedResponse } from '@/test/openai-fixture-server';

describe('parallel-files mode', () => {
  let fixture: OpenAIFixtureServer;
  let app: TestApp;

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    app = await openTestApp({ env: { OPENAI_BASE_URL: fixture.baseURL, FORGE_PARALLEL_FILES: 'on', FORGE_PARALLEL_CONCURRENCY: '3' } });
  });
  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  it('plans, then writes the files with concurrent calls whose chunks interleave', async () => {
    fixture.respondUsing(parallelFixtureResponder({ fileCount: 6, fileBytes: 600, pace: { chunkSize: 16, chunkDelayMs: 3 } }));
    const { caller, services } = app;
    const { projectId, versionId } = await caller.projects.create({ prompt: 'Six modules' });
    await services.jobs.idle();

    expect(fixture.requests).toHaveLength(1 + 6);
    const version = (await caller.versions.list({ projectId }))[0]!;
    expect(version).toMatchObject({ status: 'complete', title: 'Modules' });
    const { files } = await caller.versions.files({ versionId });
    expect(Object.keys(files)).toHaveLength(6);
    expect(files['src/module4.ts']).toBe(fixtureFileContent(4, 600));

    // Several files were being written at once: their chunks alternate in the stream.
    const events = (await caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
    const chunkFiles = events.flatMap((event) => (event.type === 'code:chunk' ? [event.filePath] : []));
    const switches = chunkFiles.filter((path, index) => index > 0 && path !== chunkFiles[index - 1]).length;
    expect(switches).toBeGreaterThan(6);
    // startLine stays right per file even when interleaved.
    const linesOfModule0 = events.filter((event) => event.type === 'code:chunk' && event.filePath === 'src/module0.ts');
    expect(linesOfModule0[0]).toMatchObject({ startLine: 1 });
  });

  describe('as the default (FORGE_PARALLEL_FILES=auto)', () => {
    let auto: TestApp;
    beforeAll(async () => {
      auto = await openTestApp({ env: { OPENAI_BASE_URL: fixture.baseURL, FORGE_PARALLEL_FILES: 'auto' } });
    });
    afterAll(() => auto?.close());

    it('plans v1, asks each file call with the shared part first, and writes JSON compact then saves it formatted', async () => {
      const before = fixture.requests.length;
      const plan = '<plan title="Tiny">\npackage.json create — the manifest\nsrc/a.ts create — a\n</plan>\n<interfaces>src/a.ts exports a: number.</interfaces>';
      fixture.respondUsing((body): ScriptedResponse => {
        const request = classifyChatRequest(body);
        if (request.kind === 'plan') return { kind: 'stream', text: plan };
        if (request.kind === 'file' && request.path === 'package.json') return { kind: 'stream', text: '<file path="package.json">{"name":"tiny","private":true}</file>' };
        return { kind: 'stream', text: '<file path="src/a.ts">\nexport const a = 1;\n</file>' };
      });
      const { caller, services } = auto;
      const { projectId, versionId } = await caller.projects.create({ prompt: 'Tiny' });
      await services.jobs.idle();
      fixture.respondUsing(undefined);
      expect(fixture.requests.length - before).toBe(3);
      const fileCalls = fixture.requests.slice(before).filter((request) => classifyChatRequest(request.body).kind === 'file');
      // Both file calls share the system prompt and the start of the user message; only the end differs.
      expect(fileCalls[0]!.body.messages[0]).toEqual(fileCalls[1]!.body.messages[0]);
      const [first, second] = fileCalls.map((request) => request.body.messages[1]!.content);
      expect(first!.slice(0, first!.indexOf('Write the complete file'))).toBe(second!.slice(0, second!.indexOf('Write the complete file')));
      expect((await caller.versions.list({ projectId }))[0]).toMatchObject({ status: 'complete', usage: { calls: 3 } });
      const { files } = await caller.versions.files({ versionId });
      expect(files['package.json']).toBe('{\n  "name": "tiny",\n  "private": true\n}\n');
      const events = (await caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
      expect(events.find((event) => event.type === 'file:complete' && event.filePath === 'package.json')).toMatchObject({ content: files['package.json'] });
    });

    it('falls back to one call when the plan comes back unusable, and the chat says so', async () => {
      const whole = '<file path="src/b.ts">\nexport const b = 2;\n</file>\n<summary>One call.</summary>';
      fixture.respondWith({ kind: 'stream', text: 'I would rather not plan.' }, { kind: 'stream', text: whole });
      const { caller, services } = auto;
      const { projectId, versionId } = await caller.projects.create({ prompt: 'Unplannable' });
      await services.jobs.idle();
      expect((await caller.versions.list({ projectId }))[0]).toMatchObject({ status: 'complete', usage: { calls: 2 } });
      expect((await caller.versions.files({ versionId })).files).toEqual({ 'src/b.ts': 'export const b = 2;\n' });
      const message = (await caller.messages.list({ projectId })).filter((m) => m.role === 'assistant').at(-1)!.content;
      expect(message).toMatch(/plan came back unusable, so the files are written in one call instead/);
    });

    it('answers an iteration in one call, with the base files, not a plan per file', async () => {
      fixture.respondWith(
        { kind: 'stream', text: '<plan title="c">src/c.ts create — c</plan><interfaces>c: number</interfaces>' },
        { kind: 'stream', text: '<file path="src/c.ts">\nexport const c = 3;\n</file>' },
      );
      const { caller, services } = auto;
      const { projectId } = await caller.projects.create({ prompt: 'C' });
      await services.jobs.idle();
      const before = fixture.requests.length;
      fixture.respondWith({ kind: 'stream', text: '<file path="src/d.ts">\nexport const d = 4;\n</file>' });
      await caller.versions.create({ projectId, prompt: 'add d' });
      await services.jobs.idle();
      expect(fixture.requests.slice(before)).toHaveLength(1);
      expect(classifyChatRequest(fixture.requests.at(-1)!.body).kind).toBe('other');
    });
  });
});
