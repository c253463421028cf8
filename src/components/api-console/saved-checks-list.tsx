'use client';

import { useEffect, useState } from 'react';
import { statusTone } from '@/shared/response-format';
import { errorMessage } from '@/trpc/error-message';
import type { SavedCheck } from '@/types/api-checks';
import { Icon } from '../ui/icon';
import { pathWithQuery } from './curl-command';
import { MethodBadge } from './method-badge';
import { STATUS_TONE_CLASSES } from './status-tone';

interface SavedChecksListProps {
  checks: readonly SavedCheck[];
  isLoading: boolean;
  error: unknown;
  /** Puts the check's request in the editor. */
  onLoad: (check: SavedCheck) => void;
  /** Rejects with the server's error. */
  onRemove: (id: string) => Promise<unknown>;
}

/** How long "Remove?" waits for the second click. */
const REMOVE_CONFIRM_MS = 3_000;

/** The project's saved checks, oldest first: the requests every new version's validation sends. */
export function SavedChecksList({ checks, isLoading, error, onLoad, onRemove }: SavedChecksListProps) {
  return (
    <div data-testid="saved-checks" className="space-y-1">
      <p className="px-1 text-[11px] text-zinc-500">Every new version&apos;s validation sends these requests.</p>
      {error ? (
        <p role="alert" className="px-1 text-xs text-red-300">
          {errorMessage(error)}
        </p>
      ) : isLoading && checks.length === 0 ? (
        <p role="status" className="px-1 text-xs text-zinc-500">
          Loading checks…
        </p>
      ) : checks.length === 0 ? (
        <p data-testid="saved-checks-empty" className="px-1 text-xs text-zinc-500">
          None yet: send a request, then Save as check.
        </p>
      ) : (
        <ul aria-label="Saved checks" className="space-y-px">
          {checks.map((check) => (
            <SavedCheckRow key={check.id} check={check} onLoad={onLoad} onRemove={onRemove} />
          ))}
        </ul>
      )}
    </div>
  );
}

interface SavedCheckRowProps {
  check: SavedCheck;
  onLoad: (check: SavedCheck) => void;
  onRemove: (id: string) => Promise<unknown>;
}

function SavedCheckRow({ check, onLoad, onRemove }: SavedCheckRowProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = pathWithQuery(check.path, check.query);

  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), REMOVE_CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [confirming]);

  async function clickRemove() {
    if (!confirming) return setConfirming(true);
    setConfirming(false);
    setBusy(true);
    setError(null);
    try {
      await onRemove(check.id);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li data-testid="saved-check" data-id={check.id} data-status={check.expectStatus} className="rounded-lg hover:bg-zinc-800/50">
      <div className="flex items-center gap-1">
        <button
          type="button"
          data-testid="saved-check-load"
          onClick={() => onLoad(check)}
          title={`Load ${check.method} ${target} into the editor`}
          className="min-w-0 flex-1 space-y-0.5 rounded-lg px-2 py-1 text-left text-xs"
        >
          <span className="block truncate text-zinc-200">{check.name}</span>
          <span className="flex min-w-0 items-center gap-2 text-[11px]">
            <MethodBadge method={check.method} className="w-14 text-[10px]" />
            <span className="min-w-0 flex-1 truncate font-mono text-zinc-500">{target}</span>
            <span className="shrink-0 text-zinc-500">
              expects{' '}
              <span data-testid="saved-check-status" className={`font-mono font-semibold ${STATUS_TONE_CLASSES[statusTone(check.expectStatus)]}`}>
                {check.expectStatus}
              </span>
            </span>
          </span>
        </button>
        <button
          type="button"
          data-testid="saved-check-remove"
          onClick={() => void clickRemove()}
          disabled={busy}
          aria-label={confirming ? `Confirm removing the check ${check.name}` : `Remove the check ${check.name}`}
          title={confirming ? 'Click again to remove' : 'Remove'}
          className={`mr-1 shrink-0 rounded-md p-1.5 disabled:opacity-50 ${confirming ? 'bg-red-950/60 text-red-200 hover:bg-red-900/60' : 'text-zinc-400 hover:bg-zinc-800 hover:text-red-300'}`}
        >
          {confirming ? <span className="px-0.5 text-[11px]">Remove?</span> : <Icon name="close" className="size-3.5" />}
        </button>
      </div>
      {error && (
        <p role="alert" className="px-2 pb-1 text-[11px] text-red-300">
          {error}
        </p>
      )}
    </li>
  );
}
