// Owns writes to `saved_checks`: requests from the console kept as checks, at most SAVED_CHECK_LIMIT per
// project, listed oldest first (the order validation runs them in).
import { and, asc, eq, sql } from 'drizzle-orm';
import { SAVED_CHECK_LIMIT } from '@/shared/saved-check-limits';
import { ForgeError } from '@/shared/forge-error';
import type { NewSavedCheck, SavedCheck } from '@/types/api-checks';
import type { Database } from '../client';
import { projects, savedChecks } from '../schema';

const checkColumns = {
  id: savedChecks.id,
  projectId: savedChecks.projectId,
  name: savedChecks.name,
  method: savedChecks.method,
  path: savedChecks.path,
  query: savedChecks.query,
  headers: savedChecks.headers,
  body: savedChecks.body,
  expectStatus: savedChecks.expectStatus,
  expectJson: savedChecks.expectJson,
  savedOnVersionId: savedChecks.savedOnVersionId,
  savedResponse: savedChecks.savedResponse,
  createdAt: savedChecks.createdAt,
};

type CheckRow = Omit<SavedCheck, 'savedOn'> & { savedOnVersionId: string | null; savedResponse: { status: number; body: string } | null };

function toSavedCheck({ savedOnVersionId, savedResponse, ...check }: CheckRow): SavedCheck {
  return { ...check, savedOn: savedOnVersionId && savedResponse ? { versionId: savedOnVersionId, response: savedResponse } : null };
}

/** Saves the check; refuses once the project has SAVED_CHECK_LIMIT of them. */
export async function insertSavedCheck(db: Database, check: NewSavedCheck): Promise<SavedCheck> {
  return db.transaction(async (tx) => {
    // Two saves racing for the last free slot would both count one short; locking the project row makes
    // them take turns. `no key update` still lets inserts elsewhere reference the project meanwhile.
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, check.projectId))
      .for('no key update');
    if (!project) throw new ForgeError('NOT_FOUND', `Project ${check.projectId} was not found.`);

    const [usage] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(savedChecks)
      .where(eq(savedChecks.projectId, check.projectId));
    if ((usage?.total ?? 0) >= SAVED_CHECK_LIMIT) {
      throw new ForgeError(
        'BAD_REQUEST',
        `A project can keep at most ${SAVED_CHECK_LIMIT} saved checks; remove one before saving "${check.name}".`,
      );
    }

    const [row] = await tx
      .insert(savedChecks)
      .values({
        projectId: check.projectId,
        name: check.name,
        method: check.method,
        path: check.path,
        query: check.query,
        headers: check.headers,
        body: check.body,
        expectStatus: check.expectStatus,
        // null is "no expected JSON" (SQL null), never the JSON value null.
        expectJson: check.expectJson ?? null,
        savedOnVersionId: check.savedOn?.versionId ?? null,
        savedResponse: check.savedOn?.response ?? null,
      })
      .returning(checkColumns);
    return toSavedCheck(row!);
  });
}

/**
 * The project's checks, oldest first; a tie in created_at falls back to id so the order is stable. Never
 * more than SAVED_CHECK_LIMIT: rows a user inserted beyond it through the Data API are not run.
 */
export async function listSavedChecks(db: Database, projectId: string): Promise<SavedCheck[]> {
  const rows = await db
    .select(checkColumns)
    .from(savedChecks)
    .where(eq(savedChecks.projectId, projectId))
    .orderBy(asc(savedChecks.createdAt), asc(savedChecks.id))
    .limit(SAVED_CHECK_LIMIT);
  return rows.map(toSavedCheck);
}

/** Removes the project's check `id`; false when the project has no such check. */
export async function deleteSavedCheck(db: Database, projectId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(savedChecks)
    .where(and(eq(savedChecks.projectId, projectId), eq(savedChecks.id, id)))
    .returning({ id: savedChecks.id });
  return deleted.length > 0;
}
