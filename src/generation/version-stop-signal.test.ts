// versions.stop across processes, within one test process: a NOTIFY on `forge_version_stop` sent
// through a second connection (as another web server's stop sends it) aborts the run registered
// here, long before its lease renewal would notice. The real multi-process tests live in
// src/test/replicas/.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { insertProject } from '@/db/stores/projects-store';
import { readStreamEvents } from '@/db/stores/stream-buffer-store';
import { insertVersion } from '@/db/stores/versions-store';
import { openPostgresTestDatabase, postgresSkipReason, postgresTestUrl } from '@/test/test-database';
import { ENDED_BY_STOP, registerGeneration, STOPPED_MESSAGE, unregisterGeneration } from './active-generations';
import { endVersionWithEvents } from './end-version';
import { runGeneration } from './run-generation';
import { newLeaseOwner } from './version-lease';
import { announceVersionStop, listenForVersionStops, VERSION_STOP_CHANNEL } from './version-stop-signal';
import { endlessModel } from '@/test/lease-fixtures';

describe.skipIf(!postgresTestUrl)(`versions.stop across processes${postgresTestUrl ? '' : ` (${postgresSkipReason})`}`, () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  /** "Another process": its own connection pool on the same database. */
  let other: DatabaseHandle;
  let unlisten: () => Promise<void>;
  beforeAll(async () => {
    database = await openPostgresTestDatabase();
    other = await openDatabase({ kind: 'postgres', url: database.connectionUrl, maxConnections: 2 });
    unlisten = await listenForVersionStops(database.listen);
  });
  afterAll(async () => {
    await unlisten?.();
    await other?.close();
    await database?.close();
  });

  it('a pg_notify from another connection aborts the run registered here as ended by a stop', async () => {
    const versionId = randomUUID();
    const controller = registerGeneration(versionId)!;
    const bystander = registerGeneration(randomUUID())!;
    try {
      await other.query('select pg_notify($1, $2)', [VERSION_STOP_CHANNEL, versionId]);
      await vi.waitFor(() => expect(controller.signal.aborted).toBe(true), { timeout: 3000, interval: 10 });
      expect(controller.signal.reason).toBe(ENDED_BY_STOP);
      expect(bystander.signal.aborted).toBe(false);
    } finally {
      unregisterGeneration(versionId, controller);
    }
  });

  it('a notify for a version not running here is ignored', async () => {
    await announceVersionStop(other.db, randomUUID());
    await announceVersionStop(other.db, 'not even an id');
  });

  it('a run stopped from another process stops at once, not at its next lease renewal, and writes nothing more', async () => {
    const project = await insertProject(database.db, { ownerId: randomUUID(), name: 'stop' });
    const version = await insertVersion(database.db, { projectId: project.id, prompt: 'An API for tasks', baseVersionId: null });
    // A 30 s lease: its first renewal comes after 10 s, far later than the test waits.
    const lease = { owner: newLeaseOwner(), seconds: 30 };
    const running = runGeneration(version.id, { db: database.db, model: endlessModel(), sandbox: null, sandboxSkipReason: 'test', flushIntervalMs: 20, lease });
    await vi.waitFor(
      async () => expect((await readStreamEvents(database.db, version.id, 0, 10_000)).some((event) => event.type === 'code:chunk')).toBe(true),
      { timeout: 5000, interval: 20 },
    );

    // What versions.stop does in a process that does not run the version: end it, then say so.
    const ending = await endVersionWithEvents(other.db, version.id, { status: 'failed', stopReason: 'stopped', error: STOPPED_MESSAGE }, [
      { type: 'error', message: STOPPED_MESSAGE, reason: 'stopped' },
    ]);
    await announceVersionStop(other.db, version.id);
    const stoppedAt = Date.now();

    expect(await running).toEqual({ status: 'failed', stopReason: 'stopped' });
    expect(Date.now() - stoppedAt).toBeLessThan(3000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const events = await readStreamEvents(database.db, version.id, 0, 10_000);
    expect(events.at(-1)).toEqual(ending!.at(-1));
    expect(events.filter((event) => event.type === 'error')).toHaveLength(1);
  });
});
