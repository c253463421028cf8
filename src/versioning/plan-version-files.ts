// The version_files rows that store a new version against its base (docs/architecture.md, "Storage").
import type { DiffOp, FileMap } from '@/types/versioning';
import { applyDiff, diffSize, makeDiff } from './diff';
import { hashContent } from './hash';

/** One version_files row, before ids and timestamps are added. */
export interface VersionFileRowInput {
  filePath: string;
  operation: 'created' | 'modified' | 'deleted' | 'unchanged';
  contentDiff: DiffOp[] | null;
  fullContent: string | null;
  /** sha256 of the file's full content in this version; null only for deletions. */
  contentHash: string | null;
}

export interface PlanVersionFilesInput {
  baseFiles: FileMap;
  targetFiles: FileMap;
  /** Store full content for every file of the target (see shouldWriteSnapshot). */
  asSnapshot: boolean;
}

/**
 * Rows sorted by path. Without asSnapshot only changed files get a row; with it every target file gets one
 * (operation 'unchanged' when equal to the base) so reconstruction can start here, plus rows for deletions.
 */
export function planVersionFiles({ baseFiles, targetFiles, asSnapshot }: PlanVersionFilesInput): VersionFileRowInput[] {
  const paths = [...new Set([...Object.keys(baseFiles), ...Object.keys(targetFiles)])].sort(comparePaths);
  const rows: VersionFileRowInput[] = [];
  for (const filePath of paths) {
    // Object.hasOwn: a path such as "constructor" must not read Object.prototype.
    const base = Object.hasOwn(baseFiles, filePath) ? baseFiles[filePath] : undefined;
    const target = Object.hasOwn(targetFiles, filePath) ? targetFiles[filePath] : undefined;
    if (target === undefined) {
      rows.push({ filePath, operation: 'deleted', contentDiff: null, fullContent: null, contentHash: null });
    } else if (base === undefined) {
      rows.push(fullRow(filePath, 'created', target));
    } else if (base === target) {
      if (asSnapshot) rows.push(fullRow(filePath, 'unchanged', target));
    } else {
      rows.push(asSnapshot ? fullRow(filePath, 'modified', target) : modifiedRow(filePath, base, target));
    }
  }
  return rows;
}

/** Code-unit order, not localeCompare: the same on every machine. */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fullRow(filePath: string, operation: VersionFileRowInput['operation'], content: string): VersionFileRowInput {
  return { filePath, operation, contentDiff: null, fullContent: content, contentHash: hashContent(content) };
}

function modifiedRow(filePath: string, base: string, target: string): VersionFileRowInput {
  const ops = makeDiff(base, target);
  if (diffSize(ops) >= target.length) return fullRow(filePath, 'modified', target);
  // A wrong diff would corrupt every later version built on it; refuse to store one.
  if (applyDiff(base, ops) !== target) {
    throw new Error(`planVersionFiles: the diff for ${filePath} does not reproduce the new content`);
  }
  return { filePath, operation: 'modified', contentDiff: ops, fullContent: null, contentHash: hashContent(target) };
}
