import { describe, expect, it } from 'vitest';
import { chainToSnapshot, versionsSinceSnapshot, type VersionLink } from './version-chain';

function lookupOf(links: VersionLink[]) {
  const byId = new Map(links.map((link) => [link.id, link]));
  return (id: string) => byId.get(id);
}

// v1 ← v2 ← v3 (snapshot) ← v4 ← v5, and a branch v2 ← v6.
const tree = lookupOf([
  { id: 'v1', baseVersionId: null, isSnapshot: false },
  { id: 'v2', baseVersionId: 'v1', isSnapshot: false },
  { id: 'v3', baseVersionId: 'v2', isSnapshot: true },
  { id: 'v4', baseVersionId: 'v3', isSnapshot: false },
  { id: 'v5', baseVersionId: 'v4', isSnapshot: false },
  { id: 'v6', baseVersionId: 'v2', isSnapshot: false },
]);

describe('chainToSnapshot', () => {
  it('runs from the nearest snapshot or root to the target', () => {
    expect(chainToSnapshot('v5', tree)).toEqual(['v3', 'v4', 'v5']);
    expect(chainToSnapshot('v3', tree)).toEqual(['v3']);
    expect(chainToSnapshot('v6', tree)).toEqual(['v1', 'v2', 'v6']);
    expect(chainToSnapshot('v1', tree)).toEqual(['v1']);
  });

  it('names a missing version and refuses cycles', () => {
    expect(() => chainToSnapshot('v9', tree)).toThrow(/version v9 not found/);
    const cyclic = lookupOf([
      { id: 'a', baseVersionId: 'b', isSnapshot: false },
      { id: 'b', baseVersionId: 'a', isSnapshot: false },
    ]);
    expect(() => chainToSnapshot('a', cyclic)).toThrow(/its own ancestor/);
  });
});

describe('versionsSinceSnapshot', () => {
  it('counts the diff steps a new version on that base would need', () => {
    expect(versionsSinceSnapshot(null, tree)).toBe(0);
    expect(versionsSinceSnapshot('v1', tree)).toBe(1);
    expect(versionsSinceSnapshot('v3', tree)).toBe(1);
    expect(versionsSinceSnapshot('v5', tree)).toBe(3);
    expect(versionsSinceSnapshot('v6', tree)).toBe(3);
  });
});
