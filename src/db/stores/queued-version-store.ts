// A new pending version with the person's message, and its job: the version row, its chat message
// and the project's last-activity time in one transaction. Where the job queue is itself a table
// (the Postgres job backend), the job is written in that same transaction, so a version never
// exists without its job nor a job without its version; other backends get it right after the
// commit. The tRPC handlers and the automatic Fix all start versions here.
import type { Database } from '../client';
import { insertChatMessage } from './chat-store';
import { touchProject } from './projects-store';
import { insertVersion } from './versions-store';

export interface QueuedVersion {
  projectId: string;
  versionId: string;
  versionNumber: number;
}

/** How a version reaches its job backend (src/jobs/job-backend.ts implements it). */
export interface VersionEnqueuer {
  /** After the version's transaction has committed. */
  enqueue(versionId: string, projectId: string): Promise<void>;
  /** Inside it, for backends whose queue lives in the same database. */
  enqueueInTransaction?(tx: Database, versionId: string, projectId: string): Promise<void>;
}

/** Runs `insert` and the job in one transaction where the backend allows it, else hands the job over after. */
export async function withQueuedJob<T extends QueuedVersion>(db: Database, jobs: VersionEnqueuer, insert: (tx: Database) => Promise<T>): Promise<T> {
  const created = await db.transaction(async (tx) => {
    const row = await insert(tx as unknown as Database);
    await jobs.enqueueInTransaction?.(tx as unknown as Database, row.versionId, row.projectId);
    return row;
  });
  if (!jobs.enqueueInTransaction) await jobs.enqueue(created.versionId, created.projectId);
  return created;
}

/** Throws Postgres' unique violation when another version of the project is already active. */
export function queueVersion(
  db: Database,
  input: { projectId: string; prompt: string; baseVersionId: string | null; fixOfVersionId: string | null },
  jobs: VersionEnqueuer,
): Promise<QueuedVersion> {
  return withQueuedJob(db, jobs, async (tx) => {
    const version = await insertVersion(tx, input);
    await insertChatMessage(tx, { projectId: input.projectId, versionId: version.id, role: 'user', content: input.prompt });
    await touchProject(tx, input.projectId);
    return { projectId: input.projectId, versionId: version.id, versionNumber: version.versionNumber };
  });
}
