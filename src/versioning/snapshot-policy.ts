// When a version is stored as a full snapshot instead of changes against its base (docs/architecture.md, "Storage").

/**
 * No reconstruction applies more than this many diff steps. A diff step is one non-snapshot version
 * applied on top of the files before it; reconstruction starts from the nearest snapshot (or the root
 * version, which holds only created files), so a chain holds at most MAX_DIFF_CHAIN + 1 versions.
 */
export const MAX_DIFF_CHAIN = 10;

/**
 * `versionsSinceSnapshot`: the diff steps a reconstruction of the new version would apply if it were
 * stored as changes against its base, as computed by versionsSinceSnapshot() in version-chain.ts.
 */
export function shouldWriteSnapshot(versionsSinceSnapshot: number): boolean {
  return versionsSinceSnapshot > MAX_DIFF_CHAIN;
}
