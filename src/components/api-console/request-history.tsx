'use client';

import { useMemo } from 'react';
import { useNow } from '@/hooks/use-now';
import type { RequestHistoryEntry } from '@/types/preview';
import { Icon } from '../ui/icon';
import { formatRelativeTime } from '../ui/relative-time';
import { pathWithQuery } from './curl-command';
import { formatDuration, statusTone } from '@/shared/response-format';
import { STATUS_TONE_CLASSES } from './status-tone';
import { MethodBadge } from './method-badge';

interface RequestHistoryProps {
  entries: readonly RequestHistoryEntry[];
  isLoading: boolean;
  /** Puts the request back in the editor. */
  onLoad: (entry: RequestHistoryEntry) => void;
  /** Sends the same request again, as it was sent. */
  onSendAgain: (entry: RequestHistoryEntry) => void;
}

/** "5 minutes ago" must move on while the list stays open. */
const CLOCK_TICK_MS = 30_000;

/** The project's sent requests, newest first: what was asked, of which version, and what came back. */
export function RequestHistory({ entries, isLoading, onLoad, onSendAgain }: RequestHistoryProps) {
  const now = useNow(CLOCK_TICK_MS);

  // The server answers newest first already; sorting again keeps that true for entries added locally.
  const sorted = useMemo(() => [...entries].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()), [entries]);

  if (isLoading && entries.length === 0) {
    return (
      <ul aria-busy="true" aria-label="Loading the request history" className="space-y-1 p-2">
        {[0, 1, 2].map((index) => (
          <li key={index} className="h-9 animate-pulse rounded-lg bg-zinc-900/70" />
        ))}
      </ul>
    );
  }
  if (sorted.length === 0) {
    return (
      <p data-testid="history-empty" className="p-4 text-center text-xs text-zinc-500">
        Requests you send appear here.
      </p>
    );
  }

  return (
    <ul data-testid="request-history" aria-label="Request history" className="space-y-px p-1.5">
      {sorted.map((entry) => (
        <HistoryRow key={entry.id} entry={entry} now={now} onLoad={onLoad} onSendAgain={onSendAgain} />
      ))}
    </ul>
  );
}

interface HistoryRowProps {
  entry: RequestHistoryEntry;
  now: Date;
  onLoad: (entry: RequestHistoryEntry) => void;
  onSendAgain: (entry: RequestHistoryEntry) => void;
}

function HistoryRow({ entry, now, onLoad, onSendAgain }: HistoryRowProps) {
  const target = pathWithQuery(entry.path, entry.query);
  const version = entry.versionNumber !== null ? `v${entry.versionNumber}` : 'deleted version';
  const outcome = entry.status !== null ? String(entry.status) : 'error';
  return (
    <li
      data-testid="history-entry"
      data-method={entry.method}
      data-path={entry.path}
      data-status={outcome}
      className="group flex items-center gap-1 rounded-lg hover:bg-zinc-800/50"
    >
      <button
        type="button"
        data-testid="history-load"
        onClick={() => onLoad(entry)}
        title={`Load ${entry.method} ${target} (${version}) into the editor`}
        className="min-w-0 flex-1 space-y-0.5 rounded-lg px-2 py-1 text-left text-xs"
      >
        {/* Two lines, so a row fits the narrow column beside the editor as well as a phone. */}
        <span className="flex min-w-0 items-center gap-2">
          <MethodBadge method={entry.method} className="w-14 text-[10px]" />
          <span className="min-w-0 flex-1 truncate font-mono text-zinc-200">{target}</span>
        </span>
        <span className="flex min-w-0 items-center gap-2 pl-0.5 text-[11px]">
          <span className={`shrink-0 font-mono ${entry.versionNumber !== null ? 'text-zinc-500' : 'text-zinc-600 italic'}`}>{version}</span>
          {entry.status !== null ? (
            <span className={`shrink-0 font-mono font-semibold ${STATUS_TONE_CLASSES[statusTone(entry.status)]}`}>{entry.status}</span>
          ) : (
            <span className="min-w-0 truncate text-red-400" title={entry.error ?? undefined}>
              {entry.error ?? 'No answer'}
            </span>
          )}
          {entry.durationMs !== null && <span className="shrink-0 text-zinc-500">{formatDuration(entry.durationMs)}</span>}
          <time dateTime={entry.createdAt.toISOString()} title={entry.createdAt.toLocaleString()} className="ml-auto shrink-0 text-zinc-600">
            {formatRelativeTime(entry.createdAt, now)}
          </time>
        </span>
      </button>
      <button
        type="button"
        data-testid="history-send-again"
        onClick={() => onSendAgain(entry)}
        aria-label={`Send ${entry.method} ${target} again`}
        title="Send again"
        className="mr-1 shrink-0 rounded-md p-1.5 text-zinc-400 hover:bg-zinc-800 hover:text-sky-300"
      >
        <Icon name="retry" className="size-3.5" />
      </button>
    </li>
  );
}
