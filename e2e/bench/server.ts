// Issue 8: the product's latencies against a PRODUCTION build on embedded defaults (PGlite, long-poll,
// local queue), with the model played by an OpenAI-wire fixture in this process that answers with the
// offline generator's real output at 80 tokens/s (first token after 400 ms). Validation is skipped
// (FORGE_SANDBOX=skip): it is not part of these latencies.
//
// Steps (each bounded in time):
//   1. projects.create / versions.create → versionId
//   2. model chunk written → code:chunk received by a long-polling client (idle server)
//   3. create → first code visible in Chromium
//   4. versions.files of a version 10 diffs from its snapshot, cold and warm
//   5. (the versioning suite's storage figure, in-process; run.mts adds it)
//   6. 20 generations created back to back: order / loss / content checks, delay under load, CPU, RSS
//   7. v2 that changes 1 of 10 files against the full v1 of the same project
import { performance } from 'node:perf_hooks';
import type { StreamEvent } from '../../src/types/streaming';
import type { FileMap, VersionSummary } from '../../src/types/versioning';
import { composeOfflineAnswer } from '../../src/generation/offline/compose-answer';
import { createBenchClient, filesFromStream, followStream, type BenchClient, type FollowedStream } from './bench-client';
import { createBenchResponder, fileContentStarts, scriptedAnswer, withMarkers, type BenchResponder } from './bench-responder';
import {
  BENCH_SERVER_PORT,
  benchLog as log,
  ensureProductionBuild,
  PROJECT_ROOT,
  processTree,
  sampleRss,
  serverLogTail,
  startProductionServer,
  treeCpuSeconds,
  treeRssBytes,
  type RunningServer,
} from './server-process';
import type { Row } from './results-file';
import { step } from './bench-step';
import { formatBytes, formatMs, formatP50P95, formatSeconds } from './stats';
import { startTimedFixture, writeTimeOf, type StreamRecording, type TimedFixture } from './timed-fixture';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium';


export interface ServerBenchResult {
  rows: Row[];
  notes: string[];
}

const BROWSER_SAMPLES = 5;
const LOAD_GENERATIONS = 20;

function sameFiles(a: FileMap, b: FileMap): boolean {
  const paths = Object.keys(a);
  return paths.length === Object.keys(b).length && paths.every((path) => a[path] === b[path]);
}

function describeDifference(expected: FileMap, actual: FileMap): string {
  const paths = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
  const differing = paths.filter((path) => expected[path] !== actual[path]);
  return `${differing.length} file(s) differ: ${differing.slice(0, 5).join(', ')}`;
}

/**
 * Pipeline delay of every code:chunk: when it arrived minus when the fixture wrote the chunk's last
 * character. The character's offset in the answer text is the file's content start plus the text of
 * that file received before this chunk (checked against the answer, and against startLine by
 * filesFromStream).
 */
function chunkDelays(followed: FollowedStream, recording: StreamRecording): { delays: number[]; mismatches: number } {
  const starts = new Map<string, number[]>();
  for (const { path, start } of fileContentStarts(recording.text)) starts.set(path, [...(starts.get(path) ?? []), start]);
  const cursor = new Map<string, number>();
  const delays: number[] = [];
  let mismatches = 0;
  for (const { event, receivedAt } of followed.received) {
    if (event.type === 'file:generating') {
      const start = starts.get(event.filePath)?.shift();
      if (start === undefined) mismatches++;
      else cursor.set(event.filePath, start);
    }
    if (event.type !== 'code:chunk') continue;
    const at = cursor.get(event.filePath);
    if (at === undefined || recording.text.slice(at, at + event.chunk.length) !== event.chunk) {
      mismatches++;
      continue;
    }
    cursor.set(event.filePath, at + event.chunk.length);
    const writtenAt = writeTimeOf(recording, at + event.chunk.length - 1);
    if (writtenAt === undefined) mismatches++;
    else delays.push(receivedAt - writtenAt);
  }
  return { delays, mismatches };
}

function recordingOf(fixture: TimedFixture, key: string): StreamRecording {
  const recording = fixture.recording(key);
  if (!recording) throw new Error(`the fixture never answered a request marked [bench:${key}]`);
  return recording;
}

async function expectComplete(client: BenchClient, versionId: string, timeoutMs: number): Promise<FollowedStream> {
  const followed = await followStream(client, versionId, { timeoutMs });
  if (followed.terminal?.type !== 'version:complete') {
    const version = await client.versions.get.query({ versionId });
    throw new Error(`v${version.versionNumber} (${versionId}) ended ${version.status}: ${version.error ?? followed.terminal?.type}`);
  }
  return followed;
}

async function versionFiles(client: BenchClient, versionId: string): Promise<FileMap> {
  const answer = await client.versions.files.query({ versionId });
  if (!answer.complete) throw new Error(`versions.files(${versionId}) is not complete`);
  if (answer.problems.length) throw new Error(`versions.files(${versionId}) reported problems: ${JSON.stringify(answer.problems)}`);
  return answer.files;
}

// ---------------------------------------------------------------------------------------------
// Step 1: create latency

async function measureCreateLatency(client: BenchClient, responder: BenchResponder, rows: Row[], notes: string[]) {
  const tiny = (key: string, line: string) => {
    responder.script(key, scriptedAnswer('Bench note', { 'README.md': `# Bench\n\n${line}\n` }, 'Wrote README.md.', 'create'));
    return withMarkers('A notes API with notes', { key, pace: 'fast', script: key });
  };
  // The first call after start loads the route's code: reported apart, not a steady-state figure.
  let started = performance.now();
  const warm = await client.projects.create.mutate({ prompt: tiny('create-warmup', 'warm-up') });
  const firstCallMs = performance.now() - started;
  await expectComplete(client, warm.versionId, 30_000);

  const projectMs: number[] = [];
  const versionMs: number[] = [];
  for (let index = 0; index < 10; index++) {
    started = performance.now();
    const project = await client.projects.create.mutate({ prompt: tiny(`create-p${index}`, `project ${index}`) });
    projectMs.push(performance.now() - started);
    await expectComplete(client, project.versionId, 30_000);
    started = performance.now();
    const version = await client.versions.create.mutate({ projectId: project.projectId, prompt: tiny(`create-v${index}`, `version 2 of ${index}`) });
    versionMs.push(performance.now() - started);
    if (version.versionNumber !== 2) throw new Error(`versions.create made v${version.versionNumber}, expected v2`);
    await expectComplete(client, version.versionId, 30_000);
  }
  rows.push([
    'create → versionId, projects.create + versions.create (p50 / p95)',
    formatP50P95([...projectMs, ...versionMs]),
    '< 300 ms (seed)',
  ]);
  notes.push(
    `Create latency: projects.create ${formatP50P95(projectMs)}, versions.create ${formatP50P95(versionMs)}; ` +
      `the first call after start (route code loading) took ${formatMs(firstCallMs)} and is not counted.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Steps 2 and 7: one project at 80 tokens/s on an idle server

const ITERATION_PROMPT = 'An API for tasks';
/** The first of these that the offline generator answers with files is the v2 request (its wording evolves). */
const ITERATION_CHANGES = ['add a priority field to tasks', 'add a field priority (number) to tasks', 'add a priority (number) field to tasks'];

async function measureIteration(
  client: BenchClient,
  fixture: TimedFixture,
  responder: BenchResponder,
  rows: Row[],
  notes: string[],
): Promise<number[]> {
  let started = performance.now();
  const v1 = await client.projects.create.mutate({ prompt: withMarkers(ITERATION_PROMPT, { key: 'iter-v1' }) });
  const v1Stream = await expectComplete(client, v1.versionId, 240_000);
  const v1WallMs = v1Stream.endedAt - started;
  const v1Files = await versionFiles(client, v1.versionId);
  const v1Summary = await client.versions.get.query({ versionId: v1.versionId });

  // The v2: the offline generator's own answer to the change, cut down to the one source file it
  // rewrites (the model or route of the resource), so exactly one of the project's files changes.
  let change: { prompt: string; generated: string; blocks: Array<{ path: string; content: string }> } | undefined;
  for (const prompt of ITERATION_CHANGES) {
    const generated = composeOfflineAnswer({ versionNumber: 2, prompt, baseFiles: v1Files, history: [] });
    const blocks = fileContentStarts(generated).map(({ path, start }) => ({ path, content: generated.slice(start, generated.indexOf('</file>', start)) }));
    if (blocks.length > 0) {
      change = { prompt, generated, blocks };
      break;
    }
  }
  if (!change) throw new Error(`the offline generator wrote no file for any of ${JSON.stringify(ITERATION_CHANGES)}`);
  const { generated, blocks } = change;
  const changePrompt = change.prompt;
  const changed = blocks.find((block) => block.path.startsWith('src/models/') || block.path.startsWith('src/routes/')) ?? blocks[0]!;
  responder.script('iter-v2', scriptedAnswer('Add priority', { [changed.path]: changed.content }, `Added priority to ${changed.path}.`));
  const generatedTokens = Math.ceil(generated.length / 4);

  started = performance.now();
  const v2 = await client.versions.create.mutate({
    projectId: v1.projectId,
    prompt: withMarkers(changePrompt, { key: 'iter-v2', script: 'iter-v2' }),
  });
  const v2Stream = await expectComplete(client, v2.versionId, 240_000);
  const v2WallMs = v2Stream.endedAt - started;
  const v2Summary = await client.versions.get.query({ versionId: v2.versionId });
  const v2Files = await versionFiles(client, v2.versionId);
  if (v2Summary.changes.length !== 1 || v2Files[changed.path] !== changed.content) {
    throw new Error(`v2 should change exactly ${changed.path}; it changed ${JSON.stringify(v2Summary.changes)}`);
  }
  if (responder.baseFileCounts.get('iter-v2') !== Object.keys(v1Files).length) {
    throw new Error(`the v2 prompt carried ${responder.baseFileCounts.get('iter-v2')} of ${Object.keys(v1Files).length} base files`);
  }

  const tokens = (summary: VersionSummary) => summary.usage?.completionTokens;
  const v1Tokens = tokens(v1Summary);
  const v2Tokens = tokens(v2Summary);
  if (v1Tokens === undefined || v2Tokens === undefined) throw new Error('versions.get has no usage.completionTokens');
  const fileCount = Object.keys(v1Files).length;
  rows.push([
    `v2 changing 1 of ${fileCount} files vs full v1: output tokens`,
    `${v2Tokens} vs ${v1Tokens} (${((100 * v2Tokens) / v1Tokens).toFixed(0)} %)`,
    'only the changed file (design)',
  ]);
  rows.push([
    `v2 changing 1 of ${fileCount} files vs full v1: create → complete`,
    `${formatSeconds(v2WallMs)} vs ${formatSeconds(v1WallMs)}`,
    'v2 within 15-25 s (seed: complete generation)',
  ]);
  notes.push(
    `Iteration: "${ITERATION_PROMPT}" gives ${fileCount} files at v1 (${v1Tokens} output tokens). For v2 "${changePrompt}" the ` +
      `offline generator rewrites ${blocks.map((block) => block.path).join(', ')} (${generatedTokens} tokens); the bench streams ` +
      `only its ${changed.path} (${v2Tokens} tokens), so exactly one file changes. The full v1 is the "regenerate everything" ` +
      `baseline: same project, every file, same pace. Server-side timings: v1 ttft ${v1Summary.usage?.ttftMs} ms, ` +
      `total ${v1Summary.usage?.totalMs} ms; v2 ttft ${v2Summary.usage?.ttftMs} ms, total ${v2Summary.usage?.totalMs} ms.`,
  );

  const delays: number[] = [];
  let mismatches = 0;
  for (const [followed, key] of [
    [v1Stream, 'iter-v1'],
    [v2Stream, 'iter-v2'],
  ] as const) {
    const result = chunkDelays(followed, recordingOf(fixture, key));
    delays.push(...result.delays);
    mismatches += result.mismatches;
  }
  if (mismatches) throw new Error(`${mismatches} code:chunk event(s) did not match the model's answer text`);
  const recording = recordingOf(fixture, 'iter-v1');
  const paceTokensPerSecond = recording.text.length / 4 / ((recording.times.at(-1)! - recording.times[0]!) / 1000);
  notes.push(`The fixture's measured pace for v1: ${paceTokensPerSecond.toFixed(1)} tokens/s (4 characters a token).`);
  return delays;
}

// ---------------------------------------------------------------------------------------------
// Step 3: first code visible in Chromium

async function measureFirstCodeVisible(client: BenchClient, baseUrl: string, rows: Row[], notes: string[]) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // A returning visitor: the app's scripts are in the browser cache, as after /ask.
    await page.goto(`${baseUrl}/`, { waitUntil: 'load', timeout: 60_000 });
    const samples: number[] = [];
    let firstVisitMs = 0;
    for (let index = 0; index <= BROWSER_SAMPLES; index++) {
      const started = Date.now();
      const created = await client.projects.create.mutate({ prompt: withMarkers(ITERATION_PROMPT, { key: `browser-${index}` }) });
      await page.goto(`${baseUrl}/projects/${created.projectId}`, { waitUntil: 'commit', timeout: 30_000 });
      const visibleAt = await page.waitForFunction(
        () => {
          const text = document.querySelector('[data-testid="code-view"]')?.textContent ?? '';
          return text.trim().length > 0 ? Date.now() : false;
        },
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      const ms = Number(await visibleAt.jsonValue()) - started;
      // Sample 0 warms the project page's own scripts; it is not counted.
      if (index > 0) samples.push(ms);
      else firstVisitMs = ms;
      await client.versions.stop.mutate({ versionId: created.versionId });
      const followed = await followStream(client, created.versionId, { timeoutMs: 30_000 });
      if (followed.terminal?.type !== 'error') throw new Error(`the stopped browser sample ended with ${followed.terminal?.type}`);
    }
    rows.push(['create → first code visible in Chromium (p50 / p95)', formatP50P95(samples), '< 3 s (seed)']);
    notes.push(
      `First code visible: from the projects.create call (80 tokens/s, first token after 400 ms) to a non-empty ` +
        `[data-testid=code-view] in a page opened on /projects/<id> right after it; the version is then stopped. One browser ` +
        `context that has loaded / before; the first project page visit (its scripts not yet cached, the route's first ` +
        `server render) took ${formatMs(firstVisitMs)} and is not counted.`,
    );
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Step 4: version switch, cold and warm

/** ~2.5 KB of TypeScript, different per index. */
function routeFile(index: number, limit = 100): string {
  const lines = [`import { z } from 'zod';`, `import { Router } from '../lib/router';`, '', `const item${index}Schema = z.object({`];
  for (let field = 0; field < 12; field++) lines.push(`  field${field}: z.string().min(1).max(${limit + index}),`);
  lines.push('});', '', `export function register${index}(router: Router) {`);
  for (let route = 0; route < 10; route++) {
    lines.push(`  router.get('/items${index}/${route}', (request, response) => response.json({ index: ${index}, route: ${route} }));`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

async function measureVersionSwitch(client: BenchClient, responder: BenchResponder, rows: Row[], notes: string[]) {
  const fileCount = 30;
  const paths = Array.from({ length: fileCount }, (_, index) => `src/routes/r${String(index).padStart(2, '0')}.ts`);
  let files: FileMap = Object.fromEntries(paths.map((path, index) => [path, routeFile(index)]));
  responder.script('chain-v1', scriptedAnswer('Thirty routes', files, 'Wrote 30 route files.', 'create'));
  const v1 = await client.projects.create.mutate({ prompt: withMarkers('A thirty-file API', { key: 'chain-v1', pace: 'fast', script: 'chain-v1' }) });
  await expectComplete(client, v1.versionId, 60_000);

  const expected = new Map<string, FileMap>([[v1.versionId, files]]);
  const edit = (base: FileMap, path: string, limit: number, tag: string) => ({ ...base, [path]: routeFile(paths.indexOf(path), limit) + `// ${tag}\n` });
  let previousId = v1.versionId;
  const ids: string[] = [v1.versionId];
  for (let step = 1; step <= 10; step++) {
    const path = paths[step - 1]!;
    files = edit(files, path, 100 + step, `edit ${step}`);
    const key = `chain-v${step + 1}`;
    responder.script(key, scriptedAnswer(`Edit ${step}`, { [path]: files[path]! }, `Edited ${path}.`));
    const created = await client.versions.create.mutate({ projectId: v1.projectId, prompt: withMarkers(`edit ${step}`, { key, pace: 'fast', script: key }) });
    await expectComplete(client, created.versionId, 60_000);
    expected.set(created.versionId, files);
    ids.push(created.versionId);
    previousId = created.versionId;
  }
  // v11 sits 10 diffs after the v1 snapshot. Branches from v10 sit at the same depth, so each is a
  // further version that nothing has read yet: one cold read each.
  const v10Id = ids[9]!;
  const v10Files = expected.get(v10Id)!;
  const cold = [previousId];
  for (let branch = 1; branch <= 9; branch++) {
    const path = paths[10 + branch]!;
    const branchFiles = edit(v10Files, path, 500 + branch, `branch ${branch}`);
    const key = `chain-b${branch}`;
    responder.script(key, scriptedAnswer(`Branch ${branch}`, { [path]: branchFiles[path]! }, `Edited ${path}.`));
    const created = await client.versions.create.mutate({
      projectId: v1.projectId,
      prompt: withMarkers(`branch ${branch}`, { key, pace: 'fast', script: key }),
      baseVersionId: v10Id,
    });
    await expectComplete(client, created.versionId, 60_000);
    expected.set(created.versionId, branchFiles);
    cold.push(created.versionId);
  }

  const coldMs: number[] = [];
  for (const versionId of cold) {
    const started = performance.now();
    const answer = await versionFiles(client, versionId);
    coldMs.push(performance.now() - started);
    if (!sameFiles(answer, expected.get(versionId)!)) throw new Error(`cold read of ${versionId}: ${describeDifference(expected.get(versionId)!, answer)}`);
  }
  const warmMs: number[] = [];
  for (let sample = 0; sample < 20; sample++) {
    const started = performance.now();
    const answer = await versionFiles(client, previousId);
    warmMs.push(performance.now() - started);
    if (!sameFiles(answer, expected.get(previousId)!)) throw new Error('warm read differs from the expected files');
  }
  const bytes = Object.values(files).reduce((total, content) => total + Buffer.byteLength(content), 0);
  rows.push([`version switch, cold: versions.files, 10 diffs, ${fileCount} files (p50 / p95)`, formatP50P95(coldMs), '< 500 ms (seed)']);
  rows.push([`version switch, warm: server cache (p50 / p95)`, formatP50P95(warmMs), '< 500 ms (seed)']);
  rows.push(['version switch, already seen in the browser', 'no request (client cache; not measured)', 'instant (seed)']);
  notes.push(
    `Version switch: ${fileCount} files (${formatBytes(bytes)}) over HTTP with superjson. Cold = the first read of v11 and of 9 ` +
      `branches from v10, each 10 diffs after the v1 snapshot and never read before; warm = v11 again from the server's LRU cache. ` +
      `A version the browser has loaded is not asked again: useFileReconstruction keeps complete answers with staleTime Infinity.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Step 6: 20 generations at once

const LOAD_PROMPTS = ['An API for tasks', 'A notes API with notes', 'A bookmarks API with bookmarks', 'A contacts API with contacts'];

async function measureLoad(client: BenchClient, fixture: TimedFixture, server: RunningServer, rows: Row[], notes: string[]) {
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
  rows.push([`model chunk → client, under load (p50 / p95)`, formatP50P95(delays), 'none in seed']);
  rows.push([
    `${LOAD_GENERATIONS} generations: server CPU / peak RSS`,
    `${((100 * cpuSeconds) / (wallMs / 1000)).toFixed(0)} % of one core over ${formatSeconds(wallMs)} / ${formatBytes(peakRss)}`,
    'none in seed',
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

// ---------------------------------------------------------------------------------------------

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
    server = await step('start next (production)', 90_000, () => startProductionServer(PROJECT_ROOT, { port: BENCH_SERVER_PORT, openaiBaseUrl: fixture.baseURL }));
    const client = createBenchClient(server.baseUrl);
    const running = server;
    try {
      await step('1. create latency', 120_000, () => measureCreateLatency(client, responder, rows, notes));
      const idleDelays = await step('2+7. one project at 80 tokens/s: v1, then a one-file v2', 300_000, () =>
        measureIteration(client, fixture, responder, rows, notes),
      );
      rows.push(['model chunk → client, idle server (p50 / p95)', formatP50P95(idleDelays), 'none in seed (publisher batches ~100 ms)']);
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

/** The table follows the numbering, whatever order the steps ran in. */
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
