// A project's env vars as its owner manages them: names listed, values written and replaced, never
// read back. The sandbox reads values through readProjectEnvValues, not through here.
import type { ProjectEnvVarSummary } from '@/types/preview';
import { deleteProjectEnvVar, listProjectEnvVars, setProjectEnvVar } from '@/db/stores/project-env-store';
import { requireProject } from './access';
import type { HandlerContext } from './context';

export async function listProjectEnv(ctx: HandlerContext, input: { projectId: string }): Promise<ProjectEnvVarSummary[]> {
  await requireProject(ctx, input.projectId);
  return listProjectEnvVars(ctx.db, input.projectId);
}

export async function setProjectEnv(
  ctx: HandlerContext,
  input: { projectId: string; name: string; value: string },
): Promise<ProjectEnvVarSummary> {
  await requireProject(ctx, input.projectId);
  const stored = await setProjectEnvVar(ctx.db, input);
  // Spelled out so nothing the store might add to its row (such as the value) reaches the client.
  return { name: stored.name, updatedAt: stored.updatedAt };
}

export async function removeProjectEnv(
  ctx: HandlerContext,
  input: { projectId: string; name: string },
): Promise<{ removed: boolean }> {
  await requireProject(ctx, input.projectId);
  return { removed: await deleteProjectEnvVar(ctx.db, input) };
}
