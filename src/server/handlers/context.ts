// What every server function gets: the database, who is asking, and how to start work.
import type { Database } from '@/db/client';
import type { VersionEnqueuer } from '@/db/stores/queued-version-store';

export interface HandlerContext {
  db: Database;
  userId: string;
  /** The job backend that runs new versions (embedded queue, Postgres or Trigger.dev). */
  jobs: VersionEnqueuer;
}
