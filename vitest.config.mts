import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Outside React Server Components `server-only` throws on import; tests are server code.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'trigger/**/*.test.ts'],
    // Playwright owns e2e/; Vitest must never pick up its specs.
    exclude: ['e2e/**', 'node_modules/**', '.next/**'],
    environment: 'node',
    // Vitest's default on 2 cores is one worker; most files wait on child processes, Postgres or
    // timers, so two run side by side in about three quarters of the time.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['src/test/global-setup.ts'],
    env: { NODE_ENV: 'test', FORGE_OFFLINE_CHUNK_DELAY_MS: '0' },
  },
});
