// What a version card's ⋮ menu offers, and why an item is unavailable. Pure.
import { hasSavedFiles, isActiveStatus } from '@/shared/version-rules';
import type { VersionSummary } from '@/types/versioning';

export type VersionMenuAction = 'regenerate' | 'copy' | 'zip' | 'compare-previous' | 'compare-any' | 'restore' | 'branch';

export interface VersionMenuItem {
  action: VersionMenuAction;
  label: string;
  /** Why it cannot be used now; null when it can. */
  disabledReason: string | null;
}

type VersionFacts = Pick<VersionSummary, 'id' | 'versionNumber' | 'status' | 'stopReason' | 'baseVersionId'>;

/**
 * The version "Compare with previous" compares against: the one it was built on, which shows what
 * its prompt changed; failing that (built from nothing, or the base has no files), the nearest
 * earlier version with saved files.
 */
export function previousComparableVersion<V extends VersionFacts>(versions: readonly V[], version: VersionFacts): V | null {
  const base = versions.find((candidate) => candidate.id === version.baseVersionId);
  if (base && hasSavedFiles(base)) return base;
  return versions.findLast((candidate) => candidate.versionNumber < version.versionNumber && hasSavedFiles(candidate)) ?? null;
}

export function versionMenuItems(
  versions: readonly VersionFacts[],
  version: VersionFacts,
  /** The version being generated now, if any (a project runs one at a time). */
  running: Pick<VersionSummary, 'versionNumber'> | null,
): VersionMenuItem[] {
  const noFiles = hasSavedFiles(version) ? null : `v${version.versionNumber} has no saved files`;
  const busy = running ? `Wait for v${running.versionNumber} to finish` : null;
  const latestComplete = versions.findLast((candidate) => candidate.status === 'complete');
  const previous = previousComparableVersion(versions, version);
  const otherComparable = versions.some((candidate) => candidate.id !== version.id && hasSavedFiles(candidate));
  return [
    { action: 'regenerate', label: 'Regenerate this version', disabledReason: isActiveStatus(version.status) ? 'Still running' : busy },
    { action: 'copy', label: 'Copy all files', disabledReason: noFiles },
    { action: 'zip', label: 'Download as ZIP', disabledReason: noFiles },
    {
      action: 'compare-previous',
      label: previous ? `Compare with v${previous.versionNumber}` : 'Compare with previous version',
      disabledReason: noFiles ?? (previous ? null : 'No earlier version to compare with'),
    },
    { action: 'compare-any', label: 'Compare with…', disabledReason: noFiles ?? (otherComparable ? null : 'No other version to compare with') },
    {
      action: 'restore',
      label: 'Restore this version',
      disabledReason: noFiles ?? busy ?? (latestComplete?.id === version.id ? 'Already the latest version' : null),
    },
    { action: 'branch', label: 'Branch from here', disabledReason: noFiles },
  ];
}
