import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '@/types/streaming';
import { createPublisher } from './publisher';

const VERSION_ID = '00000000-0000-4000-8000-000000000001';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function recordingSinks() {
  const written: StreamEvent[] = [];
  return { written, sinks: { write: async (events: StreamEvent[]) => void written.push(...events) } };
}

describe('stream publisher', () => {
  it('writes adjacent chunks of one file as one event, in seq order after the start', async () => {
    const { written, sinks } = recordingSinks();
    const publisher = createPublisher(VERSION_ID, sinks, { startAfterSeq: 4 });
    publisher.emit({ type: 'file:generating', filePath: 'a.ts' });
    publisher.emit({ type: 'code:chunk', filePath: 'a.ts', chunk: 'con', startLine: 1 });
    publisher.emit({ type: 'code:chunk', filePath: 'a.ts', chunk: 'st', startLine: 1 });
    await vi.advanceTimersByTimeAsync(100);
    expect(written.map((event) => [event.seq, event.type])).toEqual([
      [5, 'file:generating'],
      [6, 'code:chunk'],
    ]);
    expect(written[1]).toMatchObject({ chunk: 'const' });
  });

  it('discard drops what is not written and writes nothing later', async () => {
    const { written, sinks } = recordingSinks();
    const publisher = createPublisher(VERSION_ID, sinks);
    publisher.emit({ type: 'step', name: 'planning' });
    await vi.advanceTimersByTimeAsync(100);
    publisher.emit({ type: 'step', name: 'generating' });
    publisher.discard();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(written.map((event) => event.type)).toEqual(['step']);
  });
});
