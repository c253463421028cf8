// This process's previews, built from env: the adapter (this machine, or E2B with E2B_API_KEY), the
// limits, the idle timer, and the exit hook that leaves no API running when the server goes away.
import type { Backends, Env } from '@/env';
import { createE2BPreviewAdapter } from './e2b-preview';
import { createLocalPreviewAdapter } from './local-preview';
import type { PreviewAdapter } from './preview-adapter';
import { PreviewManager } from './preview-manager';
import type { PreviewService } from './preview-service';
import { createRateLimiter } from './rate-limiter';
import { MAX_PREVIEW_RESPONSE_BODY_BYTES } from '@/shared/preview-limits';
import { createLruCache } from '@/versioning/lru-cache';

const OWNED_VERSIONS_KEPT = 1_000;

export interface PreviewRuntime extends PreviewService {
  /** Stops every preview and the timers; the server is shutting down. */
  close(): Promise<void>;
}

export function createPreviewRuntime(env: Env, backends: Backends, options: { timers?: boolean; adapter?: PreviewAdapter } = {}): PreviewRuntime {
  const idleMs = Math.round(env.FORGE_PREVIEW_IDLE_MINUTES * 60_000);
  const adapter =
    options.adapter ?? (backends.sandbox === 'e2b' ? createE2BPreviewAdapter({ apiKey: env.E2B_API_KEY!, idleMs }) : createLocalPreviewAdapter());
  const manager = new PreviewManager({ adapter, maxRunning: env.FORGE_PREVIEW_MAX, idleMs });
  const sweepEveryMs = Math.max(1_000, Math.min(30_000, idleMs / 4));
  const timer = options.timers === false ? null : setInterval(() => void manager.stopIdle(), sweepEveryMs).unref();
  // Next ends the process with process.exit on SIGINT and SIGTERM, so nothing async runs then: what
  // runs on this machine is killed synchronously (under bubblewrap it would die with us anyway).
  const onExit = () => manager.killAllNow();
  process.once('exit', onExit);
  return {
    manager,
    limits: { timeoutMs: Math.round(env.FORGE_PREVIEW_TIMEOUT_SECONDS * 1000), maxResponseBytes: MAX_PREVIEW_RESPONSE_BODY_BYTES },
    rateLimiter: createRateLimiter({ perMinute: env.FORGE_PREVIEW_RATE_PER_MINUTE }),
    ownedVersions: createLruCache({ maxEntries: OWNED_VERSIONS_KEPT }),
    async close() {
      if (timer) clearInterval(timer);
      process.off('exit', onExit);
      await manager.stopAll();
    },
  };
}
