// A local HTTP server that speaks OpenAI's chat-completions streaming wire format (SSE `data:` lines
// of chat.completion.chunk objects, then `[DONE]`), driven by scripted responses. Tests and the
// benchmark point the real `openai` SDK at it, so everything but the network hop to a provider is real.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { readRequestBody } from './read-request-body';

export type ScriptedResponse =
  | {
      kind: 'stream';
      text: string;
      /** Characters per SSE chunk (default 16, about 4 tokens). */
      chunkSize?: number;
      chunkDelayMs?: number;
      firstTokenDelayMs?: number;
      /** Destroy the connection after this many characters: a provider dropping mid-stream. */
      dropAfterChars?: number;
      /** `length`: the answer was cut at the output-token limit, as a provider reports it (default `stop`). */
      finishReason?: 'stop' | 'length';
      /** Told right after each content chunk is written, with the characters of `text` written so far (the bench times the pipeline from it). */
      onChunkWritten?: (charactersWritten: number) => void;
    }
  | { kind: 'error'; status: number; message: string; retryAfterSeconds?: number };

export interface RecordedRequest {
  body: { model: string; messages: Array<{ role: string; content: string }>; stream?: boolean; [key: string]: unknown };
}

export interface OpenAIFixtureServer {
  /** Base URL for the SDK, ending in /v1. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues responses, used one per request in order. */
  respondWith(...responses: ScriptedResponse[]): void;
  /** Answers every request the queue does not, from what was asked (concurrent calls arrive in any order). */
  respondUsing(responder: ((body: RecordedRequest['body']) => ScriptedResponse) | undefined): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function chunkPayload(id: string, model: string, delta: Record<string, string>, finishReason: string | null) {
  return { id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finishReason }] };
}

/** The prompt as one text, in message order: what a provider's prompt cache keys on. */
function promptText(body: RecordedRequest['body']): string {
  return body.messages.map((message) => `${message.role}\n${message.content}\n`).join('');
}

/**
 * OpenAI's automatic prompt caching, as documented: a prompt of 1,024 tokens or more reuses the longest
 * prefix it shares with an earlier prompt, in steps of 128 tokens from 1,024 on. Tokens are 4 characters here.
 */
export function createPromptCache() {
  const seen: string[] = [];
  return {
    cachedTokens(prompt: string): number {
      let shared = 0;
      for (const earlier of seen) {
        let index = 0;
        const limit = Math.min(earlier.length, prompt.length);
        while (index < limit && earlier.charCodeAt(index) === prompt.charCodeAt(index)) index++;
        shared = Math.max(shared, index);
      }
      seen.push(prompt);
      if (seen.length > 64) seen.shift();
      const sharedTokens = Math.floor(shared / 4);
      return sharedTokens < 1024 ? 0 : 1024 + Math.floor((sharedTokens - 1024) / 128) * 128;
    },
  };
}

async function writeStream(
  response: ServerResponse,
  script: Extract<ScriptedResponse, { kind: 'stream' }>,
  body: RecordedRequest['body'],
  cache: ReturnType<typeof createPromptCache>,
) {
  const id = `chatcmpl-fixture-${Date.now()}`;
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
  // An absolute schedule (chunk i at start + i × chunkDelayMs) keeps the pace exact on average even
  // when a timer fires late.
  const start = performance.now() + (script.firstTokenDelayMs ?? 0);
  await sleep(start - performance.now());
  send(chunkPayload(id, body.model, { role: 'assistant', content: '' }, null));
  const size = script.chunkSize ?? 16;
  let sent = 0;
  for (let offset = 0, index = 0; offset < script.text.length; offset += size, index++) {
    const wait = start + index * (script.chunkDelayMs ?? 0) - performance.now();
    if (wait > 0.5) await sleep(wait);
    if (response.destroyed) return;
    const piece = script.text.slice(offset, offset + size);
    send(chunkPayload(id, body.model, { content: piece }, null));
    sent += piece.length;
    script.onChunkWritten?.(sent);
    if (script.dropAfterChars !== undefined && sent >= script.dropAfterChars) {
      // Let what was written reach the client first, as a real mid-stream drop would.
      await sleep(50);
      response.socket?.destroy();
      return;
    }
  }
  send(chunkPayload(id, body.model, {}, script.finishReason ?? 'stop'));
  const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
  if (includeUsage) {
    const prompt = promptText(body);
    const promptTokens = Math.ceil(prompt.length / 4);
    const completionTokens = Math.ceil(script.text.length / 4);
    send({
      id,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        prompt_tokens_details: { cached_tokens: cache.cachedTokens(prompt) },
      },
    });
  }
  response.end('data: [DONE]\n\n');
}

export async function startOpenAIFixtureServer(): Promise<OpenAIFixtureServer> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let responder: ((body: RecordedRequest['body']) => ScriptedResponse) | undefined;
  const cache = createPromptCache();

  const server = createServer(async (request, response) => {
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    let body: RecordedRequest['body'];
    let script: ScriptedResponse;
    try {
      body = JSON.parse(await readRequestBody(request)) as RecordedRequest['body'];
      requests.push({ body });
      script = queue.shift() ?? responder?.(body) ?? { kind: 'error', status: 500, message: 'The fixture has no scripted response left.' };
    } catch (error) {
      // 400, not 5xx: the SDK would retry a 5xx, and a bad request or a responder's bug will not go away.
      const message = error instanceof Error ? error.message : String(error);
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message, type: 'fixture_error' } }));
      return;
    }
    if (script.kind === 'error') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (script.retryAfterSeconds !== undefined) headers['retry-after'] = String(script.retryAfterSeconds);
      response.writeHead(script.status, headers).end(JSON.stringify({ error: { message: script.message, type: 'fixture_error' } }));
      return;
    }
    await writeStream(response, script, body, cache);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    respondWith: (...responses) => queue.push(...responses),
    respondUsing: (next) => {
      responder = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
