// Server-side entry point of version storage. Browser code imports '@/versioning/compare' directly:
// this file re-exports hash.ts, which pulls in node:crypto.
export { applyDiff, diffSize, makeDiff } from './diff';
export { hashContent } from './hash';
export { MAX_DIFF_CHAIN, shouldWriteSnapshot } from './snapshot-policy';
export { chainToSnapshot, versionsSinceSnapshot, type VersionLink, type VersionLookup } from './version-chain';
export { planVersionFiles, type PlanVersionFilesInput, type VersionFileRowInput } from './plan-version-files';
export {
  reconstructVersionFiles,
  type ReconstructionProblem,
  type ReconstructionResult,
  type StoredVersion,
} from './reconstruct';
export { createLruCache, type LruCache, type LruCacheOptions } from './lru-cache';
export { compareFileMaps, type DiffHunk, type DiffLine, type FileComparison } from './compare';
