// What the workspace shows, from plain inputs: the version viewed, its status and label, what runs
// and how the chat input says so, the branch point. Pure: the controller hook feeds it the version
// list and the followed stream.
import { explicitBaseVersionId, hasSavedFiles, runningVersionId, versionStateLabel } from '@/shared/version-rules';
import type { VersionStatus, VersionSummary } from '@/types/versioning';
import { shownStatus, type GenerationStreamState } from './stream/generation-stream-state';
import { streamRunning } from './stream-following';

const RUNNING_LABELS: Partial<Record<VersionStatus, string>> = {
  pending: 'AI is starting',
  generating: 'AI is generating',
  validating: 'Validating',
};

/** The version viewed: the one picked, else the latest. */
export function selectedVersion<V extends Pick<VersionSummary, 'id'>>(
  versions: readonly V[],
  selectedVersionId: string | null,
): { selectedId: string | null; selected: V | null } {
  const selectedId = selectedVersionId ?? versions.at(-1)?.id ?? null;
  return { selectedId, selected: versions.find((version) => version.id === selectedId) ?? null };
}

/** The followed stream's status as shown: the stream's word first, else the list's; null with no stream. */
function followedStreamStatus(versions: readonly VersionSummary[], live: GenerationStreamState | null): VersionStatus | null {
  if (!live) return null;
  return shownStatus(live, versions.find((version) => version.id === live.versionId)?.status ?? 'pending');
}

export interface WorkspaceViewInput {
  versions: readonly VersionSummary[];
  /** The running version as the list says. */
  active: VersionSummary | null;
  selectedId: string | null;
  selected: VersionSummary | null;
  /** The followed version's stream. */
  live: GenerationStreamState | null;
}

export interface WorkspaceView {
  /** The followed version's status, for the dropdown's entry of that version. */
  liveStatus: VersionStatus | null;
  /** The viewed version's status for the header badge; null before the list loads. */
  selectedStatus: VersionStatus | null;
  selectedStateLabel: string | null;
  /** The version running now, and its number. */
  runningId: string | null;
  runningNumber: number | null;
  /** "AI is generating v3…" while one runs. */
  generatingLabel: string | null;
  /** The person stopped the followed run. */
  runStoppedByUser: boolean;
  /** The version the next prompt branches from, when it is not the latest complete one. */
  explicitBase: string | undefined;
  explicitBaseNumber: number | null;
  /** How many versions have saved files: comparing needs two. */
  comparableCount: number;
}

export function workspaceView({ versions, active, selectedId, selected, live }: WorkspaceViewInput): WorkspaceView {
  const liveRunning = streamRunning(live);
  const liveStatus = followedStreamStatus(versions, live);
  const selectedLive = live !== null && live.versionId === selectedId ? live : null;
  const selectedStatus = selected ? shownStatus(selectedLive, selected.status) : null;
  const selectedStateLabel =
    selected && selectedStatus
      ? versionStateLabel(
          selectedStatus,
          selected.stopReason ?? (selectedLive?.ended?.kind === 'failed' ? selectedLive.ended.reason : null),
          selectedLive && selectedLive.validation.length > 0 ? selectedLive.validation : (selected.validation?.checks ?? []),
        )
      : null;

  const runningId = runningVersionId(live, active?.id ?? null);
  const runningNumber =
    (liveRunning ? live?.versionNumber : null) ?? versions.find((version) => version.id === runningId)?.versionNumber ?? null;
  const runningStatus = liveRunning ? liveStatus : active?.status;
  const generatingLabel =
    runningId && runningStatus && runningNumber ? `${RUNNING_LABELS[runningStatus] ?? 'AI is generating'} v${runningNumber}…` : null;

  const explicitBase = explicitBaseVersionId(versions, selectedId);
  return {
    liveStatus,
    selectedStatus,
    selectedStateLabel,
    runningId,
    runningNumber,
    generatingLabel,
    runStoppedByUser: live?.ended?.kind === 'failed' && live.ended.reason === 'stopped',
    explicitBase,
    explicitBaseNumber: versions.find((version) => version.id === explicitBase)?.versionNumber ?? null,
    comparableCount: versions.filter(hasSavedFiles).length,
  };
}

/** The note above the code: files that could not be restored exactly, a partial output, a load error. */
export function codeNotice(
  problems: ReadonlyArray<{ filePath: string; reason: string }>,
  showsFailedStream: boolean,
  loadError: string | null,
): string | null {
  const notice = [
    ...problems.map((problem) => `Could not restore ${problem.filePath} (${problem.reason}); showing the nearest verified content.`),
    showsFailedStream ? 'This version did not finish: this is its partial output, which was not saved.' : null,
    loadError,
  ]
    .filter(Boolean)
    .join(' ');
  return notice || null;
}
