import { describe, expect, it } from 'vitest';
import { projectUsageLine, versionUsageLine } from './version-usage';

describe('versionUsageLine', () => {
  it('says tokens and cost, with the cached share and the calls in the tooltip', () => {
    const line = versionUsageLine({ promptTokens: 12_000, cachedTokens: 8_000, completionTokens: 1_800, calls: 3, continuations: 1, costUsd: 0.0425 });
    expect(line).toEqual({
      text: '13.8k tokens · $0.04 · 3 calls',
      title: [
        'Of 12k prompt tokens, 8k cached (67%)',
        '1.8k completion tokens',
        '3 model calls, 1 continuation after a cut-off answer',
        'Cost estimated from the price table when the version was made',
      ].join('\n'),
    });
  });

  it('leaves out one call, no cache and no continuation, and a cost the model has no price for', () => {
    expect(versionUsageLine({ promptTokens: 5_000, completionTokens: 800, calls: 1, costUsd: 0.0205 })).toEqual({
      text: '5.8k tokens · $0.02',
      title: '5k prompt tokens\n800 completion tokens\nCost estimated from the price table when the version was made',
    });
    expect(versionUsageLine({ promptTokens: 5_000, completionTokens: 800 })).toEqual({
      text: '5.8k tokens',
      title: '5k prompt tokens\n800 completion tokens\nNo cost: the model has no price',
    });
  });

  it('shows nothing when the model reported no tokens (the offline generator, a restore)', () => {
    expect(versionUsageLine(null)).toBeNull();
    expect(versionUsageLine({ ttftMs: 300, totalMs: 1200 })).toBeNull();
  });
});

describe('projectUsageLine', () => {
  it('sums every version, failed ones included, and says which had no price', () => {
    const line = projectUsageLine([
      { usage: { promptTokens: 12_000, cachedTokens: 8_000, completionTokens: 2_000, costUsd: 0.04 } },
      { usage: { promptTokens: 30_000, completionTokens: 5_000, costUsd: 0.125 } }, // a failed version
      { usage: null },
      { usage: { promptTokens: 100, completionTokens: 50 } },
    ]);
    expect(line).toEqual({
      text: '49.2k tokens · $0.17',
      title: [
        'Project total over 3 versions that called the model, failed ones included',
        'Of 42.1k prompt tokens, 8k cached (19%)',
        '7.1k completion tokens',
        '1 version with an unpriced model, left out of the cost',
      ].join('\n'),
    });
  });

  it('shows tokens only when no version has a price, and nothing when none reported tokens', () => {
    expect(projectUsageLine([{ usage: { promptTokens: 900, completionTokens: 100 } }])?.text).toBe('1k tokens');
    expect(projectUsageLine([{ usage: null }, { usage: null }])).toBeNull();
    expect(projectUsageLine([])).toBeNull();
  });
});
