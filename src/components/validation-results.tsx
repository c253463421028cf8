import { Icon } from './icon';

export interface ValidationResultItem {
  check: string;
  ok: boolean;
  skipped?: boolean;
  detail: string;
}

/** The sandbox's checks of one version: install, build, start, probes. */
export function ValidationResults({ results, running }: { results: readonly ValidationResultItem[]; running: boolean }) {
  if (results.length === 0 && !running) return null;
  return (
    <div className="rounded-lg border border-zinc-800 bg-zinc-950/60 p-2">
      <p className="px-1 pb-1 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">Validation</p>
      <ul className="space-y-0.5" data-testid="validation-results">
        {results.map((result, index) => {
          const tone = result.skipped ? 'text-zinc-400' : result.ok ? 'text-emerald-300' : 'text-red-300';
          return (
            <li key={`${result.check}-${index}`} className="flex items-start gap-2 px-1 text-xs" data-ok={result.ok} data-skipped={result.skipped ?? false}>
              <span className={`mt-px ${tone}`}>
                <Icon name={result.skipped ? 'skip' : result.ok ? 'check' : 'cross'} className="size-3.5" />
              </span>
              <span className="font-mono text-zinc-200">{result.check}</span>
              <span className="min-w-0 flex-1 text-zinc-400">
                {result.skipped ? 'skipped: ' : ''}
                {result.detail}
              </span>
            </li>
          );
        })}
        {running && (
          <li className="flex items-center gap-2 px-1 text-xs text-violet-300">
            <span className="size-1.5 animate-pulse rounded-full bg-violet-400" aria-hidden="true" /> Running checks…
          </li>
        )}
      </ul>
    </div>
  );
}
