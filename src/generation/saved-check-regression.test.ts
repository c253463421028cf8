// Saved checks across versions, with a scripted model and the real local sandbox: a check saved
// after v1 passes on v2, regresses on v3 (which still completes), and Fix on v3 asks the model with
// the request and both answers. The preview validation handed over answers `preview.check` too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '@/test/test-app';
import { crudApiFiles } from '@/test/crud-api-files';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';
import type { FileMap } from '@/types/versioning';

const answer = (files: FileMap, summary: string) =>
  `${Object.entries(files)
    .map(([path, content]) => `<file path="${path}">\n${content}\n</file>\n`)
    .join('')}<summary>${summary}</summary>`;

describe('saved checks across versions', () => {
  let fixture: OpenAIFixtureServer;
  let app: TestApp;

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    app = await openTestApp({ env: { OPENAI_BASE_URL: fixture.baseURL, FORGE_SANDBOX: 'local', FORGE_AUTO_FIX: 'off' } });
  });
  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  it('flags a regression on the version that broke a saved check, and Fix carries both answers', { timeout: 180_000 }, async () => {
    const { caller, services } = app;
    fixture.respondWith({ kind: 'stream', text: answer(crudApiFiles(), 'A books API.') });
    const { projectId, versionId: v1 } = await caller.projects.create({ prompt: 'A books API' });
    await services.jobs.idle();
    const saved = await caller.savedChecks.save({ projectId, method: 'GET', path: '/books', expectStatus: 200, expectJson: [] });
    expect(saved.name).toBe('GET /books → 200');

    fixture.respondWith({ kind: 'stream', text: answer({ 'README.md': '# Books\n' }, 'Added a README.') });
    const { versionId: v2 } = await caller.versions.create({ projectId, prompt: 'Add a README', baseVersionId: v1 });
    await services.jobs.idle();
    fixture.respondWith({ kind: 'stream', text: answer({ 'server.js': crudApiFiles({ withoutList: true })['server.js']! }, 'Removed the list.') });
    const { versionId: v3 } = await caller.versions.create({ projectId, prompt: 'Remove the list of books', baseVersionId: v2 });
    await services.jobs.idle();

    const versions = await caller.versions.list({ projectId });
    const savedResult = (id: string) => versions.find((version) => version.id === id)!.validation!.checks.find((check) => check.kind === 'saved');
    expect(savedResult(v2)).toMatchObject({ ok: true, savedCheckId: saved.id, exchange: { response: { status: 200, body: '[]' } } });
    const third = versions.find((version) => version.id === v3)!;
    expect(third.status).toBe('complete');
    expect(third.validation!.checks.filter((check) => check.kind === 'behaviour').every((check) => check.ok)).toBe(true);
    expect(savedResult(v3)).toMatchObject({
      ok: false,
      regression: { baseVersionNumber: 2, baseResponse: { status: 200, body: '[]' } },
      exchange: { request: { method: 'GET', path: '/books' }, response: { status: 404 } },
    });

    // The preview validation handed over is checked as `forge check` would: the regression fails it.
    const report = await caller.preview.check({ versionId: v3 });
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.kind === 'saved')).toMatchObject({ ok: false, regression: { baseVersionNumber: 2 } });
    expect(report.checks.filter((check) => check.kind === 'behaviour').map((check) => check.ok)).not.toContain(false);

    fixture.respondWith({ kind: 'stream', text: answer(crudApiFiles(), 'Brought the list back.') });
    const fix = await caller.versions.fix({ versionId: v3 });
    await services.jobs.idle();
    const prompt = fixture.requests.at(-1)!.body.messages.at(-1)!.content as string;
    expect(prompt).toContain('Fix v3: saved checks that passed before fail now.');
    expect(prompt).toContain('Request: GET /books');
    expect(prompt).toContain('Response on v2: 200 []');
    expect(prompt).toContain('Response now: 404 {"error":"not found"}');
    const fixed = (await caller.versions.list({ projectId })).find((version) => version.id === fix.versionId)!;
    expect(fixed.validation!.checks.find((check) => check.kind === 'saved')).toMatchObject({ ok: true });
  });
});
