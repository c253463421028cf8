// What each of a version's actions (its card's menu, Retry and Fix, the header's Compare) asks of the
// workspace: which call to make, which base the new version is expected to start from, which pair to
// compare. Pure: the controller hook makes the calls.
import { hasSavedFiles } from '@/shared/version-rules';
import type { VersionSummary } from '@/types/versioning';
import { previousComparableVersion, type VersionMenuAction } from './version-menu';
import type { ComparedPair } from './workspace-state';

/** Everything a card can ask the workspace to do: its menu's actions, and Retry / Fix after a failure. */
export type VersionCardAction = VersionMenuAction | 'retry' | 'fix';

type VersionFacts = Pick<VersionSummary, 'id' | 'versionNumber' | 'status' | 'stopReason' | 'baseVersionId'>;

export type VersionActionPlan =
  /** Make a new version and follow its stream; until the stream says, its base is `expectedBaseId`. */
  | { kind: 'run'; call: 'regenerate' | 'fix'; expectedBaseId: string | null }
  /** Save the version's files again as the newest version. */
  | { kind: 'restore' }
  | { kind: 'copy' }
  | { kind: 'zip' }
  /** Open the comparison; null when there is nothing to compare with. */
  | { kind: 'compare'; pair: ComparedPair | null }
  /** View the version and write the next prompt on it. */
  | { kind: 'branch' };

/**
 * The version to compare `version` with: the one it was built on, or the nearest earlier saved one
 * (previousComparableVersion); failing both, any other saved version.
 */
export function comparisonWith(versions: readonly VersionFacts[], version: VersionFacts, focus: ComparedPair['focus']): ComparedPair | null {
  const from = previousComparableVersion(versions, version) ?? versions.find((other) => other.id !== version.id && hasSavedFiles(other));
  return from ? { fromVersionId: from.id, toVersionId: version.id, focus } : null;
}

/** The header's Compare: the viewed version if it has saved files, else the latest one that has. */
export function headerComparison(versions: readonly VersionFacts[], selected: VersionFacts | null): ComparedPair | null {
  const target = selected && hasSavedFiles(selected) ? selected : versions.findLast(hasSavedFiles);
  return target ? comparisonWith(versions, target, 'close') : null;
}

export function planVersionAction(versions: readonly VersionFacts[], version: VersionFacts, action: VersionCardAction): VersionActionPlan {
  switch (action) {
    case 'regenerate':
    case 'retry':
      // The same prompt again, on the same base.
      return { kind: 'run', call: 'regenerate', expectedBaseId: version.baseVersionId };
    case 'fix':
      // The repair starts from the version whose checks failed.
      return { kind: 'run', call: 'fix', expectedBaseId: version.id };
    case 'restore':
      return { kind: 'restore' };
    case 'copy':
      return { kind: 'copy' };
    case 'zip':
      return { kind: 'zip' };
    case 'compare-previous':
      return { kind: 'compare', pair: comparisonWith(versions, version, 'close') };
    case 'compare-any':
      return { kind: 'compare', pair: comparisonWith(versions, version, 'from') };
    case 'branch':
      return { kind: 'branch' };
  }
}

/**
 * The base a sent prompt's version starts from, until its stream says: the branch point when the
 * person views an older saved version, else the latest complete version, as the server decides.
 */
export function promptBaseVersionId(versions: readonly VersionFacts[], explicitBaseId: string | undefined): string | null {
  return explicitBaseId ?? versions.findLast((version) => version.status === 'complete')?.id ?? null;
}

/** The card's confirmation after a restore. */
export function restoredConfirmation(versionNumber: number): string {
  return `Restored as v${versionNumber}`;
}
