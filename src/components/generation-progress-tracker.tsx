import { STEP_NAMES, type StepName } from '@/types/streaming';
import { Icon } from './icon';

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

/** Planning → Analyzing → Generating → Validating → Complete, with the current step pulsing. */
export function GenerationProgressTracker({ step, failed }: { step: StepName | null; failed: boolean }) {
  const currentIndex = step ? STEP_NAMES.indexOf(step) : 0;
  const finished = step === 'complete';
  return (
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
  );
}
