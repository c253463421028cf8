// "About 20 s left": the time the files still need, from the plan's file count and the pace the
// run has kept so far. Only the server's timestamps are compared, so a skewed browser clock cannot
// bend the pace. Pure.
import type { GenerationStreamState } from '@/workspace/stream/generation-stream-state';

type RunProgress = Pick<GenerationStreamState, 'plannedFiles' | 'files' | 'timing'>;

/**
 * The milliseconds the rest of the files should take, counted from the last finished file; null
 * before a file has finished (no pace yet) or when the plan named no files.
 */
export function estimateRemainingMs(run: RunProgress): number | null {
  const { firstFileAt, lastFileDoneAt } = run.timing;
  if (run.plannedFiles.length === 0 || !firstFileAt || !lastFileDoneAt) return null;
  const done = Object.values(run.files).filter((file) => file.state === 'done').length;
  if (done === 0) return null;
  // The model may write files the plan did not name; they count as work like the rest.
  const total = Math.max(run.plannedFiles.length, Object.keys(run.files).length);
  const msPerFile = Math.max(0, Date.parse(lastFileDoneAt) - Date.parse(firstFileAt)) / done;
  return Math.max(0, total - done) * msPerFile;
}

/** "about 40 s left", "about 2 min left"; "almost done" in the last few seconds. */
export function formatRemaining(ms: number): string {
  if (ms < 5_000) return 'almost done';
  if (ms < 60_000) return `about ${Math.ceil(ms / 5_000) * 5} s left`;
  return `about ${Math.round(ms / 60_000)} min left`;
}
