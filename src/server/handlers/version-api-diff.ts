// The HTTP API diff between two versions of a project, for the compare view and `forge diff`: both
// versions' openapi.json, rebuilt from the stored file rows, compared by diffApiDocuments.
import { diffApiDocuments } from '@/api-description/api-diff';
import { findOpenApiPath } from '@/generation/sandbox/declared-routes';
import { ForgeError } from '@/shared/forge-error';
import { hasSavedFiles } from '@/shared/version-rules';
import type { ApiDiff } from '@/types/api-diff';
import { readVersionFiles } from '@/db/stores/version-files-store';
import type { VersionRow } from '@/db/stores/versions-store';
import { requireVersion } from './access';
import type { HandlerContext } from './context';

/** The version's openapi.json, or undefined when it has none (or none that could be restored exactly). */
async function openApiTextOf(ctx: HandlerContext, version: VersionRow): Promise<string | undefined> {
  if (!hasSavedFiles(version)) return undefined;
  const { files } = await readVersionFiles(ctx.db, version.id);
  const path = findOpenApiPath(files);
  return path === undefined ? undefined : files[path];
}

export async function diffVersionApis(ctx: HandlerContext, input: { fromVersionId: string; toVersionId: string }): Promise<ApiDiff> {
  const { version: from } = await requireVersion(ctx, input.fromVersionId);
  const { version: to } = await requireVersion(ctx, input.toVersionId);
  if (from.projectId !== to.projectId) throw new ForgeError('BAD_REQUEST', 'Both versions must belong to the same project.');
  const [fromText, toText] = await Promise.all([openApiTextOf(ctx, from), openApiTextOf(ctx, to)]);
  return diffApiDocuments({ label: `v${from.versionNumber}`, openApiText: fromText }, { label: `v${to.versionNumber}`, openApiText: toText });
}
