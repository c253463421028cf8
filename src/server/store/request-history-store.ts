// Owns writes to `request_history`: the request console's sent requests and what came back, newest
// REQUEST_HISTORY_LIMIT per project.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { REQUEST_HISTORY_LIMIT } from '@/shared/preview-limits';
import type { RequestHistoryEntry } from '@/types/preview';
import type { Database } from '../db/client';
import { apiVersions, requestHistory } from '../db/schema';
import { ForgeError } from '../errors';

/** What the console records for one request; the id, time and version number are the database's. */
export type NewRequestHistoryEntry = Omit<RequestHistoryEntry, 'id' | 'createdAt' | 'versionNumber'>;

/** Newest first; a tie in created_at (one transaction) falls back to id so the order is stable. */
const NEWEST_FIRST = [desc(requestHistory.createdAt), desc(requestHistory.id)] as const;

/** Records a request, then drops the project's entries beyond the newest REQUEST_HISTORY_LIMIT. */
export async function insertRequestHistory(db: Database, entry: NewRequestHistoryEntry): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    if (entry.versionId !== null) {
      // The foreign key only says the version exists; an entry must not point into another project.
      const [version] = await tx
        .select({ id: apiVersions.id })
        .from(apiVersions)
        .where(and(eq(apiVersions.id, entry.versionId), eq(apiVersions.projectId, entry.projectId)));
      if (!version) throw new ForgeError('BAD_REQUEST', `Version ${entry.versionId} is not a version of project ${entry.projectId}.`);
    }
    const [row] = await tx
      .insert(requestHistory)
      .values({
        projectId: entry.projectId,
        versionId: entry.versionId,
        method: entry.method,
        path: entry.path,
        query: entry.query,
        headers: entry.headers,
        body: entry.body,
        status: entry.status,
        durationMs: entry.durationMs,
        responseBytes: entry.responseBytes,
        error: entry.error,
      })
      .returning({ id: requestHistory.id });
    const beyondLimit = tx
      .select({ id: requestHistory.id })
      .from(requestHistory)
      .where(eq(requestHistory.projectId, entry.projectId))
      .orderBy(...NEWEST_FIRST)
      .offset(REQUEST_HISTORY_LIMIT);
    await tx
      .delete(requestHistory)
      .where(and(eq(requestHistory.projectId, entry.projectId), inArray(requestHistory.id, beyondLimit)));
    return { id: row!.id };
  });
}

const entryColumns = {
  id: requestHistory.id,
  projectId: requestHistory.projectId,
  versionId: requestHistory.versionId,
  versionNumber: apiVersions.versionNumber,
  method: requestHistory.method,
  path: requestHistory.path,
  query: requestHistory.query,
  headers: requestHistory.headers,
  body: requestHistory.body,
  status: requestHistory.status,
  durationMs: requestHistory.durationMs,
  responseBytes: requestHistory.responseBytes,
  error: requestHistory.error,
  createdAt: requestHistory.createdAt,
};

/** The project's newest `limit` entries (at most REQUEST_HISTORY_LIMIT), newest first. */
export async function listRequestHistory(db: Database, projectId: string, limit: number): Promise<RequestHistoryEntry[]> {
  const count = Number.isFinite(limit) ? Math.max(0, Math.min(Math.floor(limit), REQUEST_HISTORY_LIMIT)) : REQUEST_HISTORY_LIMIT;
  if (count === 0) return [];
  return db
    .select(entryColumns)
    .from(requestHistory)
    .leftJoin(apiVersions, eq(apiVersions.id, requestHistory.versionId))
    .where(eq(requestHistory.projectId, projectId))
    .orderBy(...NEWEST_FIRST)
    .limit(count);
}

/** One entry of the project's history (to send it again), or undefined when it is not the project's. */
export async function findRequestHistoryEntry(
  db: Database,
  projectId: string,
  id: string,
): Promise<RequestHistoryEntry | undefined> {
  const [row] = await db
    .select(entryColumns)
    .from(requestHistory)
    .leftJoin(apiVersions, eq(apiVersions.id, requestHistory.versionId))
    .where(and(eq(requestHistory.projectId, projectId), eq(requestHistory.id, id)));
  return row;
}
