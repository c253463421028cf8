// The transport with the real @supabase/supabase-js client (over `ws`) against a local Phoenix server,
// fed by the real REST broadcaster. A consumer stands in for the hook: it applies events through the
// pure stream state and reads a simulated buffer (stream.since) after each subscribe, on a gap, and
// while polling, so each test checks that the user ends with every event exactly once, in order.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createClient, type SupabaseClient, type WebSocketLikeConstructor } from '@supabase/supabase-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createRealtimeBroadcaster } from '@/stream/supabase-broadcaster';
import { startPhoenixRealtimeServer, type PhoenixRealtimeServer, type PhoenixRealtimeServerOptions } from '@/test/phoenix-realtime-server';
import type { StreamEvent } from '@/types/streaming';
import { applyStreamEvents, initialStreamState } from './generation-stream-state';
import {
  subscribeToProjectStream,
  type ProjectStreamOptions,
  type ProjectStreamSubscription,
  type RealtimeStreamStatus,
} from './realtime-stream-transport';

const ANON_KEY = 'anon-key';
const SERVICE_ROLE_KEY = 'service-role-key';
const USER_JWT = 'user-jwt';
const PROJECT_ID = '00000000-0000-4000-8000-000000000001';
const VERSION_ID = '00000000-0000-4000-8000-000000000002';
const TOTAL_EVENTS = 200;
const BATCH_SIZE = 10;
/** Short clocks, so failures and retries happen in milliseconds. */
const FAST = { attemptTimeoutMs: 500, maxAttempts: 3, firstRetryDelayMs: 20, maxRetryDelayMs: 40 };

/** 199 code chunks of one file, then version:complete: the file's text shows order and duplicates. */
const allEvents: StreamEvent[] = Array.from({ length: TOTAL_EVENTS }, (_, index): StreamEvent => {
  const envelope = { versionId: VERSION_ID, seq: index + 1, at: '2026-01-01T00:00:00.000Z' };
  return index + 1 < TOTAL_EVENTS
    ? { ...envelope, type: 'code:chunk', filePath: 'src/index.ts', chunk: `line ${index + 1}\n`, startLine: index + 1 }
    : { ...envelope, type: 'version:complete', summary: 'done', filesChanged: 1 };
});
/** Generous timeout for a loaded machine; a passing run takes milliseconds per wait. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 5_000, interval: 10 });

const expectedFile = allEvents.flatMap((event) => (event.type === 'code:chunk' ? [event.chunk] : [])).join('');

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(options: Partial<PhoenixRealtimeServerOptions> = {}): Promise<PhoenixRealtimeServer> {
  const server = await startPhoenixRealtimeServer({ anonKey: ANON_KEY, serviceRoleKey: SERVICE_ROLE_KEY, ...options });
  cleanups.push(() => server.close());
  return server;
}

function browserClient(url: string, reconnectDelayMs = 50): SupabaseClient {
  const supabase = createClient(url, ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket; ws's overloaded constructor type does not match realtime-js's.
    realtime: { transport: WebSocket as unknown as WebSocketLikeConstructor, reconnectAfterMs: () => reconnectDelayMs },
  });
  cleanups.push(() => supabase.removeAllChannels());
  return supabase;
}

/** The worker's side: buffer first (the source of truth), then the best-effort broadcast. */
function createProducer(server: PhoenixRealtimeServer) {
  const buffer: StreamEvent[] = [];
  const broadcast = createRealtimeBroadcaster({ supabaseUrl: server.url, serviceRoleKey: SERVICE_ROLE_KEY });
  return {
    buffer,
    async publishBatches(from: number, to: number) {
      for (let batch = from; batch < to; batch++) {
        const events = allEvents.slice(batch * BATCH_SIZE, (batch + 1) * BATCH_SIZE);
        buffer.push(...events);
        await broadcast(PROJECT_ID, events);
      }
    },
  };
}

/** The hook's side, reduced to what matters here. */
function createConsumer(buffer: readonly StreamEvent[]) {
  let state = initialStreamState(VERSION_ID);
  let polling: ReturnType<typeof setInterval> | undefined;
  const consumer = {
    statuses: [] as RealtimeStreamStatus[],
    /** Seqs applied from broadcasts and from the buffer. */
    applied: { broadcast: 0, buffer: 0 },
    get state() {
      return state;
    },
    readBuffer() {
      const before = state.lastSeq;
      state = applyStreamEvents(state, buffer.filter((event) => event.seq > state.lastSeq));
      consumer.applied.buffer += state.lastSeq - before;
    },
    onEvents(events: StreamEvent[]) {
      const before = state.lastSeq;
      state = applyStreamEvents(state, events);
      consumer.applied.broadcast += state.lastSeq - before;
      const stuckAtGap = events.some((event) => event.seq > state.lastSeq) && !state.ended;
      if (stuckAtGap) consumer.readBuffer();
    },
    onStatus(status: RealtimeStreamStatus) {
      consumer.statuses.push(status);
      clearInterval(polling);
      if (status === 'subscribed') consumer.readBuffer();
      // The app long-polls every 2 s; 20 ms keeps the test quick.
      if (status === 'polling') polling = setInterval(() => consumer.readBuffer(), 20);
    },
  };
  cleanups.push(() => clearInterval(polling));
  return consumer;
}

function subscribe(
  supabase: SupabaseClient,
  handlers: Pick<ProjectStreamOptions, 'onEvents' | 'onStatus'>,
  options: Partial<typeof FAST> = {},
): ProjectStreamSubscription {
  const subscription = subscribeToProjectStream({ supabase, projectId: PROJECT_ID, accessToken: USER_JWT, ...handlers, ...FAST, ...options });
  cleanups.push(() => subscription.close());
  return subscription;
}

function expectEveryEventOnceInOrder(consumer: ReturnType<typeof createConsumer>) {
  expect(consumer.state.lastSeq).toBe(TOTAL_EVENTS);
  expect(consumer.state.files['src/index.ts']?.content).toBe(expectedFile);
  expect(consumer.state.ended).toEqual({ kind: 'complete', summary: 'done', filesChanged: 1 });
}

describe('subscribeToProjectStream', () => {
  it('joins the private channel with the user token and receives 200 events in 20 broadcasts, in order', async () => {
    const authorize = vi.fn((topic: string, token: string | undefined) => topic === `project:${PROJECT_ID}` && token === USER_JWT);
    const server = await startServer({ authorize });
    const producer = createProducer(server);
    const received: number[] = [];
    const consumer = createConsumer(producer.buffer);
    const subscription = subscribe(browserClient(server.url), {
      onEvents: (events) => {
        received.push(...events.map((event) => event.seq));
        consumer.onEvents(events);
      },
      onStatus: consumer.onStatus,
    });

    await eventually(() => expect(consumer.statuses).toEqual(['connecting', 'subscribed']));
    expect(authorize).toHaveBeenCalledWith(`project:${PROJECT_ID}`, USER_JWT);
    await producer.publishBatches(0, TOTAL_EVENTS / BATCH_SIZE);
    await eventually(() => expect(received).toHaveLength(TOTAL_EVENTS));

    expect(received).toEqual(allEvents.map((event) => event.seq));
    expect(server.counters.deliveredBroadcasts).toBe(20);
    expectEveryEventOnceInOrder(consumer);
    expect(consumer.applied).toEqual({ broadcast: TOTAL_EVENTS, buffer: 0 });

    subscription.close();
    await eventually(() => expect(server.counters.leaves).toBe(1));
  });

  it('reconnects after the socket drops mid-stream and fills the gap from the buffer', async () => {
    const server = await startServer();
    const producer = createProducer(server);
    const consumer = createConsumer(producer.buffer);
    subscribe(browserClient(server.url, 300), consumer);
    await eventually(() => expect(consumer.statuses).toEqual(['connecting', 'subscribed']));

    await producer.publishBatches(0, 10);
    await eventually(() => expect(consumer.state.lastSeq).toBe(100));
    server.dropAllConnections();
    // Published while nobody is joined (the client waits 300 ms to reconnect): these broadcasts are lost.
    await producer.publishBatches(10, 15);
    await eventually(() => expect(consumer.statuses).toEqual(['connecting', 'subscribed', 'reconnecting', 'subscribed']));
    await producer.publishBatches(15, 20);
    await eventually(() => expect(consumer.state.lastSeq).toBe(TOTAL_EVENTS));

    expectEveryEventOnceInOrder(consumer);
    expect(server.counters.deliveredBroadcasts).toBe(15);
    expect(consumer.applied).toEqual({ broadcast: 150, buffer: 50 });
  });

  it('falls back to polling after 3 refused joins and returns to the channel once joins are allowed', async () => {
    const server = await startServer();
    server.refuseJoins(true);
    const producer = createProducer(server);
    const consumer = createConsumer(producer.buffer);
    let refusedWhenPolling = -1;
    subscribe(browserClient(server.url), {
      onEvents: consumer.onEvents,
      onStatus: (status) => {
        if (status === 'polling') refusedWhenPolling = server.counters.refusedJoins;
        consumer.onStatus(status);
      },
    });

    await eventually(() => expect(consumer.statuses).toEqual(['connecting', 'polling']));
    expect(refusedWhenPolling).toBe(3);
    await producer.publishBatches(0, 10);
    await eventually(() => expect(consumer.state.lastSeq).toBe(100));
    expect(server.counters.deliveredBroadcasts).toBe(0);

    server.refuseJoins(false);
    await eventually(() => expect(consumer.statuses).toEqual(['connecting', 'polling', 'subscribed']));
    await producer.publishBatches(10, 20);
    await eventually(() => expect(consumer.state.lastSeq).toBe(TOTAL_EVENTS));

    expectEveryEventOnceInOrder(consumer);
    expect(consumer.applied).toEqual({ broadcast: 100, buffer: 100 });
  });

  it('falls back to polling when the server is down', async () => {
    const server = await startServer();
    await server.close();
    const consumer = createConsumer([]);
    subscribe(browserClient(server.url), consumer);

    // Each refused connection fails the join on hand at once, so this takes three quick retries.
    await eventually(() => expect(consumer.statuses).toEqual(['connecting', 'polling']));
  });

  it('falls back to polling when the server accepts connections but never answers', async () => {
    // A TCP listener that never completes the WebSocket handshake: realtime-js sees no error at all,
    // so only the per-attempt timeout ends each try.
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => {
      for (const socket of held) socket.destroy();
      silent.close(() => resolve());
    }));
    const consumer = createConsumer([]);
    const started = Date.now();
    subscribe(browserClient(`http://127.0.0.1:${(silent.address() as AddressInfo).port}`), consumer, { attemptTimeoutMs: 200 });

    await eventually(() => expect(consumer.statuses).toEqual(['connecting', 'polling']));
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 200);
  });
});
