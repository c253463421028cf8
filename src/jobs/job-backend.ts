// Where pending versions are generated: one interface, with the embedded queue, the Postgres queue
// (graphile-worker) and Trigger.dev side by side (docs/architecture.md, "Jobs"). The web server and
// the workers pick one through createJobBackend; nothing else knows which one runs.
import type { Database } from '@/db/client';
import type { VersionEnqueuer } from '@/db/stores/queued-version-store';
import type { Backends } from '@/env';

export interface JobBackend extends VersionEnqueuer {
  readonly kind: Backends['jobs'];
  /** At start-up: takes up the versions an earlier process left queued or half done. */
  recoverOnStart(db: Database): Promise<void>;
  /** Resolves once this process runs no version (tests, shutdown); at once where workers run them. */
  idle(): Promise<void>;
  /** Stops taking work and lets go of what the backend holds (its runner, its pool); before the database closes. */
  close?(): Promise<void>;
}

/** What the Trigger.dev task `generate-version` receives. */
export interface GenerateVersionPayload {
  versionId: string;
  projectId: string;
}

export const GENERATE_VERSION_TASK_ID = 'generate-version';
