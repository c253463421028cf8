// `versions.stop` across processes: the process that ends a version it does not run says so on a
// Postgres channel, and the process that runs it aborts the run without writing anything more
// (`ENDED_BY_STOP`, as for a stop in the same process). Best effort: a run that misses the signal
// still stops at its next lease renewal (src/generation/version-lease.ts), which finds the version
// ended.
import { sql } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '@/db/client';
import { abortGeneration, ENDED_BY_STOP } from './active-generations';

export const VERSION_STOP_CHANNEL = 'forge_version_stop';

/** Tells every process on the database that `versionId` has ended; the payload is the id. */
export async function announceVersionStop(db: Database, versionId: string): Promise<void> {
  await db.execute(sql`select pg_notify(${VERSION_STOP_CHANNEL}, ${versionId})`);
}

/**
 * Aborts this process's run of each version announced as ended. Resolves once listening; the
 * returned function stops listening.
 */
export function listenForVersionStops(listen: DatabaseHandle['listen']): Promise<() => Promise<void>> {
  return listen(VERSION_STOP_CHANNEL, (versionId) => {
    abortGeneration(versionId, ENDED_BY_STOP);
  });
}
