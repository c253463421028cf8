import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '@/types/versioning';
import { explicitBaseVersionId, hasSavedFiles, runningVersionId, stopReasonLabel, versionLabel, versionStateLabel } from './version-rules';

type Facts = Pick<VersionSummary, 'id' | 'status' | 'stopReason'>;

const v1: Facts = { id: 'v1', status: 'complete', stopReason: 'completed' };
const v2: Facts = { id: 'v2', status: 'complete', stopReason: 'completed' };
const v3Invalid: Facts = { id: 'v3', status: 'failed', stopReason: 'validation_failed' };
const v4Stopped: Facts = { id: 'v4', status: 'failed', stopReason: 'stopped' };
const v5Running: Facts = { id: 'v5', status: 'generating', stopReason: null };

describe('hasSavedFiles', () => {
  it('is true for complete versions and versions that failed only validation', () => {
    expect([v1, v3Invalid, v4Stopped, v5Running].map(hasSavedFiles)).toEqual([true, true, false, false]);
  });
});

describe('explicitBaseVersionId', () => {
  const versions = [v1, v2, v3Invalid, v4Stopped];

  it('leaves the base to the server when the latest complete version is selected', () => {
    expect(explicitBaseVersionId(versions, 'v2')).toBeUndefined();
  });

  it('branches from an older saved version', () => {
    expect(explicitBaseVersionId(versions, 'v1')).toBe('v1');
    expect(explicitBaseVersionId(versions, 'v3')).toBe('v3');
  });

  it('never sends a version without saved files, or an unknown one', () => {
    expect(explicitBaseVersionId(versions, 'v4')).toBeUndefined();
    expect(explicitBaseVersionId([...versions, v5Running], 'v5')).toBeUndefined();
    expect(explicitBaseVersionId(versions, null)).toBeUndefined();
  });
});

describe('runningVersionId', () => {
  const ended = { kind: 'complete' };

  it('is the streamed version while its stream runs, whatever the list says', () => {
    expect(runningVersionId({ versionId: 'v2', ended: null }, null)).toBe('v2');
    expect(runningVersionId({ versionId: 'v2', ended: null }, 'v1')).toBe('v2');
  });

  it('is none once the stream has ended, while the list still calls that version active', () => {
    expect(runningVersionId({ versionId: 'v2', ended }, 'v2')).toBeNull();
    expect(runningVersionId({ versionId: 'v2', ended }, null)).toBeNull();
  });

  it('is the listed active version before the stream follows it', () => {
    expect(runningVersionId(null, 'v1')).toBe('v1');
    expect(runningVersionId({ versionId: 'v1', ended }, 'v2')).toBe('v2');
  });
});

describe('versionLabel', () => {
  it('names v1 initial and later versions by title', () => {
    expect(versionLabel({ versionNumber: 1, title: 'Bookstore API' })).toBe('v1 (initial)');
    expect(versionLabel({ versionNumber: 2, title: 'Add reviews' })).toBe('v2 (Add reviews)');
    expect(versionLabel({ versionNumber: 3, title: null })).toBe('v3');
  });
});

describe('versionStateLabel', () => {
  const passed = { ok: true };
  const skipped = { ok: true, skipped: true };
  const failed = { ok: false };

  it('says validated only when checks ran and all passed', () => {
    expect(versionStateLabel('complete', 'completed', [passed, skipped])).toBe('validated ✓');
    expect(versionStateLabel('complete', 'completed', [skipped])).toBe('complete');
    expect(versionStateLabel('complete', 'completed', [])).toBe('complete');
  });

  it('tells failed checks and a stop apart from other failures, and names running states', () => {
    expect(versionStateLabel('failed', 'validation_failed', [passed, failed])).toBe('checks failed');
    expect(versionStateLabel('failed', 'stopped', [])).toBe('stopped');
    expect(versionStateLabel('failed', 'model_error', [])).toBe('failed');
    expect(versionStateLabel('generating', null, [])).toBe('generating');
    expect(versionStateLabel('pending', null, [])).toBe('queued');
  });

  it('says a version that ran out of its token budget was over it, not merely failed', () => {
    expect(versionStateLabel('failed', 'budget', [])).toBe('over budget');
  });
});

describe('stopReasonLabel', () => {
  it('names every stop reason, the token budget included', () => {
    expect(stopReasonLabel('budget')).toBe('Stopped: token budget reached');
    expect(stopReasonLabel('validation_failed')).toBe('Validation failed');
    expect(stopReasonLabel(null)).toBeNull();
  });
});
