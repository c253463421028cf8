// Runs a command to its end under a wall-clock limit. Whatever it leaves behind (background
// processes of a build script, say) is killed before this returns.
import { spawnProcessGroup, type ExitInfo, type SpawnOptions } from './process-tree';

export interface RunOptions extends SpawnOptions {
  timeoutMs: number;
  killGraceMs: number;
  signal?: AbortSignal;
}

export interface RunResult {
  exit: ExitInfo | undefined;
  timedOut: boolean;
  aborted: boolean;
  output: string;
  durationMs: number;
}

export async function runCommand(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const startedAt = Date.now();
  const child = spawnProcessGroup(command, args, options);
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const ended = await Promise.race([
    child.exited.then(() => 'exited' as const),
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs))),
    new Promise<'aborted'>((resolve) => {
      onAbort = () => resolve('aborted');
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
    }),
  ]);
  clearTimeout(timer);
  if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  await child.stop(options.killGraceMs);
  return {
    exit: ended === 'exited' ? child.exitInfo() : undefined,
    timedOut: ended === 'timeout',
    aborted: ended === 'aborted',
    output: child.output.text(),
    durationMs: Date.now() - startedAt,
  };
}
