// A project's saved checks as its owner manages them: requests from the console kept as checks, which the
// validation of every later version sends (docs/architecture.md, "API checks").
import type { PreviewMethod, PreviewQuery } from '@/types/preview';
import type { SavedCheck } from '@/types/api-checks';
import { defaultSavedCheckName } from '@/shared/saved-check-rules';
import { deleteSavedCheck, insertSavedCheck, listSavedChecks as listStoredChecks } from '@/db/stores/saved-checks-store';
import { ForgeError } from '@/shared/forge-error';
import { requireProject, requireVersion } from './access';
import type { HandlerContext } from './context';

/** What the console sends to save a check; everything but the request line and the status may be left out. */
export interface SaveCheckInput {
  projectId: string;
  /** Blank or absent: "GET /books → 200". */
  name?: string;
  method: PreviewMethod;
  path: string;
  query?: PreviewQuery;
  headers?: Record<string, string>;
  body?: string | null;
  expectStatus: number;
  /** Absent or null: only the status is checked. */
  expectJson?: unknown;
  /** The version whose preview gave the answer the check is saved from, and that answer. */
  savedOn?: SavedCheck['savedOn'];
}

/** Oldest first: the order validation runs them in. */
export async function listSavedChecks(ctx: HandlerContext, input: { projectId: string }): Promise<SavedCheck[]> {
  await requireProject(ctx, input.projectId);
  return listStoredChecks(ctx.db, input.projectId);
}

/**
 * Headers and body are kept as given, env var values included: they are redacted where saved checks leave
 * the server (the requests.http export), not here.
 */
export async function saveCheck(ctx: HandlerContext, input: SaveCheckInput): Promise<SavedCheck> {
  await requireProject(ctx, input.projectId);
  if (input.savedOn) {
    const { version } = await requireVersion(ctx, input.savedOn.versionId);
    if (version.projectId !== input.projectId) throw new ForgeError('BAD_REQUEST', `Version ${version.id} is not a version of project ${input.projectId}.`);
  }
  const name = input.name?.trim() || defaultSavedCheckName(input.method, input.path, input.expectStatus);
  return insertSavedCheck(ctx.db, {
    projectId: input.projectId,
    name,
    method: input.method,
    path: input.path,
    query: input.query ?? {},
    headers: input.headers ?? {},
    body: input.body ?? null,
    expectStatus: input.expectStatus,
    expectJson: input.expectJson ?? null,
    savedOn: input.savedOn ?? null,
  });
}

export async function removeSavedCheck(ctx: HandlerContext, input: { projectId: string; id: string }): Promise<{ removed: boolean }> {
  await requireProject(ctx, input.projectId);
  return { removed: await deleteSavedCheck(ctx.db, input.projectId, input.id) };
}
