// The embedded job backend: versions run in this process, a few at a time (local-queue.ts). Its work
// list is the `pending` status in the database, so a restart finds the same versions again.
import type { Database } from '@/db/client';
import { recoverInterruptedVersions } from '@/generation/recover-interrupted';
import type { JobBackend } from './job-backend';
import { createLocalQueue } from './local-queue';

export function createLocalJobBackend(options: { concurrency: number; run: (versionId: string) => Promise<unknown> }): JobBackend {
  const queue = createLocalQueue(options);
  return {
    kind: 'local-queue',
    async enqueue(versionId) {
      queue.enqueue(versionId);
    },
    async recoverOnStart(db: Database) {
      await recoverInterruptedVersions(db, (versionId) => queue.enqueue(versionId));
    },
    idle: () => queue.idle(),
  };
}
