'use client';

import type { ValidationCheck } from '@/types/versioning';
import { Icon } from '../ui/icon';
import { savedCheckLabel } from './api-check-view';

/**
 * Saved checks that passed on the base version and fail on this one. The version still works (a
 * change may be meant, like removing a route), so this warns and offers Fix rather than failing it.
 */
export function RegressionNotice({
  regressions,
  fixLabel,
  disabledReason,
  onFix,
}: {
  regressions: readonly ValidationCheck[];
  fixLabel: string;
  disabledReason: string | null;
  onFix: () => void;
}) {
  const first = regressions[0]!;
  const more = regressions.length > 1 ? ` and ${regressions.length - 1} more` : '';
  return (
    <div role="status" data-testid="version-regressions" className="rounded-lg bg-amber-950/40 px-2.5 py-2 text-xs text-amber-100">
      <p className="flex items-start gap-1.5">
        <Icon name="warning" className="mt-px size-3.5 shrink-0 text-amber-300" />
        <span>
          <span className="font-medium">
            {regressions.length === 1 ? '1 saved check regressed' : `${regressions.length} saved checks regressed`}:
          </span>{' '}
          <span className="font-mono">{savedCheckLabel(first)}</span>
          {more} passed on v{first.regression!.baseVersionNumber} and fails now.
        </span>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button
          type="button"
          data-testid="fix-regression"
          onClick={onFix}
          disabled={disabledReason !== null}
          title={disabledReason ?? 'Ask the model to make the saved checks pass again, with both answers as context'}
          className="inline-flex items-center gap-1.5 rounded-lg bg-amber-400 px-2.5 py-1 font-medium text-zinc-950 hover:bg-amber-300 disabled:opacity-50"
        >
          <Icon name="wrench" className="size-3.5" />
          {fixLabel}
        </button>
        <span className="text-amber-200/70">If the change was meant, remove the check from the console.</span>
      </div>
    </div>
  );
}
