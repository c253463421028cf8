'use client';

import { useEffect, useState } from 'react';
import { STEP_NAMES, type StepName } from '@/types/streaming';
import { Icon } from '../ui/icon';
import { formatRemaining } from '../versions/remaining-time';

const STEP_LABELS: Record<StepName, string> = {
  planning: 'Planning',
  analyzing: 'Analyzing',
  generating: 'Generating',
  validating: 'Validating',
  complete: 'Complete',
};

type StepState = 'done' | 'current' | 'failed' | 'todo';

const STEP_STYLES: Record<StepState, string> = {
  done: 'text-emerald-300',
  current: 'bg-sky-500/15 text-sky-200',
  failed: 'bg-red-500/15 text-red-300',
  todo: 'text-zinc-600',
};

/**
 * The tracker's active step is the one thing that pulses while a version generates, so the eye finds
 * the work in progress; elsewhere "in progress" is a steady colour. Each pulse has the compositor draw
 * a new frame on every vsync: on a machine without GPU compositing, the pulses elsewhere cost about a
 * tenth of a core.
 */
function stepMark(state: StepState) {
  if (state === 'done') return <Icon name="check" className="size-3" />;
  if (state === 'failed') return <Icon name="cross" className="size-3" />;
  return <span className={`size-1.5 rounded-full ${state === 'current' ? 'animate-pulse bg-sky-400' : 'bg-zinc-700'}`} aria-hidden="true" />;
}

function stepState(index: number, currentIndex: number, finished: boolean, failed: boolean): StepState {
  if (finished || index < currentIndex) return 'done';
  if (index > currentIndex) return 'todo';
  return failed ? 'failed' : 'current';
}

/** The file being written and where it stands in the plan. */
export interface WritingProgress {
  path: string;
  /** The file is edited hunk by hunk rather than written whole. */
  editing: boolean;
  /** 1-based place among the planned files; null without a plan. */
  number: number | null;
  plannedCount: number;
  /** The files' remaining time as estimated when the last file finished; null before there is a pace. */
  remainingMs: number | null;
}

/** Counts an estimate down between the files that refresh it: keyed by the estimate, it restarts with each. */
function RemainingTime({ estimateMs }: { estimateMs: number }) {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return <span data-testid="remaining-time">{formatRemaining(Math.max(0, estimateMs - (now - startedAt)))}</span>;
}

/**
 * Planning → Analyzing → Generating → Validating → Complete, with the current step pulsing; while
 * files are written, "Generating src/index.ts (2/5 files)" ("Editing" for a file changed hunk by
 * hunk) and the time they still need.
 */
export function GenerationProgressTracker({ step, failed, writing }: { step: StepName | null; failed: boolean; writing: WritingProgress | null }) {
  const currentIndex = step ? STEP_NAMES.indexOf(step) : 0;
  const finished = step === 'complete';
  return (
    <div className="space-y-1.5">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-[11px]" aria-label="Generation progress">
        {STEP_NAMES.map((name, index) => {
          const state = stepState(index, currentIndex, finished, failed);
          return (
            <li key={name} className="flex items-center gap-1.5" data-step={name} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              {index > 0 && <span className={`h-px w-3 ${state === 'todo' ? 'bg-zinc-800' : 'bg-zinc-500'}`} aria-hidden="true" />}
              <span className={`inline-flex items-center gap-1 rounded-full px-1.5 py-0.5 ${STEP_STYLES[state]}`}>
                {stepMark(state)}
                {STEP_LABELS[name]}
              </span>
            </li>
          );
        })}
      </ol>
      {writing && (
        <p className="text-xs text-zinc-400" data-testid="writing-progress">
          {writing.editing ? 'Editing' : 'Generating'} <span className="font-mono text-sky-300">{writing.path}</span>
          {writing.number !== null && (
            <span className="text-zinc-500">
              {' '}
              ({writing.number}/{writing.plannedCount} files)
            </span>
          )}
          {writing.remainingMs !== null && (
            <span className="text-zinc-500">
              {' · '}
              <RemainingTime key={writing.remainingMs} estimateMs={writing.remainingMs} />
            </span>
          )}
        </p>
      )}
    </div>
  );
}
