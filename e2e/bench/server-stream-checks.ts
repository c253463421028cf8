// Checks and timings the server bench's steps share: comparing file sets, following a version to its
// end, reading a version's files, and pairing each streamed code chunk with the moment the model
// fixture wrote it.
import type { FileMap } from '../../src/types/versioning';
import { followStream, type BenchClient, type FollowedStream } from './bench-client';
import { fileContentStarts } from './bench-responder';
import { writeTimeOf, type StreamRecording, type TimedFixture } from './timed-fixture';

export function sameFiles(a: FileMap, b: FileMap): boolean {
  const paths = Object.keys(a);
  return paths.length === Object.keys(b).length && paths.every((path) => a[path] === b[path]);
}

export function describeDifference(expected: FileMap, actual: FileMap): string {
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
export function chunkDelays(followed: FollowedStream, recording: StreamRecording): { delays: number[]; mismatches: number } {
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

export function recordingOf(fixture: TimedFixture, key: string): StreamRecording {
  const recording = fixture.recording(key);
  if (!recording) throw new Error(`the fixture never answered a request marked [bench:${key}]`);
  return recording;
}

export async function expectComplete(client: BenchClient, versionId: string, timeoutMs: number): Promise<FollowedStream> {
  const followed = await followStream(client, versionId, { timeoutMs });
  if (followed.terminal?.type !== 'version:complete') {
    const version = await client.versions.get.query({ versionId });
    throw new Error(`v${version.versionNumber} (${versionId}) ended ${version.status}: ${version.error ?? followed.terminal?.type}`);
  }
  return followed;
}

export async function versionFiles(client: BenchClient, versionId: string): Promise<FileMap> {
  const answer = await client.versions.files.query({ versionId });
  if (!answer.complete) throw new Error(`versions.files(${versionId}) is not complete`);
  if (answer.problems.length) throw new Error(`versions.files(${versionId}) reported problems: ${JSON.stringify(answer.problems)}`);
  return answer.files;
}
