// An OpenAI-wire streaming server for the server bench, like src/test/openai-fixture-server.ts
// (same `data:` chat.completion.chunk lines, `[DONE]`, the usage chunk when asked for), plus what
// the bench needs to time the pipeline: for every request it records when each SSE chunk was
// written and the cumulative character offset of the answer text it had written by then.
//
// Chunks follow an absolute schedule (first at `firstTokenDelayMs`, then one every `chunkDelayMs`),
// so the pace is exact on average even when a timer fires late.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { readRequestBody } from '../../src/test/read-request-body';

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

export interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
}

export interface StreamRecording {
  key: string;
  text: string;
  pace: Pace;
  /** performance.now() when the request arrived. */
  requestedAt: number;
  /** After the i-th content chunk: characters of `text` written so far, and when (performance.now()). */
  ends: number[];
  times: number[];
  finished: boolean;
}

export interface TimedFixture {
  /** Base URL for the SDK, ending in /v1. */
  baseURL: string;
  /** Recordings by key, in arrival order (a retried request adds another). */
  recordings: Map<string, StreamRecording[]>;
  /** The last recording of `key`. */
  recording(key: string): StreamRecording | undefined;
  /** Answers every request; throwing answers HTTP 500 with the message (the server then fails the version). */
  respondUsing(responder: (body: ChatBody) => FixtureAnswer): void;
  readonly requestCount: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function chunkPayload(id: string, model: string, delta: Record<string, string>, finishReason: string | null) {
  return { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

async function writeStream(response: ServerResponse, answer: FixtureAnswer, body: ChatBody, recording: StreamRecording) {
  const id = `chatcmpl-bench-${Date.now()}`;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
  const { chunkSize, chunkDelayMs, firstTokenDelayMs } = answer.pace;
  const start = recording.requestedAt + firstTokenDelayMs;
  await sleep(start - performance.now());
  send(chunkPayload(id, body.model, { role: 'assistant', content: '' }, null));
  let index = 0;
  for (let offset = 0; offset < answer.text.length; offset += chunkSize, index++) {
    if (response.destroyed) return;
    const due = start + index * chunkDelayMs;
    const wait = due - performance.now();
    if (wait > 0.5) await sleep(wait);
    const piece = answer.text.slice(offset, offset + chunkSize);
    send(chunkPayload(id, body.model, { content: piece }, null));
    recording.ends.push(offset + piece.length);
    recording.times.push(performance.now());
  }
  send(chunkPayload(id, body.model, {}, 'stop'));
  if (body.stream_options?.include_usage) {
    const promptChars = body.messages.reduce((total, message) => total + message.content.length, 0);
    const usage = { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.ceil(answer.text.length / 4), total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
    send({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model, choices: [], usage });
  }
  response.end('data: [DONE]\n\n');
  recording.finished = true;
}

export async function startTimedFixture(): Promise<TimedFixture> {
  const recordings = new Map<string, StreamRecording[]>();
  const sockets = new Set<Socket>();
  let responder: ((body: ChatBody) => FixtureAnswer) | undefined;
  let requestCount = 0;

  const server = createServer(async (request, response) => {
    const requestedAt = performance.now();
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    requestCount++;
    let answer: FixtureAnswer;
    let body: ChatBody;
    try {
      body = JSON.parse(await readRequestBody(request)) as ChatBody;
      if (!responder) throw new Error('the bench fixture has no responder');
      answer = responder(body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // 400, not 5xx: the adapter would retry a 5xx, and a responder bug will not go away.
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message, type: 'fixture_error' } }));
      return;
    }
    const recording: StreamRecording = { key: answer.key, text: answer.text, pace: answer.pace, requestedAt, ends: [], times: [], finished: false };
    const list = recordings.get(answer.key) ?? [];
    list.push(recording);
    recordings.set(answer.key, list);
    await writeStream(response, answer, body, recording);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    recordings,
    recording: (key) => recordings.get(key)?.at(-1),
    respondUsing: (next) => {
      responder = next;
    },
    get requestCount() {
      return requestCount;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
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
