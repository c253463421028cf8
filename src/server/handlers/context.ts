// What every server function gets: the database, who is asking, and how to start work.
import type { Database } from '@/db/client';

export interface HandlerContext {
  db: Database;
  userId: string;
  /** Hands a pending version to the job backend (local queue or Trigger.dev). */
  enqueueVersion(versionId: string, projectId: string): Promise<void>;
}
