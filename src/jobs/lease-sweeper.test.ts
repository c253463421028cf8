// The lease sweeper on real Postgres: it ends exactly the versions whose owner stopped renewing
// (failed / interrupted, with the stream's terminal event and a chat message), never one a live
// process holds nor a pending one, and two processes sweeping at once end a version once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { listChatMessages } from '@/db/stores/chat-store';
import { insertStreamEvents, readStreamEvents } from '@/db/stores/stream-buffer-store';
import { claimPendingVersion, findVersion, finishVersion } from '@/db/stores/versions-store';
import { keepLease, newLeaseOwner } from '@/generation/version-lease';
import { openPostgresTestDatabase, postgresSkipReason, postgresTestUrl } from '@/test/test-database';
import { leaseSweepIntervalMs, startLeaseSweeper, sweepExpiredLeases, type SweptVersion } from './lease-sweeper';
import { insertPendingVersion } from '@/test/lease-fixtures';

describe.skipIf(!postgresTestUrl)(`lease sweeper${postgresTestUrl ? '' : ` (${postgresSkipReason})`}`, () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let db: Database;
  beforeAll(async () => {
    database = await openPostgresTestDatabase();
    db = database.db;
  });
  afterAll(() => database?.close());

  const pendingVersion = () => insertPendingVersion(db, 'sweeper');

  /** Generating under a live 30 s lease, with the start of its stream written. */
  async function generatingVersion(owner = newLeaseOwner()) {
    const version = await pendingVersion();
    await claimPendingVersion(db, version.id, { owner, seconds: 30 });
    const at = new Date().toISOString();
    await insertStreamEvents(db, [
      { type: 'version:start', versionNumber: 1, baseVersionId: null, versionId: version.id, seq: 1, at },
      { type: 'step', name: 'planning', versionId: version.id, seq: 2, at },
    ]);
    return version;
  }

  /** Its owner died: the lease ran out a second ago. */
  async function expire(versionId: string) {
    await database.query(`update api_versions set lease_expires_at = now() - interval '1 second' where id = $1`, [versionId]);
  }

  async function state(versionId: string) {
    const version = (await findVersion(db, versionId))!;
    const events = await readStreamEvents(db, versionId, 0, 10_000);
    const answers = (await listChatMessages(db, version.projectId)).filter((message) => message.role === 'assistant').map((message) => message.content);
    return { version, events, answers };
  }

  it('sweeps at a third of the lease, at most every 5 s', () => {
    expect(leaseSweepIntervalMs(30)).toBe(5_000);
    expect(leaseSweepIntervalMs(3)).toBe(1_000);
    expect(leaseSweepIntervalMs(1)).toBeCloseTo(333.3, 0);
  });

  it('ends only the version whose lease expired, as interrupted, with its stream closed and a chat message', async () => {
    const dead = await generatingVersion('dead-host:1:00000000');
    await expire(dead.id);
    const live = await generatingVersion();
    const pending = await pendingVersion();
    const liveBefore = await state(live.id);

    const swept = await sweepExpiredLeases(db);

    expect(swept.map((version) => version.id)).toEqual([dead.id]);
    const ended = await state(dead.id);
    expect(ended.version).toMatchObject({ status: 'failed', stopReason: 'interrupted' });
    expect(ended.version.completedAt).not.toBeNull();
    expect(ended.events.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(ended.events.at(-1)).toMatchObject({ type: 'error', reason: 'interrupted' });
    expect(swept[0]!.events).toEqual([ended.events.at(-1)]);
    expect(ended.answers).toEqual([expect.stringContaining('stopped before it was finished')]);

    expect(await state(live.id)).toEqual(liveBefore);
    expect(liveBefore.version.status).toBe('generating');
    expect(await findVersion(db, pending.id)).toMatchObject({ status: 'pending' });

    // Nothing left to sweep: a second pass writes nothing.
    expect(await sweepExpiredLeases(db)).toEqual([]);
    expect(await state(dead.id)).toEqual(ended);
  });

  it('two processes sweeping the same expired version end it once', async () => {
    const other: DatabaseHandle = await openDatabase({ kind: 'postgres', url: database.connectionUrl, maxConnections: 2 });
    try {
      const dead = await generatingVersion();
      await expire(dead.id);
      const [mine, theirs] = await Promise.all([sweepExpiredLeases(db), sweepExpiredLeases(other.db)]);
      expect([...mine, ...theirs].map((version) => version.id)).toEqual([dead.id]);
      const ended = await state(dead.id);
      expect(ended.events.filter((event) => event.type === 'error')).toHaveLength(1);
      expect(ended.answers).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('never ends a version whose owner keeps renewing, however short its lease', async () => {
    const lease = { owner: newLeaseOwner(), seconds: 0.6 };
    const version = await pendingVersion();
    await claimPendingVersion(db, version.id, lease);
    const lost = vi.fn();
    const release = keepLease(db, version.id, lease, lost);
    const stop = startLeaseSweeper({ db, intervalMs: 50 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await findVersion(db, version.id)).toMatchObject({ status: 'generating' });
      expect(lost).not.toHaveBeenCalled();
    } finally {
      await stop();
      release();
      // Its lease runs out now; the next test's sweeper must not find it.
      await finishVersion(db, version.id, { status: 'failed', stopReason: 'stopped' });
    }
  });

  it('sweeps on its interval, tells onSwept, and sweeps no more once stopped', async () => {
    const swept: SweptVersion[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stop = startLeaseSweeper({ db, intervalMs: 50, onSwept: (version) => swept.push(version) });
    try {
      const dead = await generatingVersion();
      await expire(dead.id);
      await vi.waitFor(() => expect(swept.map((version) => version.id)).toEqual([dead.id]), { timeout: 3000, interval: 20 });
      expect(swept[0]).toMatchObject({ projectId: dead.projectId, events: [expect.objectContaining({ type: 'error', reason: 'interrupted' })] });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${dead.id} ended as interrupted`));
    } finally {
      await stop();
      warn.mockRestore();
    }
    const later = await generatingVersion();
    await expire(later.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await findVersion(db, later.id)).toMatchObject({ status: 'generating' });
    expect(swept).toHaveLength(1);
  });
});
