import { insertChatMessage } from '@/db/stores/chat-store';
import { insertProject, listProjects, projectNameFromPrompt } from '@/db/stores/projects-store';
import { insertVersion } from '@/db/stores/versions-store';
import { requireProject } from './access';
import { withQueuedJob, type QueuedVersion } from '@/db/stores/queued-version-store';
import type { HandlerContext } from './context';

export type CreatedVersion = QueuedVersion;

/** `/ask`: the project, its v1 and the user's first message in one transaction, then the job. */
export async function createProject(ctx: HandlerContext, input: { prompt: string }): Promise<CreatedVersion> {
  return withQueuedJob(ctx.db, ctx.jobs, async (tx) => {
    const project = await insertProject(tx, { ownerId: ctx.userId, name: projectNameFromPrompt(input.prompt) });
    const version = await insertVersion(tx, { projectId: project.id, prompt: input.prompt, baseVersionId: null });
    await insertChatMessage(tx, { projectId: project.id, versionId: version.id, role: 'user', content: input.prompt });
    return { projectId: project.id, versionId: version.id, versionNumber: version.versionNumber };
  });
}

export async function getProject(ctx: HandlerContext, input: { projectId: string }) {
  const project = await requireProject(ctx, input.projectId);
  return { id: project.id, name: project.name, createdAt: project.createdAt, updatedAt: project.updatedAt };
}

export function listUserProjects(ctx: HandlerContext) {
  return listProjects(ctx.db, ctx.userId);
}
