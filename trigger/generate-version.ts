// The Trigger.dev task behind `versions.create` in connected mode. It runs the same runGeneration,
// built by the same runtime (automatic Fix included), as the web server's embedded queue; only
// where it runs differs. Workers need DATABASE_URL: PGlite lives in one process.
import { task } from '@trigger.dev/sdk';
import { openDatabase } from '../src/db/client';
import { decideBackends, env, type Env } from '../src/env';
import { runGeneration } from '../src/generation/run-generation';
import { createGenerationRuntime } from '../src/jobs/generation-runtime';
import { GENERATE_VERSION_TASK_ID, type GenerateVersionPayload } from '../src/jobs/job-backend';

export async function runGenerateVersionTask(payload: GenerateVersionPayload, workerEnv: Env = env) {
  if (!workerEnv.DATABASE_URL) {
    throw new Error('The generate-version task needs DATABASE_URL (the Supabase Postgres connection string).');
  }
  const handle = await openDatabase({ kind: 'postgres', url: workerEnv.DATABASE_URL, maxConnections: 2 });
  try {
    // A worker hands follow-up work (the automatic Fix) back to Trigger.dev, never to a queue of its own.
    const backends = { ...decideBackends(workerEnv), jobs: 'trigger.dev' as const };
    const { deps } = createGenerationRuntime(workerEnv, backends, handle.db);
    return await runGeneration(payload.versionId, deps);
  } finally {
    await handle.close();
  }
}

export const generateVersion = task({
  id: GENERATE_VERSION_TASK_ID,
  maxDuration: 900,
  // runGeneration is idempotent (it claims only pending versions), so a retry never runs a version twice.
  retry: { maxAttempts: 2 },
  run: (payload: GenerateVersionPayload) => runGenerateVersionTask(payload),
});
