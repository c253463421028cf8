import { describe, expect, it } from 'vitest';
import { versionOptionText } from './version-option';

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
};

describe('versionOptionText', () => {
  it('names the version, its base, its state and when it was made', () => {
    expect(versionOptionText(version as never, 'complete', now)).toBe('v3 (Add publishers) ← v1 · validated ✓ · 14:32');
  });

  it('summarises the prompt while the model has not titled the version yet, with the live status', () => {
    const running = { ...version, title: null, status: 'pending' as const, stopReason: null, validation: null };
    expect(versionOptionText(running as never, 'generating', now)).toBe('v3 (Add publishers with a name…) ← v1 · generating · 14:32');
  });
});
