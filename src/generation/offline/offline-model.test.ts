import { describe, expect, it } from 'vitest';
import type { GenerationRequest } from '../ports';
import { createFileBlockParser } from '../file-blocks/file-block-parser';
import { composeOfflineAnswer } from './answer/compose-answer';
import { createOfflineModel } from './offline-model';

const REQUEST: GenerationRequest = {
  versionNumber: 1,
  prompt: 'A REST API for a bookstore with authors and books',
  baseFiles: {},
  history: [],
};

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('createOfflineModel', () => {
  it('streams the composed answer in many small chunks', async () => {
    const model = createOfflineModel({ chunkDelayMs: 0 });
    expect(model.name).toBe('offline');
    const chunks = await collect(model.stream(REQUEST, { signal: new AbortController().signal }));
    expect(chunks.join('')).toBe(composeOfflineAnswer(REQUEST));
    expect(chunks.length).toBeGreaterThan(100);
    expect(chunks.every((chunk) => chunk.length > 0 && chunk.length <= 24)).toBe(true);
  });

  it('cuts chunks of the requested size', async () => {
    const chunks = await collect(createOfflineModel({ chunkDelayMs: 0, chunkSize: 7 }).stream(REQUEST, { signal: new AbortController().signal }));
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === 7)).toBe(true);
  });

  it('streams text the parser turns into the project files', async () => {
    const parser = createFileBlockParser();
    const events = [];
    for await (const chunk of createOfflineModel({ chunkDelayMs: 0, chunkSize: 5 }).stream(REQUEST, { signal: new AbortController().signal })) {
      events.push(...parser.push(chunk));
    }
    events.push(...parser.end());
    const finished = events.filter((event) => event.kind === 'file:end').map((event) => event.path);
    expect(finished).toContain('src/routes/books.ts');
    expect(finished).toContain('openapi.json');
    expect(events.filter((event) => event.kind === 'file:rejected' || event.kind === 'file:truncated' || event.kind === 'prose')).toEqual([]);
    expect(events.at(-1)?.kind).toBe('summary');
  });

  it('pauses between chunks', async () => {
    const model = createOfflineModel({ chunkDelayMs: 20, chunkSize: 10_000 });
    const started = performance.now();
    const chunks = await collect(model.stream(REQUEST, { signal: new AbortController().signal }));
    expect(chunks.length).toBeGreaterThan(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual((chunks.length - 1) * 20 - 5);
  });

  it('stops promptly with an AbortError when aborted mid-pause', async () => {
    const controller = new AbortController();
    const stream = createOfflineModel({ chunkDelayMs: 60_000 }).stream(REQUEST, { signal: controller.signal });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const next = iterator.next();
    const started = performance.now();
    setTimeout(() => controller.abort(), 10);
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('yields nothing for an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(collect(createOfflineModel({ chunkDelayMs: 0 }).stream(REQUEST, { signal: controller.signal }))).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
