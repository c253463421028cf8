// With the Postgres job backend, several processes share the versions; none may sweep "everything
// generating" at start-up as the embedded queue does, because another live process may be running
// it (a rolling start would kill every run in flight). Instead every process (web servers and
// workers) runs this sweeper: it ends only versions whose lease has expired, i.e. whose owner stopped
// renewing it (src/generation/version-lease.ts) because it died or lost the database for a whole
// lease. A version a live process holds, and a pending one, are never touched.
//
// Such a version ends failed (`interrupted`), as at an embedded start-up, and is not run again:
// its stream already showed part of the output, and a second run would append its events to the
// same stream after them (typing the code twice); the model call may have cost money already; and
// the person gets a clear "interrupted" with Retry one click away.
//
// A run that was only slow, not dead, and renews after the sweep finds the version ended: its
// renewal fails and it stops without writing anything more.
import type { StreamEvent } from '@/types/streaming';
import type { Database } from '@/db/client';
import { listExpiredLeaseVersions } from '@/db/stores/versions-store';
import { endInterrupted } from '@/generation/recover-interrupted';

/** How often to sweep: a third of a lease, at most every 5 s. */
export function leaseSweepIntervalMs(leaseSeconds: number): number {
  return Math.min(5_000, (leaseSeconds * 1000) / 3);
}

export interface SweptVersion {
  id: string;
  projectId: string;
  /** The events that ended it (its terminal `error`). */
  events: StreamEvent[];
}

/** Ends every version whose lease has expired; returns those this call ended (another sweeper may win one). */
export async function sweepExpiredLeases(db: Database): Promise<SweptVersion[]> {
  const swept: SweptVersion[] = [];
  for (const version of await listExpiredLeaseVersions(db)) {
    const events = await endInterrupted(db, version.id);
    if (events) swept.push({ id: version.id, projectId: version.projectId, events });
  }
  return swept;
}

export interface LeaseSweeperOptions {
  db: Database;
  intervalMs: number;
  /** Each version the sweeper ended, to wake long-polls and tell Realtime subscribers. */
  onSwept?: (version: SweptVersion) => void;
}

/**
 * Sweeps every `intervalMs` (one sweep at a time; the timer never keeps the process alive). The
 * returned function stops it, after the sweep under way if any, so the database can then close.
 */
export function startLeaseSweeper(options: LeaseSweeperOptions): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const sweep = async () => {
    try {
      for (const version of await sweepExpiredLeases(options.db)) {
        console.warn(`[lease] ${version.id} ended as interrupted: its owner stopped renewing its lease`);
        options.onSwept?.(version);
      }
    } catch (error) {
      console.warn('[lease] sweeping expired leases failed; trying again at the next interval:', error);
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      running = sweep().then(() => {
        if (!stopped) schedule();
      });
    }, options.intervalMs);
    timer.unref();
  };

  schedule();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
