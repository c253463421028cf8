// At start-up nothing may stay stuck: versions a dead process was generating are marked
// failed ("interrupted"), and pending ones go back on the queue.
import type { Database } from '@/db/client';
import { insertChatMessage } from '@/db/stores/chat-store';
import { findVersion, listVersionIdsWithStatus } from '@/db/stores/versions-store';
import { endVersionWithEvents } from './end-version';

const INTERRUPTED_MESSAGE = 'The server stopped while this version was being generated, so it was not finished. Send the prompt again to retry.';

export async function recoverInterruptedVersions(db: Database, enqueue: (versionId: string) => void): Promise<{ requeued: number; interrupted: number }> {
  const interruptedIds = await listVersionIdsWithStatus(db, ['generating', 'validating']);
  for (const versionId of interruptedIds) {
    // The stream ends too, or a watching client would wait forever.
    const ended = await endVersionWithEvents(db, versionId, { status: 'failed', stopReason: 'interrupted', error: INTERRUPTED_MESSAGE }, [
      { type: 'error', message: INTERRUPTED_MESSAGE, reason: 'interrupted' },
    ]);
    const version = ended ? await findVersion(db, versionId) : undefined;
    if (version) await insertChatMessage(db, { projectId: version.projectId, versionId, role: 'assistant', content: INTERRUPTED_MESSAGE });
  }
  const pendingIds = await listVersionIdsWithStatus(db, ['pending']);
  for (const versionId of pendingIds) enqueue(versionId);
  return { requeued: pendingIds.length, interrupted: interruptedIds.length };
}
