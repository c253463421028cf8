// The server as router tests use it: services over a test database, and a caller for the local user.
import { createAppServices, type AppServices } from '@/server/app-services';
import { createCaller } from '@/server/api/root';
import { LOCAL_USER_ID } from '@/server/api/trpc';
import type { DatabaseHandle } from '@/db/client';
import type { PreviewAdapter } from '@/preview/preview-adapter';
import { decideBackends, parseEnv } from '@/env';
import { openPgliteTestDatabase } from './test-database';

export interface TestApp {
  handle: DatabaseHandle;
  services: AppServices;
  caller: ReturnType<typeof createCaller>;
  close(): Promise<void>;
}

/**
 * Instant offline generation and no sandbox unless `env` says otherwise. A connected model answers in one
 * call (FORGE_PARALLEL_FILES=off) unless `env` says otherwise, so a test scripts one answer per version.
 */
export async function openTestApp(
  options: { env?: Record<string, string>; openDatabase?: () => Promise<DatabaseHandle>; previewAdapter?: PreviewAdapter } = {},
): Promise<TestApp> {
  const handle = await (options.openDatabase ?? openPgliteTestDatabase)();
  const env = parseEnv({ NODE_ENV: 'test', FORGE_OFFLINE_CHUNK_DELAY_MS: '0', FORGE_SANDBOX: 'skip', FORGE_PARALLEL_FILES: 'off', ...options.env });
  const services = await createAppServices({
    env,
    backends: decideBackends(env),
    handle,
    maintenance: false,
    ...(options.previewAdapter ? { previewAdapter: options.previewAdapter } : {}),
  });
  return {
    handle,
    services,
    caller: createCaller({ services, userId: LOCAL_USER_ID }),
    async close() {
      await services.close();
      await handle.close();
    },
  };
}
