// The Postgres job backend (graphile-worker): jobs are rows in the database the versions live in.
// `graphile_worker.add_job` is a SQL function, so queueVersion writes a version and its job in one
// transaction through our own driver: a version never exists without its job, nor a job without its
// version. The job key is the version id, so a version has one job however often it is enqueued.
// Every process on the database may run jobs (web servers with FORGE_WORKER=on, `npm run worker`);
// a new job wakes an idle runner at once through LISTEN/NOTIFY, graphile's poll being only the net.
//
// No graphile queue_name: a project's versions already run one at a time, because the unique index
// api_versions_one_active_per_project (supabase/migrations/20261123000000_versioning_tables.sql)
// admits one pending, generating or validating version per project. A named queue would add only a
// lock that a worker dying mid-job keeps for hours (graphile frees locked jobs and queues after
// 4 h), holding up every later version of that project. Crashed runs are the version leases' job;
// a worker that dies between locking a job and claiming its version is found by ./stranded-versions.ts.
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import { Logger, run as startRunner, runMigrations, type Runner, type SharedOptions, type WorkerEvents } from 'graphile-worker';
import type { Database } from '@/db/client';
import { leaseSweepIntervalMs } from './lease-sweeper';
import { findStrandedPendingVersions } from './stranded-versions';
import { GENERATE_VERSION_TASK_ID, type GenerateVersionPayload, type JobBackend } from './job-backend';

export interface PostgresJobBackendOptions {
  /** The database graphile-worker keeps its schema (`graphile_worker`) and its own pool in. */
  connectionString: string;
  /** Our connection to the same database: enqueueing outside a transaction, recovery. */
  db: Database;
  /** Versions this process generates at once. */
  concurrency: number;
  /** Whether this process takes jobs (a worker, or a web server with FORGE_WORKER=on) or only adds them. */
  runInThisProcess: boolean;
  run: (versionId: string) => Promise<unknown>;
  /** A job locked this long without its version being claimed belongs to a dead worker (FORGE_LEASE_SECONDS). */
  leaseSeconds: number;
}

/** How long start-up waits for the runner's LISTEN before relying on graphile's poll instead. */
const LISTEN_WAIT_MS = 5_000;

/**
 * job_key_mode stays graphile's default, 'replace': a job not started yet is updated in place (one
 * job per version); one already running keeps running and a new job is queued behind it, which finds
 * the version no longer pending and does nothing (runGeneration claims pending versions only). So
 * after an enqueue there is always a job that will still look at the version.
 */
function addJob(versionId: string, projectId: string) {
  return sql`select id from graphile_worker.add_job(
    ${GENERATE_VERSION_TASK_ID}::text,
    json_build_object('versionId', ${versionId}::text, 'projectId', ${projectId}::text),
    job_key => ${versionId}::text,
    max_attempts => 1
  )`;
}

/** graphile's info and debug lines (connected, job found, job completed) would drown the server's log. */
const quietLogger = new Logger(() => (level, message) => {
  const name: string = level;
  if (name === 'error') console.error(`[jobs] ${message}`);
  else if (name === 'warning') console.warn(`[jobs] ${message}`);
});

function waitForListen(events: WorkerEvents): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, LISTEN_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    events.once('pool:listen:success', done);
    events.once('pool:listen:error', done);
  });
}

export function createPostgresJobBackend(options: PostgresJobBackendOptions): JobBackend {
  const shared: SharedOptions = {
    connectionString: options.connectionString,
    logger: quietLogger,
    // Supabase's pooler (transaction mode) cannot keep prepared statements (as in src/db/client.ts).
    noPreparedStatements: /pooler\.supabase\.com/.test(options.connectionString),
  };
  const inFlight = new Set<Promise<unknown>>();

  const generateVersion = async (payload: unknown) => {
    const { versionId } = (payload ?? {}) as Partial<GenerateVersionPayload>;
    if (typeof versionId !== 'string') throw new Error(`generate-version job without a version id: ${JSON.stringify(payload)}`);
    const running = options.run(versionId);
    inFlight.add(running);
    try {
      await running;
    } finally {
      inFlight.delete(running);
    }
  };

  // Graphile's schema first (web servers and workers alike, before anything enqueues); concurrent
  // start-ups are safe, graphile detects a migration another process did. Our own ledger
  // (forge_schema_migrations) knows nothing of it: graphile keeps `graphile_worker.migrations`.
  const migrated = runMigrations(shared);
  const started: Promise<Runner | null> = migrated.then(async () => {
    if (!options.runInThisProcess) return null;
    const events = new EventEmitter() as WorkerEvents;
    const listening = waitForListen(events);
    const runner = await startRunner({
      ...shared,
      concurrency: options.concurrency,
      // One connection for LISTEN, one per worker's short queries, and a spare (graphile needs ≥ 2).
      maxPoolSize: options.concurrency + 2,
      noHandleSignals: true,
      events,
      // Keeps graphile from reading a `crontab` file in the working directory.
      parsedCronItems: [],
      taskList: { [GENERATE_VERSION_TASK_ID]: generateVersion },
    });
    await listening;
    return runner;
  });
  // Whoever awaits these (enqueue, recoverOnStart, close) sees the error; nothing else should.
  migrated.catch(() => {});
  started.catch(() => {});

  const enqueueOn = async (db: Database, versionId: string, projectId: string) => {
    await migrated;
    await db.execute(addJob(versionId, projectId));
  };

  // As often as the lease sweeper looks for dead owners' versions: the same failure, one step earlier.
  const checkEveryMs = leaseSweepIntervalMs(options.leaseSeconds);
  let strandedTimer: NodeJS.Timeout | undefined;
  const requeueStranded = async (db: Database) => {
    for (const stranded of await findStrandedPendingVersions(db, options.leaseSeconds)) await enqueueOn(db, stranded.id, stranded.projectId);
  };
  const warnCheckFailed = (error: unknown) => console.warn('[jobs] checking for pending versions without a job failed:', error);

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  let closing: Promise<void> | undefined;

  return {
    kind: 'postgres',
    enqueue: (versionId, projectId) => enqueueOn(options.db, versionId, projectId),
    enqueueInTransaction: (tx, versionId, projectId) => enqueueOn(tx, versionId, projectId),
    async recoverOnStart(db) {
      await started;
      // Versions in flight belong to whichever process holds their lease; only pending versions
      // that no job will run get one, now and then every few seconds (a worker may die any time).
      await requeueStranded(db);
      strandedTimer ??= setInterval(() => void requeueStranded(options.db).catch(warnCheckFailed), checkEveryMs).unref();
    },
    idle,
    close() {
      clearInterval(strandedTimer);
      closing ??= (async () => {
        const runner = await started.catch(() => null);
        // Takes no new job, waits for the running ones, then ends graphile's pool.
        await runner?.stop();
        await idle();
      })();
      return closing;
    },
  };
}
