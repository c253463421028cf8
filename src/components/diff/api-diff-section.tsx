import type { ApiDiff } from '@/types/api-diff';
import { API_SIGN_STYLES, apiDiffView } from './api-diff-view-model';

interface ApiDiffSectionProps {
  /** undefined while it loads. */
  diff: ApiDiff | undefined;
  error: string | null;
}

/** The compare view's "API" section, above the files: routes, fields, parameters and status codes that changed, breaking ones badged. */
export function ApiDiffSection({ diff, error }: ApiDiffSectionProps) {
  const view = diff ? apiDiffView(diff) : null;
  return (
    <section aria-label="API changes" data-testid="api-diff" className="max-h-56 shrink-0 overflow-auto border-b border-zinc-800 px-3 py-2 text-xs">
      <h3 className="flex items-center gap-2 font-medium text-zinc-200">
        API
        {view?.kind === 'changes' && (
          <span className={`font-normal ${view.breakingCount > 0 ? 'text-red-300' : 'text-zinc-500'}`} data-testid="api-diff-summary">
            {view.summary}
          </span>
        )}
      </h3>
      {error ? (
        <p role="alert" className="mt-1 text-red-300">
          {error}
        </p>
      ) : !view ? (
        <p className="mt-1 text-zinc-500">Reading the API descriptions…</p>
      ) : view.kind !== 'changes' ? (
        <p className="mt-1 text-zinc-500">{view.message}</p>
      ) : (
        <ul className="mt-1 space-y-0.5 font-mono">
          {view.rows.map((row) => (
            <li key={row.key} data-testid="api-change" data-breaking={row.breaking ? 'true' : 'false'} title={row.text} className="flex items-baseline gap-2">
              <span className={`w-3 shrink-0 font-semibold ${API_SIGN_STYLES[row.sign]}`} aria-hidden="true">
                {row.sign}
              </span>
              <span className="min-w-0 text-zinc-200 [overflow-wrap:anywhere] whitespace-pre-wrap">{row.subject}</span>
              <span className="shrink-0 text-zinc-500">{row.verdict}</span>
              {row.breaking && (
                <span className="shrink-0 rounded bg-red-500/15 px-1.5 py-px font-sans text-[10px] font-semibold tracking-wide text-red-300 uppercase">breaking</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
