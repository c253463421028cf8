// Rebuilds a version's files from stored rows, checking every content hash (docs/architecture.md, "Storage").
import type { FileMap } from '@/types/versioning';
import { applyDiff } from './diff';
import { hashContent } from './hash';
import type { VersionFileRowInput } from './plan-version-files';

export interface StoredVersion {
  versionId: string;
  isSnapshot: boolean;
  rows: VersionFileRowInput[];
}

export interface ReconstructionProblem {
  /** The version whose row could not be verified. */
  versionId: string;
  filePath: string;
  reason: string;
  /** The version whose verified content is served instead; null when the file is left out. */
  fallbackVersionId: string | null;
}

export interface ReconstructionResult {
  files: FileMap;
  /** Every row that failed, including ones a later full content made good again. */
  problems: ReconstructionProblem[];
  /** Diff steps: versions applied on top of the first one of the chain (see MAX_DIFF_CHAIN). */
  diffsApplied: number;
}

interface RestoredFile {
  content: string;
  /** The version at which `content` last matched its stored hash. */
  verifiedIn: string;
  /** True once a later row failed: `content` is older than the version being rebuilt. */
  stale: boolean;
}

/**
 * `chain` runs from the nearest snapshot (or the root version) to the target, as chainToSnapshot returns.
 *
 * Content whose hash does not match is never served. When a row fails (hash mismatch, a diff that does not
 * apply, a diff with no base file, a missing hash), the file keeps its last verified content, which is the
 * nearest good content for that path, and a problem names the file, the failing version and the version
 * the served content comes from. With no verified content yet, the file is left out. Later diffs for that
 * path still apply to the served content and are checked by hash; as it is the wrong base they fail and are
 * reported too, until a row with full content verifies again. A deletion is always trusted: it carries no
 * content to check.
 */
export function reconstructVersionFiles(chain: StoredVersion[]): ReconstructionResult {
  if (chain.length === 0) throw new Error('reconstructVersionFiles: the chain is empty');
  const files = new Map<string, RestoredFile>();
  const problems: ReconstructionProblem[] = [];
  for (const version of chain) {
    // A snapshot lists every file it has; anything else from before it no longer exists.
    if (version.isSnapshot) {
      const listed = new Set(version.rows.map((row) => row.filePath));
      for (const filePath of files.keys()) if (!listed.has(filePath)) files.delete(filePath);
    }
    for (const row of version.rows) {
      if (row.operation === 'deleted') {
        files.delete(row.filePath);
        continue;
      }
      const current = files.get(row.filePath);
      const outcome = restoreRow(row, current?.content);
      if ('content' in outcome) {
        files.set(row.filePath, { content: outcome.content, verifiedIn: version.versionId, stale: false });
        continue;
      }
      problems.push({
        versionId: version.versionId,
        filePath: row.filePath,
        reason:
          current?.stale && row.fullContent === null
            ? `${outcome.problem} (its base could not be restored earlier)`
            : outcome.problem,
        fallbackVersionId: current?.verifiedIn ?? null,
      });
      if (current) current.stale = true;
    }
  }
  const entries = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    files: Object.fromEntries(entries.map(([filePath, file]) => [filePath, file.content])),
    problems,
    diffsApplied: chain.length - 1,
  };
}

function restoreRow(row: VersionFileRowInput, current: string | undefined): { content: string } | { problem: string } {
  let content: string;
  if (row.fullContent !== null) {
    content = row.fullContent;
  } else if (row.contentDiff !== null) {
    if (current === undefined) return { problem: 'diff has no base content to apply to' };
    try {
      content = applyDiff(current, row.contentDiff);
    } catch (error) {
      return { problem: `diff does not apply: ${error instanceof Error ? error.message : String(error)}` };
    }
  } else if (row.operation === 'unchanged' && current !== undefined) {
    content = current;
  } else {
    return { problem: `${row.operation} row has neither full content nor a diff` };
  }
  if (row.contentHash === null) return { problem: 'row has no content hash to verify' };
  if (hashContent(content) !== row.contentHash) return { problem: 'content hash does not match' };
  return { content };
}
