import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '@/types/streaming';
import type { VersionStatus } from '@/types/versioning';
import type { GenerationStreamState } from './generation-stream-state';
import type { RealtimeStreamStatus } from './realtime-stream-transport';
import { LONG_POLL_WAIT_MS, POLL_INTERVAL_MS, QUIET_CHECK_MS, STREAM_BATCH_INTERVAL_MS } from './stream-follow-plan';
import { followVersionStream, RECONNECTING_MESSAGE, type BufferAnswer } from './version-stream-follower';

const VERSION_ID = 'version-1';
const TOTAL = 30;

/** 29 chunks of one file, then version:complete: the file's text shows order and duplicates. */
const allEvents: StreamEvent[] = Array.from({ length: TOTAL }, (_, index): StreamEvent => {
  const envelope = { versionId: VERSION_ID, seq: index + 1, at: '2026-01-01T00:00:00.000Z' };
  return index + 1 < TOTAL
    ? { ...envelope, type: 'code:chunk', filePath: 'a.ts', chunk: `${index + 1};`, startLine: 1 }
    : { ...envelope, type: 'version:complete', summary: 'done', filesChanged: 1 };
});
const expectedFile = allEvents.flatMap((event) => (event.type === 'code:chunk' ? [event.chunk] : [])).join('');

/** stream_buffer behind `stream.since`: answers at once with events after afterSeq, else holds up to waitMs. */
function createFakeBuffer() {
  const events: StreamEvent[] = [];
  const waiters = new Set<() => void>();
  const reads: Array<{ afterSeq: number; waitMs: number }> = [];
  let failNext: unknown[] = [];
  return {
    reads,
    failWith(...errors: unknown[]) {
      failNext = errors;
    },
    append(from: number, to: number) {
      events.push(...allEvents.slice(from, to));
      for (const wake of waiters) wake();
    },
    async read(input: { afterSeq: number; waitMs: number }, signal: AbortSignal): Promise<BufferAnswer> {
      reads.push({ afterSeq: input.afterSeq, waitMs: input.waitMs });
      if (failNext.length > 0) throw failNext.shift();
      const answer = (): BufferAnswer => {
        const after = events.filter((event) => event.seq > input.afterSeq);
        const ended = events.some((event) => event.type === 'version:complete');
        const status: VersionStatus = ended ? 'complete' : 'generating';
        return { events: after, status };
      };
      if (answer().events.length > 0 || input.waitMs === 0) return answer();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(done, input.waitMs);
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        waiters.add(done);
        signal.addEventListener('abort', () => {
          done();
          reject(new Error('aborted'));
        });
      });
      return answer();
    },
  };
}

function startFollowing(buffer: ReturnType<typeof createFakeBuffer>, initialStatus: RealtimeStreamStatus | null) {
  let realtimeStatus = initialStatus;
  const controller = new AbortController();
  const seen = { state: null as GenerationStreamState | null, ended: [] as GenerationStreamState[], health: [] as Array<string | null> };
  const follower = followVersionStream({
    versionId: VERSION_ID,
    signal: controller.signal,
    readBuffer: (input, signal) => buffer.read(input, signal),
    realtimeStatus: () => realtimeStatus,
    finalError: (error) => (error instanceof Error && error.message === 'NOT_FOUND' ? 'This version does not exist.' : null),
    onState: (state) => (seen.state = state),
    onHealth: (health) => seen.health.push(health.error),
    onEnded: (state) => seen.ended.push(state),
  });
  return {
    seen,
    follower,
    stop: () => controller.abort(),
    setStatus(status: RealtimeStreamStatus) {
      realtimeStatus = status;
      follower.realtimeStatusChanged(status);
    },
  };
}

function expectEveryEventOnce(state: GenerationStreamState | null) {
  expect(state?.lastSeq).toBe(TOTAL);
  expect(state?.files['a.ts']?.content).toBe(expectedFile);
  expect(state?.ended?.kind).toBe('complete');
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('followVersionStream in embedded mode', () => {
  it('long-polls the buffer from seq 0 until the version ends, and reports the end once', async () => {
    const buffer = createFakeBuffer();
    const { seen } = startFollowing(buffer, null);
    buffer.append(0, 10);
    await vi.advanceTimersByTimeAsync(100);
    buffer.append(10, TOTAL);
    await vi.advanceTimersByTimeAsync(100);

    expectEveryEventOnce(seen.state);
    expect(seen.ended).toHaveLength(1);
    // Health is reported when it changes, not once per read.
    expect(seen.health).toEqual([null]);
    expect(buffer.reads.every((read) => read.waitMs === LONG_POLL_WAIT_MS)).toBe(true);
    expect(buffer.reads.map((read) => read.afterSeq)).toEqual([0, 10]);
  });

  it('starts a long-poll at most every 200 ms while events keep coming, and misses none', async () => {
    const buffer = createFakeBuffer();
    const { seen } = startFollowing(buffer, null);
    // An event every 20 ms for a second: a read per event would be 50.
    for (let seq = 0; seq < TOTAL; seq++) {
      buffer.append(seq, seq + 1);
      await vi.advanceTimersByTimeAsync(1_000 / TOTAL);
    }
    await vi.advanceTimersByTimeAsync(STREAM_BATCH_INTERVAL_MS);

    expectEveryEventOnce(seen.state);
    expect(buffer.reads.length).toBeLessThanOrEqual(1_000 / STREAM_BATCH_INTERVAL_MS + 2);
    expect(buffer.reads.length).toBeGreaterThanOrEqual(1_000 / STREAM_BATCH_INTERVAL_MS);
  });

  it('retries after a failed read, saying so, and gives up only on an error no retry can fix', async () => {
    const buffer = createFakeBuffer();
    buffer.failWith(new Error('fetch failed'));
    const { seen } = startFollowing(buffer, null);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.health).toEqual([RECONNECTING_MESSAGE]);
    buffer.append(0, TOTAL);
    await vi.advanceTimersByTimeAsync(1_000);
    expectEveryEventOnce(seen.state);
    expect(seen.health.at(-1)).toBeNull();

    const gone = createFakeBuffer();
    gone.failWith(new Error('NOT_FOUND'));
    const lost = startFollowing(gone, null);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(lost.seen.health).toEqual(['This version does not exist.']);
    expect(gone.reads).toHaveLength(1);
  });
});

describe('followVersionStream with Realtime', () => {
  it('catches up from the buffer once subscribed, then takes broadcasts without reading the buffer', async () => {
    const buffer = createFakeBuffer();
    buffer.append(0, 5);
    const { seen, follower } = startFollowing(buffer, 'subscribed');
    await vi.advanceTimersByTimeAsync(0);
    expect(buffer.reads).toEqual([{ afterSeq: 0, waitMs: 0 }]);
    expect(seen.state?.lastSeq).toBe(5);

    for (let from = 5; from < TOTAL; from += 5) {
      buffer.append(from, from + 5);
      follower.receiveBroadcast(allEvents.slice(from, from + 5));
      await vi.advanceTimersByTimeAsync(100);
    }
    expectEveryEventOnce(seen.state);
    expect(buffer.reads).toHaveLength(1);
    expect(seen.ended).toHaveLength(1);
  });

  it('reads the buffer when a broadcast reveals a lost one, and applies repeats once', async () => {
    const buffer = createFakeBuffer();
    const { seen, follower } = startFollowing(buffer, 'subscribed');
    await vi.advanceTimersByTimeAsync(0);
    buffer.append(0, 20);
    follower.receiveBroadcast(allEvents.slice(0, 10));
    // Events 11–20 were broadcast while the socket was down; 21–25 arrive twice.
    follower.receiveBroadcast(allEvents.slice(20, 25));
    follower.receiveBroadcast(allEvents.slice(20, 25));
    await vi.advanceTimersByTimeAsync(0);
    expect(buffer.reads.at(-1)).toEqual({ afterSeq: 10, waitMs: 0 });
    expect(seen.state?.lastSeq).toBe(20);

    buffer.append(20, TOTAL);
    follower.receiveBroadcast(allEvents.slice(20, TOTAL));
    await vi.advanceTimersByTimeAsync(0);
    expectEveryEventOnce(seen.state);
  });

  it('reads the buffer after a quiet spell, in case the last broadcast was lost', async () => {
    const buffer = createFakeBuffer();
    const { seen, follower } = startFollowing(buffer, 'subscribed');
    await vi.advanceTimersByTimeAsync(0);
    buffer.append(0, TOTAL);
    follower.receiveBroadcast(allEvents.slice(0, TOTAL - 1));
    await vi.advanceTimersByTimeAsync(QUIET_CHECK_MS - 1_000);
    expect(seen.ended).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expectEveryEventOnce(seen.state);
    expect(seen.ended).toHaveLength(1);
  });

  it('long-polls while joining, polls every 2 s after giving up, and catches up as soon as it subscribes', async () => {
    const buffer = createFakeBuffer();
    const following = startFollowing(buffer, 'connecting');
    await vi.advanceTimersByTimeAsync(0);
    expect(buffer.reads).toEqual([{ afterSeq: 0, waitMs: LONG_POLL_WAIT_MS }]);

    following.setStatus('polling');
    await vi.advanceTimersByTimeAsync(0);
    expect(buffer.reads.at(-1)).toEqual({ afterSeq: 0, waitMs: 0 });
    buffer.append(0, 10);
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS - 100);
    expect(following.seen.state?.lastSeq).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(following.seen.state?.lastSeq).toBe(10);
    const readsWhilePolling = buffer.reads.length;

    buffer.append(10, 15);
    following.setStatus('subscribed');
    await vi.advanceTimersByTimeAsync(0);
    expect(buffer.reads).toHaveLength(readsWhilePolling + 1);
    expect(following.seen.state?.lastSeq).toBe(15);

    buffer.append(15, TOTAL);
    following.follower.receiveBroadcast(allEvents.slice(15, TOTAL));
    await vi.advanceTimersByTimeAsync(0);
    expectEveryEventOnce(following.seen.state);
  });

  it('ignores other versions’ broadcasts and stops when told to', async () => {
    const buffer = createFakeBuffer();
    const { seen, follower, stop } = startFollowing(buffer, 'subscribed');
    await vi.advanceTimersByTimeAsync(0);
    follower.receiveBroadcast(allEvents.map((event) => ({ ...event, versionId: 'other' })));
    expect(seen.state?.lastSeq).toBe(0);
    stop();
    follower.receiveBroadcast(allEvents);
    expect(seen.state?.lastSeq).toBe(0);
  });
});
