import { describe, expect, it } from 'vitest';
import { sumUsage, usageTokens } from './usage-totals';

describe('usageTokens', () => {
  it('adds prompt and completion tokens, and is null when none were reported', () => {
    expect(usageTokens({ promptTokens: 1_000, cachedTokens: 600, completionTokens: 250 })).toBe(1_250);
    expect(usageTokens({ completionTokens: 7 })).toBe(7);
    expect(usageTokens({ ttftMs: 10 })).toBeNull();
    expect(usageTokens(null)).toBeNull();
  });
});

describe('sumUsage', () => {
  it('sums tokens of every version and the costs that are known, counting versions without a price', () => {
    expect(
      sumUsage([
        { promptTokens: 100, cachedTokens: 40, completionTokens: 10, costUsd: 0.1 },
        { promptTokens: 200, completionTokens: 20, costUsd: 0.2 },
        { promptTokens: 5, completionTokens: 5 },
        null,
        { ttftMs: 3 },
      ]),
    ).toEqual({
      versionsWithUsage: 3,
      promptTokens: 305,
      cachedTokens: 40,
      completionTokens: 35,
      tokens: 340,
      // 0.1 + 0.2 without the float's 0.30000000000000004.
      costUsd: 0.3,
      unpricedVersions: 1,
    });
  });

  it('is all zeros for no usage at all', () => {
    expect(sumUsage([])).toMatchObject({ versionsWithUsage: 0, tokens: 0, costUsd: 0 });
  });
});
