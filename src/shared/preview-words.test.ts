import { describe, expect, it } from 'vitest';
import { formatSpan, previewIdleLimit, previewOrigin } from './preview-words';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + seconds * 1000);

describe('preview words', () => {
  it('says where a preview came from', () => {
    expect(previewOrigin({ handedOver: true, startedAt: at(0), readyAt: at(1) })).toBe('kept running from validation');
    expect(previewOrigin({ handedOver: false, startedAt: at(0), readyAt: at(6.7) })).toBe('started in 6.7 s');
    expect(previewOrigin({ handedOver: false, startedAt: null, readyAt: null })).toBeNull();
  });

  it('gives the idle limit, not a countdown: the same at every look', () => {
    expect(previewIdleLimit({ lastUsedAt: at(30), idleStopAt: at(630) })).toBe('stops after 10 min without a request');
    expect(previewIdleLimit({ lastUsedAt: null, idleStopAt: null })).toBeNull();
  });

  it('writes spans in seconds under a minute, in minutes above', () => {
    expect(formatSpan(2300)).toBe('2.3 s');
    expect(formatSpan(600_000)).toBe('10 min');
    expect(formatSpan(90_000)).toBe('1.5 min');
  });
});
