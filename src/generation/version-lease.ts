// The lease a process holds on the version it generates, when several processes share one Postgres
// (docs/architecture.md, "Jobs"). The run claims the version under the lease and renews it while it
// works; a version whose lease has expired belongs to a process that died, and the lease sweeper
// (src/jobs/lease-sweeper.ts) ends it. A version a live process holds is never touched.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '@/db/client';
import { renewVersionLease, type VersionLease } from '@/db/stores/versions-store';

export type { VersionLease };

/** Who holds leases in this process: host, pid and a random part (a pid is reused after a restart). */
export function newLeaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Renews `lease` on `versionId` every third of its length until the returned function is called.
 * A renewal that finds the version no longer this owner's (it ended elsewhere: stopped from another
 * process, or ended by the sweeper after the lease ran out) calls `onLost` once and renews no more.
 * A renewal that throws (the database blinked) is tried again at the next tick: the lease still has
 * two more ticks of room. The timer never keeps the process alive.
 */
export function keepLease(db: Database, versionId: string, lease: VersionLease, onLost: () => void): () => void {
  const everyMs = (lease.seconds * 1000) / 3;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = () => {
    timer = setTimeout(() => void renew(), everyMs);
    timer.unref();
  };
  const renew = async () => {
    let held: boolean;
    try {
      held = await renewVersionLease(db, versionId, lease);
    } catch (error) {
      if (stopped) return;
      console.warn(`[lease] renewing the lease on ${versionId} failed; trying again in ${Math.round(everyMs)} ms:`, error);
      schedule();
      return;
    }
    if (stopped) return;
    if (!held) {
      stopped = true;
      onLost();
      return;
    }
    schedule();
  };

  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
