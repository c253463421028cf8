import { describe, expect, it } from 'vitest';
import type { ModelUsageSummary } from '@/types/versioning';
import { UsageMeter } from './usage-meter';

describe('UsageMeter', () => {
  it('estimates a call while it streams, then takes the provider figures', () => {
    const seen: ModelUsageSummary[] = [];
    const meter = new UsageMeter((usage) => seen.push(usage));
    const call = meter.startCall(400);
    expect(meter.totalTokens()).toBe(100);
    call.streamed('x'.repeat(40));
    expect(meter.summary()).toMatchObject({ promptTokens: 100, completionTokens: 10, calls: 1, continuations: 0 });
    call.reported({ promptTokens: 90, cachedTokens: 0, completionTokens: 12 });
    expect(meter.totalTokens()).toBe(102);
    // Text after the report does not count twice.
    call.streamed('more');
    expect(meter.summary().completionTokens).toBe(12);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('sums calls, cached tokens and continuations', () => {
    const meter = new UsageMeter();
    meter.startCall(4000).reported({ promptTokens: 1000, cachedTokens: 0, completionTokens: 50 });
    meter.startCall(4400, 'continuation').reported({ promptTokens: 1100, cachedTokens: 1024, completionTokens: 20 });
    expect(meter.summary()).toMatchObject({ promptTokens: 2100, cachedTokens: 1024, completionTokens: 70, calls: 2, continuations: 1 });
  });

  it('has no first-token time until text arrives', () => {
    const meter = new UsageMeter();
    meter.startCall(10);
    expect(meter.summary().ttftMs).toBeUndefined();
  });

  it('forgets a request that failed before its first token: it cost nothing', () => {
    const meter = new UsageMeter();
    meter.startCall(400, 'continuation').discard();
    meter.startCall(400, 'continuation').reported({ promptTokens: 100, cachedTokens: 0, completionTokens: 5 });
    expect(meter.summary()).toMatchObject({ promptTokens: 100, completionTokens: 5, calls: 1, continuations: 1 });
  });
});
