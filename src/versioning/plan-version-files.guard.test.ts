import { describe, expect, it, vi } from 'vitest';
import { planVersionFiles } from './plan-version-files';

// A differ bug must stop the write, not corrupt every version built on top of it.
vi.mock('./diff', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./diff')>();
  return { ...actual, makeDiff: (base: string) => [[0, base.length - 1], [-1, 1]] };
});

describe('planVersionFiles diff check', () => {
  it('throws when a diff does not reproduce the new content', () => {
    const base = 'x'.repeat(200);
    expect(() => planVersionFiles({ baseFiles: { 'a.ts': base }, targetFiles: { 'a.ts': `${base}y` }, asSnapshot: false })).toThrow(
      /the diff for a\.ts does not reproduce the new content/,
    );
  });
});
