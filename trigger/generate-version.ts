// The Trigger.dev task behind `versions.create` in connected mode. It runs the same runGeneration
// as the local queue; only where it runs differs. Workers need DATABASE_URL: PGlite lives in one process.
import { task } from '@trigger.dev/sdk';
import { runGeneration } from '../src/generation/run-generation';
import { openDatabase } from '../src/db/client';
import { decideBackends, env, type Env } from '../src/env';
import { createGenerationDeps } from '../src/server/app-services';

export interface GenerateVersionPayload {
  versionId: string;
  projectId: string;
}

export async function runGenerateVersionTask(payload: GenerateVersionPayload, workerEnv: Env = env) {
  if (!workerEnv.DATABASE_URL) {
    throw new Error('The generate-version task needs DATABASE_URL (the Supabase Postgres connection string).');
  }
  const handle = await openDatabase({ kind: 'postgres', url: workerEnv.DATABASE_URL, maxConnections: 2 });
  try {
    return await runGeneration(payload.versionId, createGenerationDeps(workerEnv, decideBackends(workerEnv), handle.db));
  } finally {
    await handle.close();
  }
}

export const generateVersion = task({
  id: 'generate-version',
  maxDuration: 900,
  // runGeneration is idempotent (it claims only pending versions), so a retry never runs a version twice.
  retry: { maxAttempts: 2 },
  run: (payload: GenerateVersionPayload) => runGenerateVersionTask(payload),
});
