// The web server's wiring, once per process: the database, the generation runtime with its job
// backend, the previews and the maintenance timers (docs/architecture.md, "Wiring"). Next's dev
// server evaluates modules again after an edit, so the instance is a process singleton: a second
// PGlite on the same folder would lose data.
import 'server-only';
import { env, backends, type Backends, type Env } from '@/env';
import { openDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { pruneStreamBuffer } from '@/db/stores/stream-buffer-store';
import type { GenerationDeps } from '@/generation/run-generation';
import { cleanStaleSandboxDirs } from '@/generation/sandbox/workspace';
import { createGenerationRuntime } from '@/jobs/generation-runtime';
import type { JobBackend } from '@/jobs/job-backend';
import { createPreviewRuntime, type PreviewRuntime } from '@/preview/create-preview-runtime';
import type { PreviewAdapter } from '@/preview/preview-adapter';
import { createStreamSignal } from '@/stream/postgres-stream-signal';
import { forgetProcessSingleton, processSingleton } from '@/shared/process-singleton';

export interface AppServices {
  env: Env;
  handle: DatabaseHandle;
  db: Database;
  backends: Backends;
  /** Where versions are generated: this process's queue, the Postgres queue or Trigger.dev. */
  jobs: JobBackend;
  generationDeps: GenerationDeps;
  /** This process's live previews of versions and the console's limits. */
  previews: PreviewRuntime;
  close(): Promise<void>;
}

export interface AppServicesOptions {
  env: Env;
  backends: Backends;
  /** An already-open database (tests); otherwise opened from env. */
  handle?: DatabaseHandle;
  /** Tests turn off the periodic buffer pruning. */
  maintenance?: boolean;
  /** Tests start previews their own way (a server in the test process instead of npm). */
  previewAdapter?: PreviewAdapter;
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const handle =
    options.handle ??
    (await openDatabase(
      options.env.DATABASE_URL
        ? { kind: 'postgres', url: options.env.DATABASE_URL }
        : { kind: 'pglite', dataDir: options.env.FORGE_DATA_DIR },
    ));
  if (!options.handle && handle.kind === 'pglite') await applyMigrations(handle);

  const previews = createPreviewRuntime(options.env, options.backends, {
    timers: options.maintenance !== false,
    ...(options.previewAdapter ? { adapter: options.previewAdapter } : {}),
  });
  // Validation hands its server over as the preview only when it ran in this process.
  const inProcessJobs = options.backends.jobs === 'local-queue' || (options.backends.jobs === 'postgres' && options.env.FORGE_WORKER === 'on');
  const { deps: generationDeps, jobs, leasesReady, closeLeases } = createGenerationRuntime(options.env, options.backends, handle.db, {
    ...(inProcessJobs ? { previews: previews.manager } : {}),
    notify: handle.notify,
    // Postgres jobs: a stop in another web server aborts this process's run at once.
    listen: handle.listen,
  });
  // Several processes share the database: their writers wake this server's long-polls through NOTIFY.
  // Without the LISTEN the long-poll's re-check still sees their events, a second later.
  const stopStreamListener =
    options.backends.jobs === 'postgres'
      ? await createStreamSignal(handle)
          .listen()
          .catch((error: unknown) => {
            console.warn('[stream] LISTEN failed; long-polls see other processes\' events at their re-check:', error);
            return undefined;
          })
      : undefined;
  if (options.backends.sandbox === 'local' && options.maintenance !== false) {
    // Temp dirs (and processes) of validations that a crashed server left behind.
    await cleanStaleSandboxDirs().catch((error: unknown) => console.warn('[sandbox] cleaning stale dirs failed:', error));
  }
  await leasesReady;
  await jobs.recoverOnStart(handle.db);
  const timers = options.maintenance !== false ? startMaintenance(options.env, handle.db) : [];

  return {
    env: options.env,
    handle,
    db: handle.db,
    backends: options.backends,
    jobs,
    generationDeps,
    previews,
    async close() {
      for (const timer of timers) clearInterval(timer);
      await stopStreamListener?.().catch(() => {});
      // Postgres jobs: this process's runner takes no new job and lets the running ones finish.
      await jobs.close?.();
      await jobs.idle();
      await closeLeases();
      await previews.close();
      if (!options.handle) await handle.close();
    },
  };
}

/** Completed versions' stream_buffer rows are pruned after the retention time. */
function startMaintenance(config: Env, db: Database): NodeJS.Timeout[] {
  const retentionMs = config.FORGE_BUFFER_RETENTION_MINUTES * 60_000;
  const prune = () => pruneStreamBuffer(db, new Date(Date.now() - retentionMs)).catch((error: unknown) => console.warn('[stream] prune failed:', error));
  return [setInterval(prune, Math.min(retentionMs, 10 * 60_000)).unref()];
}

/** The process-wide services, opened on first use. */
export function getAppServices(): Promise<AppServices> {
  return processSingleton('appServices', () =>
    createAppServices({ env, backends }).catch((error: unknown) => {
      forgetProcessSingleton('appServices');
      throw error;
    }),
  );
}
