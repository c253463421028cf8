import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPhoenixRealtimeServer, type PhoenixRealtimeServer } from '@/test/phoenix-realtime-server';
import type { StreamEvent } from '@/types/streaming';
import { createRealtimeBroadcaster, MAX_BROADCAST_PAYLOAD_BYTES, splitIntoPayloads } from './supabase-broadcaster';
import type { StreamBroadcastPayload } from '@/shared/stream-channel';

const ANON_KEY = 'anon-key';
const SERVICE_ROLE_KEY = 'service-role-key';
const VERSION_ID = '00000000-0000-4000-8000-0000000000aa';
const PROJECT_ID = '00000000-0000-4000-8000-0000000000bb';

function chunkEvents(count: number, chunkChars: number, firstSeq = 1): StreamEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    type: 'code:chunk',
    filePath: 'src/index.ts',
    chunk: String(firstSeq + index).padEnd(chunkChars, 'x'),
    startLine: 1,
    versionId: VERSION_ID,
    seq: firstSeq + index,
    at: '2026-01-01T00:00:00.000Z',
  }));
}

const seqsOf = (payloads: readonly StreamBroadcastPayload[]) => payloads.flatMap((payload) => payload.events.map((event) => event.seq));

describe('splitIntoPayloads', () => {
  it('keeps a small batch in one payload with its seq range', () => {
    const payloads = splitIntoPayloads(chunkEvents(10, 20, 41), MAX_BROADCAST_PAYLOAD_BYTES);
    expect(payloads).toHaveLength(1);
    expect(payloads[0]).toMatchObject({ versionId: VERSION_ID, fromSeq: 41, toSeq: 50 });
  });

  it('cuts a large batch into consecutive payloads that each fit', () => {
    const events = chunkEvents(40, 20_000);
    const payloads = splitIntoPayloads(events, MAX_BROADCAST_PAYLOAD_BYTES);
    expect(payloads.length).toBeGreaterThanOrEqual(4);
    expect(seqsOf(payloads)).toEqual(events.map((event) => event.seq));
    for (const payload of payloads) {
      expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThanOrEqual(MAX_BROADCAST_PAYLOAD_BYTES);
      expect(payload.events.map((event) => event.seq)).toEqual(
        Array.from({ length: payload.toSeq - payload.fromSeq + 1 }, (_, index) => payload.fromSeq + index),
      );
    }
  });

  it('leaves out an event too big for any payload and splits around it', () => {
    const events = [...chunkEvents(2, 10, 1), ...chunkEvents(1, 5_000, 3), ...chunkEvents(2, 10, 4)];
    const payloads = splitIntoPayloads(events, 1_000);
    expect(payloads.map(({ fromSeq, toSeq }) => [fromSeq, toSeq])).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });

  it('starts a new payload where seq does not follow on', () => {
    const payloads = splitIntoPayloads([...chunkEvents(2, 10, 1), ...chunkEvents(2, 10, 7)], MAX_BROADCAST_PAYLOAD_BYTES);
    expect(payloads.map(({ fromSeq, toSeq }) => [fromSeq, toSeq])).toEqual([
      [1, 2],
      [7, 8],
    ]);
  });
});

describe('createRealtimeBroadcaster against the REST broadcast endpoint', () => {
  let server: PhoenixRealtimeServer;

  beforeAll(async () => {
    server = await startPhoenixRealtimeServer({ anonKey: ANON_KEY, serviceRoleKey: SERVICE_ROLE_KEY });
  });
  afterAll(async () => {
    await server.close();
  });

  it('posts one private message on project:<id> with the events and their seq range', async () => {
    const before = server.broadcastMessages.length;
    const events = chunkEvents(10, 20);
    await createRealtimeBroadcaster({ supabaseUrl: `${server.url}/`, serviceRoleKey: SERVICE_ROLE_KEY })(PROJECT_ID, events);
    expect(server.broadcastMessages.slice(before)).toEqual([
      {
        topic: `project:${PROJECT_ID}`,
        event: 'stream',
        private: true,
        payload: { versionId: VERSION_ID, fromSeq: 1, toSeq: 10, events },
      },
    ]);
  });

  it('sends a large batch as several messages in one request', async () => {
    const before = { messages: server.broadcastMessages.length, requests: server.counters.broadcastRequests };
    const events = chunkEvents(30, 20_000);
    await createRealtimeBroadcaster({ supabaseUrl: server.url, serviceRoleKey: SERVICE_ROLE_KEY })(PROJECT_ID, events);
    const sent = server.broadcastMessages.slice(before.messages);
    expect(server.counters.broadcastRequests - before.requests).toBe(1);
    expect(sent.length).toBeGreaterThan(1);
    expect(seqsOf(sent.map((message) => message.payload as StreamBroadcastPayload))).toEqual(events.map((event) => event.seq));
  });

  it('sends nothing for an empty batch', async () => {
    const before = server.counters.broadcastRequests;
    await createRealtimeBroadcaster({ supabaseUrl: server.url, serviceRoleKey: SERVICE_ROLE_KEY })(PROJECT_ID, []);
    expect(server.counters.broadcastRequests).toBe(before);
  });

  it('throws when the key is refused', async () => {
    const broadcast = createRealtimeBroadcaster({ supabaseUrl: server.url, serviceRoleKey: 'wrong-key' });
    await expect(broadcast(PROJECT_ID, chunkEvents(1, 10))).rejects.toThrow(/HTTP 401 .*Invalid API key/);
  });

  it('gives up after its timeout', async () => {
    const hangingFetch: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const broadcast = createRealtimeBroadcaster({ supabaseUrl: server.url, serviceRoleKey: SERVICE_ROLE_KEY, fetch: hangingFetch, timeoutMs: 50 });
    await expect(broadcast(PROJECT_ID, chunkEvents(1, 10))).rejects.toThrow(/timeout|aborted/i);
  });
});
