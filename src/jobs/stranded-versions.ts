// Pending versions that no job will run any more (Postgres job backend). A live worker claims a
// version within milliseconds of locking its job, so a job locked for longer than a lease without
// its version being claimed means the worker died in between; a job that failed on its one attempt
// (a database error before the claim) will never run again either; and a version may predate its
// job (written by an older release). Each of these would stay pending, and hold up every later
// version of its project, until someone noticed. They get a fresh job instead.
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';

function rowsOf<Row>(result: unknown): Row[] {
  // postgres.js answers with the rows, PGlite with { rows }.
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

export async function findStrandedPendingVersions(db: Database, leaseSeconds: number): Promise<Array<{ id: string; projectId: string }>> {
  return rowsOf<{ id: string; projectId: string }>(
    await db.execute(sql`
      select v.id, v.project_id as "projectId"
      from api_versions v
      where v.status = 'pending'
        and not exists (
          select 1 from graphile_worker.jobs j
          where j.key = v.id::text
            and (
              (j.locked_at is null and j.attempts < j.max_attempts)
              or j.locked_at > now() - make_interval(secs => ${leaseSeconds})
            )
        )
      order by v.queued_at`),
  );
}
