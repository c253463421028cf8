import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PRICES, estimateCostUsd } from '@/shared/model-prices';
import { modelPrices, parseEnv } from './env';

describe('FORGE_MODEL_PRICES', () => {
  it('leaves the dated defaults when unset or empty', () => {
    expect(modelPrices(parseEnv({}))).toEqual(DEFAULT_MODEL_PRICES);
    expect(modelPrices(parseEnv({ FORGE_MODEL_PRICES: '  ' }))).toEqual(DEFAULT_MODEL_PRICES);
  });

  it('replaces a default and adds models, whatever the case of their names', () => {
    const table = modelPrices(
      parseEnv({
        FORGE_MODEL_PRICES: JSON.stringify({
          'GPT-4o': { input: 2, cachedInput: 1, output: 8 },
          'llama3.1:70b': { input: 0.5, output: 0.5 },
        }),
      }),
    );
    expect(table['gpt-4o']).toEqual({ input: 2, cachedInput: 1, output: 8 });
    expect(table['gpt-4o-mini']).toEqual(DEFAULT_MODEL_PRICES['gpt-4o-mini']);
    // Without cachedInput, cached tokens cost what other input tokens do.
    expect(table['llama3.1:70b']).toEqual({ input: 0.5, cachedInput: 0.5, output: 0.5 });
    expect(estimateCostUsd('gpt-4o-2024-08-06', { promptTokens: 1_000_000, completionTokens: 0 }, table)).toBe(2);
  });

  it.each([
    ['not JSON', '{gpt-4o: 1}', /FORGE_MODEL_PRICES: must be a JSON object like/],
    ['an array', '[1, 2]', /FORGE_MODEL_PRICES: /],
    ['a price that is not a number', '{"gpt-4o": {"input": "2.5", "output": 10}}', /FORGE_MODEL_PRICES\.gpt-4o\.input: /],
    ['a missing output price', '{"gpt-4o": {"input": 2.5}}', /FORGE_MODEL_PRICES\.gpt-4o\.output: /],
    ['a negative price', '{"gpt-4o": {"input": -1, "output": 10}}', /FORGE_MODEL_PRICES\.gpt-4o\.input: /],
    ['an unknown field', '{"gpt-4o": {"input": 1, "output": 1, "prompt": 1}}', /FORGE_MODEL_PRICES\.gpt-4o: .*prompt/],
  ])('refuses %s with a message naming the variable', (_case, value, message) => {
    expect(() => parseEnv({ FORGE_MODEL_PRICES: value })).toThrow(message);
  });
});

describe('FORGE_MAX_TOKENS_PER_VERSION', () => {
  it('is unset by default and a positive whole number otherwise', () => {
    expect(parseEnv({}).FORGE_MAX_TOKENS_PER_VERSION).toBeUndefined();
    expect(parseEnv({ FORGE_MAX_TOKENS_PER_VERSION: '' }).FORGE_MAX_TOKENS_PER_VERSION).toBeUndefined();
    expect(parseEnv({ FORGE_MAX_TOKENS_PER_VERSION: '200000' }).FORGE_MAX_TOKENS_PER_VERSION).toBe(200_000);
  });

  it.each(['0', '-5', '1.5', 'lots'])('refuses %s, naming the variable', (value) => {
    expect(() => parseEnv({ FORGE_MAX_TOKENS_PER_VERSION: value })).toThrow(/FORGE_MAX_TOKENS_PER_VERSION: /);
  });
});
