// Wires the ports to their adapters once per process (DESIGN §1). Next's HMR re-imports modules,
// so the instance lives on globalThis: a second PGlite on the same folder would lose data.
import { env, backends, type Backends, type Env } from '@/env';
import { openDatabase, type Database, type DatabaseHandle } from '@/db/client';
import { applyMigrations } from '@/db/migrate';
import { notifyStreamAppended } from './stream/stream-notifier';
import { pruneStreamBuffer } from '@/db/stores/stream-buffer-store';
import { createLocalQueue, type LocalQueue } from '@/generation/queue/local-queue';
import { runGeneration, type GenerationDeps } from '@/generation/run-generation';
import { recoverInterruptedVersions } from '@/generation/recover-interrupted';
import { createModel } from '@/generation/models/create-model';
import { createSandbox } from '@/generation/sandbox/create-sandbox';
import { cleanStaleSandboxDirs } from '@/generation/sandbox/workspace';
import { createTriggerEnqueuer } from '@/generation/queue/trigger-queue';
import { envFingerprint } from '@/preview/env-fingerprint';
import { createPreviewRuntime, type PreviewRuntime } from '@/preview/create-preview-runtime';
import type { PreviewAdapter } from '@/preview/preview-adapter';
import type { PreviewManager } from '@/preview/preview-manager';
import { ForgeError } from '@/shared/forge-error';
import { createStreamBroadcaster } from './realtime/broadcast';
import { fixVersion } from './handlers/versions';
import { findProjectById } from '@/db/stores/projects-store';
import { finishVersion, listPendingVersions } from '@/db/stores/versions-store';

export interface AppServices {
  env: Env;
  handle: DatabaseHandle;
  db: Database;
  backends: Backends;
  queue: LocalQueue;
  generationDeps: GenerationDeps;
  /** This process's live previews of versions and the console's limits. */
  previews: PreviewRuntime;
  enqueueVersion(versionId: string, projectId: string): Promise<void>;
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

/**
 * What runGeneration needs, for this process's queue or a Trigger.dev worker alike. `previews` is
 * given only where validation runs in the process that serves the previews (the local queue): a
 * validated server then becomes the version's preview instead of being started again.
 */
export function createGenerationDeps(env: Env, chosen: Backends, db: Database, previews?: PreviewManager): GenerationDeps {
  const sandbox = createSandbox(env, chosen);
  return {
    db,
    model: createModel(env, chosen),
    sandbox: sandbox.adapter,
    sandboxSkipReason: sandbox.skipReason,
    onEventsWritten: notifyStreamAppended,
    broadcast: createStreamBroadcaster(env, chosen),
    ...(previews
      ? { offerPreview: (offer, api) => previews.adopt({ versionId: offer.versionId, versionNumber: offer.versionNumber, envFingerprint: envFingerprint(offer.env) }, api) }
      : {}),
  };
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
  const inProcessJobs = options.backends.jobs === 'local-queue';
  const generationDeps = createGenerationDeps(options.env, options.backends, handle.db, inProcessJobs ? previews.manager : undefined);
  if (options.backends.sandbox === 'local' && options.maintenance !== false) {
    // Temp dirs (and processes) of validations that a crashed server left behind.
    await cleanStaleSandboxDirs().catch((error: unknown) => console.warn('[sandbox] cleaning stale dirs failed:', error));
  }
  const queue = createLocalQueue({
    concurrency: options.env.FORGE_QUEUE_CONCURRENCY,
    run: (versionId) => runGeneration(versionId, generationDeps),
  });
  const enqueueVersion = createEnqueuer(options, handle.db, queue);
  if (options.backends.model !== 'offline' && options.env.FORGE_AUTO_FIX === 'on') {
    generationDeps.onValidationFailed = async (version) => {
      if (version.fixOfVersionId) return; // never a fix of a fix
      const project = await findProjectById(handle.db, version.projectId);
      if (project) await fixVersion({ db: handle.db, userId: project.ownerId, enqueueVersion }, { versionId: version.id });
    };
  }
  if (options.backends.jobs === 'local-queue') {
    await recoverInterruptedVersions(handle.db, (versionId) => queue.enqueue(versionId));
  } else {
    // Versions in flight belong to Trigger.dev workers; only never-handed-over ones are sent again
    // (the idempotency key makes that safe).
    for (const pending of await listPendingVersions(handle.db)) await enqueueVersion(pending.id, pending.projectId).catch(() => {});
  }

  const timers: NodeJS.Timeout[] = [];
  if (options.maintenance !== false) {
    const retentionMs = options.env.FORGE_BUFFER_RETENTION_MINUTES * 60_000;
    const prune = () => pruneStreamBuffer(handle.db, new Date(Date.now() - retentionMs)).catch((error: unknown) => console.warn('[stream] prune failed:', error));
    timers.push(setInterval(prune, Math.min(retentionMs, 10 * 60_000)).unref());
  }

  return {
    env: options.env,
    handle,
    db: handle.db,
    backends: options.backends,
    queue,
    generationDeps,
    previews,
    enqueueVersion,
    async close() {
      for (const timer of timers) clearInterval(timer);
      await queue.idle();
      await previews.close();
      if (!options.handle) await handle.close();
    },
  };
}

const ENQUEUE_FAILED_MESSAGE = 'The version could not be handed to the job queue';

/** Local queue or Trigger.dev; a version that cannot be handed over ends failed instead of waiting forever. */
function createEnqueuer(options: AppServicesOptions, db: Database, queue: LocalQueue): AppServices['enqueueVersion'] {
  if (options.backends.jobs === 'local-queue') return async (versionId) => queue.enqueue(versionId);
  const enqueueOnTrigger = createTriggerEnqueuer({ secretKey: options.env.TRIGGER_SECRET_KEY!, baseURL: options.env.TRIGGER_API_URL });
  return async (versionId, projectId) => {
    try {
      await enqueueOnTrigger(versionId, projectId);
    } catch (error) {
      const message = `${ENQUEUE_FAILED_MESSAGE} (Trigger.dev: ${error instanceof Error ? error.message : String(error)}). Try again.`;
      await finishVersion(db, versionId, { status: 'failed', stopReason: 'interrupted', error: message });
      throw new ForgeError('BAD_GATEWAY', message);
    }
  };
}

const SERVICES_KEY = Symbol.for('api-forge.app-services');
type GlobalWithServices = typeof globalThis & { [SERVICES_KEY]?: Promise<AppServices> };

/** The process-wide services, opened on first use. */
export function getAppServices(): Promise<AppServices> {
  const holder = globalThis as GlobalWithServices;
  holder[SERVICES_KEY] ??= createAppServices({ env, backends }).catch((error: unknown) => {
    delete holder[SERVICES_KEY];
    throw error;
  });
  return holder[SERVICES_KEY];
}
