// One named step of a bench suite, under a deadline, with its duration on stderr: a suite that hangs
// says where, and the results table stays on stdout.
import { performance } from 'node:perf_hooks';
import { benchLog } from './server-process';
import { formatSeconds } from './stats';

export async function step<T>(name: string, timeoutMs: number, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  benchLog(`${name} ...`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const result = await Promise.race([
      run(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    benchLog(`${name} done in ${formatSeconds(performance.now() - started)}`);
    return result;
  } catch (error) {
    throw new Error(`step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
