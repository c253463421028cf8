// Each user's console requests are rate limited (a token bucket per user): a script in a loop must
// not flood the previews, nor this server that forwards to them. Pure apart from the clock it is given.

export interface RateLimiter {
  /** Takes one request's token for `key`; when none is left, says how long until one is. */
  take(key: string): { ok: true } | { ok: false; retryAfterMs: number };
}

export interface RateLimitOptions {
  perMinute: number;
  /** How many may come at once after a quiet spell. Default: ten seconds' worth, at least 10. */
  burst?: number;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Full buckets are dropped once there are this many, so idle users cost nothing. */
const PRUNE_AT = 10_000;

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const capacity = options.burst ?? Math.max(10, Math.ceil(options.perMinute / 6));
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * perMs);
    bucket.updatedAt = at;
  };

  return {
    take(key) {
      const at = now();
      if (buckets.size >= PRUNE_AT) {
        for (const [other, bucket] of buckets) {
          refill(bucket, at);
          if (bucket.tokens >= capacity) buckets.delete(other);
        }
      }
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = { tokens: capacity, updatedAt: at }));
      refill(bucket, at);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / perMs) };
    },
  };
}
