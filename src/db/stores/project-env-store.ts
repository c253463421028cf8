// Owns writes to `project_env_vars`. Values go in and are replaced, but only readProjectEnvValues reads
// them back, for the sandbox; everything a client can see comes from listProjectEnvVars (names only).
import { and, asc, eq, sql } from 'drizzle-orm';
import { envNameProblem, envValueProblem, MAX_ENV_VARS_PER_PROJECT } from '@/shared/project-env-rules';
import type { ProjectEnvVarSummary } from '@/types/preview';
import type { Database } from '../client';
import { projectEnvVars, projects } from '../schema';
import { ForgeError } from '@/shared/forge-error';

export async function listProjectEnvVars(db: Database, projectId: string): Promise<ProjectEnvVarSummary[]> {
  return db
    .select({ name: projectEnvVars.name, updatedAt: projectEnvVars.updatedAt })
    .from(projectEnvVars)
    .where(eq(projectEnvVars.projectId, projectId))
    .orderBy(asc(projectEnvVars.name));
}

/** Server only: the values to set in the project's sandbox. Never return this to a client. */
export async function readProjectEnvValues(db: Database, projectId: string): Promise<Record<string, string>> {
  const rows = await db
    .select({ name: projectEnvVars.name, value: projectEnvVars.value })
    .from(projectEnvVars)
    .where(eq(projectEnvVars.projectId, projectId))
    .orderBy(asc(projectEnvVars.name));
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

/** Adds the variable or replaces its value. Refuses a new name once the project has the maximum. */
export async function setProjectEnvVar(
  db: Database,
  input: { projectId: string; name: string; value: string },
): Promise<ProjectEnvVarSummary> {
  const problem = envNameProblem(input.name) ?? envValueProblem(input.value);
  if (problem) throw new ForgeError('BAD_REQUEST', problem);
  return db.transaction(async (tx) => {
    // Two sets racing for the last free slot would both count one short; locking the project row makes
    // them take turns. `no key update` still lets inserts elsewhere reference the project meanwhile.
    const [project] = await tx
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, input.projectId))
      .for('no key update');
    if (!project) throw new ForgeError('NOT_FOUND', `Project ${input.projectId} was not found.`);

    const [usage] = await tx
      .select({
        total: sql<number>`count(*)::int`,
        exists: sql<boolean>`coalesce(bool_or(${projectEnvVars.name} = ${input.name}), false)`,
      })
      .from(projectEnvVars)
      .where(eq(projectEnvVars.projectId, input.projectId));
    if (!usage?.exists && (usage?.total ?? 0) >= MAX_ENV_VARS_PER_PROJECT) {
      throw new ForgeError(
        'BAD_REQUEST',
        `A project can have at most ${MAX_ENV_VARS_PER_PROJECT} env vars; remove one before adding ${input.name}.`,
      );
    }

    const [row] = await tx
      .insert(projectEnvVars)
      .values({ projectId: input.projectId, name: input.name, value: input.value })
      .onConflictDoUpdate({
        target: [projectEnvVars.projectId, projectEnvVars.name],
        set: { value: input.value, updatedAt: sql`now()` },
      })
      .returning({ name: projectEnvVars.name, updatedAt: projectEnvVars.updatedAt });
    return row!;
  });
}

export async function deleteProjectEnvVar(db: Database, input: { projectId: string; name: string }): Promise<boolean> {
  const removed = await db
    .delete(projectEnvVars)
    .where(and(eq(projectEnvVars.projectId, input.projectId), eq(projectEnvVars.name, input.name)))
    .returning({ name: projectEnvVars.name });
  return removed.length > 0;
}
