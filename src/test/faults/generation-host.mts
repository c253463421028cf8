// A stand-in for the server process in the kill-and-restart fault test: it opens the app's services
// on an embedded database folder (FORGE_DATA_DIR) and drives them through the tRPC router, the way
// the Next server would. It reports each step as a JSON line on stdout: {"host": step, ...}.
//
//   node --import tsx src/test/faults/generation-host.mts seed
//     v1 of a new project (fast), then a slow v2; reports once v2 is streaming and keeps running
//     (the test kills it with SIGKILL there).
//   node --import tsx src/test/faults/generation-host.mts recover <projectId>
//     opens the same folder again (start-up recovery runs), reports what it finds, makes one more
//     version, reports it, and exits.
import { createCaller } from '@/server/api/root';
import { LOCAL_USER_ID } from '@/server/api/trpc';
import { createAppServices } from '@/server/app-services';
import { decideBackends, parseEnv } from '@/env';
import { createOfflineModel } from '@/generation/offline/offline-model';

/** v2 types this slowly, so it is still generating when the test kills the process. */
const SLOW_CHUNK_DELAY_MS = 50;
const BOOKSTORE = 'A REST API for a bookstore with authors and books';

function report(step: string, details: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ host: step, ...details })}\n`);
}

const env = parseEnv(process.env);
const services = await createAppServices({ env, backends: decideBackends(env), maintenance: false });
const caller = createCaller({ services, userId: LOCAL_USER_ID });
report('open', { pid: process.pid });

async function seed(): Promise<void> {
  const v1 = await caller.projects.create({ prompt: BOOKSTORE });
  await services.jobs.idle();
  report('v1-complete', {
    projectId: v1.projectId,
    v1: v1.versionId,
    status: (await caller.versions.get({ versionId: v1.versionId })).status,
    files: (await caller.versions.files({ versionId: v1.versionId })).files,
  });

  // Only v2 is slow: v1 had to finish first, and the test should not wait long for it.
  services.generationDeps.model = createOfflineModel({ chunkDelayMs: SLOW_CHUNK_DELAY_MS });
  const v2 = await caller.versions.create({ projectId: v1.projectId, prompt: 'Add a reviews resource' });
  for (let afterSeq = 0; ; ) {
    const answer = await caller.stream.since({ versionId: v2.versionId, afterSeq, waitMs: 5000 });
    afterSeq = answer.lastSeq;
    if (answer.events.some((event) => event.type === 'code:chunk')) break;
  }
  report('v2-streaming', { v2: v2.versionId, status: (await caller.versions.get({ versionId: v2.versionId })).status });
  // Keep generating until killed.
}

async function recover(projectId: string): Promise<void> {
  const versions = await caller.versions.list({ projectId });
  const [v1, v2] = versions;
  if (!v1 || !v2) throw new Error(`expected v1 and v2 in project ${projectId}, found ${versions.length} versions`);
  const v2Stream = (await caller.stream.since({ versionId: v2.id, afterSeq: 0, waitMs: 0 })).events;
  report('recovered', {
    versions: versions.map(({ id, versionNumber, status, stopReason }) => ({ id, versionNumber, status, stopReason })),
    v1Files: (await caller.versions.files({ versionId: v1.id })).files,
    v2Stream: v2Stream.map(({ seq, type }) => ({ seq, type })),
    v2LastEvent: v2Stream.at(-1),
  });
  const v3 = await caller.versions.create({ projectId, prompt: 'Add a reviews resource' });
  await services.jobs.idle();
  const { status, baseVersionId } = await caller.versions.get({ versionId: v3.versionId });
  report('v3-finished', { versionNumber: v3.versionNumber, status, baseVersionId, files: Object.keys((await caller.versions.files({ versionId: v3.versionId })).files) });
  await services.close();
}

const [mode, projectId] = process.argv.slice(2);
if (mode === 'seed') await seed();
else if (mode === 'recover' && projectId) await recover(projectId);
else throw new Error('usage: generation-host.mts seed | recover <projectId>');
