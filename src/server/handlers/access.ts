// Every function that touches a project goes through these, so ownership is checked in one place.
import { ForgeError } from '@/shared/forge-error';
import { findProject, type ProjectRow } from '@/db/stores/projects-store';
import { findOwnedVersion, type VersionRow } from '@/db/stores/versions-store';
import type { HandlerContext } from './context';

export async function requireProject(ctx: HandlerContext, projectId: string): Promise<ProjectRow> {
  const project = await findProject(ctx.db, projectId, ctx.userId);
  if (!project) throw new ForgeError('NOT_FOUND', `Project ${projectId} was not found.`);
  return project;
}

export async function requireVersion(ctx: HandlerContext, versionId: string): Promise<{ version: VersionRow; project: ProjectRow }> {
  const found = await findOwnedVersion(ctx.db, versionId, ctx.userId);
  if (!found) throw new ForgeError('NOT_FOUND', `Version ${versionId} was not found.`);
  return found;
}
