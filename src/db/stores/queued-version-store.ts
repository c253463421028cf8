// A new pending version with the person's message, in one transaction: the version row, its chat
// message and the project's last-activity time. Both the tRPC handlers and the automatic Fix start
// versions this way; the caller then hands the version to the job backend.
import type { Database } from '../client';
import { insertChatMessage } from './chat-store';
import { touchProject } from './projects-store';
import { insertVersion } from './versions-store';

export interface QueuedVersion {
  projectId: string;
  versionId: string;
  versionNumber: number;
}

/** Throws Postgres' unique violation when another version of the project is already active. */
export function insertQueuedVersion(
  db: Database,
  input: { projectId: string; prompt: string; baseVersionId: string | null; fixOfVersionId: string | null },
): Promise<QueuedVersion> {
  return db.transaction(async (tx) => {
    const version = await insertVersion(tx, input);
    await insertChatMessage(tx, { projectId: input.projectId, versionId: version.id, role: 'user', content: input.prompt });
    await touchProject(tx, input.projectId);
    return { projectId: input.projectId, versionId: version.id, versionNumber: version.versionNumber };
  });
}
