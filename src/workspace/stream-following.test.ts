import { describe, expect, it } from 'vitest';
import { initialStreamState } from './stream/generation-stream-state';
import { nextFollowedVersionId, showsStream, streamBaseVersionId, streamRunning, wantedStreamVersionId } from './stream-following';

describe('wantedStreamVersionId', () => {
  const failedUnsaved = { id: 'v3', status: 'failed', stopReason: 'model_error' } as const;
  const failedChecks = { id: 'v4', status: 'failed', stopReason: 'validation_failed' } as const;
  const complete = { id: 'v2', status: 'complete', stopReason: 'completed' } as const;

  it('wants the running version first', () => {
    expect(wantedStreamVersionId({ id: 'v5' }, failedUnsaved)).toBe('v5');
  });

  it('otherwise replays a selected version that failed before saving', () => {
    expect(wantedStreamVersionId(null, failedUnsaved)).toBe('v3');
    // Its checks failed, but its files were saved: they are shown instead.
    expect(wantedStreamVersionId(null, failedChecks)).toBeNull();
    expect(wantedStreamVersionId(null, complete)).toBeNull();
    expect(wantedStreamVersionId(null, null)).toBeNull();
  });
});

describe('nextFollowedVersionId', () => {
  it('follows the wanted version once nothing runs', () => {
    expect(nextFollowedVersionId(null, 'v2', false)).toBe('v2');
    expect(nextFollowedVersionId('v1', 'v2', false)).toBe('v2');
  });

  it('never abandons a running stream', () => {
    expect(nextFollowedVersionId('v1', 'v2', true)).toBe('v1');
  });

  it('keeps the last stream when nothing is wanted, so a finished version still shows', () => {
    expect(nextFollowedVersionId('v1', null, false)).toBe('v1');
  });

  it('changes nothing once applied, so applying it while rendering settles at once', () => {
    const followed = nextFollowedVersionId('v1', 'v2', false);
    // The newly followed stream starts out running (initialStreamState has not ended).
    const running = streamRunning(initialStreamState('v2'));
    expect(nextFollowedVersionId(followed, 'v2', running)).toBe(followed);
    expect(nextFollowedVersionId(followed, 'v2', false)).toBe(followed);
  });
});

describe('streamRunning', () => {
  it('is true from the first moment a stream is followed until it ends', () => {
    expect(streamRunning(null)).toBe(false);
    expect(streamRunning(initialStreamState('v1'))).toBe(true);
    expect(streamRunning({ ended: { kind: 'complete', summary: '', filesChanged: 0 } })).toBe(false);
  });
});

describe('showsStream', () => {
  it('shows the selected version stream until its saved files are in', () => {
    const live = { versionId: 'v2' };
    expect(showsStream(live, 'v2', false)).toBe(true);
    expect(showsStream(live, 'v2', true)).toBe(false);
    expect(showsStream(live, 'v1', false)).toBe(false);
    expect(showsStream(null, 'v2', false)).toBe(false);
  });
});

describe('streamBaseVersionId', () => {
  it('takes the stream word first, then the list, then what was expected when the version was made', () => {
    expect(streamBaseVersionId({ baseVersionId: 'v1' }, { baseVersionId: 'v0' }, 'vX')).toBe('v1');
    expect(streamBaseVersionId({ baseVersionId: null }, { baseVersionId: 'v0' }, 'vX')).toBeNull();
    expect(streamBaseVersionId({ baseVersionId: undefined }, { baseVersionId: 'v0' }, 'vX')).toBe('v0');
    expect(streamBaseVersionId({ baseVersionId: undefined }, null, 'vX')).toBe('vX');
  });
});
