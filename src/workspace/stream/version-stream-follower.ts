// Follows one version's stream until it ends: reads the buffer (`stream.since`) as stream-follow-plan
// says for the current connection, and takes broadcast events as they come. No React here, so tests
// drive it with fake timers and a fake buffer.
import type { StreamEvent } from '@/types/streaming';
import type { VersionStatus } from '@/types/versioning';
import { applyStreamEvents, endByStatus, initialStreamState, type GenerationStreamState } from './generation-stream-state';
import type { RealtimeStreamStatus } from './realtime-stream-transport';
import { nextBufferRead, receiveBroadcast } from './stream-follow-plan';

const FIRST_RETRY_DELAY_MS = 500;
const MAX_RETRY_DELAY_MS = 8_000;

export const RECONNECTING_MESSAGE = 'Reconnecting…';

export interface BufferAnswer {
  events: StreamEvent[];
  status: VersionStatus;
}

export interface VersionStreamFollowerOptions {
  versionId: string;
  /** `stream.since`. */
  readBuffer(input: { versionId: string; afterSeq: number; waitMs: number }, signal: AbortSignal): Promise<BufferAnswer>;
  /** The project channel's status right now; null in embedded mode. */
  realtimeStatus(): RealtimeStreamStatus | null;
  /** Why a failed read can never succeed (the version is gone or not ours), or null to retry it. */
  finalError(error: unknown): string | null;
  onState(state: GenerationStreamState): void;
  /**
   * Whether the last read reached the server, and what to tell the person while it does not. Called
   * when that changes, not on every read: a read comes several times a second while a version streams.
   */
  onHealth(health: { connected: boolean; error: string | null }): void;
  onEnded(state: GenerationStreamState): void;
  /** Aborting it stops following. */
  signal: AbortSignal;
}

export interface VersionStreamFollower {
  /** Events broadcast on the project's channel, of any version. */
  receiveBroadcast(events: readonly StreamEvent[]): void;
  /** The channel's status changed: plan again now; after a 'subscribed', catch up from the buffer. */
  realtimeStatusChanged(status: RealtimeStreamStatus): void;
}

function retryDelayMs(failures: number): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** (failures - 1));
  return exponential / 2 + Math.random() * (exponential / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Starts following at seq 0, so a page opened (or refreshed) mid-generation replays the buffer and
 * carries on, with nothing missing and nothing twice. Ends after the version's terminal event.
 */
export function followVersionStream(options: VersionStreamFollowerOptions): VersionStreamFollower {
  const { versionId, signal } = options;
  let current = initialStreamState(versionId);
  /** False until a buffer read has followed the latest 'subscribed', a gap or a quiet spell. */
  let caughtUp = false;
  /** Aborted to cut the current wait or read short, so the loop plans again at once. */
  let interrupt = new AbortController();

  const publish = (next: GenerationStreamState) => {
    if (next === current) return;
    current = next;
    options.onState(current);
  };

  let health: { connected: boolean; error: string | null } | null = null;
  const reportHealth = (next: { connected: boolean; error: string | null }) => {
    if (health?.connected === next.connected && health.error === next.error) return;
    health = next;
    options.onHealth(next);
  };

  async function run() {
    options.onState(current);
    let failures = 0;
    let lastLongPollAt = Number.NEGATIVE_INFINITY;
    while (!signal.aborted && !current.ended) {
      interrupt = new AbortController();
      const step = AbortSignal.any([signal, interrupt.signal]);
      const read = nextBufferRead(options.realtimeStatus(), caughtUp);
      try {
        if (read.kind === 'wait') {
          await sleep(read.checkAfterMs, step);
          if (!step.aborted) caughtUp = false;
          continue;
        }
        if (read.kind === 'long-poll') {
          const dueInMs = lastLongPollAt + read.minIntervalMs - Date.now();
          if (dueInMs > 0) await sleep(dueInMs, step);
          if (step.aborted) continue;
          lastLongPollAt = Date.now();
        }
        const waitMs = read.kind === 'long-poll' ? read.waitMs : 0;
        const answer = await options.readBuffer({ versionId, afterSeq: current.lastSeq, waitMs }, step);
        if (signal.aborted) return;
        const applied = applyStreamEvents(current, answer.events);
        const stuckAtGap = answer.events.length > 0 && applied.lastSeq === current.lastSeq;
        publish(answer.events.length === 0 ? endByStatus(applied, answer.status) : applied);
        if (stuckAtGap) throw new Error(`The stream is missing event ${current.lastSeq + 1}.`);
        failures = 0;
        reportHealth({ connected: true, error: null });
        if (read.kind === 'catch-up') caughtUp = true;
        if (read.kind === 'poll') await sleep(read.pauseMs, step);
      } catch (caught) {
        if (signal.aborted) return;
        if (interrupt.signal.aborted) continue;
        const final = options.finalError(caught);
        if (final !== null) {
          reportHealth({ connected: false, error: final });
          return;
        }
        failures += 1;
        reportHealth({ connected: false, error: RECONNECTING_MESSAGE });
        await sleep(retryDelayMs(failures), AbortSignal.any([signal, interrupt.signal]));
      }
    }
    if (current.ended && !signal.aborted) options.onEnded(current);
  }

  void run();

  return {
    receiveBroadcast(events) {
      if (signal.aborted || current.ended) return;
      const received = receiveBroadcast(current, events);
      publish(received.state);
      if (received.gap) caughtUp = false;
      // A gap needs the buffer now; an ending lets the loop finish without waiting out its read.
      if (received.gap || current.ended) interrupt.abort();
    },
    realtimeStatusChanged(status) {
      if (status === 'subscribed') caughtUp = false;
      interrupt.abort();
    },
  };
}
