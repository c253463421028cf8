// What a version card's header says. Pure, so the moment between a stream's ending and the next
// versions list (when the two disagree) is tested with plain values.
import type { GenerationStreamState } from '@/workspace/stream/generation-stream-state';
import { isActiveStatus, stopReasonLabel } from '@/shared/version-rules';
import type { VersionStatus, VersionSummary } from '@/types/versioning';

type HeadlineFacts = Pick<VersionSummary, 'versionNumber' | 'title' | 'status'>;

/** Said only for a complete version that has no title at all (one saved before titles existed). */
export const UNTITLED_VERSION_HEADLINE = 'Built API';

function runningHeadline(status: VersionStatus, versionNumber: number): string {
  if (status === 'pending') return `Starting v${versionNumber}…`;
  if (status === 'validating') return `Validating v${versionNumber}…`;
  return `Generating v${versionNumber}…`;
}

/**
 * `status` is the shown one (the stream's, which runs ahead of the list). When the stream has just
 * ended, the list is fetched again only afterwards, so the listed version has no title yet: the
 * stream's ending carries it. An ending without one (replayed from an older server's buffer) keeps
 * the running headline until the list catches up, rather than a placeholder for a version that
 * has a title.
 */
export function versionCardHeadline(
  version: HeadlineFacts,
  status: VersionStatus,
  stopReason: VersionSummary['stopReason'],
  live: Pick<GenerationStreamState, 'ended'> | null,
): string {
  if (isActiveStatus(status)) return runningHeadline(status, version.versionNumber);
  if (status === 'failed') return stopReasonLabel(stopReason) ?? 'Failed';
  const streamedTitle = live?.ended?.kind === 'complete' ? live.ended.title : undefined;
  const title = version.title ?? streamedTitle;
  if (title) return title;
  return isActiveStatus(version.status) ? runningHeadline(version.status, version.versionNumber) : UNTITLED_VERSION_HEADLINE;
}
