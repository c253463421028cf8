// Everything a generation needs, built once from env for the process that runs it: the web server
// (embedded queue) and a Trigger.dev worker alike, so both get the same model, sandbox, stream
// delivery and automatic Fix (docs/architecture.md, "Jobs").
import type { Database } from '@/db/client';
import type { Backends, Env } from '@/env';
import { startAutomaticFix } from '@/generation/auto-fix';
import { createModel } from '@/generation/models/create-model';
import { runGeneration, type GenerationDeps } from '@/generation/run-generation';
import { createSandbox } from '@/generation/sandbox/create-sandbox';
import { envFingerprint } from '@/preview/env-fingerprint';
import type { PreviewManager } from '@/preview/preview-manager';
import { notifyStreamAppended } from '@/stream/stream-notifier';
import { createStreamBroadcaster } from '@/stream/supabase-broadcaster';
import type { JobBackend } from './job-backend';
import { createLocalJobBackend } from './local-job-backend';
import { createTriggerJobBackend } from './trigger-job-backend';

export interface GenerationRuntime {
  deps: GenerationDeps;
  jobs: JobBackend;
}

export interface GenerationRuntimeOptions {
  /**
   * This process's previews, given only where validation runs in the process that serves them (the
   * web server's embedded queue): a validated server then becomes the version's preview instead of
   * being started again.
   */
  previews?: PreviewManager;
}

export function createGenerationRuntime(env: Env, chosen: Backends, db: Database, options: GenerationRuntimeOptions = {}): GenerationRuntime {
  const sandbox = createSandbox(env, chosen);
  const { previews } = options;
  const deps: GenerationDeps = {
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
  const jobs = createJobBackend(env, chosen, db, (versionId) => runGeneration(versionId, deps));
  // The offline generator writes what it planned; only a model can repair its own code.
  if (chosen.model !== 'offline' && env.FORGE_AUTO_FIX === 'on') {
    deps.onValidationFailed = async (version) => {
      await startAutomaticFix(db, version.id, jobs);
    };
  }
  return { deps, jobs };
}

function createJobBackend(env: Env, chosen: Backends, db: Database, run: (versionId: string) => Promise<unknown>): JobBackend {
  if (chosen.jobs === 'local-queue') return createLocalJobBackend({ concurrency: env.FORGE_QUEUE_CONCURRENCY, run });
  return createTriggerJobBackend({ secretKey: env.TRIGGER_SECRET_KEY, baseURL: env.TRIGGER_API_URL, db });
}
