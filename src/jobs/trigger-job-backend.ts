// The connected job backend: a version is handed to the Trigger.dev task `generate-version`
// (trigger/generate-version.ts), which runs the same runGeneration in a worker. The version id is
// the idempotency key, so enqueueing twice (a retried request, a restart re-enqueueing pending
// work) starts one run; the project id is the concurrency key, so a project's versions run one at
// a time.
import { idempotencyKeys, tasks, type Task } from '@trigger.dev/sdk';
import type { Database } from '@/db/client';
import { finishVersion, listPendingVersions } from '@/db/stores/versions-store';
import { ForgeError } from '@/shared/forge-error';
import { GENERATE_VERSION_TASK_ID, type GenerateVersionPayload, type JobBackend } from './job-backend';

/** The task's type, named here so this module never imports the task (which imports the runtime). */
type GenerateVersionTask = Task<typeof GENERATE_VERSION_TASK_ID, GenerateVersionPayload, unknown>;

export interface TriggerQueueOptions {
  /** Absent inside a Trigger.dev worker, where the SDK is already configured. */
  secretKey?: string;
  /** Self-hosted Trigger.dev, or a local stand-in in tests. */
  baseURL?: string;
}

export function createTriggerEnqueuer(options: TriggerQueueOptions) {
  const requestOptions = options.secretKey ? { clientConfig: { accessToken: options.secretKey, baseURL: options.baseURL } } : undefined;
  return async function enqueueOnTrigger(versionId: string, projectId: string): Promise<{ runId: string }> {
    const idempotencyKey = await idempotencyKeys.create(versionId, { scope: 'global' });
    const handle = await tasks.trigger<GenerateVersionTask>(
      GENERATE_VERSION_TASK_ID,
      { versionId, projectId },
      { idempotencyKey, concurrencyKey: projectId, tags: [`project_${projectId}`] },
      requestOptions,
    );
    return { runId: handle.id };
  };
}

const ENQUEUE_FAILED_MESSAGE = 'The version could not be handed to the job queue';

export function createTriggerJobBackend(options: TriggerQueueOptions & { db: Database }): JobBackend {
  const enqueueOnTrigger = createTriggerEnqueuer(options);
  const enqueue = async (versionId: string, projectId: string) => {
    try {
      await enqueueOnTrigger(versionId, projectId);
    } catch (error) {
      // Ended here, or the version would wait forever for a run that was never made.
      const message = `${ENQUEUE_FAILED_MESSAGE} (Trigger.dev: ${error instanceof Error ? error.message : String(error)}). Try again.`;
      await finishVersion(options.db, versionId, { status: 'failed', stopReason: 'interrupted', error: message });
      throw new ForgeError('BAD_GATEWAY', message);
    }
  };
  return {
    kind: 'trigger.dev',
    enqueue,
    async recoverOnStart(db) {
      // Versions in flight belong to Trigger.dev workers; only never-handed-over ones are sent
      // again (the idempotency key makes that safe).
      for (const pending of await listPendingVersions(db)) await enqueue(pending.id, pending.projectId).catch(() => {});
    },
    idle: async () => {},
  };
}
