// The live API's speed, on the production build with embedded defaults and validation on (the
// local sandbox): how soon a version that just completed answers its first console request (its
// validated server handed over), a cold start of a preview, and what `preview.send` adds to a
// request against calling the API directly.
import { performance } from 'node:perf_hooks';
import { startAndWatchPreview } from '../../src/shared/preview-readiness';
import { createBenchClient, followStream, type BenchClient } from './bench-client';
import { step } from './bench-step';
import type { Row } from './results-file';
import { ensureProductionBuild } from './production-build';
import { benchLog as log, BENCH_SERVER_PORT, PROJECT_ROOT, serverLogTail, startProductionServer, type RunningServer } from './server-process';
import { formatMs, formatP50P95, formatSeconds, p50p95 } from './stats';

const BOOKSTORE = 'A REST API for a bookstore with authors and books';
const HANDOVER_RUNS = 3;
const COLD_RUNS = 3;
const OVERHEAD_PAIRS = 300;
const POLL_MS = 50;

/** Creates a bookstore project and follows v1 until it is complete; the time is when the client saw that. */
async function completedVersion(client: BenchClient): Promise<{ versionId: string; completeSeenAt: number }> {
  const { versionId } = await client.projects.create.mutate({ prompt: BOOKSTORE });
  const followed = await followStream(client, versionId, { timeoutMs: 240_000 });
  if (followed.terminal?.type !== 'version:complete') throw new Error(`v1 did not complete: ${JSON.stringify(followed.terminal)}`);
  return { versionId, completeSeenAt: followed.endedAt };
}

/** What the workspace does when a version completes: ask for its preview's state, then send the person's request. */
async function firstAnswerAfterComplete(client: BenchClient): Promise<{ ms: number; handedOver: boolean }> {
  const { versionId, completeSeenAt } = await completedVersion(client);
  const status = await client.preview.status.query({ versionId });
  const response = await client.preview.send.mutate({ versionId, method: 'GET', path: '/authors' });
  const ms = performance.now() - completeSeenAt;
  if (response.status !== 200) throw new Error(`GET /authors answered ${response.status}`);
  return { ms, handedOver: status.state === 'ready' && status.handedOver };
}

/** Stop, then start from nothing: install (shared npm cache), build, start; until the status says ready. */
async function coldStart(client: BenchClient, versionId: string): Promise<number> {
  await client.preview.stop.mutate({ versionId });
  const started = performance.now();
  const status = await startAndWatchPreview(client, versionId, { pollMs: POLL_MS, deadlineMs: 180_000 });
  if (status.state !== 'ready') throw new Error(`the preview ended ${status.state}: ${status.message}\n${status.logTail}`);
  return performance.now() - started;
}

/** The same GET, alternately straight to the preview and through preview.send, each timed from this process. */
async function sendOverhead(client: BenchClient, versionId: string): Promise<{ direct: number[]; viaSend: number[] }> {
  const { url } = await client.preview.status.query({ versionId });
  if (!url) throw new Error('the preview has no address');
  const direct: number[] = [];
  const viaSend: number[] = [];
  for (let pair = 0; pair < OVERHEAD_PAIRS; pair++) {
    let started = performance.now();
    const answer = await fetch(`${url}/health`);
    await answer.text();
    direct.push(performance.now() - started);
    started = performance.now();
    await client.preview.send.mutate({ versionId, method: 'GET', path: '/health' });
    viaSend.push(performance.now() - started);
  }
  // The first requests open connections and warm code paths on both sides.
  return { direct: direct.slice(10), viaSend: viaSend.slice(10) };
}

export async function runPreviewBench(): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const build = await step('production build', 16 * 60_000, () => ensureProductionBuild(PROJECT_ROOT, log));
  notes.push(build.built ? `Built .next-bench for this run in ${formatSeconds(build.ms)}.` : `Reused the .next-bench build: ${build.reason}.`);
  let server: RunningServer | undefined;
  try {
    server = await step('start next (production)', 90_000, () =>
      startProductionServer(build.appDir, {
        port: BENCH_SERVER_PORT,
        // Validation on, as on a fresh machine; the offline generator at full speed; no rate limit in the way.
        extraEnv: { FORGE_SANDBOX: 'auto', FORGE_OFFLINE_CHUNK_DELAY_MS: '0', FORGE_PREVIEW_RATE_PER_MINUTE: '1000000' },
      }),
    );
    const client = createBenchClient(server.baseUrl);
    const running = server;
    try {
      const handovers: Array<{ ms: number; handedOver: boolean }> = [];
      await step(`handover: ${HANDOVER_RUNS} bookstore v1s`, 900_000, async () => {
        for (let run = 0; run < HANDOVER_RUNS; run++) handovers.push(await firstAnswerAfterComplete(client));
      });
      const times = handovers.map((run) => run.ms);
      rows.push([
        `version complete → first console request answered (validation's server handed over), p50 of ${HANDOVER_RUNS}`,
        `${formatMs(p50p95(times).p50)} (runs: ${times.map(formatMs).join(', ')})`,
        '< 1 s',
      ]);
      if (!handovers.every((run) => run.handedOver)) notes.push(`Only ${handovers.filter((run) => run.handedOver).length} of ${HANDOVER_RUNS} previews were handed over.`);

      const versionId = (await completedVersion(client)).versionId;
      const cold: number[] = [];
      await step(`cold start × ${COLD_RUNS}`, 900_000, async () => {
        for (let run = 0; run < COLD_RUNS; run++) cold.push(await coldStart(client, versionId));
      });
      rows.push([`cold preview start of a bookstore v1 (install, build, start), p50 of ${COLD_RUNS}`, `${formatMs(p50p95(cold).p50)} (runs: ${cold.map(formatMs).join(', ')})`, '-']);

      const { direct, viaSend } = await step(`preview.send overhead, ${OVERHEAD_PAIRS} pairs`, 300_000, () => sendOverhead(client, versionId));
      const directStats = p50p95(direct);
      const sendStats = p50p95(viaSend);
      rows.push(['GET /health straight to the preview (p50 / p95)', formatP50P95(direct), '-']);
      rows.push(['the same through preview.send (p50 / p95)', formatP50P95(viaSend), '-']);
      rows.push([
        'preview.send overhead (p50 / p95)',
        `${formatMs(sendStats.p50 - directStats.p50)} / ${formatMs(sendStats.p95 - directStats.p95)}`,
        'p95 < 15 ms',
      ]);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nlast lines of the server log:\n${serverLogTail(running)}`, { cause: error });
    }
  } finally {
    await server?.stop();
  }
  notes.push(
    'The handover time runs from the moment the long-polling client sees version:complete to the answer of GET /authors sent ' +
      'through preview.send (one preview.status call in between, as the workspace makes). The overhead pairs alternate a direct ' +
      'fetch of the preview and the same request through tRPC, which also writes the request to the history; the first 10 pairs are dropped.',
  );
  return { rows, notes };
}
