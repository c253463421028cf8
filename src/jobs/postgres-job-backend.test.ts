// The Postgres job backend on a real Postgres: a version and its graphile-worker job are written in
// one transaction, a runner in this process takes a new job at once (LISTEN/NOTIFY, not the poll),
// the job key keeps one job per version, and start-up recovery gives a job only to pending versions
// that have none.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decideBackends, parseEnv } from '@/env';
import { listMigrationFiles } from '@/db/migrate';
import { insertProject } from '@/db/stores/projects-store';
import { queueVersion, type VersionEnqueuer } from '@/db/stores/queued-version-store';
import { claimPendingVersion, findVersion, insertVersion } from '@/db/stores/versions-store';
import { openPostgresTestDatabase, postgresSkipReason, postgresTestUrl } from '@/test/test-database';
import { createGenerationRuntime, type GenerationRuntime } from './generation-runtime';
import type { JobBackend } from './job-backend';
import { createPostgresJobBackend } from './postgres-job-backend';

type TestDatabase = Awaited<ReturnType<typeof openPostgresTestDatabase>>;

interface JobRow {
  key: string;
  task_identifier: string;
  queue_name: string | null;
  max_attempts: number;
  payload: unknown;
}

describe.skipIf(!postgresTestUrl)(`Postgres job backend${postgresTestUrl ? '' : ` (${postgresSkipReason})`}`, () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    // Runners before the database they run on.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** Each test gets its own database, so no runner of one test takes another's jobs. */
  async function openDatabase(): Promise<TestDatabase> {
    const database = await openPostgresTestDatabase();
    cleanups.push(() => database.close());
    return database;
  }

  /** A backend that only adds jobs (a web server with FORGE_WORKER=off). */
  function enqueueOnly(database: TestDatabase): JobBackend {
    const jobs = createPostgresJobBackend({
      connectionString: database.connectionUrl,
      db: database.db,
      concurrency: 1,
      runInThisProcess: false,
      run: async () => {
        throw new Error('no runner in this process');
      },
      leaseSeconds: 30,
    });
    cleanups.push(() => jobs.close!());
    return jobs;
  }

  function jobsFor(database: TestDatabase, versionId: string) {
    return database.query<JobRow>(
      `select j.key, j.task_identifier, j.queue_name, j.max_attempts, p.payload
       from graphile_worker.jobs j join graphile_worker._private_jobs p on p.id = j.id
       where j.key = $1`,
      [versionId],
    );
  }

  async function newProject(database: TestDatabase, name: string) {
    return insertProject(database.db, { ownerId: crypto.randomUUID(), name });
  }

  const prompt = 'A REST API for a bookstore with authors and books';

  it('writes a version and its one job in the same transaction; a rolled-back transaction leaves neither', async () => {
    const database = await openDatabase();
    const jobs = enqueueOnly(database);
    expect(jobs.kind).toBe('postgres');
    const project = await newProject(database, 'bookstore');

    const created = await queueVersion(database.db, { projectId: project.id, prompt, baseVersionId: null, fixOfVersionId: null }, jobs);
    expect(await jobsFor(database, created.versionId)).toEqual([
      {
        key: created.versionId,
        task_identifier: 'generate-version',
        // No graphile queue: the one-active-version index already serializes a project's versions.
        queue_name: null,
        max_attempts: 1,
        payload: { versionId: created.versionId, projectId: project.id },
      },
    ]);

    // The job is written, then the transaction fails: the version and its job go together.
    const other = await newProject(database, 'weather');
    let attempted: string | undefined;
    const failing: VersionEnqueuer = {
      enqueue: jobs.enqueue,
      async enqueueInTransaction(tx, versionId, projectId) {
        await jobs.enqueueInTransaction!(tx, versionId, projectId);
        attempted = versionId;
        throw new Error('the transaction fails after the job was added');
      },
    };
    await expect(queueVersion(database.db, { projectId: other.id, prompt, baseVersionId: null, fixOfVersionId: null }, failing)).rejects.toThrow(
      'the transaction fails after the job was added',
    );
    expect(attempted).toBeDefined();
    expect(await findVersion(database.db, attempted!)).toBeUndefined();
    expect(await jobsFor(database, attempted!)).toEqual([]);
    expect(await database.query('select id from graphile_worker.jobs')).toHaveLength(1);
    // graphile keeps its own migrations; our ledger lists our files only.
    expect((await database.query<{ name: string }>('select name from forge_schema_migrations order by name')).map((row) => row.name)).toEqual(
      await listMigrationFiles(),
    );
  });

  it('makes one job however often a version is enqueued', async () => {
    const database = await openDatabase();
    const jobs = enqueueOnly(database);
    const project = await newProject(database, 'bookstore');
    const created = await queueVersion(database.db, { projectId: project.id, prompt, baseVersionId: null, fixOfVersionId: null }, jobs);

    await jobs.enqueue(created.versionId, project.id);
    await jobs.enqueue(created.versionId, project.id);
    expect(await jobsFor(database, created.versionId)).toHaveLength(1);
    expect(await database.query('select id from graphile_worker.jobs')).toHaveLength(1);
  });

  it('at start-up gives a job to pending versions without one, and leaves the others alone', async () => {
    const database = await openDatabase();
    const jobs = enqueueOnly(database);
    const [queued, orphan, running] = await Promise.all(['queued', 'orphan', 'running'].map((name) => newProject(database, name)));
    const withJob = await queueVersion(database.db, { projectId: queued!.id, prompt, baseVersionId: null, fixOfVersionId: null }, jobs);
    // Pending without a job: written before this backend, or its job was lost.
    const withoutJob = await insertVersion(database.db, { projectId: orphan!.id, prompt, baseVersionId: null });
    // Generating: another process holds it (its lease decides), so it gets no job and stays as it is.
    const inFlight = await insertVersion(database.db, { projectId: running!.id, prompt, baseVersionId: null });
    await claimPendingVersion(database.db, inFlight.id, { owner: 'another-process', seconds: 30 });

    await jobs.recoverOnStart(database.db);
    await jobs.recoverOnStart(database.db);
    expect(await jobsFor(database, withJob.versionId)).toHaveLength(1);
    expect(await jobsFor(database, withoutJob.id)).toHaveLength(1);
    expect(await jobsFor(database, inFlight.id)).toEqual([]);
    expect(await findVersion(database.db, inFlight.id)).toMatchObject({ status: 'generating', leaseOwner: 'another-process' });
  });

  it('runs a new job in this process at once, without waiting for a poll, and the version completes', async () => {
    const database = await openDatabase();
    const env = parseEnv({ NODE_ENV: 'test', DATABASE_URL: database.connectionUrl, FORGE_SANDBOX: 'skip', FORGE_OFFLINE_CHUNK_DELAY_MS: '0' });
    const backends = decideBackends(env);
    expect(backends.jobs).toBe('postgres');
    const runtime: GenerationRuntime = createGenerationRuntime(env, backends, database.db, { runWorker: true, listen: database.listen, notify: database.notify });
    cleanups.push(async () => {
      await runtime.jobs.close!();
      await runtime.closeLeases();
    });
    await runtime.leasesReady;
    await runtime.jobs.recoverOnStart(database.db);

    // One after another: after a job the runner polls once more and then sleeps for graphile's poll
    // interval (2 s), so a start within a second of each commit is the NOTIFY waking it.
    const pickUpMs: number[] = [];
    for (const name of ['bookstore', 'weather', 'todo']) {
      const project = await newProject(database, name);
      const enqueuedAt = Date.now();
      const created = await queueVersion(database.db, { projectId: project.id, prompt, baseVersionId: null, fixOfVersionId: null }, runtime.jobs);
      const version = await waitForVersion(database, created.versionId, (row) => row.status === 'complete' || row.status === 'failed');
      expect(version).toMatchObject({ status: 'complete', stopReason: 'completed' });
      pickUpMs.push(version.startedAt!.getTime() - enqueuedAt);
      await runtime.jobs.idle();
      // A completed job leaves graphile's table; graphile deletes the row just after the task resolves.
      await vi.waitFor(async () => expect(await jobsFor(database, created.versionId)).toEqual([]), { timeout: 5_000 });
    }
    console.log(`[test] enqueue → run start: ${pickUpMs.join(', ')} ms`);
    for (const ms of pickUpMs) expect(ms).toBeLessThan(1_000);
  });
});

async function waitForVersion(database: TestDatabase, versionId: string, done: (row: NonNullable<Awaited<ReturnType<typeof findVersion>>>) => boolean) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const row = await findVersion(database.db, versionId);
    if (row && done(row)) return row;
    if (Date.now() > deadline) throw new Error(`version ${versionId} is still ${row?.status ?? 'missing'}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
