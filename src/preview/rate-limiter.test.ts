import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

describe('createRateLimiter', () => {
  it('lets a burst through, then one request per refill interval, per user', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 60, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('ada').ok)).toEqual([true, true, true]);
    expect(limiter.take('ada')).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(limiter.take('grace').ok).toBe(true);
    now = 500;
    expect(limiter.take('ada')).toEqual({ ok: false, retryAfterMs: 500 });
    now = 1000;
    expect(limiter.take('ada').ok).toBe(true);
    expect(limiter.take('ada').ok).toBe(false);
  });

  it('refills no further than the burst after a quiet spell', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 600, burst: 2, now: () => now });
    limiter.take('ada');
    now = 60 * 60_000;
    expect([1, 2, 3].map(() => limiter.take('ada').ok)).toEqual([true, true, false]);
  });
});
