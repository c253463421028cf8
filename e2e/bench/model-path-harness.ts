// The model-path bench's in-process server: createAppServices on an in-memory PGlite, the tRPC
// caller, and the real `openai` SDK against the OpenAI-wire fixture, as parallel-files.ts does. One
// version at a time: each run sets the fixture's responder, and the version's own stream events (their
// `at`, when the publisher accepted them) time it.
import { createAppServices } from '../../src/server/app-services';
import { createCaller } from '../../src/server/api/root';
import { LOCAL_USER_ID } from '../../src/server/api/trpc';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { applyMigrations } from '../../src/db/migrate';
import { decideBackends, parseEnv } from '../../src/env';
import { startOpenAIFixtureServer, type RecordedRequest, type ScriptedResponse } from '../../src/test/openai-fixture-server';
import { classifyChatRequest } from '../../src/test/parallel-files-fixture';
import type { StreamEvent } from '../../src/types/streaming';
import type { FileMap, VersionSummary } from '../../src/types/versioning';
import type { Pace } from './timed-fixture';

export type Caller = ReturnType<typeof createCaller>;
export type Responder = (call: ReturnType<typeof classifyChatRequest>, body: RecordedRequest['body']) => string;

/** What the model path offers today: the lead's and the other engineers' changes land while this suite exists. */
export interface ModelPathFeatures {
  /** FORGE_PARALLEL_FILES value that makes v1 parallel: 'auto' once it is the default, 'on' before. */
  parallelV1: { FORGE_PARALLEL_FILES?: string };
  parallelLabel: string;
  /** Files written at once in parallel mode (FORGE_PARALLEL_CONCURRENCY's default). */
  concurrency: number;
  installAhead: boolean;
}

export function detectFeatures(): ModelPathFeatures {
  const defaults = parseEnv({});
  const parallelDefault = defaults.FORGE_PARALLEL_FILES as string;
  // parseEnv drops variables it does not know: the switch exists once it keeps this one.
  const installAhead = 'FORGE_INSTALL_AHEAD' in parseEnv({ FORGE_INSTALL_AHEAD: 'on' });
  return {
    parallelV1: parallelDefault === 'auto' ? {} : { FORGE_PARALLEL_FILES: 'on' },
    parallelLabel: parallelDefault === 'auto' ? "parallel, default 'auto'" : "parallel, FORGE_PARALLEL_FILES=on ('auto' not built yet)",
    concurrency: defaults.FORGE_PARALLEL_CONCURRENCY,
    installAhead,
  };
}

export interface VersionRun {
  versionId: string;
  summary: VersionSummary;
  files: FileMap;
  /** From the create call to the last file:complete event / to version:complete; NaN if there was none. */
  filesCompleteMs: number;
  versionCompleteMs: number;
  /** Model calls the fixture answered for this version, by kind. */
  calls: { plan: number; file: number; other: number };
}

export interface ModelPathServer {
  caller: Caller;
  /** Creates a version with `create`, answering its model calls with `respond` at `pace`, and waits for its end. */
  run(pace: Pace, respond: Responder, create: (caller: Caller) => Promise<{ versionId: string }>): Promise<VersionRun>;
}

async function readAllEvents(caller: Caller, versionId: string): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for (;;) {
    const answer = await caller.stream.since({ versionId, afterSeq: events.at(-1)?.seq ?? 0, waitMs: 0 });
    if (answer.events.length === 0) return events;
    events.push(...answer.events);
  }
}

/**
 * In-memory databases, reused one server after another: opening PGlite takes 5-10 s on a busy 2-core
 * machine, migrating it 0.2 s. Servers that run at the same time get their own, since a server that
 * starts recovers the versions it finds generating (src/jobs/local-job-backend.ts) and would take
 * another's; a released database holds only ended versions.
 */
const idleDatabases: DatabaseHandle[] = [];
const openDatabases: DatabaseHandle[] = [];

async function acquireDatabase(): Promise<DatabaseHandle> {
  const reused = idleDatabases.pop();
  if (reused) return reused;
  const handle = await openDatabase({ kind: 'pglite-memory' });
  openDatabases.push(handle);
  await applyMigrations(handle);
  return handle;
}

export async function closeModelPathDatabases(): Promise<void> {
  idleDatabases.length = 0;
  await Promise.all(openDatabases.splice(0).map((handle) => handle.close()));
}

/** Runs `body` against an in-process server whose env is the defaults plus `env`, then closes it. */
export async function withModelPathServer<T>(env: Record<string, string>, body: (server: ModelPathServer) => Promise<T>): Promise<T> {
  const fixture = await startOpenAIFixtureServer();
  const handle = await acquireDatabase();
  let reusable = false;
  try {
    const parsed = parseEnv({ NODE_ENV: 'production', OPENAI_BASE_URL: fixture.baseURL, ...env });
    const services = await createAppServices({ env: parsed, backends: decideBackends(parsed), handle, maintenance: false });
    try {
      const caller = createCaller({ services, userId: LOCAL_USER_ID });
      const run: ModelPathServer['run'] = async (pace, respond, create) => {
        const calls = { plan: 0, file: 0, other: 0 };
        fixture.respondUsing((body): ScriptedResponse => {
          const call = classifyChatRequest(body);
          calls[call.kind]++;
          return { kind: 'stream', text: respond(call, body), ...pace };
        });
        const startedAt = Date.now();
        const { versionId } = await create(caller);
        await services.jobs.idle();
        const events = await readAllEvents(caller, versionId);
        const since = (event: StreamEvent | undefined) => (event ? Date.parse(event.at) - startedAt : Number.NaN);
        const summary = await caller.versions.get({ versionId });
        const saved = await caller.versions.files({ versionId });
        return {
          versionId,
          summary,
          files: saved.files,
          filesCompleteMs: since(events.findLast((event) => event.type === 'file:complete')),
          versionCompleteMs: since(events.find((event) => event.type === 'version:complete')),
          calls,
        };
      };
      return await body({ caller, run });
    } finally {
      fixture.respondUsing(undefined);
      await services.close();
      // Closed cleanly: every version it ran has ended.
      reusable = true;
    }
  } finally {
    if (reusable) idleDatabases.push(handle);
    await fixture.close();
  }
}

/** Throws unless the version ended complete. */
export function expectComplete(run: VersionRun, what: string): VersionRun {
  if (run.summary.status !== 'complete') {
    throw new Error(`${what}: v${run.summary.versionNumber} ended ${run.summary.status} (${run.summary.stopReason}): ${run.summary.error}`);
  }
  return run;
}

export const describeCalls = (calls: VersionRun['calls']) =>
  [calls.plan ? `${calls.plan} plan` : '', calls.file ? `${calls.file} file` : '', calls.other ? `${calls.other} whole` : ''].filter(Boolean).join(' + ');

export const outputTokens = (run: VersionRun) => run.summary.usage?.completionTokens ?? Number.NaN;
