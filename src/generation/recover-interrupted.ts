// At start-up nothing may stay stuck (DESIGN §2): versions a dead process was generating are marked
// failed ("interrupted"), and pending ones go back on the queue.
import type { Database } from '@/server/db/client';
import { insertChatMessage } from '@/server/store/chat-store';
import { insertStreamEvents, lastStreamSeq } from '@/server/store/stream-buffer-store';
import { findVersion, finishVersion, listVersionIdsWithStatus } from '@/server/store/versions-store';

const INTERRUPTED_MESSAGE = 'The server stopped while this version was being generated, so it was not finished. Send the prompt again to retry.';

export async function recoverInterruptedVersions(db: Database, enqueue: (versionId: string) => void): Promise<{ requeued: number; interrupted: number }> {
  const interruptedIds = await listVersionIdsWithStatus(db, ['generating', 'validating']);
  for (const versionId of interruptedIds) {
    if (!(await finishVersion(db, versionId, { status: 'failed', stopReason: 'interrupted', error: INTERRUPTED_MESSAGE }))) continue;
    const version = await findVersion(db, versionId);
    // The stream must end too, or a watching client would wait forever.
    const seq = (await lastStreamSeq(db, versionId)) + 1;
    await insertStreamEvents(db, [
      { type: 'error', message: INTERRUPTED_MESSAGE, reason: 'interrupted', versionId, seq, at: new Date().toISOString() },
    ]);
    if (version) await insertChatMessage(db, { projectId: version.projectId, versionId, role: 'assistant', content: INTERRUPTED_MESSAGE });
  }
  const pendingIds = await listVersionIdsWithStatus(db, ['pending']);
  for (const versionId of pendingIds) enqueue(versionId);
  return { requeued: pendingIds.length, interrupted: interruptedIds.length };
}
