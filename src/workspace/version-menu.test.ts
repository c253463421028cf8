import { describe, expect, it } from 'vitest';
import type { VersionSummary } from '@/types/versioning';
import { previousComparableVersion, versionMenuItems, type VersionMenuAction } from './version-menu';

type Facts = Pick<VersionSummary, 'id' | 'versionNumber' | 'status' | 'stopReason' | 'baseVersionId'>;

const v1: Facts = { id: 'v1', versionNumber: 1, status: 'complete', stopReason: 'completed', baseVersionId: null };
const v2: Facts = { id: 'v2', versionNumber: 2, status: 'complete', stopReason: 'completed', baseVersionId: 'v1' };
const v3Stopped: Facts = { id: 'v3', versionNumber: 3, status: 'failed', stopReason: 'stopped', baseVersionId: 'v2' };
const v4Branch: Facts = { id: 'v4', versionNumber: 4, status: 'complete', stopReason: 'completed', baseVersionId: 'v1' };
const v5FromStopped: Facts = { id: 'v5', versionNumber: 5, status: 'complete', stopReason: 'completed', baseVersionId: 'v3' };
const all = [v1, v2, v3Stopped, v4Branch, v5FromStopped];

function disabled(version: Facts, running: { versionNumber: number } | null = null): Partial<Record<VersionMenuAction, string | null>> {
  return Object.fromEntries(versionMenuItems(all, version, running).map((item) => [item.action, item.disabledReason]));
}

describe('previousComparableVersion', () => {
  it('is the base a version was built on, else the nearest earlier version with files', () => {
    expect(previousComparableVersion(all, v4Branch)?.id).toBe('v1');
    expect(previousComparableVersion(all, v2)?.id).toBe('v1');
    expect(previousComparableVersion(all, v5FromStopped)?.id).toBe('v4');
    expect(previousComparableVersion(all, v1)).toBeNull();
  });
});

describe('versionMenuItems', () => {
  it('offers everything on an older saved version while nothing runs', () => {
    expect(Object.values(disabled(v2)).every((reason) => reason === null)).toBe(true);
  });

  it('names the version compared with', () => {
    expect(versionMenuItems(all, v4Branch, null).find((item) => item.action === 'compare-previous')?.label).toBe('Compare with v1');
  });

  it('needs saved files for everything but regenerate', () => {
    const reasons = disabled(v3Stopped);
    expect(reasons.regenerate).toBeNull();
    for (const action of ['copy', 'zip', 'compare-previous', 'compare-any', 'restore', 'branch'] as const) {
      expect(reasons[action]).toBe('v3 has no saved files');
    }
  });

  it('waits for a running version before making another, and does not restore the latest', () => {
    const reasons = disabled(v2, { versionNumber: 6 });
    expect(reasons.regenerate).toBe('Wait for v6 to finish');
    expect(reasons.restore).toBe('Wait for v6 to finish');
    expect(reasons.copy).toBeNull();
    expect(disabled(v5FromStopped).restore).toBe('Already the latest version');
    expect(disabled(v1)['compare-previous']).toBe('No earlier version to compare with');
  });
});
