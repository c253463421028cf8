// Going back without losing anything: restore an old version as a new one, and compare any two.
import { compareFileMaps } from '@/versioning/compare';
import { ForgeError, isUniqueViolation } from '@/shared/forge-error';
import { insertChatMessage } from '@/db/stores/chat-store';
import { touchProject } from '@/db/stores/projects-store';
import { readVersionFiles, writeVersionFiles } from '@/db/stores/version-files-store';
import { findActiveVersion, insertCompletedVersion, latestCompleteVersion } from '@/db/stores/versions-store';
import { requireVersion } from './access';
import type { HandlerContext } from './context';
import type { CreatedVersion } from './projects';
import { hasSavedFiles } from '@/shared/version-rules';

/**
 * Makes a new version whose files equal `versionId`'s, without a model call. Its base is the latest
 * complete version, so its card shows what the restore changed relative to where the user was.
 */
export async function restoreVersion(ctx: HandlerContext, input: { versionId: string }): Promise<CreatedVersion> {
  const { version: source } = await requireVersion(ctx, input.versionId);
  if (!hasSavedFiles(source)) throw new ForgeError('BAD_REQUEST', `v${source.versionNumber} has no saved files to restore.`);
  const active = await findActiveVersion(ctx.db, source.projectId);
  if (active) throw new ForgeError('CONFLICT', `v${active.versionNumber} is still being generated. Wait for it to finish or stop it first.`);

  const { files, problems } = await readVersionFiles(ctx.db, source.id);
  if (problems.length > 0) {
    throw new ForgeError('CONFLICT', `v${source.versionNumber} cannot be restored exactly: ${problems.map((p) => p.filePath).join(', ')} could not be verified.`);
  }
  const base = await latestCompleteVersion(ctx.db, source.projectId);
  const baseFiles = base ? (await readVersionFiles(ctx.db, base.id)).files : {};
  const summary = `Restored the files of v${source.versionNumber}.`;
  try {
    return await ctx.db.transaction(async (tx) => {
      const restored = await insertCompletedVersion(tx, {
        projectId: source.projectId,
        prompt: `Restore v${source.versionNumber}`,
        baseVersionId: base?.id ?? null,
        title: `Restored v${source.versionNumber}`,
        summary,
        // Identical files give identical results; say where the report came from.
        validation: source.validation ? { ...source.validation, sandbox: `${source.validation.sandbox} (from v${source.versionNumber})` } : null,
      });
      await writeVersionFiles(tx, { versionId: restored.id, baseVersionId: base?.id ?? null, baseFiles, targetFiles: files });
      await insertChatMessage(tx, { projectId: source.projectId, versionId: restored.id, role: 'user', content: `Restore v${source.versionNumber}` });
      await insertChatMessage(tx, { projectId: source.projectId, versionId: restored.id, role: 'assistant', content: summary });
      await touchProject(tx, source.projectId);
      return { projectId: source.projectId, versionId: restored.id, versionNumber: restored.versionNumber };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ForgeError('CONFLICT', 'Another version of this project was just made; try again.');
    throw error;
  }
}

/** Per file of either version: created / modified / deleted / unchanged, with line hunks. */
export async function compareVersions(ctx: HandlerContext, input: { fromVersionId: string; toVersionId: string }) {
  const { version: from } = await requireVersion(ctx, input.fromVersionId);
  const { version: to } = await requireVersion(ctx, input.toVersionId);
  if (from.projectId !== to.projectId) throw new ForgeError('BAD_REQUEST', 'Both versions must belong to the same project.');
  for (const version of [from, to]) {
    if (!hasSavedFiles(version)) throw new ForgeError('BAD_REQUEST', `v${version.versionNumber} has no saved files to compare.`);
  }
  const [fromFiles, toFiles] = await Promise.all([readVersionFiles(ctx.db, from.id), readVersionFiles(ctx.db, to.id)]);
  return {
    from: { versionId: from.id, versionNumber: from.versionNumber },
    to: { versionId: to.id, versionNumber: to.versionNumber },
    files: compareFileMaps(fromFiles.files, toFiles.files),
    problems: [...fromFiles.problems, ...toFiles.problems],
  };
}
