// The product's latencies against a PRODUCTION build on embedded defaults (PGlite, long-poll, local
// queue), with the model played by an OpenAI-wire fixture in this process that answers with the
// offline generator's real output at 80 tokens/s (first token after 400 ms). Validation is skipped
// (FORGE_SANDBOX=skip): it is not part of these latencies.
//
// Steps (each bounded in time), each in its own module:
//   1. projects.create / versions.create → versionId (server-create-latency.ts)
//   2. model chunk written → code:chunk received by a long-polling client, idle server (server-iteration.ts)
//   3. create → first code visible in Chromium (server-first-code.ts)
//   4. versions.files of a version 10 diffs from its snapshot, cold and warm (server-version-switch.ts)
//   5. the versioning suite's storage figure, in-process; run.mts adds it
//   6. 20 generations created back to back: order / loss / content checks, delay under load, CPU, RSS (server-load.ts)
//   7. v2 that changes 1 of 10 files against the full v1 of the same project (server-iteration.ts)
import { createBenchClient } from './bench-client';
import { createBenchResponder } from './bench-responder';
import { step } from './bench-step';
import { ensureProductionBuild } from './production-build';
import type { Row } from './results-file';
import { measureCreateLatency } from './server-create-latency';
import { measureFirstCodeVisible } from './server-first-code';
import { measureIteration } from './server-iteration';
import { LOAD_GENERATIONS, measureLoad } from './server-load';
import { BENCH_SERVER_PORT, benchLog as log, PROJECT_ROOT, serverLogTail, startProductionServer, type RunningServer } from './server-process';
import { measureVersionSwitch } from './server-version-switch';
import { formatP50P95, formatSeconds } from './stats';
import { startTimedFixture } from './timed-fixture';

export interface ServerBenchResult {
  rows: Row[];
  notes: string[];
}

export async function runServerBench(options: { storage?: () => Promise<Row> } = {}): Promise<ServerBenchResult> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const build = await step('production build', 16 * 60_000, () => ensureProductionBuild(PROJECT_ROOT, log));
  notes.push(
    build.built
      ? `Built ${'.next-bench'} for this run in ${formatSeconds(build.ms)} (${build.reason}).`
      : `Reused the ${'.next-bench'} build: ${build.reason} (BENCH_REBUILD=1 forces a build).`,
  );

  const fixture = await startTimedFixture();
  const responder = createBenchResponder();
  fixture.respondUsing((body) => responder.respond(body));
  let server: RunningServer | undefined;
  try {
    server = await step('start next (production)', 90_000, () => startProductionServer(build.appDir, { port: BENCH_SERVER_PORT, openaiBaseUrl: fixture.baseURL }));
    const client = createBenchClient(server.baseUrl);
    const running = server;
    try {
      await step('1. create latency', 120_000, () => measureCreateLatency(client, responder, rows, notes));
      const idleDelays = await step('2+7. one project at 80 tokens/s: v1, then a one-file v2', 300_000, () =>
        measureIteration(client, fixture, responder, rows, notes),
      );
      rows.push(['model chunk → client, idle server (p50 / p95)', formatP50P95(idleDelays), 'none set (publisher batches ~100 ms)']);
      await step('3. first code visible in Chromium', 180_000, () => measureFirstCodeVisible(client, running.baseUrl, rows, notes));
      await step('4. version switch', 180_000, () => measureVersionSwitch(client, responder, rows, notes));
      if (options.storage) rows.push(await step('5. storage (versioning suite)', 300_000, options.storage));
      await step(`6. ${LOAD_GENERATIONS} generations at once`, 400_000, () => measureLoad(client, fixture, running, rows, notes));
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nlast lines of the server log:\n${serverLogTail(running)}`, {
        cause: error,
      });
    }
  } finally {
    await server?.stop();
    await fixture.close();
  }
  notes.push('Percentiles are nearest-rank. Times are measured in the bench process, which also runs the model fixture and the clients.');
  return { rows: orderRows(rows), notes };
}

/** The table lists the figures in the order of the steps (see the top of this file), whatever order they ran in. */
function orderRows(rows: Row[]): Row[] {
  const order = [
    'create → versionId',
    'model chunk → client, idle',
    'create → first code',
    'version switch',
    'storage',
    `${LOAD_GENERATIONS} generations at once`,
    'model chunk → client, under',
    `${LOAD_GENERATIONS} generations:`,
    'v2 changing',
  ];
  const rank = (row: Row) => {
    const index = order.findIndex((prefix) => row[0].startsWith(prefix));
    return index === -1 ? order.length : index;
  };
  return rows.map((row, index) => ({ row, index })).sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index).map(({ row }) => row);
}
