import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '@/types/versioning';
import { comparisonWith, headerComparison, planVersionAction, promptBaseVersionId, restoredConfirmation } from './version-actions';

type Facts = Pick<VersionSummary, 'id' | 'versionNumber' | 'status' | 'stopReason' | 'baseVersionId'>;

const v1: Facts = { id: 'v1', versionNumber: 1, status: 'complete', stopReason: 'completed', baseVersionId: null };
const v2: Facts = { id: 'v2', versionNumber: 2, status: 'complete', stopReason: 'completed', baseVersionId: 'v1' };
const v3Checks: Facts = { id: 'v3', versionNumber: 3, status: 'failed', stopReason: 'validation_failed', baseVersionId: 'v2' };
const v4Stopped: Facts = { id: 'v4', versionNumber: 4, status: 'failed', stopReason: 'stopped', baseVersionId: 'v2' };
const all = [v1, v2, v3Checks, v4Stopped];

describe('planVersionAction', () => {
  it('runs regenerate and retry on the same base, and a fix on the version that failed its checks', () => {
    expect(planVersionAction(all, v4Stopped, 'retry')).toEqual({ kind: 'run', call: 'regenerate', expectedBaseId: 'v2' });
    expect(planVersionAction(all, v1, 'regenerate')).toEqual({ kind: 'run', call: 'regenerate', expectedBaseId: null });
    expect(planVersionAction(all, v3Checks, 'fix')).toEqual({ kind: 'run', call: 'fix', expectedBaseId: 'v3' });
  });

  it('compares with the previous version, focusing the first select for "Compare with…"', () => {
    expect(planVersionAction(all, v2, 'compare-previous')).toEqual({
      kind: 'compare',
      pair: { fromVersionId: 'v1', toVersionId: 'v2', focus: 'close' },
    });
    expect(planVersionAction(all, v2, 'compare-any')).toEqual({ kind: 'compare', pair: { fromVersionId: 'v1', toVersionId: 'v2', focus: 'from' } });
  });

  it('hands the other actions through', () => {
    expect(planVersionAction(all, v2, 'restore')).toEqual({ kind: 'restore' });
    expect(planVersionAction(all, v2, 'copy')).toEqual({ kind: 'copy' });
    expect(planVersionAction(all, v2, 'zip')).toEqual({ kind: 'zip' });
    expect(planVersionAction(all, v2, 'branch')).toEqual({ kind: 'branch' });
  });
});

describe('comparisonWith', () => {
  it('falls back to any other saved version when nothing earlier has files', () => {
    expect(comparisonWith(all, v1, 'close')).toEqual({ fromVersionId: 'v2', toVersionId: 'v1', focus: 'close' });
    expect(comparisonWith([v1], v1, 'close')).toBeNull();
  });
});

describe('headerComparison', () => {
  it('compares the viewed version when it has saved files, else the latest that has', () => {
    expect(headerComparison(all, v3Checks)).toEqual({ fromVersionId: 'v2', toVersionId: 'v3', focus: 'close' });
    expect(headerComparison(all, v4Stopped)).toEqual({ fromVersionId: 'v2', toVersionId: 'v3', focus: 'close' });
    expect(headerComparison(all, null)).toEqual({ fromVersionId: 'v2', toVersionId: 'v3', focus: 'close' });
    expect(headerComparison([v4Stopped], v4Stopped)).toBeNull();
  });
});

describe('promptBaseVersionId', () => {
  it('expects a branch point when one is sent, else the latest complete version', () => {
    expect(promptBaseVersionId(all, 'v1')).toBe('v1');
    expect(promptBaseVersionId(all, undefined)).toBe('v2');
    expect(promptBaseVersionId([v4Stopped], undefined)).toBeNull();
  });
});

describe('restoredConfirmation', () => {
  it('names the new version', () => {
    expect(restoredConfirmation(5)).toBe('Restored as v5');
  });
});
