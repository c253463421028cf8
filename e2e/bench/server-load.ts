// Server bench, step 6: 20 generations created back to back, each followed by its own client. Every
// stream is checked for lost, duplicated and out-of-order events and against the saved files; the
// chunk delay under load, and the server's CPU and peak memory over the load, are measured.
import { performance } from 'node:perf_hooks';
import type { StreamEvent } from '../../src/types/streaming';
import { filesFromStream, followStream, type BenchClient, type FollowedStream } from './bench-client';
import { withMarkers } from './bench-responder';
import { processTree, sampleRss, treeCpuSeconds, treeRssBytes } from './proc';
import type { Row } from './results-file';
import { benchLog as log, type RunningServer } from './server-process';
import { chunkDelays, describeDifference, recordingOf, sameFiles, versionFiles } from './server-stream-checks';
import { formatBytes, formatP50P95, formatSeconds } from './stats';
import type { TimedFixture } from './timed-fixture';

export const LOAD_GENERATIONS = 20;

const LOAD_PROMPTS = ['An API for tasks', 'A notes API with notes', 'A bookmarks API with bookmarks', 'A contacts API with contacts'];

export async function measureLoad(client: BenchClient, fixture: TimedFixture, server: RunningServer, rows: Row[], notes: string[]) {
  const cpuBefore = treeCpuSeconds(server.pid);
  const rssBefore = treeRssBytes(server.pid);
  const processes = processTree(server.pid).length;
  const rss = sampleRss(server.pid);
  const started = performance.now();
  const created: Array<{ projectId: string; versionId: string; key: string }> = [];
  const createMs: number[] = [];
  const followers: Array<Promise<FollowedStream>> = [];
  for (let index = 0; index < LOAD_GENERATIONS; index++) {
    const key = `load-${index}`;
    const callStarted = performance.now();
    const version = await client.projects.create.mutate({ prompt: withMarkers(LOAD_PROMPTS[index % LOAD_PROMPTS.length]!, { key, pace: 'load' }) });
    createMs.push(performance.now() - callStarted);
    created.push({ ...version, key });
    followers.push(followStream(client, version.versionId, { timeoutMs: 300_000 }));
  }
  const followed = await Promise.all(followers);
  const wallMs = performance.now() - started;
  const cpuSeconds = treeCpuSeconds(server.pid) - cpuBefore;
  const peakRss = rss.stop();

  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  let contentMismatches = 0;
  let startLineErrors = 0;
  let usageMismatches = 0;
  const delays: number[] = [];
  let delayMismatches = 0;
  for (const [index, stream] of followed.entries()) {
    const { versionId, key } = created[index]!;
    if (stream.terminal?.type !== 'version:complete') throw new Error(`load generation ${key} ended with ${JSON.stringify(stream.terminal)}`);
    lost += stream.gaps;
    duplicated += stream.duplicates;
    outOfOrder += stream.outOfOrder;
    // The buffer itself: seq 1..N contiguous, and exactly what the client received.
    const stored: StreamEvent[] = [];
    for (let afterSeq = 0; ; ) {
      const answer = await client.stream.since.query({ versionId, afterSeq, waitMs: 0 });
      if (answer.events.length === 0) break;
      stored.push(...answer.events);
      afterSeq = answer.events.at(-1)!.seq;
    }
    stored.forEach((event, position) => {
      if (event.seq !== position + 1) lost++;
    });
    if (stored.length !== stream.received.length) lost += Math.abs(stored.length - stream.received.length);
    // Every file as assembled from its code:chunk events equals the saved version.
    const fromStream = filesFromStream(stream.received.map((item) => item.event));
    startLineErrors += fromStream.startLineErrors;
    const saved = await versionFiles(client, versionId);
    if (!sameFiles(fromStream.files, saved)) {
      contentMismatches++;
      log(`load ${key}: ${describeDifference(saved, fromStream.files)}`);
    }
    const recording = recordingOf(fixture, key);
    const result = chunkDelays(stream, recording);
    delays.push(...result.delays);
    delayMismatches += result.mismatches;
    const summary = await client.versions.get.query({ versionId });
    if (summary.usage?.completionTokens !== Math.ceil(recording.text.length / 4)) usageMismatches++;
  }
  const problems = lost + duplicated + outOfOrder + contentMismatches + startLineErrors + delayMismatches;
  rows.push([
    `${LOAD_GENERATIONS} generations at once: events lost / duplicated / out of order`,
    `${lost} / ${duplicated} / ${outOfOrder}; files equal to versions.files: ${LOAD_GENERATIONS - contentMismatches}/${LOAD_GENERATIONS}`,
    '0 / 0 / 0, all equal',
  ]);
  rows.push([`model chunk → client, under load (p50 / p95)`, formatP50P95(delays), 'none set']);
  rows.push([
    `${LOAD_GENERATIONS} generations: server CPU / peak RSS`,
    `${((100 * cpuSeconds) / (wallMs / 1000)).toFixed(0)} % of one core over ${formatSeconds(wallMs)} / ${formatBytes(peakRss)}`,
    'none set',
  ]);
  const totalChars = followed.reduce((total, _, index) => total + recordingOf(fixture, created[index]!.key).text.length, 0);
  notes.push(
    `Load: ${LOAD_GENERATIONS} projects created back to back (projects.create ${formatP50P95(createMs)}), each followed by its own ` +
      `long-polling client. The embedded queue runs FORGE_QUEUE_CONCURRENCY=4 (default) at a time; the rest wait as pending. ` +
      `To keep the run short each stream goes 5x realistic (400 tokens/s, 4 characters every 2.5 ms), so the 4 running streams ` +
      `carry the characters and chunks of 20 streams at 80 tokens/s. ${formatBytes(totalChars)} of answers in ${formatSeconds(wallMs)}. ` +
      `CPU = utime+stime of the server's process tree (${processes} process${processes === 1 ? '' : 'es'}) from /proc over that time; ` +
      `RSS (sum of VmRSS) sampled every 200 ms, ${formatBytes(rssBefore)} just before the load. The delay under load also ` +
      `includes this process's own work (fixture, 20 clients) on the same 2 cores.`,
  );
  if (usageMismatches) {
    notes.push(
      `Finding: ${usageMismatches} of ${LOAD_GENERATIONS} versions stored usage.completionTokens different from their own answer's ` +
        `tokens. The OpenAI adapter keeps one usage counter per adapter (createChatStreamer), so concurrent generations reset and add ` +
        `to each other's counts.`,
    );
  }
  if (problems) {
    throw new Error(
      `load check failed: lost ${lost}, duplicated ${duplicated}, out of order ${outOfOrder}, files differing ${contentMismatches}, ` +
        `startLine errors ${startLineErrors}, chunks not matching the answer ${delayMismatches}`,
    );
  }
}
