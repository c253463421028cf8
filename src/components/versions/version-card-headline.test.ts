import { describe, expect, it } from 'vitest';
import { applyStreamEvents, endByStatus, initialStreamState, shownStatus } from '@/workspace/stream/generation-stream-state';
import type { StreamEvent, StreamEventBody } from '@/types/streaming';
import type { VersionStatus } from '@/types/versioning';
import { UNTITLED_VERSION_HEADLINE, versionCardHeadline } from './version-card-headline';

const VERSION_ID = 'version-2';

function events(...bodies: StreamEventBody[]): StreamEvent[] {
  return bodies.map((body, index) => ({ ...body, versionId: VERSION_ID, seq: index + 1, at: '2026-01-01T00:00:00.000Z' }));
}

/** The listed version as the list last fetched it. */
function listed(status: VersionStatus, title: string | null) {
  return { versionNumber: 2, status, title };
}

const ENDED_WITH_TITLE = applyStreamEvents(
  initialStreamState(VERSION_ID),
  events(
    { type: 'version:start', versionNumber: 2, baseVersionId: 'version-1' },
    { type: 'step', name: 'complete' },
    { type: 'version:complete', summary: 'Added reviews', filesChanged: 2, title: 'Add reviews resource' },
  ),
);

/** The card's headline as VersionCard computes it: status from the stream when it has one. */
function headline(version: ReturnType<typeof listed>, live: typeof ENDED_WITH_TITLE | null): string {
  return versionCardHeadline(version, shownStatus(live, version.status), null, live);
}

describe('versionCardHeadline', () => {
  it('says a version stopped by the token budget was stopped for it', () => {
    expect(versionCardHeadline(listed('failed', null), 'failed', 'budget', null)).toBe('Stopped: token budget reached');
  });

  it('names a version by the title its stream ended with, before the list is fetched again', () => {
    // The moment the placeholder flashed: the stream says complete, the list still says validating.
    expect(headline(listed('validating', null), ENDED_WITH_TITLE)).toBe('Add reviews resource');
  });

  it('keeps the title once the list has it', () => {
    expect(headline(listed('complete', 'Add reviews resource'), ENDED_WITH_TITLE)).toBe('Add reviews resource');
    expect(headline(listed('complete', 'Add reviews resource'), null)).toBe('Add reviews resource');
  });

  it('keeps saying the version runs when its ending carries no title, until the list catches up', () => {
    const endedWithoutTitle = endByStatus(initialStreamState(VERSION_ID), 'complete');
    expect(headline(listed('validating', null), endedWithoutTitle)).toBe('Validating v2…');
    expect(headline(listed('generating', null), endedWithoutTitle)).toBe('Generating v2…');
    expect(headline(listed('validating', null), endedWithoutTitle)).not.toBe(UNTITLED_VERSION_HEADLINE);
  });

  it('uses the placeholder only for a complete version that has no title at all', () => {
    expect(headline(listed('complete', null), null)).toBe(UNTITLED_VERSION_HEADLINE);
  });

  it('says what a running or failed version is doing', () => {
    expect(versionCardHeadline(listed('pending', null), 'pending', null, null)).toBe('Starting v2…');
    expect(versionCardHeadline(listed('generating', null), 'validating', null, null)).toBe('Validating v2…');
    expect(versionCardHeadline(listed('failed', null), 'failed', 'stopped', null)).toBe('Stopped');
    expect(versionCardHeadline(listed('failed', null), 'failed', null, null)).toBe('Failed');
  });
});

describe('the version:complete event', () => {
  it('carries the title into the stream state', () => {
    expect(ENDED_WITH_TITLE.ended).toEqual({ kind: 'complete', summary: 'Added reviews', filesChanged: 2, title: 'Add reviews resource' });
  });
});
