'use client';

import { memo, useEffect, useId, useState } from 'react';
import { sameStreamOutline, shownStatus, type GenerationStreamState } from '@/workspace/stream/generation-stream-state';
import { isActiveStatus, stopReasonLabel, versionStateLabel } from '@/shared/version-rules';
import type { FileOperation } from '@/types/streaming';
import type { VersionSummary } from '@/types/versioning';
import type { VersionCardAction } from '@/workspace/version-actions';
import { versionMenuItems } from '@/workspace/version-menu';
import { GenerationProgressTracker } from '../chat/generation-progress-tracker';
import { CHANGE_BADGES } from '../ui/change-badge';
import { Icon } from '../ui/icon';
import { estimateRemainingMs } from './remaining-time';
import { RegressionNotice } from './regression-notice';
import { ValidationResults } from './validation-results';
import { versionActivity } from './version-activity';
import { VersionActivityList } from './version-activity-list';
import { versionCardHeadline } from './version-card-headline';
import { VersionCardMenu } from './version-card-menu';
import { VersionStatusBadge } from './version-status-badge';

interface VersionCardProps {
  version: VersionSummary;
  /** This version's stream, when it was followed in this visit. */
  live: GenerationStreamState | null;
  /** The assistant already said the error in the chat; the card then only names the reason. */
  errorAlreadyShown: boolean;
  isSelected: boolean;
  /** All of the project's versions: the menu's rules and "fixes v3" need them. */
  versions: readonly VersionSummary[];
  /** The number of the version being generated now, if any. */
  runningNumber: number | null;
  onOpenFile: (versionId: string, path: string) => void;
  /** Resolves to a short confirmation to show on the card ("Copied 12 files"), or null. */
  onAction: (version: VersionSummary, action: VersionCardAction) => Promise<string | null>;
}

/** `partial`: cut off by a failure before it was finished. */
type FileMark = FileOperation | 'writing' | 'editing' | 'partial';

const FILE_MARKS: Record<FileMark, { className: string; label: string }> = {
  created: CHANGE_BADGES.created,
  modified: CHANGE_BADGES.modified,
  // Struck through, as a deleted file's name is in the file tree.
  deleted: { ...CHANGE_BADGES.deleted, className: `${CHANGE_BADGES.deleted.className} line-through` },
  writing: { className: 'text-sky-300', label: 'being written' },
  editing: { className: 'text-amber-300', label: 'being edited' },
  partial: { className: 'text-zinc-500', label: 'not finished' },
};

/** How long a confirmation stays on the card. */
const CONFIRMATION_MS = 2_500;

function changedFiles(version: VersionSummary, live: GenerationStreamState | null): Array<{ filePath: string; operation: FileMark }> {
  if (live && (version.changes.length === 0 || !live.ended)) {
    return Object.entries(live.files).map(([filePath, file]) => ({
      filePath,
      operation: file.state === 'writing' ? (file.mode === 'edit' ? 'editing' : 'writing') : (file.operation ?? 'partial'),
    }));
  }
  return version.changes;
}

/** Code chunks change a stream without changing anything a card shows (sameStreamOutline). */
function sameCardProps(before: VersionCardProps, after: VersionCardProps): boolean {
  return (Object.keys(after) as Array<keyof VersionCardProps>).every((key) =>
    key === 'live' ? sameStreamOutline(before.live, after.live) : Object.is(before[key], after[key]),
  );
}

/**
 * A version in the chat (V0-style): collapsed to its title, opening to the files it changed and its
 * checks. Memoized: only the running version's card changes, and only when a file, step or check does.
 */
export const VersionCard = memo(function VersionCard({
  version,
  live,
  errorAlreadyShown,
  isSelected,
  versions,
  runningNumber,
  onOpenFile,
  onAction,
}: VersionCardProps) {
  const [expanded, setExpanded] = useState(false);
  const [pendingAction, setPendingAction] = useState<VersionCardAction | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const bodyId = useId();

  const status = shownStatus(live, version.status);
  const running = isActiveStatus(status);
  const files = changedFiles(version, live);
  const liveChecksShown = live !== null && (live.validation.length > 0 || live.validating);
  const checks = liveChecksShown ? live.validation : (version.validation?.checks ?? []);
  const liveFailure = live?.ended?.kind === 'failed' ? live.ended : null;
  const failure = liveFailure?.message ?? version.error;
  const stopReason = version.stopReason ?? liveFailure?.reason ?? null;
  const writingIndex = files.findIndex((file) => file.operation === 'writing' || file.operation === 'editing');
  const regressions = status === 'complete' ? checks.filter((check) => check.regression) : [];
  const canFix = (status === 'failed' && stopReason === 'validation_failed') || regressions.length > 0;
  const activity = versionActivity(version, live);
  const reportSaved = version.validation !== null && !running;
  const menuItems = versionMenuItems(versions, version, runningNumber !== null ? { versionNumber: runningNumber } : null);
  const fixOfNumber = versions.find((candidate) => candidate.id === version.fixOfVersionId)?.versionNumber ?? null;
  const busyReason = runningNumber !== null ? `v${runningNumber} is running` : null;

  useEffect(() => {
    if (!confirmation) return;
    const timer = setTimeout(() => setConfirmation(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [confirmation]);

  async function act(action: VersionCardAction) {
    setPendingAction(action);
    try {
      setConfirmation(await onAction(version, action));
    } finally {
      setPendingAction(null);
    }
  }

  return (
    <div data-testid="version-card" data-version={version.versionNumber} data-version-id={version.id} data-status={status} data-stop-reason={stopReason ?? undefined}>
      <VersionActivityList versionNumber={version.versionNumber} items={activity} />
      <div className={`rounded-xl border bg-zinc-900/70 ${isSelected ? 'border-zinc-600' : 'border-zinc-800'}`}>
        <div className="flex items-center gap-1 pr-1.5">
          <button
            type="button"
            data-testid="version-card-toggle"
            onClick={() => setExpanded((open) => !open)}
            aria-expanded={expanded}
            aria-controls={expanded ? bodyId : undefined}
            className="flex min-w-0 flex-1 items-center gap-2 rounded-xl px-3 py-2.5 text-left hover:bg-zinc-800/40"
          >
            <Icon name="chevronRight" className={`size-3.5 shrink-0 text-zinc-500 transition-transform duration-200 ${expanded ? 'rotate-90' : ''}`} />
            <span className={`min-w-0 flex-1 truncate text-sm font-medium ${running ? 'text-sky-200' : 'text-zinc-100'}`}>
              {versionCardHeadline(version, status, stopReason, live)}
            </span>
            {fixOfNumber !== null && <span className="shrink-0 text-[11px] text-amber-300">fixes v{fixOfNumber}</span>}
            {version.baseVersionNumber !== null && version.baseVersionNumber !== version.versionNumber - 1 && (
              <span className="shrink-0 font-mono text-[11px] text-zinc-500">from v{version.baseVersionNumber}</span>
            )}
            <span className="shrink-0 font-mono text-xs text-zinc-500">v{version.versionNumber}</span>
          </button>
          <VersionStatusBadge status={status} label={versionStateLabel(status, stopReason, checks)} />
          <VersionCardMenu versionNumber={version.versionNumber} items={menuItems} onAction={(action) => void act(action)} />
        </div>

        {(running || expanded || status === 'failed' || confirmation || regressions.length > 0) && (
          <div id={bodyId} className="space-y-2.5 border-t border-zinc-800 px-3 py-2.5">
            {(running || liveFailure) && (
              <GenerationProgressTracker
                step={live?.step ?? null}
                failed={status === 'failed'}
                writing={
                  running && live?.currentFile
                    ? {
                        path: live.currentFile,
                        editing: live.files[live.currentFile]?.mode === 'edit',
                        number: live.plannedFiles.length > 0 ? Math.min(writingIndex + 1, live.plannedFiles.length) : null,
                        plannedCount: live.plannedFiles.length,
                        remainingMs: estimateRemainingMs(live),
                      }
                    : null
                }
              />
            )}
            {running && live?.planMessage && !live.currentFile && <p className="text-xs text-zinc-400">{live.planMessage}</p>}

            {(expanded || running) && files.length > 0 && (
              <ul className="space-y-px" aria-label={`Files of v${version.versionNumber}`}>
                {files.map((file) => {
                  const mark = FILE_MARKS[file.operation];
                  return (
                    <li key={file.filePath}>
                      <button
                        type="button"
                        data-testid="version-card-file"
                        data-path={file.filePath}
                        data-operation={file.operation}
                        onClick={() => onOpenFile(version.id, file.filePath)}
                        disabled={file.operation === 'deleted'}
                        title={`${file.filePath} (${mark.label})`}
                        className="flex w-full items-center gap-2 rounded-md px-1.5 py-1 text-left text-xs hover:bg-zinc-800/60 disabled:cursor-default disabled:hover:bg-transparent"
                      >
                        <Icon name="file" className={`size-3.5 shrink-0 ${mark.className}`} />
                        <span className="truncate text-zinc-200">{file.filePath.split('/').pop()}</span>
                        <span className="sr-only">({mark.label})</span>
                        <span className={`ml-auto truncate font-mono text-[11px] ${mark.className}`}>{file.filePath}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}

            {(expanded || running || canFix) && (
              <ValidationResults
                checks={checks}
                sandbox={reportSaved ? version.validation!.sandbox : null}
                durationMs={reportSaved ? version.validation!.durationMs : null}
                running={Boolean(live?.validating && !live.ended)}
              />
            )}

            {regressions.length > 0 && (
              <RegressionNotice
                regressions={regressions}
                fixLabel={pendingAction === 'fix' ? 'Starting fix…' : 'Fix'}
                disabledReason={pendingAction !== null ? 'Busy' : busyReason}
                onFix={() => void act('fix')}
              />
            )}

            {status === 'failed' && (
              <div role="alert" data-testid="version-failure" className="rounded-lg bg-red-950/40 px-2.5 py-2 text-xs text-red-200">
                <p>
                  <span className="font-medium">{stopReasonLabel(stopReason) ?? 'Failed'}.</span>{' '}
                  {failure ? (errorAlreadyShown ? 'See the message below.' : failure) : null}
                </p>
                <div className="mt-2 flex flex-wrap items-center gap-2">
                  {canFix && (
                    <button
                      type="button"
                      data-testid="fix-version"
                      onClick={() => void act('fix')}
                      disabled={pendingAction !== null || busyReason !== null}
                      title={busyReason ?? 'Ask the model to repair the failing checks'}
                      className="inline-flex items-center gap-1.5 rounded-lg bg-amber-400 px-2.5 py-1 font-medium text-zinc-950 hover:bg-amber-300 disabled:opacity-50"
                    >
                      <Icon name="wrench" className="size-3.5" />
                      {pendingAction === 'fix' ? 'Starting fix…' : 'Fix'}
                    </button>
                  )}
                  <button
                    type="button"
                    data-testid="retry-version"
                    onClick={() => void act('retry')}
                    disabled={pendingAction !== null || busyReason !== null}
                    title={busyReason ?? 'Run the same prompt again on the same base'}
                    className="inline-flex items-center gap-1.5 rounded-lg border border-red-800/70 px-2.5 py-1 text-red-100 hover:border-red-600 hover:bg-red-900/30 disabled:opacity-50"
                  >
                    <Icon name="retry" className="size-3.5" />
                    {pendingAction === 'retry' ? 'Retrying…' : 'Retry'}
                  </button>
                  {busyReason && <span className="text-red-300/70">{busyReason}</span>}
                </div>
              </div>
            )}

            {confirmation && (
              <p role="status" data-testid="card-confirmation" className="flex items-center gap-1.5 text-xs text-emerald-300">
                <Icon name="check" className="size-3.5" /> {confirmation}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}, sameCardProps);
