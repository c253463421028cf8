// The Trigger.dev task's run path, as a worker runs it: its own connection to Postgres from
// DATABASE_URL, a pending version created by the web server, generated to the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../src/env';
import { insertProject } from '../src/db/stores/projects-store';
import { findVersion, insertVersion } from '../src/db/stores/versions-store';
import { readVersionFiles } from '../src/db/stores/version-files-store';
import { readStreamEvents } from '../src/db/stores/stream-buffer-store';
import { openPostgresTestDatabase, postgresSkipReason, postgresTestUrl } from '../src/test/test-database';
import { runGenerateVersionTask } from './generate-version';

describe.skipIf(!postgresTestUrl)(`generate-version task${postgresTestUrl ? '' : ` (${postgresSkipReason})`}`, () => {
  let database: Awaited<ReturnType<typeof openPostgresTestDatabase>>;
  beforeAll(async () => {
    database = await openPostgresTestDatabase();
  });
  afterAll(() => database?.close());

  it('generates a pending version end to end, and a retried run does nothing twice', async () => {
    const project = await insertProject(database.db, { ownerId: crypto.randomUUID(), name: 'bookstore' });
    const version = await insertVersion(database.db, { projectId: project.id, prompt: 'A REST API for a bookstore with authors and books', baseVersionId: null });
    const workerEnv = parseEnv({ NODE_ENV: 'test', DATABASE_URL: database.connectionUrl, FORGE_SANDBOX: 'skip', FORGE_OFFLINE_CHUNK_DELAY_MS: '0' });

    expect(await runGenerateVersionTask({ versionId: version.id, projectId: project.id }, workerEnv)).toMatchObject({ status: 'complete' });
    expect(await findVersion(database.db, version.id)).toMatchObject({ status: 'complete', stopReason: 'completed' });
    expect(Object.keys((await readVersionFiles(database.db, version.id)).files)).toContain('src/routes/books.ts');
    const events = await readStreamEvents(database.db, version.id, 0, 10_000);
    expect(events.at(-1)).toMatchObject({ type: 'version:complete' });

    // Trigger.dev may deliver a run twice; the second finds nothing pending and leaves it alone.
    expect(await runGenerateVersionTask({ versionId: version.id, projectId: project.id }, workerEnv)).toEqual({ status: 'skipped' });
    expect((await readStreamEvents(database.db, version.id, 0, 10_000)).length).toBe(events.length);
  });
});
