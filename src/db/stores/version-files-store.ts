// Owns writes to `version_files`: a version's changes against its base (docs/architecture.md, "Storage"), and reading a
// version back as whole files through the pure reconstruction in src/versioning.
import { eq, inArray } from 'drizzle-orm';
import { processSingleton } from '@/shared/process-singleton';
import type { FileMap } from '@/types/versioning';
import {
  chainToSnapshot,
  createLruCache,
  planVersionFiles,
  reconstructVersionFiles,
  shouldWriteSnapshot,
  versionsSinceSnapshot,
  type ReconstructionProblem,
  type StoredVersion,
  type VersionFileRowInput,
} from '@/versioning';
import type { Database } from '../client';
import { apiVersions, versionFiles } from '../schema';

export interface VersionFilesResult {
  files: FileMap;
  /** Files that could not be restored exactly; never served as content. */
  problems: ReconstructionProblem[];
}

interface VersionLink {
  id: string;
  baseVersionId: string | null;
  isSnapshot: boolean;
}

/** Reconstructed versions never change, so they are cached by id for fast switching. */
function reconstructedFilesCache() {
  return processSingleton('versionFilesCache', () => createLruCache<string, VersionFilesResult>({ maxEntries: 200 }));
}

export function forgetCachedVersionFiles(): void {
  reconstructedFilesCache().clear();
}

async function loadProjectLinks(db: Database, versionId: string): Promise<Map<string, VersionLink>> {
  const projectOfVersion = db.select({ projectId: apiVersions.projectId }).from(apiVersions).where(eq(apiVersions.id, versionId));
  const rows = await db
    .select({ id: apiVersions.id, baseVersionId: apiVersions.baseVersionId, isSnapshot: apiVersions.isSnapshot })
    .from(apiVersions)
    .where(inArray(apiVersions.projectId, projectOfVersion));
  return new Map(rows.map((row) => [row.id, row]));
}

async function loadRows(db: Database, versionIds: string[]): Promise<Map<string, VersionFileRowInput[]>> {
  const rows = versionIds.length
    ? await db
        .select({
          versionId: versionFiles.versionId,
          filePath: versionFiles.filePath,
          operation: versionFiles.operation,
          contentDiff: versionFiles.contentDiff,
          fullContent: versionFiles.fullContent,
          contentHash: versionFiles.contentHash,
        })
        .from(versionFiles)
        .where(inArray(versionFiles.versionId, versionIds))
    : [];
  const byVersion = new Map<string, VersionFileRowInput[]>(versionIds.map((id) => [id, []]));
  for (const { versionId, ...row } of rows) byVersion.get(versionId)!.push(row);
  return byVersion;
}

async function replaceRows(db: Database, versionId: string, rows: VersionFileRowInput[], isSnapshot: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(versionFiles).where(eq(versionFiles.versionId, versionId));
    if (rows.length) await tx.insert(versionFiles).values(rows.map((row) => ({ ...row, versionId })));
    await tx.update(apiVersions).set({ isSnapshot }).where(eq(apiVersions.id, versionId));
  });
}

/**
 * Stores `targetFiles` as the version's changes against `baseFiles`. Returns whether the version was
 * written as a full snapshot (when its diff chain would otherwise grow past the limit).
 */
export async function writeVersionFiles(
  db: Database,
  input: { versionId: string; baseVersionId: string | null; baseFiles: FileMap; targetFiles: FileMap },
): Promise<{ isSnapshot: boolean; changedFiles: VersionFileRowInput[] }> {
  let asSnapshot = false;
  if (input.baseVersionId) {
    const links = await loadProjectLinks(db, input.versionId);
    asSnapshot = shouldWriteSnapshot(versionsSinceSnapshot(input.baseVersionId, (id) => links.get(id)));
  }
  const rows = planVersionFiles({ baseFiles: input.baseFiles, targetFiles: input.targetFiles, asSnapshot });
  await replaceRows(db, input.versionId, rows, asSnapshot);
  reconstructedFilesCache().delete(input.versionId);
  return { isSnapshot: asSnapshot, changedFiles: rows.filter((row) => row.operation !== 'unchanged') };
}

/** The full files of one version, reconstructed from its nearest snapshot and checked by hash. */
export async function readVersionFiles(db: Database, versionId: string): Promise<VersionFilesResult> {
  const cache = reconstructedFilesCache();
  const cached = cache.get(versionId);
  if (cached) return cached;

  const links = await loadProjectLinks(db, versionId);
  if (!links.has(versionId)) return { files: {}, problems: [] };
  const chainIds = chainToSnapshot(versionId, (id) => links.get(id));
  const rowsByVersion = await loadRows(db, chainIds);
  const chain: StoredVersion[] = chainIds.map((id) => ({
    versionId: id,
    isSnapshot: links.get(id)!.isSnapshot,
    rows: rowsByVersion.get(id)!,
  }));
  const { files, problems } = reconstructVersionFiles(chain);
  const result = { files, problems };

  if (problems.length > 0) {
    console.warn(
      `[versioning] version ${versionId}: could not restore ${problems.map((p) => `${p.filePath} (${p.reason})`).join(', ')}; ` +
        'serving the nearest verified content and writing a fresh snapshot',
    );
    // A snapshot of what could be verified stops the damage from spreading to later reads. Planning it
    // against the base keeps the created / modified / deleted markers people see on the version.
    const baseVersionId = links.get(versionId)!.baseVersionId;
    const baseFiles = baseVersionId ? (await readVersionFiles(db, baseVersionId)).files : {};
    await replaceRows(db, versionId, planVersionFiles({ baseFiles, targetFiles: files, asSnapshot: true }), true);
    return result; // not cached: the next read goes through the new snapshot
  }
  cache.set(versionId, result);
  return result;
}

/** Changes of many versions (path + operation), for version cards and the dropdown. */
export async function listVersionChanges(db: Database, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, Array<{ filePath: string; operation: 'created' | 'modified' | 'deleted' }>>();
  const rows = await db
    .select({ versionId: versionFiles.versionId, filePath: versionFiles.filePath, operation: versionFiles.operation })
    .from(versionFiles)
    .where(inArray(versionFiles.versionId, versionIds))
    .orderBy(versionFiles.filePath);
  const byVersion = new Map<string, Array<{ filePath: string; operation: 'created' | 'modified' | 'deleted' }>>();
  for (const row of rows) {
    if (row.operation === 'unchanged') continue;
    const list = byVersion.get(row.versionId) ?? [];
    list.push({ filePath: row.filePath, operation: row.operation });
    byVersion.set(row.versionId, list);
  }
  return byVersion;
}
