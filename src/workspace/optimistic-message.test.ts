import { describe, expect, it } from 'vitest';
import { isOptimisticMessage, optimisticMessageId } from './optimistic-message';

describe('optimistic messages', () => {
  it('tells a prompt shown before the server answered from a stored message', () => {
    expect(isOptimisticMessage({ id: optimisticMessageId(1_700_000_000_000) })).toBe(true);
    expect(isOptimisticMessage({ id: '8b4f0a0e-2c1d-4a51-9c3e-5b2f1e7d9a10' })).toBe(false);
  });
});
