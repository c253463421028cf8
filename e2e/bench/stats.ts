// Small helpers shared by the bench suites: percentiles and number formatting.

/** Nearest-rank percentile (`fraction` 0.5 = p50): the smallest sample with at least that share at or below it. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function p50p95(values: readonly number[]): { p50: number; p95: number; n: number } {
  return { p50: percentile(values, 0.5), p95: percentile(values, 0.95), n: values.length };
}

/** "12.3 / 45.6 ms": milliseconds with a precision that suits their size. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(1)} ms`;
}

export function formatP50P95(values: readonly number[]): string {
  const { p50, p95, n } = p50p95(values);
  return `${formatMs(p50)} / ${formatMs(p95)} (n=${n})`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
  return `${(bytes / 1024).toFixed(1)} KB`;
}
