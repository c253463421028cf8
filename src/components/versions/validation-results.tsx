'use client';

import { useState } from 'react';
import type { ValidationCheck } from '@/types/versioning';
import { Icon } from '../ui/icon';
import { ApiCheckResults } from './api-check-results';
import { checkSections } from './api-check-view';
import { orderChecks } from './validation-order';
import { formatDuration } from './version-activity';

/** Checks shown before "Show all": a large API has dozens of route probes. */
const COLLAPSED_CHECKS = 6;

interface ValidationResultsProps {
  checks: readonly ValidationCheck[];
  /** The sandbox's name and total time, once the report is saved. */
  sandbox: string | null;
  durationMs: number | null;
  running: boolean;
}

function checkTone(check: ValidationCheck): { icon: 'check' | 'cross' | 'skip'; className: string; label: string } {
  // A skipped check that is not ok was abandoned because an earlier one failed.
  if (check.skipped) return { icon: 'skip', className: 'text-zinc-400', label: check.ok ? 'skipped' : 'not run' };
  return check.ok ? { icon: 'check', className: 'text-emerald-300', label: 'passed' } : { icon: 'cross', className: 'text-red-300', label: 'failed' };
}

/**
 * The sandbox's checks of one version (install, build, start, probes), each opening to its log;
 * below them the behaviour round per resource and the saved checks.
 */
export function ValidationResults({ checks, sandbox, durationMs, running }: ValidationResultsProps) {
  const [openChecks, setOpenChecks] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  if (checks.length === 0 && !running) return null;
  const sections = checkSections(checks);
  const ordered = orderChecks(sections.sandbox);
  const shown = showAll ? ordered : ordered.slice(0, COLLAPSED_CHECKS);
  const ran = checks.filter((check) => !check.skipped);
  const passed = ran.filter((check) => check.ok).length;

  function toggle(check: string) {
    setOpenChecks((current) => {
      const next = new Set(current);
      if (next.has(check)) next.delete(check);
      else next.add(check);
      return next;
    });
  }

  return (
    <section aria-label="Validation" data-testid="validation" className="rounded-lg border border-zinc-800 bg-zinc-950/60 p-2">
      <header className="flex flex-wrap items-baseline gap-x-2 px-1 pb-1 text-[11px] text-zinc-500">
        <span className="font-medium tracking-wide uppercase">Validation</span>
        {!running && ran.length > 0 && (
          <span data-testid="validation-summary" className={passed === ran.length ? 'text-emerald-300' : 'text-red-300'}>
            {passed}/{ran.length} passed
          </span>
        )}
        <span className="ml-auto font-mono">
          {[sandbox, durationMs !== null ? formatDuration(durationMs) : null].filter(Boolean).join(' · ')}
        </span>
      </header>
      <ul className="space-y-px">
        {shown.map((check, index) => {
          const tone = checkTone(check);
          const [headline, ...logLines] = check.detail.split('\n');
          const open = openChecks.has(check.check);
          const hasLog = logLines.length > 0;
          return (
            <li key={`${check.check}-${index}`} data-testid="validation-check" data-check={check.check} data-ok={check.ok} data-skipped={check.skipped ?? false}>
              <button
                type="button"
                onClick={() => toggle(check.check)}
                aria-expanded={open}
                className="flex w-full items-start gap-2 rounded-md px-1 py-0.5 text-left text-xs hover:bg-zinc-800/50"
              >
                <span className={`mt-px ${tone.className}`}>
                  <Icon name={tone.icon} className="size-3.5" />
                  <span className="sr-only">{tone.label}</span>
                </span>
                <span className="shrink-0 font-mono text-zinc-200">{check.check}</span>
                <span className={`min-w-0 flex-1 text-zinc-400 ${open ? 'break-words' : 'truncate'}`}>
                  {check.skipped ? `${tone.label}: ` : ''}
                  {headline}
                </span>
                {check.durationMs !== undefined && <span className="shrink-0 font-mono text-[11px] text-zinc-500">{formatDuration(check.durationMs)}</span>}
                {hasLog && <Icon name="chevronRight" className={`mt-px size-3 shrink-0 text-zinc-500 transition-transform ${open ? 'rotate-90' : ''}`} />}
              </button>
              {open && hasLog && (
                <pre className="mx-1 mt-1 mb-1.5 max-h-48 overflow-auto rounded-md bg-black/40 p-2 font-mono text-[11px] leading-relaxed whitespace-pre-wrap text-zinc-300">
                  {logLines.join('\n')}
                </pre>
              )}
            </li>
          );
        })}
        {ordered.length > COLLAPSED_CHECKS && (
          <li>
            <button
              type="button"
              data-testid="validation-show-all"
              onClick={() => setShowAll((all) => !all)}
              aria-expanded={showAll}
              className="px-1 py-0.5 text-xs text-sky-300 hover:text-sky-200"
            >
              {showAll ? 'Show fewer' : `Show all ${ordered.length} checks`}
            </button>
          </li>
        )}
        {running && (
          <li className="flex items-center gap-2 px-1 text-xs text-violet-300">
            <span className="size-1.5 animate-pulse rounded-full bg-violet-400" aria-hidden="true" /> Running checks…
          </li>
        )}
      </ul>
      <ApiCheckResults sections={sections} />
    </section>
  );
}
