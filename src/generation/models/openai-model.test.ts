// The real `openai` SDK against a local server speaking OpenAI's streaming wire format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';
import type { GenerationRequest, ModelOutput, ModelUsage } from '../ports';
import { createOpenAIModel } from './openai-model';

const V1_REQUEST: GenerationRequest = { versionNumber: 1, prompt: 'A todo API', baseFiles: {}, history: [] };

async function collect(iterable: AsyncIterable<ModelOutput>): Promise<string> {
  let text = '';
  for await (const chunk of iterable) text += typeof chunk === 'string' ? chunk : chunk.text;
  return text;
}

describe('OpenAI model adapter', () => {
  let fixture: OpenAIFixtureServer;
  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
  });
  afterAll(() => fixture.close());

  const model = () => createOpenAIModel({ baseURL: fixture.baseURL, model: 'gpt-4o', retryBaseDelayMs: 10 });

  it('streams the text and records usage and timings', async () => {
    const text = '<file path="a.ts">\nexport const a = 1;\n</file><summary>ok</summary>';
    fixture.respondWith({ kind: 'stream', text, chunkSize: 5 });
    let usage: ModelUsage | undefined;
    const stream = model().stream(V1_REQUEST, { signal: new AbortController().signal, onUsage: (reported) => (usage = reported) });
    expect(await collect(stream)).toBe(text);
    expect(usage?.completionTokens).toBeGreaterThan(0);
    expect(usage?.promptTokens).toBeGreaterThan(0);
    expect(usage?.ttftMs).toBeGreaterThanOrEqual(0);
    const request = fixture.requests.at(-1)!.body;
    expect(request).toMatchObject({ model: 'gpt-4o', stream: true });
    expect(request.messages[0]!.content).toContain('GET /health');
  });

  it('retries a 429 and a 503 before the first token, then streams', async () => {
    const before = fixture.requests.length;
    fixture.respondWith(
      { kind: 'error', status: 429, message: 'Rate limit reached', retryAfterSeconds: 0 },
      { kind: 'error', status: 503, message: 'overloaded' },
      { kind: 'stream', text: 'hello' },
    );
    expect(await collect(model().stream(V1_REQUEST, { signal: new AbortController().signal }))).toBe('hello');
    expect(fixture.requests.length - before).toBe(3);
  });

  it('fails with the provider message on a non-retryable error', async () => {
    fixture.respondWith({ kind: 'error', status: 404, message: 'The model `gpt-9` does not exist' });
    await expect(collect(model().stream(V1_REQUEST, { signal: new AbortController().signal }))).rejects.toThrow(/404.*gpt-9/);
  });

  it('fails clearly, without retrying, when the stream drops after it started', async () => {
    const before = fixture.requests.length;
    fixture.respondWith({ kind: 'stream', text: 'x'.repeat(400), chunkSize: 20, dropAfterChars: 100 });
    await expect(collect(model().stream(V1_REQUEST, { signal: new AbortController().signal }))).rejects.toThrow(/broke off/);
    expect(fixture.requests.length - before).toBe(1);
  });

  it('stops within a second when aborted', async () => {
    fixture.respondWith({ kind: 'stream', text: 'y'.repeat(10_000), chunkSize: 10, chunkDelayMs: 20 });
    const controller = new AbortController();
    const started = Date.now();
    const reading = collect(model().stream(V1_REQUEST, { signal: controller.signal }));
    setTimeout(() => controller.abort('stopped'), 100);
    await expect(reading).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
