// The API a version describes, for the request console and the Docs view: its openapi.json read by
// describeApi, or a description with no routes that says why there are none.
import { describeApi, emptyDescription } from '@/api-description/describe-api';
import { findOpenApiPath } from '@/generation/sandbox/declared-routes';
import type { ApiDescription } from '@/types/api-description';
import { readVersionFiles } from '@/db/stores/version-files-store';
import { requireVersion } from './access';
import type { HandlerContext } from './context';
import { hasSavedFiles } from '@/shared/version-rules';

export const NO_OPENAPI_PROBLEM = 'This version has no openapi.json, so its routes are not known; type a method and path to call it.';

export async function describeVersionApi(ctx: HandlerContext, input: { versionId: string }): Promise<ApiDescription> {
  const { version } = await requireVersion(ctx, input.versionId);
  if (!hasSavedFiles(version)) {
    const why = version.status === 'failed' ? ' (it failed before they were written)' : ' yet';
    return emptyDescription([`v${version.versionNumber} has no saved files${why}, so its routes are not known.`]);
  }
  const { files, problems } = await readVersionFiles(ctx.db, version.id);
  const openApiPath = findOpenApiPath(files);
  if (openApiPath === undefined) {
    // A file that could not be restored exactly is left out of `files`; say so rather than "no openapi.json".
    const lost = problems.find((problem) => problem.filePath === 'openapi.json' || problem.filePath.endsWith('/openapi.json'));
    return emptyDescription([lost ? `${lost.filePath} could not be restored (${lost.reason}), so its routes are not known.` : NO_OPENAPI_PROBLEM]);
  }
  return describeApi(files[openApiPath]!);
}
