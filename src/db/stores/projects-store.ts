// Owns writes to `projects`.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { projects } from '../schema';

export type ProjectRow = typeof projects.$inferSelect;

export async function insertProject(db: Database, input: { ownerId: string; name: string }): Promise<ProjectRow> {
  const [row] = await db.insert(projects).values(input).returning();
  return row!;
}

export async function touchProject(db: Database, projectId: string): Promise<void> {
  await db.update(projects).set({ updatedAt: new Date() }).where(eq(projects.id, projectId));
}

export async function findProject(db: Database, projectId: string, ownerId: string): Promise<ProjectRow | undefined> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.ownerId, ownerId)));
  return row;
}

/** Without an owner check: for server-side work (a worker acting for the project's owner). */
export async function findProjectById(db: Database, projectId: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId));
  return row;
}

export async function listProjects(db: Database, ownerId: string) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
      // Spelled out: inside a subquery drizzle leaves column names unqualified, and project_id = id
      // would then compare two columns of api_versions.
      versionCount: sql<number>`(select count(*)::int from api_versions v where v.project_id = "projects"."id")`,
    })
    .from(projects)
    .where(eq(projects.ownerId, ownerId))
    .orderBy(desc(projects.updatedAt))
    .limit(200);
}

/** A project's display name from its first prompt: the first line, cut at a word near 60 chars. */
export function projectNameFromPrompt(prompt: string): string {
  const firstLine = prompt.trim().split('\n')[0]!.trim();
  if (firstLine.length <= 60) return firstLine;
  const cut = firstLine.slice(0, 60);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > 30 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
