// Fix: a version that fails validation in the real local sandbox is repaired by the next
// version, made from the failing checks' output; with a model connected, one fix runs by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '@/server/app-services';
import { createCaller } from '@/server/api/root';
import { LOCAL_USER_ID } from '@/server/api/trpc';
import { decideBackends, parseEnv } from '@/env';
import type { DatabaseHandle } from '@/db/client';
import { openPgliteTestDatabase } from '@/test/test-database';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';
import { brokenApiAnswer as brokenApi, repairAnswer as repair } from '@/test/broken-api-fixture';


describe('Fix after failed validation', () => {
  let fixture: OpenAIFixtureServer;
  let handle: DatabaseHandle;
  const opened: AppServices[] = [];

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    handle = await openPgliteTestDatabase();
  });
  afterAll(async () => {
    for (const services of opened) await services.close();
    await handle?.close();
    await fixture?.close();
  });

  async function open(autoFix: 'on' | 'off') {
    const env = parseEnv({ NODE_ENV: 'test', OPENAI_BASE_URL: fixture.baseURL, FORGE_AUTO_FIX: autoFix, FORGE_PARALLEL_FILES: 'off' });
    const services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
    opened.push(services);
    return { services, caller: createCaller({ services, userId: LOCAL_USER_ID }) };
  }

  it('runs one automatic fix whose version passes validation', { timeout: 120_000 }, async () => {
    const { services, caller } = await open('on');
    fixture.respondWith({ kind: 'stream', text: brokenApi }, { kind: 'stream', text: repair });
    const { projectId, versionId } = await caller.projects.create({ prompt: 'A tiny API' });
    await services.jobs.idle();
    await services.jobs.idle(); // the fix is queued when the first version ends

    const [v1, v2] = await caller.versions.list({ projectId });
    expect(v1).toMatchObject({ status: 'failed', stopReason: 'validation_failed' });
    expect(v1!.validation!.checks.find((check) => check.check === 'start')).toMatchObject({ ok: false });
    expect(v2).toMatchObject({ status: 'complete', baseVersionId: versionId, fixOfVersionId: versionId });
    expect(v2!.validation!.ok).toBe(true);
    expect(v2!.prompt).toMatch(/^Fix v1/);
    // The request carried the sandbox's own words about the failure.
    expect(fixture.requests.at(-1)!.body.messages.at(-1)!.content).toMatch(/SyntaxError/);
    expect((await caller.versions.list({ projectId })).length).toBe(2);
  });

  it('offers Fix by hand when the automatic one is off', { timeout: 120_000 }, async () => {
    const { services, caller } = await open('off');
    fixture.respondWith({ kind: 'stream', text: brokenApi });
    const { projectId, versionId } = await caller.projects.create({ prompt: 'A tiny API' });
    await services.jobs.idle();
    expect(await caller.versions.list({ projectId })).toHaveLength(1);

    fixture.respondWith({ kind: 'stream', text: repair });
    const fixed = await caller.versions.fix({ versionId });
    await services.jobs.idle();
    const version = (await caller.versions.list({ projectId })).find((candidate) => candidate.id === fixed.versionId)!;
    expect(version).toMatchObject({ status: 'complete', fixOfVersionId: versionId });
    expect(version.validation!.ok).toBe(true);
  });

  it('never fixes by itself a version that failed exactly as its base did', { timeout: 120_000 }, async () => {
    const manual = await open('off');
    fixture.respondWith({ kind: 'stream', text: brokenApi });
    const { projectId, versionId } = await manual.caller.projects.create({ prompt: 'A tiny API' });
    await manual.services.jobs.idle();

    const { services, caller } = await open('on');
    const before = fixture.requests.length;
    fixture.respondWith({ kind: 'stream', text: brokenApi });
    await caller.versions.create({ projectId, prompt: 'Try the same again', baseVersionId: versionId });
    await services.jobs.idle();
    await services.jobs.idle();
    const versions = await caller.versions.list({ projectId });
    expect(versions.map((version) => version.stopReason)).toEqual(['validation_failed', 'validation_failed']);
    expect(fixture.requests.length - before).toBe(1); // no fix was asked for
  });
});

