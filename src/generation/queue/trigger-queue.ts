// The connected job backend: `versions.create` hands the version to the Trigger.dev task
// `generate-version`. The version id is the idempotency key, so enqueueing twice (a retried request,
// a restart re-enqueueing pending work) starts one run; the project id is the concurrency key, so a
// project's versions run one at a time.
import { idempotencyKeys, tasks } from '@trigger.dev/sdk';
import type { generateVersion } from '../../../trigger/generate-version';

export interface TriggerQueueOptions {
  secretKey: string;
  /** Self-hosted Trigger.dev, or a local stand-in in tests. */
  baseURL?: string;
}

export function createTriggerEnqueuer(options: TriggerQueueOptions) {
  return async function enqueueOnTrigger(versionId: string, projectId: string): Promise<{ runId: string }> {
    const idempotencyKey = await idempotencyKeys.create(versionId, { scope: 'global' });
    const handle = await tasks.trigger<typeof generateVersion>(
      'generate-version',
      { versionId, projectId },
      { idempotencyKey, concurrencyKey: projectId, tags: [`project_${projectId}`] },
      { clientConfig: { accessToken: options.secretKey, baseURL: options.baseURL } },
    );
    return { runId: handle.id };
  };
}
