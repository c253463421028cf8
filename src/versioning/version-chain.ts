// Walks the version tree (base_version_id) back to the version reconstruction can start from.

export interface VersionLink {
  id: string;
  baseVersionId: string | null;
  isSnapshot: boolean;
}

export type VersionLookup = (id: string) => VersionLink | undefined;

/**
 * Version ids from the nearest snapshot to `targetId`, both included. A version without a base is a
 * root and counts as a snapshot: it holds only created files.
 */
export function chainToSnapshot(targetId: string, lookup: VersionLookup): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let id: string | null = targetId;
  while (id !== null) {
    // A cycle cannot come from the app, but a hand-edited table must not hang the server.
    if (seen.has(id)) throw new Error(`chainToSnapshot: version ${id} is its own ancestor`);
    seen.add(id);
    const version = lookup(id);
    if (!version) throw new Error(`chainToSnapshot: version ${id} not found (reached from ${targetId})`);
    chain.push(id);
    id = version.isSnapshot ? null : version.baseVersionId;
  }
  return chain.reverse();
}

/**
 * The diff steps a new version on `baseVersionId` would add to its reconstruction if stored as changes:
 * one per version after the snapshot, itself included. 0 for a new root. Feed it to shouldWriteSnapshot.
 */
export function versionsSinceSnapshot(baseVersionId: string | null, lookup: VersionLookup): number {
  return baseVersionId === null ? 0 : chainToSnapshot(baseVersionId, lookup).length;
}
