import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODEL_PRICES,
  estimateCostUsd,
  findModelPrice,
  formatCost,
  formatTokenCount,
  formatTokens,
  type ModelPriceTable,
} from './model-prices';

const gpt4o = DEFAULT_MODEL_PRICES['gpt-4o']!;
const mini = DEFAULT_MODEL_PRICES['gpt-4o-mini']!;

describe('DEFAULT_MODEL_PRICES', () => {
  it("holds OpenAI's list prices per million tokens", () => {
    expect(gpt4o).toEqual({ input: 2.5, cachedInput: 1.25, output: 10 });
    expect(mini).toEqual({ input: 0.15, cachedInput: 0.075, output: 0.6 });
  });
});

describe('findModelPrice', () => {
  it('finds the exact name, in any case', () => {
    expect(findModelPrice('gpt-4o', DEFAULT_MODEL_PRICES)).toBe(gpt4o);
    expect(findModelPrice('gpt-4o-mini', DEFAULT_MODEL_PRICES)).toBe(mini);
    expect(findModelPrice('GPT-4o', DEFAULT_MODEL_PRICES)).toBe(gpt4o);
  });

  it('prices a dated snapshot as its model, and a mini snapshot as mini, never gpt-4o', () => {
    expect(findModelPrice('gpt-4o-2024-08-06', DEFAULT_MODEL_PRICES)).toBe(gpt4o);
    expect(findModelPrice('gpt-4o-mini-2024-07-18', DEFAULT_MODEL_PRICES)).toBe(mini);
    expect(findModelPrice('gpt-4-0613', { 'gpt-4': gpt4o })).toBe(gpt4o);
  });

  it('reads the name the parallel-files adapter stores', () => {
    expect(findModelPrice('gpt-4o (parallel files)', DEFAULT_MODEL_PRICES)).toBe(gpt4o);
    expect(findModelPrice('gpt-4o-mini-2024-07-18 (parallel files)', DEFAULT_MODEL_PRICES)).toBe(mini);
  });

  it('gives no price to a model that merely starts like a priced one, or to none at all', () => {
    expect(findModelPrice('gpt-4o-audio-preview', DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(findModelPrice('gpt-4o-mini-tts', { 'gpt-4o': gpt4o })).toBeUndefined();
    expect(findModelPrice('gpt-4', DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(findModelPrice('offline', DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(findModelPrice('llama3.1:8b', DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(findModelPrice(null, DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(findModelPrice('', DEFAULT_MODEL_PRICES)).toBeUndefined();
  });

  it('lets a longer entry win over a shorter one that also fits', () => {
    const table: ModelPriceTable = { 'gpt-4o': gpt4o, 'gpt-4o-2024-05-13': { input: 5, cachedInput: 5, output: 15 } };
    expect(findModelPrice('gpt-4o-2024-05-13', table)).toEqual({ input: 5, cachedInput: 5, output: 15 });
    expect(findModelPrice('gpt-4o-2024-11-20', table)).toBe(gpt4o);
  });
});

describe('estimateCostUsd', () => {
  it('charges uncached prompt, cached prompt and completion tokens at their own prices', () => {
    // 12k prompt of which 8k cached, 2k completion on gpt-4o: 4k·2.50 + 8k·1.25 + 2k·10 per million.
    const usage = { promptTokens: 12_000, cachedTokens: 8_000, completionTokens: 2_000 };
    expect(estimateCostUsd('gpt-4o', usage, DEFAULT_MODEL_PRICES)).toBeCloseTo(0.01 + 0.01 + 0.02, 12);
    expect(estimateCostUsd('gpt-4o-mini-2024-07-18', usage, DEFAULT_MODEL_PRICES)).toBeCloseTo(0.0006 + 0.0006 + 0.0012, 12);
  });

  it('treats missing cached tokens as none and never counts more cached than prompt tokens', () => {
    expect(estimateCostUsd('gpt-4o', { promptTokens: 1_000_000, completionTokens: 0 }, DEFAULT_MODEL_PRICES)).toBe(2.5);
    expect(estimateCostUsd('gpt-4o', { promptTokens: 1_000_000, cachedTokens: 5_000_000 }, DEFAULT_MODEL_PRICES)).toBe(1.25);
    expect(estimateCostUsd('gpt-4o', { completionTokens: 1_000_000 }, DEFAULT_MODEL_PRICES)).toBe(10);
  });

  it('carries no float noise', () => {
    expect(estimateCostUsd('gpt-4o', { promptTokens: 6_000, completionTokens: 4_500 }, DEFAULT_MODEL_PRICES)).toBe(0.06);
  });

  it('is undefined without a price or without reported tokens', () => {
    const usage = { promptTokens: 100, completionTokens: 100 };
    expect(estimateCostUsd('llama3', usage, DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(estimateCostUsd('offline', usage, DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(estimateCostUsd('gpt-4o', null, DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(estimateCostUsd('gpt-4o', { ttftMs: 300, totalMs: 900 }, DEFAULT_MODEL_PRICES)).toBeUndefined();
    expect(estimateCostUsd('gpt-4o', { promptTokens: 0, completionTokens: 0 }, DEFAULT_MODEL_PRICES)).toBe(0);
  });

  it('uses the table it is given, so overrides apply', () => {
    const table = { ...DEFAULT_MODEL_PRICES, 'gpt-4o': { input: 1, cachedInput: 0.5, output: 2 } };
    expect(estimateCostUsd('gpt-4o', { promptTokens: 1_000_000, completionTokens: 1_000_000 }, table)).toBe(3);
  });
});

describe('formatTokenCount / formatTokens', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [999, '999'],
    [1_000, '1k'],
    [5_800, '5.8k'],
    [12_000, '12k'],
    [12_340, '12.3k'],
    [99_960, '100k'],
    [123_456, '123k'],
    [999_960, '1M'],
    [1_234_567, '1.2M'],
    [2_500_000_000, '2.5B'],
  ])('%d → %s', (tokens, shown) => {
    expect(formatTokenCount(tokens)).toBe(shown);
  });

  it('names the unit, singular for one', () => {
    expect(formatTokens(12_300)).toBe('12.3k tokens');
    expect(formatTokens(1)).toBe('1 token');
    expect(formatTokens(0)).toBe('0 tokens');
  });
});

describe('formatCost', () => {
  it.each([
    [0.06, '$0.06'],
    [0.055, '$0.06'],
    [0.0123, '$0.01'],
    [1234.5, '$1,234.50'],
    [0.00999, '$0.01'],
    [0.0042, '$0.0042'],
    [0.00012, '$0.0001'],
    [0.00004, '<$0.0001'],
    [0, '$0.00'],
  ])('%d → %s', (usd, shown) => {
    expect(formatCost(usd)).toBe(shown);
  });
});
