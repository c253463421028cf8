// The server bench's model: src/test/openai-fixture-server.ts (OpenAI's streaming wire format),
// answering from the bench's responder and recording, for every request, when each SSE chunk was
// written and how much of the answer was out by then, so the bench can time the pipeline.
import { performance } from 'node:perf_hooks';
import { startOpenAIFixtureServer, type RecordedRequest } from '../../src/test/openai-fixture-server';

export interface Pace {
  /** Characters per SSE chunk (4 characters ≈ 1 token). */
  chunkSize: number;
  chunkDelayMs: number;
  firstTokenDelayMs: number;
}

export interface FixtureAnswer {
  /** Names the recording, so the bench finds the stream that wrote a version's answer. */
  key: string;
  text: string;
  pace: Pace;
}

/** The chat-completions request the fixture received. */
export type ChatBody = RecordedRequest['body'];

export interface StreamRecording {
  key: string;
  text: string;
  /** After the i-th content chunk: characters of `text` written so far, and when (performance.now()). */
  ends: number[];
  times: number[];
}

export interface TimedFixture {
  /** Base URL for the SDK, ending in /v1. */
  baseURL: string;
  /** The last recording of `key` (a retried request adds another). */
  recording(key: string): StreamRecording | undefined;
  /** Answers every request; throwing answers HTTP 400 with the message (the server then fails the version). */
  respondUsing(responder: (body: ChatBody) => FixtureAnswer): void;
  close(): Promise<void>;
}

export async function startTimedFixture(): Promise<TimedFixture> {
  const server = await startOpenAIFixtureServer();
  const recordings = new Map<string, StreamRecording[]>();
  return {
    baseURL: server.baseURL,
    recording: (key) => recordings.get(key)?.at(-1),
    respondUsing(responder) {
      server.respondUsing((body) => {
        const answer = responder(body);
        const recording: StreamRecording = { key: answer.key, text: answer.text, ends: [], times: [] };
        recordings.set(answer.key, [...(recordings.get(answer.key) ?? []), recording]);
        return {
          kind: 'stream',
          text: answer.text,
          ...answer.pace,
          onChunkWritten(charactersWritten) {
            recording.ends.push(charactersWritten);
            recording.times.push(performance.now());
          },
        };
      });
    },
    close: () => server.close(),
  };
}

/** The time the character at `offset` of the answer was written, or undefined if it never was. */
export function writeTimeOf(recording: StreamRecording, offset: number): number | undefined {
  // Binary search: the first chunk whose cumulative end passes `offset`.
  let low = 0;
  let high = recording.ends.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (recording.ends[middle]! > offset) {
      found = middle;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found === -1 ? undefined : recording.times[found];
}
