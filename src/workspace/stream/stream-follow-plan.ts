// How the browser reads one version's stream, given how it is connected (embedded or connected mode). Pure, so the
// decisions are tested without React, timers or a network.
//
// Embedded mode has only the buffer: long-poll `stream.since`. Connected mode also gets Realtime
// broadcasts, a fast but lossy copy of the buffer: once the channel is subscribed the buffer is read
// once to catch up (and again after any gap), and broadcasts carry the rest; while the channel is
// joining it long-polls, and once it has given up it polls every 2 s.
import type { StreamEvent } from '@/types/streaming';
import { applyStreamEvents, type GenerationStreamState } from './generation-stream-state';
import type { RealtimeStreamStatus } from './realtime-stream-transport';

/** How events reach the browser; a `null` realtime status means embedded mode, with no Realtime at all. */
export type StreamTransport = 'realtime' | 'long-poll';

/** The server caps a long-poll at 25 s; asking for the cap keeps requests few while idle. */
export const LONG_POLL_WAIT_MS = 25_000;
/**
 * The workspace renders a stream batch at most this often (use-generation-stream): each one renders
 * the whole page, and the typing spreads received text over 100-200 ms anyway (reveal-schedule), so
 * batches closer together only add work. Long-polls start no more often either: a read per event
 * would cost the server a query and the page a response for nothing it can show sooner.
 */
export const STREAM_BATCH_INTERVAL_MS = 200;
/** Once Realtime has given up, the buffer is polled this often: slow enough to stay cheap, quick enough to read as live. */
export const POLL_INTERVAL_MS = 2_000;
/**
 * While subscribed, a broadcast lost at the very end of a version leaves no later event to reveal the
 * gap; after this long without any event the buffer is read once more.
 */
export const QUIET_CHECK_MS = 10_000;

export type BufferRead =
  /** Ask for events, letting the server hold the request until one exists; start no sooner than `minIntervalMs` after the last. */
  | { kind: 'long-poll'; waitMs: number; minIntervalMs: number }
  /** Ask for events without waiting, then pause. */
  | { kind: 'poll'; pauseMs: number }
  /** Ask once, without waiting: broadcasts bring what follows. */
  | { kind: 'catch-up' }
  /** Broadcasts bring the events; read the buffer again only after this long without news. */
  | { kind: 'wait'; checkAfterMs: number };

export function transportOf(realtimeStatus: RealtimeStreamStatus | null): StreamTransport {
  return realtimeStatus === null ? 'long-poll' : 'realtime';
}

/**
 * The next read of the buffer. `caughtUp` is false until a read has followed the latest
 * 'subscribed' (and after a gap or a quiet spell), so nothing broadcast before it is missed.
 */
export function nextBufferRead(realtimeStatus: RealtimeStreamStatus | null, caughtUp: boolean): BufferRead {
  switch (realtimeStatus) {
    case null:
    case 'connecting':
    case 'reconnecting':
      return { kind: 'long-poll', waitMs: LONG_POLL_WAIT_MS, minIntervalMs: STREAM_BATCH_INTERVAL_MS };
    case 'polling':
      return { kind: 'poll', pauseMs: POLL_INTERVAL_MS };
    case 'subscribed':
      return caughtUp ? { kind: 'wait', checkAfterMs: QUIET_CHECK_MS } : { kind: 'catch-up' };
  }
}

/**
 * Applies the followed version's events from one broadcast (seq order, duplicates dropped). `gap`
 * says an event came that could not be applied because one before it is missing: read the buffer.
 */
export function receiveBroadcast(
  state: GenerationStreamState,
  events: readonly StreamEvent[],
): { state: GenerationStreamState; gap: boolean } {
  const next = applyStreamEvents(state, events);
  const gap = !next.ended && events.some((event) => event.versionId === state.versionId && event.seq > next.lastSeq);
  return { state: next, gap };
}

export type ConnectionTone = 'live' | 'degraded' | 'down';

export interface ConnectionIndicator {
  tone: ConnectionTone;
  label: string;
  /** A sentence for the tooltip: how events arrive right now. */
  detail: string;
}

/** What the workspace header says about the live stream. */
export function connectionIndicator(realtimeStatus: RealtimeStreamStatus | null, streamError: string | null): ConnectionIndicator {
  if (streamError) return { tone: 'down', label: 'Reconnecting…', detail: streamError };
  switch (realtimeStatus) {
    case null:
      return { tone: 'live', label: 'Long-poll', detail: 'Events arrive by long-polling the stream buffer.' };
    case 'subscribed':
      return { tone: 'live', label: 'Live', detail: 'Events arrive over Supabase Realtime.' };
    case 'polling':
      return { tone: 'degraded', label: 'Polling', detail: 'Realtime is unavailable; the stream buffer is read every 2 s.' };
    case 'connecting':
      return { tone: 'degraded', label: 'Connecting…', detail: 'Joining the Realtime channel; long-polling meanwhile.' };
    case 'reconnecting':
      return { tone: 'down', label: 'Reconnecting…', detail: 'The Realtime channel dropped; long-polling while it rejoins.' };
  }
}
