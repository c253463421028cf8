// Owns writes to `api_versions`: numbering, status transitions and the results of a generation.
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { StopReason } from '@/types/streaming';
import type { ValidationReport, VersionActivityRecord, VersionStatus } from '@/types/versioning';
import type { ModelUsageSummary as ModelUsage } from '@/types/versioning';
import type { Database } from '../client';
import { apiVersions, projects } from '../schema';

export type VersionRow = typeof apiVersions.$inferSelect;

/** v1, v2, ... linear per project, computed inside the insert so it sees the latest committed number. */
function nextVersionNumber(projectId: string) {
  return sql<number>`(select coalesce(max(version_number), 0) + 1 from api_versions where project_id = ${projectId})`;
}

export async function insertVersion(
  db: Database,
  input: { projectId: string; prompt: string; baseVersionId: string | null; fixOfVersionId?: string | null },
): Promise<VersionRow> {
  // Numbering is linear per project; two racing inserts collide on unique(project_id, version_number)
  // or on the one-active-version index, and the caller turns that into CONFLICT.
  const [row] = await db
    .insert(apiVersions)
    .values({
      projectId: input.projectId,
      prompt: input.prompt,
      baseVersionId: input.baseVersionId,
      fixOfVersionId: input.fixOfVersionId ?? null,
      versionNumber: nextVersionNumber(input.projectId),
    })
    .returning();
  return row!;
}

/** The version with its project, when `ownerId` owns that project: one query, as every procedure on a version asks. */
export async function findOwnedVersion(
  db: Database,
  versionId: string,
  ownerId: string,
): Promise<{ version: VersionRow; project: typeof projects.$inferSelect } | undefined> {
  const [row] = await db
    .select({ version: apiVersions, project: projects })
    .from(apiVersions)
    .innerJoin(projects, eq(projects.id, apiVersions.projectId))
    .where(and(eq(apiVersions.id, versionId), eq(projects.ownerId, ownerId)));
  return row;
}

export async function findVersion(db: Database, versionId: string): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(apiVersions).where(eq(apiVersions.id, versionId));
  return row;
}

export async function listProjectVersions(db: Database, projectId: string): Promise<VersionRow[]> {
  return db.select().from(apiVersions).where(eq(apiVersions.projectId, projectId)).orderBy(asc(apiVersions.versionNumber));
}

export async function findActiveVersion(db: Database, projectId: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(apiVersions)
    .where(and(eq(apiVersions.projectId, projectId), inArray(apiVersions.status, ['pending', 'generating', 'validating'])));
  return row;
}

export async function latestCompleteVersion(db: Database, projectId: string): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(apiVersions)
    .where(and(eq(apiVersions.projectId, projectId), eq(apiVersions.status, 'complete')))
    .orderBy(desc(apiVersions.versionNumber))
    .limit(1);
  return row;
}

/** pending → generating, atomically: only one worker ever runs a version (idempotent for retried tasks). */
/** Who holds a version while generating it, and for how long without renewing. */
export interface VersionLease {
  owner: string;
  seconds: number;
}

/** Moves a pending version to generating, under `lease` when given; undefined when it was not pending. */
export async function claimPendingVersion(db: Database, versionId: string, lease?: VersionLease): Promise<VersionRow | undefined> {
  const [row] = await db
    .update(apiVersions)
    .set({
      status: 'generating',
      startedAt: new Date(),
      ...(lease ? { leaseOwner: lease.owner, leaseExpiresAt: sql`now() + make_interval(secs => ${lease.seconds})` } : {}),
    })
    .where(and(eq(apiVersions.id, versionId), eq(apiVersions.status, 'pending')))
    .returning();
  return row;
}

/**
 * Extends the lease; false when the version is no longer this owner's to run (it ended, for
 * instance stopped from another process, or its lease expired and it was taken over).
 */
export async function renewVersionLease(db: Database, versionId: string, lease: VersionLease): Promise<boolean> {
  const rows = await db
    .update(apiVersions)
    .set({ leaseExpiresAt: sql`now() + make_interval(secs => ${lease.seconds})` })
    .where(and(eq(apiVersions.id, versionId), eq(apiVersions.leaseOwner, lease.owner), inArray(apiVersions.status, ['generating', 'validating'])))
    .returning({ id: apiVersions.id });
  return rows.length > 0;
}

/** Versions in flight whose owner stopped renewing: it died (or lost the database for that long). */
export async function listExpiredLeaseVersions(db: Database): Promise<Array<{ id: string; projectId: string; leaseOwner: string | null }>> {
  return db
    .select({ id: apiVersions.id, projectId: apiVersions.projectId, leaseOwner: apiVersions.leaseOwner })
    .from(apiVersions)
    .where(and(inArray(apiVersions.status, ['generating', 'validating']), lt(apiVersions.leaseExpiresAt, sql`now()`)));
}

export async function listVersionIdsWithStatus(db: Database, statuses: VersionStatus[]): Promise<string[]> {
  const rows = await db
    .select({ id: apiVersions.id })
    .from(apiVersions)
    .where(inArray(apiVersions.status, statuses))
    .orderBy(asc(apiVersions.queuedAt));
  return rows.map((row) => row.id);
}

export async function listPendingVersions(db: Database): Promise<Array<{ id: string; projectId: string }>> {
  return db
    .select({ id: apiVersions.id, projectId: apiVersions.projectId })
    .from(apiVersions)
    .where(eq(apiVersions.status, 'pending'))
    .orderBy(asc(apiVersions.queuedAt));
}

export async function setVersionStatus(db: Database, versionId: string, status: VersionStatus): Promise<void> {
  await db.update(apiVersions).set({ status }).where(eq(apiVersions.id, versionId));
}

export async function markFirstChunk(db: Database, versionId: string, at: Date): Promise<void> {
  await db
    .update(apiVersions)
    .set({ firstChunkAt: at })
    .where(and(eq(apiVersions.id, versionId), sql`${apiVersions.firstChunkAt} is null`));
}

/** Adds to what the version's run read and planned; keys already there and not given are kept. */
export async function recordVersionActivity(db: Database, versionId: string, activity: VersionActivityRecord): Promise<void> {
  await db
    .update(apiVersions)
    .set({ activity: sql`coalesce(${apiVersions.activity}, '{}'::jsonb) || ${JSON.stringify(activity)}::jsonb` })
    .where(eq(apiVersions.id, versionId));
}

export async function recordGenerationOutput(
  db: Database,
  versionId: string,
  output: { title: string; summary: string; aiResponse: string; model: string; usage: ModelUsage | null; isSnapshot: boolean },
): Promise<void> {
  await db.update(apiVersions).set(output).where(eq(apiVersions.id, versionId));
}

/** The tokens and cost of a version's model calls, also for one that failed or was stopped. */
export async function recordUsage(db: Database, versionId: string, usage: ModelUsage): Promise<void> {
  await db.update(apiVersions).set({ usage }).where(eq(apiVersions.id, versionId));
}

export async function recordValidation(db: Database, versionId: string, validation: ValidationReport): Promise<void> {
  await db.update(apiVersions).set({ validation }).where(eq(apiVersions.id, versionId));
}

/** Ends a version. Only an active version can end, so a late writer never overwrites a final state. */
export async function finishVersion(
  db: Database,
  versionId: string,
  outcome: { status: 'complete' | 'failed'; stopReason: StopReason; error?: string | null },
): Promise<boolean> {
  const rows = await db
    .update(apiVersions)
    .set({ status: outcome.status, stopReason: outcome.stopReason, error: outcome.error ?? null, completedAt: new Date() })
    .where(and(eq(apiVersions.id, versionId), inArray(apiVersions.status, ['pending', 'generating', 'validating'])))
    .returning({ id: apiVersions.id });
  return rows.length > 0;
}

/**
 * A version that is complete the moment it is made: a restore copies files, no model runs. Numbered
 * like any other, so history only ever grows.
 */
export async function insertCompletedVersion(
  db: Database,
  input: { projectId: string; prompt: string; baseVersionId: string | null; title: string; summary: string; validation: ValidationReport | null },
): Promise<VersionRow> {
  const now = new Date();
  const [row] = await db
    .insert(apiVersions)
    .values({
      projectId: input.projectId,
      prompt: input.prompt,
      baseVersionId: input.baseVersionId,
      title: input.title,
      summary: input.summary,
      aiResponse: input.summary,
      validation: input.validation,
      model: 'restore',
      status: 'complete',
      stopReason: 'completed',
      startedAt: now,
      completedAt: now,
      versionNumber: nextVersionNumber(input.projectId),
    })
    .returning();
  return row!;
}
