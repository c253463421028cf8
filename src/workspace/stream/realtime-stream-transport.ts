// The browser's live stream over Supabase Realtime (connected mode): joins the project's
// private channel and hands each broadcast's events to the caller. Broadcast is a fast, lossy copy of
// the buffer, so the caller reads `stream.since` after every 'subscribed', on a seq gap, and every 2 s
// while 'polling'. No React here, so tests run it in Node against a local Phoenix server.
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js';
import { parseStreamBroadcastPayload, projectStreamTopic, STREAM_BROADCAST_EVENT } from '@/shared/stream-channel';
import type { StreamEvent } from '@/types/streaming';

export type RealtimeStreamStatus = 'connecting' | 'subscribed' | 'reconnecting' | 'polling';

export interface ProjectStreamOptions {
  supabase: Pick<SupabaseClient, 'channel' | 'removeChannel' | 'realtime'>;
  projectId: string;
  /** The user's JWT, which authorises the private join; without it supabase-js sends its session's. */
  accessToken?: string;
  onEvents(events: StreamEvent[]): void;
  /** Called on each change of status. */
  onStatus(status: RealtimeStreamStatus): void;
  /** How long one join may take. realtime-js reports a dead connection once and then retries silently. */
  attemptTimeoutMs?: number;
  /** Failed joins in a row before reporting 'polling'. */
  maxAttempts?: number;
  /** Backoff between failed joins: doubles from the first delay up to the cap, with jitter. */
  firstRetryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export interface ProjectStreamSubscription {
  close(): void;
}

export function subscribeToProjectStream(options: ProjectStreamOptions): ProjectStreamSubscription {
  const { supabase, onEvents, onStatus } = options;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const firstRetryDelayMs = options.firstRetryDelayMs ?? 500;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  const topic = projectStreamTopic(options.projectId);

  let closed = false;
  let status: RealtimeStreamStatus | null = null;
  /** Failed joins since the last success. */
  let failures = 0;
  /** The current attempt's channel; callbacks from any other (discarded) channel are ignored. */
  let channel: RealtimeChannel | null = null;
  let attemptTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Must settle before the next join: the token is in the join payload, and supabase.channel() hands back a topic's old channel until it is removed. */
  let beforeNextJoin: Promise<unknown> = options.accessToken
    ? supabase.realtime.setAuth(options.accessToken).catch(() => {})
    : Promise.resolve();

  const report = (next: RealtimeStreamStatus) => {
    if (closed || next === status) return;
    status = next;
    onStatus(next);
  };

  const retryDelayMs = () => {
    const delay = Math.min(maxRetryDelayMs, firstRetryDelayMs * 2 ** (failures - 1));
    // Jitter, so clients cut off together do not all rejoin at the same instant.
    return delay / 2 + Math.random() * (delay / 2);
  };

  function discardChannel() {
    clearTimeout(attemptTimer);
    const discarded = channel;
    channel = null;
    if (discarded) beforeNextJoin = supabase.removeChannel(discarded).catch(() => {});
  }

  function channelDown(wasSubscribed: boolean) {
    discardChannel();
    if (wasSubscribed) {
      failures = 0;
      report('reconnecting');
      retryTimer = setTimeout(join, 0);
      return;
    }
    failures++;
    if (failures >= maxAttempts) report('polling');
    retryTimer = setTimeout(join, retryDelayMs());
  }

  async function join() {
    await beforeNextJoin;
    if (closed) return;
    const current = supabase.channel(topic, { config: { private: true, broadcast: { self: false } } });
    channel = current;
    let subscribed = false;
    attemptTimer = setTimeout(() => channelDown(false), attemptTimeoutMs);
    current
      .on('broadcast', { event: STREAM_BROADCAST_EVENT }, (message) => {
        if (channel !== current) return;
        const payload = parseStreamBroadcastPayload(message.payload);
        if (payload) onEvents(payload.events);
      })
      .subscribe((state) => {
        if (channel !== current) return;
        if (state === 'SUBSCRIBED') {
          clearTimeout(attemptTimer);
          subscribed = true;
          failures = 0;
          report('subscribed');
        } else {
          // CHANNEL_ERROR, TIMED_OUT or CLOSED: start over on a fresh channel, on our own schedule.
          channelDown(subscribed);
        }
      });
  }

  report('connecting');
  void join();

  return {
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(retryTimer);
      discardChannel();
    },
  };
}
