// Leases on real Postgres (the Postgres job backend shares one database between processes): a run
// keeps renewing its lease, a database blip is not fatal, and a run whose version ended elsewhere
// (stopped from another process, or swept) learns it at its next renewal and writes nothing more.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db/client';
import { listChatMessages } from '@/db/stores/chat-store';
import { readStreamEvents } from '@/db/stores/stream-buffer-store';
import { claimPendingVersion, findVersion, finishVersion, renewVersionLease, type VersionLease } from '@/db/stores/versions-store';
import { openPostgresTestDatabase, postgresSkipReason, postgresTestUrl } from '@/test/test-database';
import { STOPPED_MESSAGE } from './active-generations';
import { endVersionWithEvents } from './end-version';
import { runGeneration } from './run-generation';
import { keepLease, newLeaseOwner } from './version-lease';
import { endlessModel, insertPendingVersion } from '@/test/lease-fixtures';

vi.mock('@/db/stores/versions-store', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/db/stores/versions-store')>();
  return { ...actual, renewVersionLease: vi.fn(actual.renewVersionLease) };
});

describe.skipIf(!postgresTestUrl)(`version leases${postgresTestUrl ? '' : ` (${postgresSkipReason})`}`, () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let db: Database;
  beforeAll(async () => {
    database = await openPostgresTestDatabase();
    db = database.db;
  });
  afterAll(() => database?.close());

  const pendingVersion = () => insertPendingVersion(db, 'leases');

  async function claimedVersion(lease: VersionLease) {
    const version = await pendingVersion();
    expect(await claimPendingVersion(db, version.id, lease)).toMatchObject({ status: 'generating', leaseOwner: lease.owner });
    return version;
  }

  async function leaseExpiry(versionId: string): Promise<number> {
    const [row] = await database.query<{ expires: Date }>('select lease_expires_at as expires from api_versions where id = $1', [versionId]);
    return new Date(row!.expires).getTime();
  }

  it('names an owner after the host and the process', () => {
    expect(newLeaseOwner()).toMatch(new RegExp(`:${process.pid}:[0-9a-f]{8}$`));
    expect(newLeaseOwner()).not.toBe(newLeaseOwner());
  });

  it('renews a claimed version\'s lease every third of it, until stopped', async () => {
    const lease = { owner: newLeaseOwner(), seconds: 0.6 };
    const version = await claimedVersion(lease);
    const claimedUntil = await leaseExpiry(version.id);
    const onLost = vi.fn();
    const stop = keepLease(db, version.id, lease, onLost);
    try {
      await vi.waitFor(async () => expect(await leaseExpiry(version.id)).toBeGreaterThan(claimedUntil + 300), { timeout: 3000, interval: 50 });
      // Past the first lease: only renewals kept it.
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await leaseExpiry(version.id)).toBeGreaterThan(Date.now() - 250);
    } finally {
      stop();
    }
    const stoppedAt = await leaseExpiry(version.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await leaseExpiry(version.id)).toBe(stoppedAt);
    expect(onLost).not.toHaveBeenCalled();
  });

  it('tries a renewal that threw again at the next tick', async () => {
    const lease = { owner: newLeaseOwner(), seconds: 0.6 };
    const version = await claimedVersion(lease);
    const renew = vi.mocked(renewVersionLease);
    renew.mockClear();
    renew.mockRejectedValueOnce(new Error('connection reset'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onLost = vi.fn();
    const stop = keepLease(db, version.id, lease, onLost);
    try {
      const before = await leaseExpiry(version.id);
      await vi.waitFor(async () => expect(await leaseExpiry(version.id)).toBeGreaterThan(before), { timeout: 3000, interval: 50 });
      expect(renew.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`renewing the lease on ${version.id} failed`), expect.any(Error));
      expect(onLost).not.toHaveBeenCalled();
    } finally {
      stop();
      warn.mockRestore();
    }
  });

  it('calls onLost once, and renews no more, when the version ended elsewhere', async () => {
    const lease = { owner: newLeaseOwner(), seconds: 0.6 };
    const version = await claimedVersion(lease);
    const onLost = vi.fn();
    const stop = keepLease(db, version.id, lease, onLost);
    try {
      expect(await finishVersion(db, version.id, { status: 'failed', stopReason: 'stopped', error: STOPPED_MESSAGE })).toBe(true);
      await vi.waitFor(() => expect(onLost).toHaveBeenCalledTimes(1), { timeout: 3000, interval: 20 });
      const renew = vi.mocked(renewVersionLease);
      const calls = renew.mock.calls.filter(([, id]) => id === version.id).length;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(renew.mock.calls.filter(([, id]) => id === version.id).length).toBe(calls);
      expect(onLost).toHaveBeenCalledTimes(1);
    } finally {
      stop();
    }
  });

  it('a renewal is refused to another owner, and after the version was taken over', async () => {
    const lease = { owner: newLeaseOwner(), seconds: 30 };
    const version = await claimedVersion(lease);
    expect(await renewVersionLease(db, version.id, lease)).toBe(true);
    expect(await renewVersionLease(db, version.id, { owner: newLeaseOwner(), seconds: 30 })).toBe(false);
    await database.query('update api_versions set lease_owner = $2 where id = $1', [version.id, 'someone-else']);
    expect(await renewVersionLease(db, version.id, lease)).toBe(false);
  });

  it('a run whose version is ended by another process stops at its next renewal and writes nothing more', async () => {
    const version = await pendingVersion();
    const lease = { owner: newLeaseOwner(), seconds: 0.6 };
    const running = runGeneration(version.id, { db, model: endlessModel(), sandbox: null, sandboxSkipReason: 'test', flushIntervalMs: 20, lease });
    // The run is writing code when the other process ends the version (as versions.stop does there).
    await vi.waitFor(async () => expect((await readStreamEvents(db, version.id, 0, 10_000)).some((event) => event.type === 'code:chunk')).toBe(true), {
      timeout: 5000,
      interval: 20,
    });
    expect(await findVersion(db, version.id)).toMatchObject({ status: 'generating', leaseOwner: lease.owner });
    const ending = await endVersionWithEvents(db, version.id, { status: 'failed', stopReason: 'stopped', error: STOPPED_MESSAGE }, [
      { type: 'error', message: STOPPED_MESSAGE, reason: 'stopped' },
    ]);
    expect(ending).not.toBeNull();
    const endedAt = Date.now();

    // No signal reaches this run (nothing listens here): its lease renewal is what stops it.
    expect(await running).toEqual({ status: 'failed', stopReason: 'stopped' });
    expect(Date.now() - endedAt).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const events = await readStreamEvents(db, version.id, 0, 10_000);
    expect(events.at(-1)).toEqual(ending!.at(-1));
    expect(events.filter((event) => event.type === 'error')).toHaveLength(1);
    expect(await findVersion(db, version.id)).toMatchObject({ status: 'failed', stopReason: 'stopped' });
    // The run wrote no chat message of its own.
    expect((await listChatMessages(db, version.projectId)).filter((message) => message.role === 'assistant')).toEqual([]);
  });
});
