// Wall time of one version written by a single call against parallel-files mode, with the
// OpenAI-wire fixture streaming at a fixed rate (80 tokens/s, first token after 400 ms).
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../../src/server/app-services';
import { createCaller } from '../../src/server/api/root';
import { LOCAL_USER_ID } from '../../src/server/api/trpc';
import { openDatabase } from '../../src/db/client';
import { applyMigrations } from '../../src/db/migrate';
import { decideBackends, parseEnv } from '../../src/env';
import { startOpenAIFixtureServer } from '../../src/test/openai-fixture-server';
import { parallelFixtureResponder } from '../../src/test/parallel-files-fixture';

/** 4 characters a token, one token a chunk: 12.5 ms a chunk is 80 tokens/s. */
export const FIXTURE_PACE = { chunkSize: 4, chunkDelayMs: 12.5, firstTokenDelayMs: 400 };

async function timeOneVersion(baseURL: string, parallel: boolean, concurrency: number): Promise<number> {
  const handle = await openDatabase({ kind: 'pglite-memory' });
  await applyMigrations(handle);
  const env = parseEnv({
    NODE_ENV: 'production',
    OPENAI_BASE_URL: baseURL,
    FORGE_SANDBOX: 'skip',
    FORGE_PARALLEL_FILES: parallel ? 'on' : 'off',
    FORGE_PARALLEL_CONCURRENCY: String(concurrency),
  });
  const services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
  try {
    const caller = createCaller({ services, userId: LOCAL_USER_ID });
    const started = performance.now();
    const { projectId } = await caller.projects.create({ prompt: 'Modules' });
    await services.jobs.idle();
    const [version] = await caller.versions.list({ projectId });
    if (version?.status !== 'complete') throw new Error(`the ${parallel ? 'parallel' : 'single-call'} version ended ${version?.status}: ${version?.error}`);
    return performance.now() - started;
  } finally {
    await services.close();
    await handle.close();
  }
}

export async function runParallelFilesBench(options = { fileCount: 6, fileBytes: 600, concurrency: 3 }) {
  const fixture = await startOpenAIFixtureServer();
  try {
    fixture.respondUsing(parallelFixtureResponder({ fileCount: options.fileCount, fileBytes: options.fileBytes, pace: FIXTURE_PACE }));
    const singleMs = await timeOneVersion(fixture.baseURL, false, options.concurrency);
    const parallelMs = await timeOneVersion(fixture.baseURL, true, options.concurrency);
    return { ...options, singleMs, parallelMs };
  } finally {
    await fixture.close();
  }
}
