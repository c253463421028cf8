// Every function that touches a project goes through these, so ownership is checked in one place.
import { ForgeError } from '../errors';
import { findProject, type ProjectRow } from '../store/projects-store';
import { findVersion, type VersionRow } from '../store/versions-store';
import type { HandlerContext } from './context';

export async function requireProject(ctx: HandlerContext, projectId: string): Promise<ProjectRow> {
  const project = await findProject(ctx.db, projectId, ctx.userId);
  if (!project) throw new ForgeError('NOT_FOUND', `Project ${projectId} was not found.`);
  return project;
}

export async function requireVersion(ctx: HandlerContext, versionId: string): Promise<{ version: VersionRow; project: ProjectRow }> {
  const version = await findVersion(ctx.db, versionId);
  const project = version ? await findProject(ctx.db, version.projectId, ctx.userId) : undefined;
  if (!version || !project) throw new ForgeError('NOT_FOUND', `Version ${versionId} was not found.`);
  return { version, project };
}
