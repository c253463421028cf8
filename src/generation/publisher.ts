// Batches a generation's events (~100 ms) into ordered, gap-free writes. The buffer write is the
// source of truth; `broadcast` (Supabase Realtime in connected mode) is a fast, lossy copy.
import type { StreamEvent, StreamEventBody } from '@/types/streaming';

export interface PublisherSinks {
  /** Durable write; a batch is retried on the next flush if it throws. */
  write(events: StreamEvent[]): Promise<void>;
  /** Best effort; a failure never fails the generation. */
  broadcast?(events: StreamEvent[]): Promise<void>;
}

export interface Publisher {
  emit(body: StreamEventBody): void;
  /** Writes everything emitted so far. */
  flush(): Promise<void>;
  /** Flushes and stops the timer. */
  close(): Promise<void>;
  /** Drops what is not written yet and stops the timer: someone else has ended the version. */
  discard(): void;
  readonly lastSeq: number;
}

/**
 * Adjacent chunks of the same file become one event, so a fast model does not turn into thousands of
 * rows; `startLine` of the first chunk still places the merged text.
 */
function mergeAdjacentChunks(bodies: StreamEventBody[]): StreamEventBody[] {
  const merged: StreamEventBody[] = [];
  for (const body of bodies) {
    const previous = merged[merged.length - 1];
    if (body.type === 'code:chunk' && previous?.type === 'code:chunk' && previous.filePath === body.filePath) {
      merged[merged.length - 1] = { ...previous, chunk: previous.chunk + body.chunk };
    } else {
      merged.push(body);
    }
  }
  return merged;
}

export function createPublisher(
  versionId: string,
  sinks: PublisherSinks,
  options: { startAfterSeq?: number; flushIntervalMs?: number; onBroadcastError?: (error: unknown) => void } = {},
): Publisher {
  const flushIntervalMs = options.flushIntervalMs ?? 100;
  let lastSeq = options.startAfterSeq ?? 0;
  let queued: StreamEventBody[] = [];
  /** Events with seq assigned whose write has not succeeded yet; written before anything newer. */
  let unwritten: StreamEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const writeBatch = async () => {
    if (queued.length > 0) {
      const at = new Date().toISOString();
      for (const body of mergeAdjacentChunks(queued)) unwritten.push({ ...body, versionId, seq: ++lastSeq, at } as StreamEvent);
      queued = [];
    }
    if (unwritten.length === 0) return;
    const batch = unwritten;
    await sinks.write(batch);
    unwritten = unwritten.slice(batch.length);
    if (sinks.broadcast) {
      sinks.broadcast(batch).catch((error: unknown) => options.onBroadcastError?.(error));
    }
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    // Serialised: seq order on disk follows emit order even when flushes overlap.
    inFlight = inFlight.catch(() => {}).then(writeBatch);
    return inFlight;
  };

  return {
    emit(body) {
      queued.push(body);
      timer ??= setTimeout(() => {
        flush().catch(() => {
          /* kept in `unwritten`; the next flush retries and close() reports */
        });
      }, flushIntervalMs);
    },
    flush,
    async close() {
      await flush();
    },
    discard() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      queued = [];
      unwritten = [];
    },
    get lastSeq() {
      return lastSeq;
    },
  };
}
