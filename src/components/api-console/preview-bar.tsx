'use client';

import { isRunningState, type PreviewStatus } from '@/types/preview';
import { CopyButton } from '../ui/copy-button';
import { Icon } from '../ui/icon';
import { previewHeadline, previewNote } from './preview-words';

interface PreviewBarProps {
  versionNumber: number;
  status: PreviewStatus | undefined;
  /** The version has saved files; otherwise nothing can run yet. */
  runnable: boolean;
  onStart: () => void;
  onStop: () => void;
  busy: boolean;
  error: string | null;
}

const DOT: Record<PreviewStatus['state'], string> = {
  starting: 'bg-amber-400 motion-safe:animate-pulse',
  ready: 'bg-emerald-400',
  failed: 'bg-red-400',
  stopped: 'bg-zinc-500',
};

/** The preview's state with Start and Stop, its address, and why it failed (with the log tail). */
export function PreviewBar({ versionNumber, status, runnable, onStart, onStop, busy, error }: PreviewBarProps) {
  const state = status?.state ?? 'stopped';
  const running = isRunningState(state);
  const note = status ? previewNote(status) : null;
  return (
    <div data-testid="preview-bar" data-state={state} className="shrink-0 border-b border-zinc-800 px-3 py-2 text-xs">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <span className="flex min-w-0 items-center gap-2">
          <span className={`size-2 shrink-0 rounded-full ${DOT[state]}`} aria-hidden="true" />
          <span role="status" data-testid="preview-state" className="font-medium text-zinc-100">
            {runnable ? previewHeadline(versionNumber, status) : `v${versionNumber} cannot run until it is complete`}
          </span>
        </span>
        {status?.url && state === 'ready' && (
          <span className="flex min-w-0 items-center gap-1 font-mono text-[11px] text-zinc-400">
            <span className="truncate" data-testid="preview-url">
              {status.url}
            </span>
            <CopyButton text={status.url} label="Copy the preview's address" />
          </span>
        )}
        <span className="ml-auto flex items-center gap-2">
          {runnable && !running && (
            <button
              type="button"
              data-testid="preview-start"
              onClick={onStart}
              disabled={busy}
              className="inline-flex h-7 items-center gap-1.5 rounded-lg bg-emerald-500/90 px-2.5 font-medium text-zinc-950 hover:bg-emerald-400 disabled:opacity-50"
            >
              <Icon name="play" className="size-3 fill-current" />
              {state === 'failed' ? 'Start again' : `Start v${versionNumber}`}
            </button>
          )}
          {running && (
            <button
              type="button"
              data-testid="preview-stop"
              onClick={onStop}
              disabled={busy}
              className="inline-flex h-7 items-center gap-1.5 rounded-lg border border-zinc-700 px-2.5 text-zinc-200 hover:border-zinc-500 hover:text-white disabled:opacity-50"
            >
              <Icon name="stop" className="size-3 fill-current" />
              Stop
            </button>
          )}
        </span>
      </div>
      {note && <p className="mt-1 text-zinc-400">{note}</p>}
      {status?.envChanged && (
        <p data-testid="preview-env-changed" className="mt-1 text-amber-300">
          The env vars changed after this preview started: stop and start it to apply them.
        </p>
      )}
      {error && (
        <p role="alert" className="mt-1 text-red-300">
          {error}
        </p>
      )}
      {status && (state === 'failed' || status.logTail) && (
        <details open={state === 'failed'} className="mt-1.5">
          <summary className="cursor-pointer text-zinc-500 hover:text-zinc-300">{state === 'failed' ? 'Log' : 'Server output'}</summary>
          <pre data-testid="preview-log" className="mt-1 max-h-48 overflow-auto rounded-lg bg-zinc-900 p-2 font-mono text-[11px] whitespace-pre-wrap text-zinc-300">
            {status.logTail || '(no output)'}
          </pre>
        </details>
      )}
    </div>
  );
}
