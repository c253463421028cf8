// Owns writes to `stream_buffer`: the durable, ordered copy of every streamed event.
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { StreamEvent } from '@/types/streaming';
import type { Database } from '../client';
import { apiVersions, streamBuffer } from '../schema';

export async function insertStreamEvents(db: Database, events: StreamEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(streamBuffer).values(events.map((event) => ({ versionId: event.versionId, seq: event.seq, event })));
}

export async function lastStreamSeq(db: Database, versionId: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${streamBuffer.seq}), 0)::int` })
    .from(streamBuffer)
    .where(eq(streamBuffer.versionId, versionId));
  return row?.seq ?? 0;
}

export async function readStreamEvents(db: Database, versionId: string, afterSeq: number, limit: number): Promise<StreamEvent[]> {
  const rows = await db
    .select({ event: streamBuffer.event })
    .from(streamBuffer)
    .where(and(eq(streamBuffer.versionId, versionId), gt(streamBuffer.seq, afterSeq)))
    .orderBy(asc(streamBuffer.seq))
    .limit(limit);
  return rows.map((row) => row.event);
}

/** Deletes the buffer of versions that ended before `endedBefore`; live versions keep theirs. */
export async function pruneStreamBuffer(db: Database, endedBefore: Date): Promise<void> {
  const endedVersions = db
    .select({ id: apiVersions.id })
    .from(apiVersions)
    .where(and(inArray(apiVersions.status, ['complete', 'failed']), lt(apiVersions.completedAt, endedBefore)));
  await db.delete(streamBuffer).where(inArray(streamBuffer.versionId, endedVersions));
}
