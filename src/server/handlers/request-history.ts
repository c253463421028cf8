// The request console's history of a project, for its owner.
import { REQUEST_HISTORY_LIMIT } from '@/shared/preview-limits';
import type { RequestHistoryEntry } from '@/types/preview';
import { listRequestHistory } from '@/db/stores/request-history-store';
import { requireProject } from './access';
import type { HandlerContext } from './context';

/** Newest first; `limit` defaults to (and is capped at) everything the history keeps. */
export async function listProjectRequests(
  ctx: HandlerContext,
  input: { projectId: string; limit?: number },
): Promise<RequestHistoryEntry[]> {
  await requireProject(ctx, input.projectId);
  return listRequestHistory(ctx.db, input.projectId, input.limit ?? REQUEST_HISTORY_LIMIT);
}
