// Owns writes to `request_history`: the request console's sent requests and what came back, newest
// REQUEST_HISTORY_LIMIT per project.
import { and, desc, eq, sql } from 'drizzle-orm';
import { REQUEST_HISTORY_LIMIT } from '@/shared/preview-limits';
import type { RequestHistoryEntry } from '@/types/preview';
import type { Database } from '../client';
import { apiVersions, requestHistory } from '../schema';
import { ForgeError } from '@/shared/forge-error';

/** What the console records for one request; the id, time and version number are the database's. */
export type NewRequestHistoryEntry = Omit<RequestHistoryEntry, 'id' | 'createdAt' | 'versionNumber'>;

/** Newest first; a tie in created_at (one transaction) falls back to id so the order is stable. */
const NEWEST_FIRST = [desc(requestHistory.createdAt), desc(requestHistory.id)] as const;

/**
 * Records a request and drops the project's entries beyond the newest REQUEST_HISTORY_LIMIT, in one
 * statement: every console request waits for this. `versionChecked` says the caller has already made
 * sure the version is one of the project's (the console has, to find its preview); otherwise this does.
 */
export async function insertRequestHistory(
  db: Database,
  entry: NewRequestHistoryEntry,
  { versionChecked = false }: { versionChecked?: boolean } = {},
): Promise<{ id: string }> {
  if (entry.versionId !== null && !versionChecked) {
    // The foreign key only says the version exists; an entry must not point into another project.
    const [version] = await db
      .select({ id: apiVersions.id })
      .from(apiVersions)
      .where(and(eq(apiVersions.id, entry.versionId), eq(apiVersions.projectId, entry.projectId)));
    if (!version) throw new ForgeError('BAD_REQUEST', `Version ${entry.versionId} is not a version of project ${entry.projectId}.`);
  }
  // The delete sees the table as it was before the insert, so it keeps the newest LIMIT - 1 of the
  // others: with the new entry, LIMIT. It finds where to cut with one probe of the
  // (project_id, created_at) index, in NEWEST_FIRST order.
  const result = await db.execute(sql`
    with inserted as (
      insert into request_history (project_id, version_id, method, path, query, headers, body, status, duration_ms, response_bytes, error)
      values (${entry.projectId}, ${entry.versionId}, ${entry.method}, ${entry.path}, ${JSON.stringify(entry.query)}::jsonb,
              ${JSON.stringify(entry.headers)}::jsonb, ${entry.body}, ${entry.status}, ${entry.durationMs}, ${entry.responseBytes}, ${entry.error})
      returning id
    ), pruned as (
      delete from request_history
      where project_id = ${entry.projectId}
        and (created_at, id) <= (
          select created_at, id from request_history where project_id = ${entry.projectId}
          order by created_at desc, id desc offset ${REQUEST_HISTORY_LIMIT - 1} limit 1)
    )
    select id from inserted`);
  // postgres.js answers with the rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ id: string }>;
  return { id: rows[0]!.id };
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
