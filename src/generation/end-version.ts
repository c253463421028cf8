// Ends a version and its stream in one transaction: a client that reads the terminal event also
// reads the final status (and the saved files), and one that reads the final status has every event.
import type { StopReason, StreamEvent, StreamEventBody } from '@/types/streaming';
import type { Database } from '@/db/client';
import { insertStreamEvents, lastStreamSeq } from '@/db/stores/stream-buffer-store';
import { finishVersion } from '@/db/stores/versions-store';

export interface VersionOutcome {
  status: 'complete' | 'failed';
  stopReason: StopReason;
  error?: string | null;
}

class AlreadyEnded extends Error {}

/**
 * Writes `bodies` as the stream's last events (numbered after `afterSeq`, or after what the buffer
 * holds) and ends the version. Returns the events written, or null, writing nothing, when the version
 * had already ended.
 */
export async function endVersionWithEvents(
  db: Database,
  versionId: string,
  outcome: VersionOutcome,
  bodies: StreamEventBody[],
  afterSeq?: number,
): Promise<StreamEvent[] | null> {
  // A version must never stay "generating" because the database blinked at its last write.
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeEnd(db, versionId, outcome, bodies, afterSeq);
    } catch (error) {
      if (attempt >= END_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, END_RETRY_DELAY_MS * attempt));
    }
  }
}

const END_ATTEMPTS = 6;
const END_RETRY_DELAY_MS = 500;

async function writeEnd(
  db: Database,
  versionId: string,
  outcome: VersionOutcome,
  bodies: StreamEventBody[],
  afterSeq?: number,
): Promise<StreamEvent[] | null> {
  try {
    return await db.transaction(async (tx) => {
      const firstSeq = (afterSeq ?? (await lastStreamSeq(tx, versionId))) + 1;
      const at = new Date().toISOString();
      const events = bodies.map((body, index) => ({ ...body, versionId, seq: firstSeq + index, at }) as StreamEvent);
      if (!(await finishVersion(tx, versionId, outcome))) throw new AlreadyEnded();
      await insertStreamEvents(tx, events);
      return events;
    });
  } catch (error) {
    if (error instanceof AlreadyEnded) return null;
    throw error;
  }
}

/** Where a run's events go besides the buffer (GenerationDeps' two delivery ports). */
export interface EventDelivery {
  onEventsWritten?: (versionId: string) => void;
  broadcast?: (projectId: string, events: StreamEvent[]) => Promise<void>;
}

/**
 * The last events go out like every batch before them: long-polls wake up, and Realtime
 * subscribers hear of the end at once instead of at their next quiet-time read of the buffer.
 */
export async function announceEnding(delivery: EventDelivery, projectId: string, versionId: string, events: StreamEvent[] | null): Promise<void> {
  delivery.onEventsWritten?.(versionId);
  if (!events || !delivery.broadcast) return;
  await delivery.broadcast(projectId, events).catch((error: unknown) => console.warn(`[realtime] broadcast of the end of ${versionId} failed:`, error));
}
