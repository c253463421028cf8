// A project's saved checks as requests.http, the file a version's ZIP download carries so the checks can
// be sent from an editor against a copy running elsewhere. The project's env values never go out in it.
import { MIN_MASKED_VALUE_LENGTH } from '@/generation/sandbox/redact-secrets';
import { readProjectEnvValues } from '@/db/stores/project-env-store';
import { listSavedChecks } from '@/db/stores/saved-checks-store';
import { formatRequestsHttp } from '@/shared/requests-http';
import { requireProject } from './access';
import type { HandlerContext } from './context';

/**
 * Not http://localhost:3000: a downloaded API serves there by default, but so does this workspace, so
 * requests sent to it from the same machine could reach the workspace instead. The file's own comment
 * tells the reader to set it to where the API runs.
 */
export const REQUESTS_HTTP_BASE_URL = 'http://localhost:8080';

/** The file's text, or null when the project has no saved checks (the ZIP then has no requests.http). */
export async function exportRequestsHttp(ctx: HandlerContext, input: { projectId: string }): Promise<{ text: string } | null> {
  await requireProject(ctx, input.projectId);
  const checks = await listSavedChecks(ctx.db, input.projectId);
  if (checks.length === 0) return null;
  const values = await readProjectEnvValues(ctx.db, input.projectId);
  // Shorter values are flags ("on", "1"), not secrets, and masking them would garble the requests;
  // the sandbox's log mask draws the line at the same length.
  const maskedValues = Object.entries(values)
    .filter(([, value]) => value.length >= MIN_MASKED_VALUE_LENGTH)
    .map(([name, value]) => ({ name, value }));
  return { text: formatRequestsHttp(checks, { baseUrl: REQUESTS_HTTP_BASE_URL, maskedValues }) };
}
