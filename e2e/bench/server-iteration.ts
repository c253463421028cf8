// Server bench, steps 2 and 7: one project at 80 tokens/s on an idle server. Its v1 gives the delay
// from a model chunk to the long-polling client; a v2 that changes one file is set against the full
// v1 of the same project, in output tokens and in time.
import { performance } from 'node:perf_hooks';
import { composeOfflineAnswer } from '../../src/generation/offline/answer/compose-answer';
import type { VersionSummary } from '../../src/types/versioning';
import type { BenchClient } from './bench-client';
import { fileContentStarts, scriptedAnswer, withMarkers, type BenchResponder } from './bench-responder';
import type { Row } from './results-file';
import { chunkDelays, expectComplete, recordingOf, versionFiles } from './server-stream-checks';
import { formatSeconds } from './stats';
import type { TimedFixture } from './timed-fixture';

export const ITERATION_PROMPT = 'An API for tasks';
/** The first of these that the offline generator answers with files is the v2 request (its wording evolves). */
const ITERATION_CHANGES = ['add a priority field to tasks', 'add a field priority (number) to tasks', 'add a priority (number) field to tasks'];

export async function measureIteration(
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
    'v2 within 15-25 s (complete generation)',
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
