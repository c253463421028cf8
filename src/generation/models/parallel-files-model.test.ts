// Parallel-files mode end to end: the real SDK against the OpenAI-wire fixture, through runGeneration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '@/test/test-app';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';
import { fixtureFileContent, parallelFixtureResponder } from '@/test/parallel-files-fixture';

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
});
