// Postgres restarted in the middle of a stream (Postgres mode): the generation fails or finishes
// cleanly, nothing stays stuck, the stream has no gap or duplicate, and the pool recovers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { reserveFreePort } from '@/generation/sandbox/free-port';
import { openTestApp, type TestApp } from '@/test/test-app';
import { privatePostgresSkipReason, startPrivatePostgres, type PrivatePostgres } from './private-postgres';

describe.skipIf(Boolean(privatePostgresSkipReason))(`Postgres restarted mid-stream${privatePostgresSkipReason ? ` (skipped: ${privatePostgresSkipReason})` : ''}`, () => {
  let postgres: PrivatePostgres;
  let app: TestApp;

  beforeAll(async () => {
    const reserved = await reserveFreePort();
    reserved.release();
    postgres = startPrivatePostgres(reserved.port);
    app = await openTestApp({
      env: { FORGE_OFFLINE_CHUNK_DELAY_MS: '4' },
      openDatabase: async () => {
        const handle = await openDatabase({ kind: 'postgres', url: postgres.url, maxConnections: 4 });
        await applyMigrations(handle);
        return handle;
      },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close().catch(() => {});
    postgres?.stop();
  });

  it('ends the version cleanly, keeps the stream gap-free, and serves the next version', { timeout: 120_000 }, async () => {
    const { caller, services } = app;
    const { projectId, versionId } = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    // Restart once code is streaming.
    for (let afterSeq = 0, sawCode = false; !sawCode; ) {
      const answer = await caller.stream.since({ versionId, afterSeq, waitMs: 2000 });
      sawCode = answer.events.some((event) => event.type === 'code:chunk');
      afterSeq = answer.lastSeq;
    }
    postgres.restart();
    await services.jobs.idle();

    const version = (await caller.versions.list({ projectId }))[0]!;
    expect(['complete', 'failed']).toContain(version.status);
    if (version.status === 'failed') expect(version.error).toBeTruthy();
    const events = (await caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(['version:complete', 'error']).toContain(events.at(-1)!.type);

    // The pool reconnected: a new project generates to the end.
    const next = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await services.jobs.idle();
    expect((await caller.versions.get({ versionId: next.versionId })).status).toBe('complete');
  });
});
