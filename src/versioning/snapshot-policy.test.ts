import { describe, expect, it } from 'vitest';
import { MAX_DIFF_CHAIN, shouldWriteSnapshot } from './snapshot-policy';

describe('shouldWriteSnapshot', () => {
  it('allows exactly MAX_DIFF_CHAIN diff steps before a snapshot', () => {
    expect(MAX_DIFF_CHAIN).toBe(10);
    expect(shouldWriteSnapshot(0)).toBe(false);
    expect(shouldWriteSnapshot(10)).toBe(false);
    expect(shouldWriteSnapshot(11)).toBe(true);
  });
});
