import { describe, expect, it } from 'vitest';
import { versionOptionText, versionOptionTitle } from './version-option';

const now = new Date(2026, 10, 24, 15, 0);
const version = {
  versionNumber: 3,
  title: 'Add publishers',
  prompt: 'Add publishers with a name and a country',
  baseVersionNumber: 1,
  status: 'complete' as const,
  stopReason: 'completed' as const,
  validation: { checks: [{ ok: true, skipped: false }] },
  createdAt: new Date(2026, 10, 24, 14, 32),
  usage: null,
};

describe('versionOptionText', () => {
  it('names the version, its base, its state and when it was made', () => {
    expect(versionOptionText(version as never, 'complete', now)).toBe('v3 (Add publishers) ← v1 · validated ✓ · 14:32');
  });

  it('summarises the prompt while the model has not titled the version yet, with the live status', () => {
    const running = { ...version, title: null, status: 'pending' as const, stopReason: null, validation: null };
    expect(versionOptionText(running as never, 'generating', now)).toBe('v3 (Add publishers with a name…) ← v1 · generating · 14:32');
  });

  it('adds the cost when known, else the tokens, else nothing', () => {
    const priced = { ...version, usage: { promptTokens: 5_000, completionTokens: 800, costUsd: 0.0205 } };
    expect(versionOptionText(priced as never, 'complete', now)).toBe('v3 (Add publishers) ← v1 · validated ✓ · 14:32 · $0.02');
    const unpriced = { ...version, usage: { promptTokens: 5_000, completionTokens: 800 } };
    expect(versionOptionText(unpriced as never, 'complete', now)).toBe('v3 (Add publishers) ← v1 · validated ✓ · 14:32 · 5.8k tokens');
  });

  it('names a version stopped by the token budget', () => {
    const overBudget = { ...version, status: 'failed' as const, stopReason: 'budget' as const, validation: null };
    expect(versionOptionText(overBudget as never, 'failed', now)).toBe('v3 (Add publishers) ← v1 · over budget · 14:32');
  });
});

describe('versionOptionTitle', () => {
  it('is the prompt, then the tokens and their detail when the model reported any', () => {
    expect(versionOptionTitle({ prompt: 'Add publishers', usage: null })).toBe('Add publishers');
    expect(versionOptionTitle({ prompt: 'Add publishers', usage: { promptTokens: 5_000, completionTokens: 800, costUsd: 0.0205 } })).toBe(
      'Add publishers\n\n5.8k tokens · $0.02\n5k prompt tokens\n800 completion tokens\nCost estimated from the price table when the version was made',
    );
  });
});
