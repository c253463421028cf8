// A version's live preview and the console that calls it, for the project's owner only: start,
// status, stop, and one request at a time, each recorded in the project's history.
import { envFingerprint } from '@/preview/env-fingerprint';
import { forwardRequest, RefusedRequestError, type ForwardedRequest } from '@/preview/forward-request';
import type { OwnedVersion, PreviewService } from '@/preview/preview-service';
import { isRunningState, type PreviewResponse, type PreviewStatus } from '@/types/preview';
import { ForgeError } from '@/shared/forge-error';
import { readProjectEnvValues } from '@/db/stores/project-env-store';
import { insertRequestHistory } from '@/db/stores/request-history-store';
import { readVersionFiles } from '@/db/stores/version-files-store';
import type { VersionRow } from '@/db/stores/versions-store';
import { requireVersion } from './access';
import type { HandlerContext } from './context';
import { hasSavedFiles } from '@/shared/version-rules';

/** The preview handlers also need this process's previews. */
export type PreviewHandlerContext = HandlerContext & { previews: PreviewService };

async function requirePreviewable(ctx: HandlerContext, versionId: string): Promise<VersionRow> {
  const { version } = await requireVersion(ctx, versionId);
  if (!hasSavedFiles(version)) {
    const state = version.status === 'failed' ? `it failed before its files were saved` : `it is ${version.status}`;
    throw new ForgeError('PRECONDITION_FAILED', `v${version.versionNumber} cannot run yet: ${state}. A preview starts from a version's saved files.`);
  }
  return version;
}

export async function startPreview(ctx: PreviewHandlerContext, input: { versionId: string }): Promise<PreviewStatus> {
  const version = await requirePreviewable(ctx, input.versionId);
  const [{ files }, env] = await Promise.all([readVersionFiles(ctx.db, version.id), readProjectEnvValues(ctx.db, version.projectId)]);
  return ctx.previews.manager.start({ versionId: version.id, versionNumber: version.versionNumber, envFingerprint: envFingerprint(env), files, env });
}

export async function getPreviewStatus(ctx: PreviewHandlerContext, input: { versionId: string }): Promise<PreviewStatus> {
  const { version } = await requireVersion(ctx, input.versionId);
  const status = ctx.previews.manager.status(version.id);
  // Whether the env vars changed matters only to a preview that runs with the old ones; the
  // workspace polls this, so nothing else reads them.
  if (!isRunningState(status.state)) return status;
  const env = await readProjectEnvValues(ctx.db, version.projectId);
  return ctx.previews.manager.status(version.id, envFingerprint(env));
}

export async function stopPreview(ctx: PreviewHandlerContext, input: { versionId: string }): Promise<PreviewStatus> {
  const { version } = await requireVersion(ctx, input.versionId);
  return ctx.previews.manager.stop(version.id, 'user', 'Stopped.');
}

/** Why a request cannot go to the version's preview now, in words that say what to do. */
function notReadyMessage(versionNumber: number, status: PreviewStatus): string {
  switch (status.state) {
    case 'starting':
      return `v${versionNumber}'s preview is still starting (${status.step ?? 'install'}). Send again once it is ready.`;
    case 'failed':
      return `v${versionNumber}'s preview failed: ${status.message ?? 'it did not start'}. Start it again after a fix.`;
    default:
      return `v${versionNumber}'s preview is not running. Start it first.`;
  }
}

/** requireVersion, answered from memory once it has said yes: every console request asks it. */
async function ownedVersion(ctx: PreviewHandlerContext, versionId: string): Promise<OwnedVersion> {
  const key = `${ctx.userId} ${versionId}`;
  const known = ctx.previews.ownedVersions.get(key);
  if (known) return known;
  const { version } = await requireVersion(ctx, versionId);
  const owned = { id: version.id, projectId: version.projectId, versionNumber: version.versionNumber };
  ctx.previews.ownedVersions.set(key, owned);
  return owned;
}

export async function sendPreviewRequest(ctx: PreviewHandlerContext, input: ForwardedRequest & { versionId: string }): Promise<PreviewResponse> {
  const version = await ownedVersion(ctx, input.versionId);
  const allowed = ctx.previews.rateLimiter.take(ctx.userId);
  if (!allowed.ok) {
    throw new ForgeError('TOO_MANY_REQUESTS', `Too many requests: wait ${Math.ceil(allowed.retryAfterMs / 1000)} s and send again.`);
  }
  const api = ctx.previews.manager.use(version.id);
  if (!api) throw new ForgeError('PRECONDITION_FAILED', notReadyMessage(version.versionNumber, ctx.previews.manager.status(version.id)));
  let outcome;
  try {
    outcome = await forwardRequest(api.baseUrl, input, ctx.previews.limits);
  } catch (error) {
    if (error instanceof RefusedRequestError) throw new ForgeError('BAD_REQUEST', error.message);
    throw error;
  }
  const saved = await insertRequestHistory(ctx.db, {
    projectId: version.projectId,
    versionId: version.id,
    method: input.method,
    path: input.path,
    query: input.query ?? {},
    headers: input.headers ?? {},
    body: input.body ?? null,
    status: outcome.ok ? outcome.response.status : null,
    durationMs: outcome.ok ? outcome.response.durationMs : outcome.durationMs,
    responseBytes: outcome.ok ? outcome.response.bodyBytes : null,
    error: outcome.ok ? null : outcome.message,
  }, { versionChecked: true });
  if (!outcome.ok) throw new ForgeError(outcome.kind === 'timeout' ? 'GATEWAY_TIMEOUT' : 'BAD_GATEWAY', outcome.message);
  return { ...outcome.response, historyId: saved.id };
}
