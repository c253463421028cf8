import { describe, expect, it } from 'vitest';
import { evictionsFor, idlePreviews, type PoolRecord } from './preview-pool';

const record = (versionId: string, state: PoolRecord['state'], lastUsedAt: number): PoolRecord => ({ versionId, state, lastUsedAt });

describe('evictionsFor', () => {
  it('makes room by stopping the least recently used running preview', () => {
    const records = [record('a', 'ready', 300), record('b', 'ready', 100), record('c', 'starting', 200), record('d', 'failed', 0)];
    expect(evictionsFor(records, 3)).toEqual(['b']);
  });

  it('stops nothing while there is room, and never counts failed or stopped previews', () => {
    expect(evictionsFor([record('a', 'ready', 1), record('b', 'stopped', 0), record('c', 'failed', 0)], 2)).toEqual([]);
  });

  it('stops as many as it takes when the limit was lowered', () => {
    const records = [record('a', 'ready', 4), record('b', 'ready', 3), record('c', 'ready', 2), record('d', 'ready', 1)];
    expect(evictionsFor(records, 2)).toEqual(['d', 'c', 'b']);
  });
});

describe('idlePreviews', () => {
  it('finds ready previews unused for the idle time, not starting ones', () => {
    const records = [record('old', 'ready', 0), record('recent', 'ready', 9_500), record('slow-start', 'starting', 0)];
    expect(idlePreviews(records, 10_000, 1_000)).toEqual(['old']);
    expect(idlePreviews(records, 10_000, 10_000)).toEqual(['old']);
    expect(idlePreviews(records, 9_999, 10_000)).toEqual([]);
  });
});
