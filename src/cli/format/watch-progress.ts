// What `forge watch` knows about a generation so far, folded from its stream events, and the
// one-line progress bar drawn from it on an interactive terminal.
import type { StepName, StreamEvent } from '@/types/streaming';
import { truncate } from './table';

export interface WatchProgress {
  versionNumber: number | null;
  step: StepName | null;
  /** Files the plan named; 0 until (or unless) the model sends a plan. */
  plannedFiles: number;
  completedFiles: number;
  /** The file being written now. */
  currentFile: string | null;
  validation: { passed: number; failed: number; skipped: number };
}

export const INITIAL_PROGRESS: WatchProgress = {
  versionNumber: null,
  step: null,
  plannedFiles: 0,
  completedFiles: 0,
  currentFile: null,
  validation: { passed: 0, failed: 0, skipped: 0 },
};

export function advanceProgress(progress: WatchProgress, event: StreamEvent): WatchProgress {
  switch (event.type) {
    case 'version:start':
      return { ...progress, versionNumber: event.versionNumber };
    case 'step':
      return { ...progress, step: event.name, currentFile: event.name === 'generating' ? progress.currentFile : null };
    case 'planning':
      return event.files ? { ...progress, plannedFiles: event.files.length } : progress;
    case 'file:generating':
    case 'file:editing':
      return { ...progress, currentFile: event.filePath };
    case 'file:complete':
      return { ...progress, completedFiles: progress.completedFiles + 1, currentFile: null };
    case 'validation:result': {
      const outcome = event.skipped ? 'skipped' : event.ok ? 'passed' : 'failed';
      return { ...progress, validation: { ...progress.validation, [outcome]: progress.validation[outcome] + 1 } };
    }
    default:
      return progress;
  }
}

/** Where each step starts on the bar; generating fills most of it, file by file. */
const STEP_STARTS: Record<StepName, number> = { planning: 0, analyzing: 0.05, generating: 0.1, validating: 0.85, complete: 1 };
const GENERATING_SHARE = STEP_STARTS.validating - STEP_STARTS.generating;

export function progressFraction(progress: WatchProgress): number {
  if (!progress.step) return 0;
  const start = STEP_STARTS[progress.step];
  if (progress.step !== 'generating' || progress.plannedFiles === 0) return start;
  return start + GENERATING_SHARE * Math.min(1, progress.completedFiles / progress.plannedFiles);
}

const BAR_WIDTH = 24;

/** `[██████░░░░] 45% generating · 3/8 files · src/index.ts`, cut to fit `columns`. */
export function renderProgressBar(progress: WatchProgress, columns: number): string {
  const fraction = progressFraction(progress);
  const filled = Math.round(fraction * BAR_WIDTH);
  const files = progress.plannedFiles > 0 ? `${progress.completedFiles}/${progress.plannedFiles} files` : `${progress.completedFiles} files`;
  const parts = [`[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`, progress.step ?? 'queued', files];
  if (progress.currentFile) parts.push(progress.currentFile);
  // One column short of the width: a line that fills the row makes some terminals wrap.
  return truncate(parts.join(' · '), Math.max(10, columns - 1));
}
