'use client';

import { useState } from 'react';
import { streamStatus, type GenerationStreamState } from '@/hooks/generation-stream-state';
import { isActiveStatus, stopReasonLabel } from '@/hooks/version-rules';
import type { FileOperation } from '@/types/streaming';
import type { VersionSummary } from '@/types/versioning';
import { GenerationProgressTracker } from './generation-progress-tracker';
import { Icon } from './icon';
import { ValidationResults } from './validation-results';
import { VersionStatusBadge } from './version-status-badge';

interface VersionCardProps {
  version: VersionSummary;
  /** This version's stream, when it was followed in this visit. */
  live: GenerationStreamState | null;
  /** The assistant already said the error in the chat; the card then only names the reason. */
  errorAlreadyShown: boolean;
  isSelected: boolean;
  onOpenFile: (versionId: string, path: string) => void;
}

/** `partial`: cut off by a failure before it was finished. */
const OPERATION_STYLES: Record<FileOperation | 'writing' | 'partial', string> = {
  created: 'text-emerald-400',
  modified: 'text-amber-400',
  deleted: 'text-red-400 line-through',
  writing: 'text-sky-300 animate-pulse',
  partial: 'text-zinc-500',
};

function changedFiles(version: VersionSummary, live: GenerationStreamState | null) {
  if (live && (version.changes.length === 0 || !live.ended)) {
    return Object.entries(live.files).map(([filePath, file]) => ({
      filePath,
      operation: file.state === 'writing' ? ('writing' as const) : (file.operation ?? ('partial' as const)),
    }));
  }
  return version.changes;
}

function headline(version: VersionSummary, status: VersionSummary['status'], stopReason: VersionSummary['stopReason']): string {
  if (status === 'pending') return `Starting v${version.versionNumber}…`;
  if (status === 'generating') return `Generating v${version.versionNumber}…`;
  if (status === 'validating') return `Validating v${version.versionNumber}…`;
  if (status === 'failed') return stopReasonLabel(stopReason) ?? 'Failed';
  return version.title ?? 'Built API';
}

/** A version in the chat (V0-style): collapsed to its title, opening to the files it changed. */
export function VersionCard({ version, live, errorAlreadyShown, isSelected, onOpenFile }: VersionCardProps) {
  const [expanded, setExpanded] = useState(false);
  const status = live ? streamStatus(live) : version.status;
  const running = isActiveStatus(status);
  const files = changedFiles(version, live);
  const validation = live && (live.validation.length > 0 || live.validating) ? live.validation : (version.validation?.checks ?? []);
  const liveFailure = live?.ended?.kind === 'failed' ? live.ended : null;
  const failure = liveFailure?.message ?? version.error;
  const stopReason = version.stopReason ?? liveFailure?.reason ?? null;
  const writingIndex = files.findIndex((file) => file.operation === 'writing');

  return (
    <div
      data-testid="version-card"
      data-version={version.versionNumber}
      data-status={status}
      className={`rounded-xl border bg-zinc-900/70 ${isSelected ? 'border-zinc-600' : 'border-zinc-800'}`}
    >
      <button
        type="button"
        onClick={() => setExpanded((open) => !open)}
        aria-expanded={expanded}
        className="flex w-full items-center gap-2 rounded-xl px-3 py-2.5 text-left hover:bg-zinc-800/40"
      >
        <Icon name={expanded ? 'chevronDown' : 'chevronRight'} className="size-3.5 shrink-0 text-zinc-500" />
        <span className={`min-w-0 flex-1 truncate text-sm font-medium ${running ? 'text-sky-200' : 'text-zinc-100'}`}>
          {headline(version, status, stopReason)}
        </span>
        <span className="font-mono text-xs text-zinc-500">v{version.versionNumber}</span>
        <VersionStatusBadge status={status} />
      </button>

      {(running || expanded || status === 'failed') && (
        <div className="space-y-2.5 border-t border-zinc-800 px-3 py-2.5">
          {(running || liveFailure) && (
            <GenerationProgressTracker step={live?.step ?? null} failed={status === 'failed'} />
          )}
          {running && live?.currentFile && (
            <p className="text-xs text-zinc-400">
              Writing <span className="font-mono text-sky-300">{live.currentFile}</span>
              {live.plannedFiles.length > 0 && (
                <span className="text-zinc-500">
                  {' '}
                  ({Math.min(writingIndex + 1, live.plannedFiles.length)}/{live.plannedFiles.length} files)
                </span>
              )}
            </p>
          )}
          {running && live?.planMessage && !live.currentFile && <p className="text-xs text-zinc-400">{live.planMessage}</p>}

          {(expanded || running) && files.length > 0 && (
            <ul className="space-y-px" aria-label={`Files of v${version.versionNumber}`}>
              {files.map((file) => (
                <li key={file.filePath}>
                  <button
                    type="button"
                    onClick={() => onOpenFile(version.id, file.filePath)}
                    disabled={file.operation === 'deleted'}
                    className="flex w-full items-center gap-2 rounded-md px-1.5 py-1 text-left text-xs hover:bg-zinc-800/60 disabled:cursor-default disabled:hover:bg-transparent"
                  >
                    <Icon name="file" className={`size-3.5 shrink-0 ${OPERATION_STYLES[file.operation]}`} />
                    <span className="truncate text-zinc-200">{file.filePath.split('/').pop()}</span>
                    <span className={`ml-auto truncate font-mono text-[11px] ${OPERATION_STYLES[file.operation]}`}>{file.filePath}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}

          <ValidationResults results={validation} running={Boolean(live?.validating && !live.ended)} />

          {status === 'failed' && failure && (
            <p role="alert" className="rounded-lg bg-red-950/40 px-2.5 py-2 text-xs text-red-200">
              <span className="font-medium">{stopReasonLabel(stopReason) ?? 'Failed'}.</span>{' '}
              {errorAlreadyShown ? 'See the message below.' : failure}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
