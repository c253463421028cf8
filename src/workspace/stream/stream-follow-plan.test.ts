import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '@/types/streaming';
import { initialStreamState } from './generation-stream-state';
import { connectionIndicator, nextBufferRead, receiveBroadcast, transportOf } from './stream-follow-plan';

function chunk(seq: number, versionId = 'v'): StreamEvent {
  return { type: 'code:chunk', filePath: 'a.ts', chunk: String(seq), startLine: 1, versionId, seq, at: '2026-01-01T00:00:00.000Z' };
}

describe('nextBufferRead', () => {
  it('long-polls in embedded mode and while the channel joins', () => {
    for (const status of [null, 'connecting', 'reconnecting'] as const) {
      expect(nextBufferRead(status, true)).toEqual({ kind: 'long-poll', waitMs: 25_000, minIntervalMs: 200 });
    }
  });

  it('polls every 2 s once Realtime has given up', () => {
    expect(nextBufferRead('polling', true)).toEqual({ kind: 'poll', pauseMs: 2_000 });
  });

  it('catches up once after subscribing, then waits for broadcasts', () => {
    expect(nextBufferRead('subscribed', false)).toEqual({ kind: 'catch-up' });
    expect(nextBufferRead('subscribed', true)).toEqual({ kind: 'wait', checkAfterMs: 10_000 });
  });
});

describe('receiveBroadcast', () => {
  it('applies contiguous events and reports a gap when one is missing', () => {
    const start = initialStreamState('v');
    const first = receiveBroadcast(start, [chunk(1), chunk(2)]);
    expect(first).toMatchObject({ gap: false, state: { lastSeq: 2 } });
    const gapped = receiveBroadcast(first.state, [chunk(4), chunk(5)]);
    expect(gapped).toMatchObject({ gap: true, state: { lastSeq: 2 } });
  });

  it('sees neither a gap nor a change in repeats or in other versions’ events', () => {
    const state = receiveBroadcast(initialStreamState('v'), [chunk(1), chunk(2)]).state;
    expect(receiveBroadcast(state, [chunk(1), chunk(2)])).toEqual({ state, gap: false });
    expect(receiveBroadcast(state, [chunk(9, 'other')])).toEqual({ state, gap: false });
  });
});

describe('transport and its indicator', () => {
  it('names the transport', () => {
    expect(transportOf(null)).toBe('long-poll');
    expect(transportOf('polling')).toBe('realtime');
  });

  it('says Live only when subscribed, and Reconnecting… whenever reads fail', () => {
    expect(connectionIndicator('subscribed', null)).toMatchObject({ tone: 'live', label: 'Live' });
    expect(connectionIndicator(null, null)).toMatchObject({ tone: 'live', label: 'Long-poll' });
    expect(connectionIndicator('polling', null)).toMatchObject({ tone: 'degraded', label: 'Polling' });
    expect(connectionIndicator('reconnecting', null)).toMatchObject({ tone: 'down', label: 'Reconnecting…' });
    expect(connectionIndicator('subscribed', 'Reconnecting…')).toMatchObject({ tone: 'down', label: 'Reconnecting…' });
  });
});
