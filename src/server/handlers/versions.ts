import { abortGeneration, ENDED_BY_STOP, STOPPED_MESSAGE } from '@/generation/active-generations';
import { endVersionWithEvents } from '@/generation/end-version';
import { buildFixRequest } from '@/generation/fix-request';
import { announceVersionStop } from '@/generation/version-stop-signal';
import type { StopReason } from '@/types/streaming';
import type { VersionSummary } from '@/types/versioning';
import { ForgeError, isUniqueViolation } from '@/shared/forge-error';
import { insertChatMessage } from '@/db/stores/chat-store';
import { queueVersion } from '@/db/stores/queued-version-store';
import { listVersionChanges, readVersionFiles } from '@/db/stores/version-files-store';
import {
  findActiveVersion,
  latestCompleteVersion,
  listProjectVersions,
  type VersionRow,
} from '@/db/stores/versions-store';
import { requireProject, requireVersion } from './access';
import type { HandlerContext } from './context';
import type { CreatedVersion } from './projects';
import { hasSavedFiles } from '@/shared/version-rules';

function toSummary(
  row: VersionRow,
  numberById: Map<string, number>,
  changes: VersionSummary['changes'],
): VersionSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    versionNumber: row.versionNumber,
    baseVersionId: row.baseVersionId,
    baseVersionNumber: row.baseVersionId ? (numberById.get(row.baseVersionId) ?? null) : null,
    fixOfVersionId: row.fixOfVersionId,
    prompt: row.prompt,
    title: row.title,
    summary: row.summary,
    status: row.status,
    stopReason: row.stopReason,
    error: row.error,
    validation: row.validation,
    model: row.model,
    usage: row.usage,
    activity: row.activity,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    changes,
  };
}

export function createVersion(
  ctx: HandlerContext,
  input: { projectId: string; prompt: string; baseVersionId?: string },
): Promise<CreatedVersion> {
  return startVersion(ctx, input);
}

/**
 * Queues a new version. `baseVersionId` undefined means the project's latest complete version;
 * null means none (a fresh start, as a regenerated v1 is).
 */
async function startVersion(
  ctx: HandlerContext,
  input: { projectId: string; prompt: string; baseVersionId?: string | null; fixOfVersionId?: string },
): Promise<CreatedVersion> {
  await requireProject(ctx, input.projectId);
  const active = await findActiveVersion(ctx.db, input.projectId);
  if (active) {
    throw new ForgeError('CONFLICT', `v${active.versionNumber} is still being generated. Wait for it to finish or stop it first.`);
  }
  let baseVersionId: string | null = null;
  if (input.baseVersionId) {
    const { version: base } = await requireVersion(ctx, input.baseVersionId);
    if (base.projectId !== input.projectId) throw new ForgeError('BAD_REQUEST', 'The base version belongs to another project.');
    if (!hasSavedFiles(base)) {
      throw new ForgeError('BAD_REQUEST', `v${base.versionNumber} has no saved files (it ${base.status === 'failed' ? 'failed' : 'is not finished'}); pick another base.`);
    }
    baseVersionId = base.id;
  } else if (input.baseVersionId === undefined) {
    baseVersionId = (await latestCompleteVersion(ctx.db, input.projectId))?.id ?? null;
  }

  let created: CreatedVersion;
  try {
    created = await queueVersion(
      ctx.db,
      { projectId: input.projectId, prompt: input.prompt, baseVersionId, fixOfVersionId: input.fixOfVersionId ?? null },
      ctx.jobs,
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ForgeError('CONFLICT', 'Another version of this project was just started. Wait for it to finish or stop it first.');
    }
    throw error;
  }
  return created;
}

/** The same prompt on the same base, as a new version. */
export async function regenerateVersion(ctx: HandlerContext, input: { versionId: string }): Promise<CreatedVersion> {
  const { version } = await requireVersion(ctx, input.versionId);
  return startVersion(ctx, { projectId: version.projectId, prompt: version.prompt, baseVersionId: version.baseVersionId });
}

/** A version that failed validation, repaired by the model: based on it, asked with the failing checks. */
export async function fixVersion(ctx: HandlerContext, input: { versionId: string }): Promise<CreatedVersion> {
  const { version } = await requireVersion(ctx, input.versionId);
  const regressed = version.status === 'complete' && (version.validation?.checks ?? []).some((check) => check.regression);
  if (!regressed && (version.status !== 'failed' || version.stopReason !== 'validation_failed')) {
    throw new ForgeError('BAD_REQUEST', `v${version.versionNumber} did not fail validation and no saved check regressed, so there is nothing to fix.`);
  }
  return startVersion(ctx, {
    projectId: version.projectId,
    prompt: buildFixRequest(version.versionNumber, version.validation),
    baseVersionId: version.id,
    fixOfVersionId: version.id,
  });
}

export async function listVersions(ctx: HandlerContext, input: { projectId: string }): Promise<VersionSummary[]> {
  await requireProject(ctx, input.projectId);
  const rows = await listProjectVersions(ctx.db, input.projectId);
  const numberById = new Map(rows.map((row) => [row.id, row.versionNumber]));
  const changes = await listVersionChanges(ctx.db, rows.map((row) => row.id));
  return rows.map((row) => toSummary(row, numberById, changes.get(row.id) ?? []));
}

export async function getVersion(ctx: HandlerContext, input: { versionId: string }): Promise<VersionSummary> {
  const { version } = await requireVersion(ctx, input.versionId);
  const numberById = new Map<string, number>([[version.id, version.versionNumber]]);
  if (version.baseVersionId) {
    const { version: base } = await requireVersion(ctx, version.baseVersionId);
    numberById.set(base.id, base.versionNumber);
  }
  const changes = await listVersionChanges(ctx.db, [version.id]);
  return toSummary(version, numberById, changes.get(version.id) ?? []);
}

/** The whole file tree of one version. A version without saved files has none yet. */
export async function getVersionFiles(ctx: HandlerContext, input: { versionId: string }) {
  const { version } = await requireVersion(ctx, input.versionId);
  if (!hasSavedFiles(version)) return { versionId: version.id, files: {}, problems: [], complete: false };
  const { files, problems } = await readVersionFiles(ctx.db, version.id);
  return { versionId: version.id, files, problems, complete: true };
}

export async function stopVersion(ctx: HandlerContext, input: { versionId: string }): Promise<{ stopped: boolean }> {
  const { version } = await requireVersion(ctx, input.versionId);
  if (version.status === 'complete' || version.status === 'failed') {
    throw new ForgeError('CONFLICT', `v${version.versionNumber} has already ended.`);
  }
  if (abortGeneration(version.id)) return { stopped: true };
  // Not running in this process: still queued, or owned by a process elsewhere. End it here; that
  // run's own finish is then a no-op because finishVersion only ends active versions.
  const reason: StopReason = 'stopped';
  const outcome = { status: 'failed', stopReason: reason, error: STOPPED_MESSAGE } as const;
  if (await endVersionWithEvents(ctx.db, version.id, outcome, [{ type: 'error', message: STOPPED_MESSAGE, reason }])) {
    await insertChatMessage(ctx.db, { projectId: version.projectId, versionId: version.id, role: 'assistant', content: STOPPED_MESSAGE });
    // A run that claimed it meanwhile in this process must not go on generating for an ended version.
    abortGeneration(version.id, ENDED_BY_STOP);
  }
  // Several processes on one Postgres: the one running it aborts at once and writes nothing more
  // (src/generation/version-stop-signal.ts). Sent even when the version had ended meanwhile: harmless.
  // A lost signal only delays that: the run's next lease renewal finds the version ended.
  await announceVersionStop(ctx.db, version.id).catch((error: unknown) =>
    console.warn(`[stop] could not tell other processes that ${version.id} stopped; its run stops at its next lease renewal:`, error),
  );
  return { stopped: true };
}
