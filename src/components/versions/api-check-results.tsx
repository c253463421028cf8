'use client';

import { useState } from 'react';
import type { ValidationCheck } from '@/types/versioning';
import { Icon } from '../ui/icon';
import { savedCheckLabel, stepName, type CheckSections } from './api-check-view';
import { CheckExchangeView } from './check-exchange-view';

function tone(check: Pick<ValidationCheck, 'ok' | 'skipped'>): { icon: 'check' | 'cross' | 'skip'; className: string } {
  if (check.skipped) return { icon: 'skip', className: check.ok ? 'text-zinc-400' : 'text-zinc-500' };
  return check.ok ? { icon: 'check', className: 'text-emerald-300' } : { icon: 'cross', className: 'text-red-300' };
}

/** The detail of one check, opened from its row: the sentence, any server output, and the exchange. */
function CheckDetail({ check }: { check: ValidationCheck }) {
  const [headline, ...log] = check.detail.split('\n');
  return (
    <div data-testid="check-detail" className="px-1 pb-1 text-xs">
      <p className="break-words text-zinc-300">{headline}</p>
      {check.exchange && (
        <CheckExchangeView
          exchange={check.exchange}
          {...(check.regression?.baseResponse ? { baseResponse: check.regression.baseResponse, baseLabel: `Response on v${check.regression.baseVersionNumber}` } : {})}
        />
      )}
      {log.length > 0 && <pre className="mx-1 max-h-40 overflow-auto rounded-md bg-black/40 p-2 font-mono text-[11px] whitespace-pre-wrap text-zinc-400">{log.join('\n')}</pre>}
    </div>
  );
}

/** Behaviour rounds, one row per resource with a chip per step, and the project's saved checks. */
export function ApiCheckResults({ sections }: { sections: Pick<CheckSections, 'resources' | 'behaviourNotes' | 'saved'> }) {
  const [open, setOpen] = useState<string | null>(null);
  const toggle = (name: string) => setOpen((current) => (current === name ? null : name));
  const openCheck = [...sections.resources.flatMap((resource) => resource.steps), ...sections.saved].find((check) => check.check === open);
  if (sections.resources.length === 0 && sections.behaviourNotes.length === 0 && sections.saved.length === 0) return null;
  return (
    <div className="mt-1.5 space-y-1.5 border-t border-zinc-800/80 pt-1.5">
      {(sections.resources.length > 0 || sections.behaviourNotes.length > 0) && (
        <div data-testid="behaviour-checks">
          <p className="px-1 text-[11px] tracking-wide text-zinc-500 uppercase">Behaviour</p>
          <ul className="space-y-px">
            {sections.resources.map((resource) => (
              <li key={resource.resource} data-testid="behaviour-resource" data-resource={resource.resource} data-ok={resource.ok} className="flex flex-wrap items-center gap-1 px-1 py-0.5 text-xs">
                <span className="w-24 shrink-0 truncate font-mono text-zinc-200">{resource.resource}</span>
                {resource.skippedReason ? (
                  <span className="min-w-0 flex-1 truncate text-zinc-400" title={resource.skippedReason}>
                    skipped: {resource.skippedReason.replace(/^not checked: /, '')}
                  </span>
                ) : (
                  resource.steps.map((step) => (
                    <button
                      key={step.check}
                      type="button"
                      data-testid="behaviour-step"
                      data-step={stepName(step)}
                      data-ok={step.ok}
                      aria-expanded={open === step.check}
                      onClick={() => toggle(step.check)}
                      title={step.detail.split('\n')[0]}
                      className={`inline-flex items-center gap-1 rounded-md border px-1.5 py-px ${step.ok ? 'border-zinc-800' : 'border-red-900/70 bg-red-950/30'} ${open === step.check ? 'ring-1 ring-zinc-600' : ''}`}
                    >
                      <span className={tone(step).className}>
                        <Icon name={tone(step).icon} className="size-3" />
                      </span>
                      <span className="text-zinc-300">{stepName(step)}</span>
                    </button>
                  ))
                )}
              </li>
            ))}
            {sections.behaviourNotes.map((note) => (
              <li key={note.check} data-testid="behaviour-note" className="px-1 py-0.5 text-xs text-zinc-400">
                <span className="font-mono text-zinc-300">{note.check}</span> {note.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
      {sections.saved.length > 0 && (
        <div data-testid="saved-check-results">
          <p className="px-1 text-[11px] tracking-wide text-zinc-500 uppercase">Saved checks</p>
          <ul className="space-y-px">
            {sections.saved.map((check) => (
              <li key={check.check}>
                <button
                  type="button"
                  data-testid="saved-check-result"
                  data-ok={check.ok}
                  data-regression={Boolean(check.regression)}
                  aria-expanded={open === check.check}
                  onClick={() => toggle(check.check)}
                  className="flex w-full items-center gap-2 rounded-md px-1 py-0.5 text-left text-xs hover:bg-zinc-800/50"
                >
                  <span className={tone(check).className}>
                    <Icon name={tone(check).icon} className="size-3.5" />
                  </span>
                  <span className="shrink-0 font-mono text-zinc-200">{savedCheckLabel(check)}</span>
                  {check.regression && (
                    <span data-testid="check-regression" className="shrink-0 rounded bg-amber-400/15 px-1 text-[11px] text-amber-300">
                      regression since v{check.regression.baseVersionNumber}
                    </span>
                  )}
                  <span className="min-w-0 flex-1 truncate text-zinc-400">{check.detail.split('\n')[0]}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {openCheck && <CheckDetail check={openCheck} />}
    </div>
  );
}
