// The automatic Fix on the Trigger.dev path: a worker's version fails validation in the real local
// sandbox, and the worker itself starts the fix and hands it to Trigger.dev (a local stand-in for
// its API), whose run then repairs the version. The model is the real `openai` SDK against a local
// OpenAI-wire server; the database is real Postgres.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../src/env';
import { insertProject } from '../src/db/stores/projects-store';
import { findVersion, insertVersion, listProjectVersions } from '../src/db/stores/versions-store';
import { brokenApiAnswer, repairAnswer } from '../src/test/broken-api-fixture';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '../src/test/openai-fixture-server';
import { openPostgresTestDatabase, postgresSkipReason, postgresTestUrl } from '../src/test/test-database';
import { startTriggerApiStandIn, type TriggerApiStandIn } from '../src/test/trigger-api-stand-in';
import type { GenerateVersionPayload } from '../src/jobs/job-backend';
import { runGenerateVersionTask } from './generate-version';

describe.skipIf(!postgresTestUrl)(`generate-version task, automatic Fix${postgresTestUrl ? '' : ` (${postgresSkipReason})`}`, () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  let model: OpenAIFixtureServer;
  let trigger: TriggerApiStandIn;
  beforeAll(async () => {
    [database, model, trigger] = await Promise.all([openPostgresTestDatabase(), startOpenAIFixtureServer(), startTriggerApiStandIn()]);
  });
  afterAll(async () => {
    await Promise.all([database?.close(), model?.close(), trigger?.close()]);
  });

  it('starts the fix of a version that failed validation and hands it to Trigger.dev, whose run repairs it', { timeout: 120_000 }, async () => {
    const project = await insertProject(database.db, { ownerId: crypto.randomUUID(), name: 'tiny' });
    const v1 = await insertVersion(database.db, { projectId: project.id, prompt: 'A tiny API', baseVersionId: null });
    const workerEnv = parseEnv({
      NODE_ENV: 'test',
      DATABASE_URL: database.connectionUrl,
      OPENAI_BASE_URL: model.baseURL,
      FORGE_AUTO_FIX: 'on',
      FORGE_PARALLEL_FILES: 'off',
      TRIGGER_SECRET_KEY: 'tr_dev_worker',
      TRIGGER_API_URL: trigger.baseURL,
      FORGE_OFFLINE_CHUNK_DELAY_MS: '0',
    });
    model.respondWith({ kind: 'stream', text: brokenApiAnswer }, { kind: 'stream', text: repairAnswer });

    expect(await runGenerateVersionTask({ versionId: v1.id, projectId: project.id }, workerEnv)).toMatchObject({ stopReason: 'validation_failed' });
    const versions = await listProjectVersions(database.db, project.id);
    expect(versions).toHaveLength(2);
    const fix = versions.find((version) => version.id !== v1.id)!;
    expect(fix).toMatchObject({ status: 'pending', baseVersionId: v1.id, fixOfVersionId: v1.id });
    expect(fix.prompt).toMatch(/^Fix v1/);
    // Handed to Trigger.dev with the worker's key, as the web server hands over a new version.
    expect(trigger.recorded).toHaveLength(1);
    expect(trigger.recorded[0]!.url).toBe('/api/v1/tasks/generate-version/trigger');
    expect(trigger.recorded[0]!.authorization).toBe('Bearer tr_dev_worker');
    const payload = trigger.payloads()[0] as GenerateVersionPayload;
    expect(payload).toEqual({ versionId: fix.id, projectId: project.id });

    // The run Trigger.dev starts for it: the fix passes, and a fix of a fix is never started.
    expect(await runGenerateVersionTask(payload, workerEnv)).toMatchObject({ status: 'complete' });
    expect(await findVersion(database.db, fix.id)).toMatchObject({ status: 'complete', fixOfVersionId: v1.id });
    expect(trigger.recorded).toHaveLength(1);
  });
});
