import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e/chromium';
import { DEV_BASE_URL, DEV_PORT, PRODUCTION_PORT } from './e2e/servers';

const BASE_URL = `http://127.0.0.1:${PRODUCTION_PORT}`;
const DEV_DIST_DIR = '.next-e2e-dev';
const startedAt = Date.now();

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      // The production build, as people run it; its own dist folder never fights a running `next dev`.
      command: `npm run build && npx next start --hostname 127.0.0.1 --port ${PRODUCTION_PORT}`,
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        NEXT_DIST_DIR: '.next-e2e',
        // A fresh database every run, so tests never see another run's projects.
        FORGE_DATA_DIR: `.data/e2e-${startedAt}`,
        // Slow enough that files are visibly written, so the specs can watch them stream, reload in the
        // middle and stop one; fast enough that a 20-file version streams in about a minute.
        FORGE_OFFLINE_CHUNK_DELAY_MS: '10',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
    {
      // `next dev`, as a new user starts it, with its own database and a dist folder emptied first,
      // as on a fresh clone: with Turbopack's cache from an earlier e2e run and a source file changed
      // since, the page reloaded over and over (about twice a second, for minutes) under the e2e.
      // Idle once its spec (the first, by name) is done.
      command: `node -e "require('node:fs').rmSync('${DEV_DIST_DIR}', { recursive: true, force: true })" && npx next dev --hostname 127.0.0.1 --port ${DEV_PORT}`,
      url: `${DEV_BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        NEXT_DIST_DIR: DEV_DIST_DIR,
        FORGE_DATA_DIR: `.data/e2e-dev-${startedAt}`,
        FORGE_OFFLINE_CHUNK_DELAY_MS: '2',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    },
  ],
});
