// Sends published batches to Supabase Realtime through its REST broadcast endpoint (docs/architecture.md, "Events").
// A worker holds no websocket: one POST per batch, authorised by the service role key, which bypasses
// the realtime.messages policies that guard the private channel. Best effort: it throws on failure and
// the publisher logs it, because the buffer, not the broadcast, is the source of truth.
import type { Backends, Env } from '@/env';
import type { StreamEvent } from '@/types/streaming';
import { projectStreamTopic, STREAM_BROADCAST_EVENT, type StreamBroadcastPayload } from '@/shared/stream-channel';

/** Supabase caps a broadcast payload at 256 KB on its Free plan (3,000 KB on paid plans). */
export const MAX_BROADCAST_PAYLOAD_BYTES = 200_000;
const DEFAULT_TIMEOUT_MS = 5_000;

export type StreamBroadcaster = (projectId: string, events: StreamEvent[]) => Promise<void>;

export interface RealtimeBroadcasterOptions {
  /** The project URL, e.g. https://<ref>.supabase.co. */
  supabaseUrl: string;
  serviceRoleKey: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxPayloadBytes?: number;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** The envelope around `events`, sized with the widest seq numbers so it is an upper bound. */
const envelopeBytes = (versionId: string) =>
  jsonBytes({ versionId, fromSeq: Number.MAX_SAFE_INTEGER, toSeq: Number.MAX_SAFE_INTEGER, events: [] });

/**
 * Cuts a batch into payloads of at most `maxBytes`, in order; each holds consecutive events of one
 * version, so `fromSeq`..`toSeq` says exactly what it carries. An event too big for any payload is
 * left out: Realtime would refuse it, and the subscriber, seeing the gap in seq, reads it from the buffer.
 */
export function splitIntoPayloads(events: readonly StreamEvent[], maxBytes: number): StreamBroadcastPayload[] {
  const payloads: StreamBroadcastPayload[] = [];
  let current: StreamEvent[] = [];
  let currentBytes = 0;
  const finish = () => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) payloads.push({ versionId: first.versionId, fromSeq: first.seq, toSeq: last.seq, events: current });
    current = [];
  };
  for (const event of events) {
    // +1 for the comma between array items.
    const size = jsonBytes(event) + 1;
    const base = envelopeBytes(event.versionId);
    const previous = current[current.length - 1];
    const follows = previous !== undefined && previous.versionId === event.versionId && previous.seq + 1 === event.seq;
    if (!follows || currentBytes + size > maxBytes) {
      finish();
      currentBytes = base;
    }
    if (base + size > maxBytes) continue;
    current.push(event);
    currentBytes += size;
  }
  finish();
  return payloads;
}

export function createRealtimeBroadcaster(options: RealtimeBroadcasterOptions): StreamBroadcaster {
  const endpoint = `${options.supabaseUrl.replace(/\/+$/, '')}/realtime/v1/api/broadcast`;
  const fetchImpl = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxPayloadBytes = options.maxPayloadBytes ?? MAX_BROADCAST_PAYLOAD_BYTES;

  return async (projectId, events) => {
    const payloads = splitIntoPayloads(events, maxPayloadBytes);
    if (payloads.length === 0) return;
    const topic = projectStreamTopic(projectId);
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: {
        apikey: options.serviceRoleKey,
        authorization: `Bearer ${options.serviceRoleKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        messages: payloads.map((payload) => ({ topic, event: STREAM_BROADCAST_EVENT, payload, private: true })),
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(`Realtime broadcast to ${topic} failed: HTTP ${response.status}${detail ? ` ${detail}` : ''}`);
    }
    await response.body?.cancel();
  };
}

/** The broadcaster for this deployment, or undefined when the live stream is long-polling alone. */
export function createStreamBroadcaster(env: Env, backends: Backends): StreamBroadcaster | undefined {
  if (backends.stream !== 'supabase-realtime' || !env.NEXT_PUBLIC_SUPABASE_URL || !env.SUPABASE_SERVICE_ROLE_KEY) return undefined;
  return createRealtimeBroadcaster({ supabaseUrl: env.NEXT_PUBLIC_SUPABASE_URL, serviceRoleKey: env.SUPABASE_SERVICE_ROLE_KEY });
}
