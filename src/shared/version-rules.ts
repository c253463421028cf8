// Rules about a project's versions, applied alike by the server (what can be a base, what has files)
// and by the workspace (what to offer). Pure.
import { ACTIVE_STATUSES, type ValidationCheck, type VersionStatus, type VersionSummary } from '@/types/versioning';

type VersionFacts = Pick<VersionSummary, 'id' | 'status' | 'stopReason'>;

export function isActiveStatus(status: VersionStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Files are saved when a version completes, and also when only its validation failed. */
export function hasSavedFiles(version: VersionFacts): boolean {
  return version.status === 'complete' || (version.status === 'failed' && version.stopReason === 'validation_failed');
}

/**
 * The base for the next prompt. The server already defaults to the latest complete version, so
 * an id is sent only when the person is looking at an older saved version: that is a branch.
 */
export function explicitBaseVersionId(versions: readonly VersionFacts[], selectedId: string | null): string | undefined {
  const selected = versions.find((version) => version.id === selectedId);
  if (!selected || !hasSavedFiles(selected)) return undefined;
  const latestComplete = versions.findLast((version) => version.status === 'complete');
  return selected.id === latestComplete?.id ? undefined : selected.id;
}

/**
 * The version running now, if any. The stream knows first that a version runs and that it ended;
 * the list covers the moments before the stream follows a new one. A version whose stream has
 * ended is not running, even while the list, not yet fetched again, still says it is: the chat
 * input would otherwise stay locked after the header already shows the version done.
 */
export function runningVersionId(live: { versionId: string; ended: object | null } | null, listedActiveId: string | null): string | null {
  if (live && !live.ended) return live.versionId;
  return live && listedActiveId === live.versionId ? null : listedActiveId;
}

/** "v1 (initial)", "v2 (Add reviews)". */
export function versionLabel(version: Pick<VersionSummary, 'versionNumber' | 'title'>): string {
  if (version.versionNumber === 1) return 'v1 (initial)';
  return version.title ? `v${version.versionNumber} (${version.title})` : `v${version.versionNumber}`;
}

const STATUS_LABELS: Record<VersionStatus, string> = {
  pending: 'queued',
  generating: 'generating',
  validating: 'validating',
  complete: 'complete',
  failed: 'failed',
};

export function statusLabel(status: VersionStatus): string {
  return STATUS_LABELS[status];
}

const STOP_REASON_LABELS: Record<NonNullable<VersionSummary['stopReason']>, string> = {
  completed: 'Completed',
  stopped: 'Stopped',
  model_error: 'Model error',
  timeout: 'Timed out',
  invalid_output: 'Unusable output',
  interrupted: 'Interrupted',
  validation_failed: 'Validation failed',
  budget: 'Stopped: token budget reached',
};

export function stopReasonLabel(reason: VersionSummary['stopReason']): string | null {
  return reason ? STOP_REASON_LABELS[reason] : null;
}

/**
 * A version's state in a word or two, as the dropdown and the badges say it: a finished version
 * says whether its checks passed, a failed one why it stopped when that is the person's own doing.
 */
export function versionStateLabel(
  status: VersionStatus,
  stopReason: VersionSummary['stopReason'],
  checks: ReadonlyArray<Pick<ValidationCheck, 'ok' | 'skipped'>>,
): string {
  if (status === 'complete') {
    const ran = checks.filter((check) => !check.skipped);
    return ran.length > 0 && ran.every((check) => check.ok) ? 'validated ✓' : 'complete';
  }
  if (status === 'failed') {
    if (stopReason === 'validation_failed') return 'checks failed';
    if (stopReason === 'stopped') return 'stopped';
    if (stopReason === 'budget') return 'over budget';
    return 'failed';
  }
  return statusLabel(status);
}
