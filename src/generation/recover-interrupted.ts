// At start-up nothing may stay stuck: versions a dead process was generating are marked
// failed ("interrupted"), and pending ones go back on the queue. The lease sweeper
// (src/jobs/lease-sweeper.ts) ends a version the same way once its owner's lease has expired.
import type { StreamEvent } from '@/types/streaming';
import type { Database } from '@/db/client';
import { insertChatMessage } from '@/db/stores/chat-store';
import { findVersion, listVersionIdsWithStatus } from '@/db/stores/versions-store';
import { endVersionWithEvents } from './end-version';

const INTERRUPTED_MESSAGE = 'The server or worker generating this version stopped before it was finished. Send the prompt again to retry.';

/**
 * Ends a version whose run died failed (`interrupted`), with a terminal `error` event (or a watching
 * client would wait forever) and the chat message that says so. Returns the events written, or null
 * when the version had already ended (nothing is written then).
 */
export async function endInterrupted(db: Database, versionId: string): Promise<StreamEvent[] | null> {
  const ended = await endVersionWithEvents(db, versionId, { status: 'failed', stopReason: 'interrupted', error: INTERRUPTED_MESSAGE }, [
    { type: 'error', message: INTERRUPTED_MESSAGE, reason: 'interrupted' },
  ]);
  const version = ended ? await findVersion(db, versionId) : undefined;
  if (version) await insertChatMessage(db, { projectId: version.projectId, versionId, role: 'assistant', content: INTERRUPTED_MESSAGE });
  return ended;
}

export async function recoverInterruptedVersions(db: Database, enqueue: (versionId: string) => void): Promise<{ requeued: number; interrupted: number }> {
  const interruptedIds = await listVersionIdsWithStatus(db, ['generating', 'validating']);
  for (const versionId of interruptedIds) await endInterrupted(db, versionId);
  const pendingIds = await listVersionIdsWithStatus(db, ['pending']);
  for (const versionId of pendingIds) enqueue(versionId);
  return { requeued: pendingIds.length, interrupted: interruptedIds.length };
}
