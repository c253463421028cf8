// Keeps on the version what its run did before writing code ("Read src/index.ts and 9 more files",
// "Planned 5 files"). The stream events that say the same are pruned with the buffer, and the chat
// shows these lines for every version, not only the one it followed.
import type { Database } from '@/db/client';
import { recordVersionActivity } from '@/db/stores/versions-store';
import type { VersionActivityRecord } from '@/types/versioning';

export interface ActivityRecorder {
  record(activity: VersionActivityRecord): void;
  /** Resolves once every write started so far has landed or failed; the version ends after it. */
  settled(): Promise<void>;
}

export function createActivityRecorder(db: Database, versionId: string): ActivityRecorder {
  const writes: Array<Promise<void>> = [];
  return {
    // Not awaited where it happens: the stream goes on while the line is saved. A lost line is a
    // quieter chat, never a failed version.
    record(activity) {
      writes.push(recordVersionActivity(db, versionId, activity).catch((error: unknown) => console.warn(`[generation] ${versionId}: activity not saved:`, error)));
    },
    async settled() {
      await Promise.all(writes);
    },
  };
}
