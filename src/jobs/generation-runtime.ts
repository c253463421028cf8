// Everything a generation needs, built once from env for the process that runs it: the web server
// (embedded queue) and a Trigger.dev worker alike, so both get the same model, sandbox, stream
// delivery and automatic Fix (docs/architecture.md, "Jobs").
import type { Database, DatabaseHandle } from '@/db/client';
import { modelPrices, type Backends, type Env } from '@/env';
import { startAutomaticFix } from '@/generation/auto-fix';
import { announceEnding } from '@/generation/end-version';
import { createModel } from '@/generation/models/create-model';
import { runGeneration, type GenerationDeps } from '@/generation/run-generation';
import { createSandbox } from '@/generation/sandbox/create-sandbox';
import { newLeaseOwner } from '@/generation/version-lease';
import { listenForVersionStops } from '@/generation/version-stop-signal';
import { envFingerprint } from '@/preview/env-fingerprint';
import type { PreviewManager } from '@/preview/preview-manager';
import { notifyStreamAppended } from '@/stream/stream-notifier';
import { createStreamSignal } from '@/stream/postgres-stream-signal';
import { createStreamBroadcaster } from '@/stream/supabase-broadcaster';
import type { JobBackend } from './job-backend';
import { leaseSweepIntervalMs, startLeaseSweeper } from './lease-sweeper';
import { createLocalJobBackend } from './local-job-backend';
import { createPostgresJobBackend } from './postgres-job-backend';
import { createTriggerJobBackend } from './trigger-job-backend';

export interface GenerationRuntime {
  deps: GenerationDeps;
  jobs: JobBackend;
  /**
   * Postgres jobs: resolves once this process hears `versions.stop` from other processes (when given
   * `listen`). Never rejects: without the signal a stopped run still ends at its next lease renewal.
   */
  leasesReady: Promise<void>;
  /** Postgres jobs: stops the lease sweeper and the stop listener; call before the database closes. */
  closeLeases(): Promise<void>;
}

export interface GenerationRuntimeOptions {
  /**
   * This process's previews, given only where validation runs in the process that serves them (the
   * web server's embedded queue): a validated server then becomes the version's preview instead of
   * being started again.
   */
  previews?: PreviewManager;
  /**
   * Postgres jobs: whether this process takes jobs; the worker process (src/jobs/worker-main.mts)
   * forces it on, a web server follows FORGE_WORKER.
   */
  runWorker?: boolean;
  /**
   * The database handle's LISTEN (Postgres jobs): a `versions.stop` in another process then aborts
   * this process's run of the version at once, instead of at its next lease renewal.
   */
  listen?: DatabaseHandle['listen'];
  /** The database's NOTIFY: with the Postgres job backend, written events wake long-polls in other processes too. */
  notify?: DatabaseHandle['notify'];
}

export function createGenerationRuntime(env: Env, chosen: Backends, db: Database, options: GenerationRuntimeOptions = {}): GenerationRuntime {
  const sandbox = createSandbox(env, chosen);
  const { previews } = options;
  const deps: GenerationDeps = {
    db,
    model: createModel(env, chosen),
    sandbox: sandbox.adapter,
    sandboxSkipReason: sandbox.skipReason,
    onEventsWritten: chosen.jobs === 'postgres' && options.notify ? createStreamSignal({ notify: options.notify }).announce : notifyStreamAppended,
    broadcast: createStreamBroadcaster(env, chosen),
    maxTokensPerVersion: env.FORGE_MAX_TOKENS_PER_VERSION,
    installAhead: env.FORGE_INSTALL_AHEAD === 'on',
    behaviourChecks: env.FORGE_BEHAVIOUR_CHECKS === 'on',
    prices: modelPrices(env),
    ...(previews
      ? { offerPreview: (offer, api) => previews.adopt({ versionId: offer.versionId, versionNumber: offer.versionNumber, envFingerprint: envFingerprint(offer.env) }, api) }
      : {}),
  };
  const jobs = createJobBackend(env, chosen, db, (versionId) => runGeneration(versionId, deps), options);
  // The offline generator writes what it planned; only a model can repair its own code.
  if (chosen.model !== 'offline' && env.FORGE_AUTO_FIX === 'on') {
    deps.onValidationFailed = async (version) => {
      await startAutomaticFix(db, version.id, jobs);
    };
  }
  const leases = chosen.jobs === 'postgres' ? startLeases(env, db, deps, options.listen) : { leasesReady: Promise.resolve(), closeLeases: async () => {} };
  return { deps, jobs, ...leases };
}

/**
 * Several processes on one Postgres: this process's runs hold leases, this process sweeps versions
 * whose lease expired (every process does; never a start-up sweep, see ./lease-sweeper.ts), and it
 * aborts its run of a version another process stopped. `deps.lease` is set before any run starts.
 */
function startLeases(env: Env, db: Database, deps: GenerationDeps, listen: DatabaseHandle['listen'] | undefined) {
  deps.lease = { owner: newLeaseOwner(), seconds: env.FORGE_LEASE_SECONDS };
  const stopSweeper = startLeaseSweeper({
    db,
    intervalMs: leaseSweepIntervalMs(env.FORGE_LEASE_SECONDS),
    // The ending goes out like a run's own: long-polls wake, Realtime subscribers hear it.
    onSwept: (version) => void announceEnding(deps, version.projectId, version.id, version.events),
  });
  const listening = listen
    ? listenForVersionStops(listen).catch((error: unknown) => {
        console.warn('[lease] not listening for stops from other processes; a stopped run ends at its next lease renewal:', error);
        return null;
      })
    : Promise.resolve(null);
  return {
    leasesReady: listening.then(() => {}),
    async closeLeases() {
      await stopSweeper();
      await (await listening)?.();
    },
  };
}

function createJobBackend(env: Env, chosen: Backends, db: Database, run: (versionId: string) => Promise<unknown>, options: GenerationRuntimeOptions): JobBackend {
  if (chosen.jobs === 'local-queue') return createLocalJobBackend({ concurrency: env.FORGE_QUEUE_CONCURRENCY, run });
  if (chosen.jobs === 'postgres') {
    if (!env.DATABASE_URL) throw new Error('The Postgres job backend needs DATABASE_URL.');
    return createPostgresJobBackend({
      connectionString: env.DATABASE_URL,
      db,
      concurrency: env.FORGE_QUEUE_CONCURRENCY,
      runInThisProcess: options.runWorker ?? env.FORGE_WORKER === 'on',
      run,
      leaseSeconds: env.FORGE_LEASE_SECONDS,
    });
  }
  return createTriggerJobBackend({ secretKey: env.TRIGGER_SECRET_KEY, baseURL: env.TRIGGER_API_URL, db });
}
