// `npm run worker`: a process that only generates versions, taking them from the Postgres job queue
// (./postgres-job-backend.ts) beside the web servers, which then need not run any (FORGE_WORKER=off).
// Our schema is the operator's to migrate (`npm run db:migrate`); graphile-worker installs its own.
import { openDatabase } from '@/db/client';
import { backends, env } from '@/env';
import { cleanStaleSandboxDirs } from '@/generation/sandbox/workspace';
import { createGenerationRuntime } from './generation-runtime';

function refuse(message: string): never {
  console.error(`[worker] ${message}`);
  process.exit(1);
}

if (!env.DATABASE_URL) refuse('DATABASE_URL is not set: workers take their jobs from a shared Postgres (the embedded PGlite lives in one process).');
if (backends.jobs !== 'postgres') refuse(`jobs go to ${backends.jobs} here (TRIGGER_SECRET_KEY is set), so this worker would get none.`);

const handle = await openDatabase({ kind: 'postgres', url: env.DATABASE_URL });
let runtime: ReturnType<typeof createGenerationRuntime>;
try {
  runtime = createGenerationRuntime(env, backends, handle.db, { runWorker: true, listen: handle.listen, notify: handle.notify });
  // Run dirs (and processes) of validations that a crashed process on this machine left behind.
  if (backends.sandbox === 'local') await cleanStaleSandboxDirs().catch((error: unknown) => console.warn('[sandbox] cleaning stale dirs failed:', error));
  await runtime.leasesReady;
  await runtime.jobs.recoverOnStart(handle.db);
} catch (error) {
  refuse(`could not start: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(`[worker] running up to ${env.FORGE_QUEUE_CONCURRENCY} generations (pid ${process.pid})`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) {
    // A second signal: leave now; the leases of the runs cut short expire and the sweepers end them.
    console.warn(`[worker] ${signal} again: exiting without waiting for the running generations`);
    process.exit(1);
  }
  stopping = true;
  console.log(`[worker] ${signal}: taking no new jobs, finishing the running generations`);
  try {
    await runtime.jobs.close?.();
    await runtime.closeLeases();
    await handle.close();
    process.exit(0);
  } catch (error) {
    console.error('[worker] stopping failed:', error);
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
