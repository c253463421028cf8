// A started API in an E2B sandbox as its owner sees it: where it answers, its output, one stop that
// kills the whole sandbox, and keepAlive that pushes out the sandbox's own end. Validation hands this
// over as a preview, and the E2B preview adapter returns it for a cold start.
import type { RunningApi } from '../ports';
import type { BackgroundApi, E2BSandboxHandle } from './e2b-commands';

export function runningE2BApi(options: { sandbox: E2BSandboxHandle; baseUrl: string; api: BackgroundApi }): RunningApi {
  const { sandbox, api } = options;
  let stopping: Promise<void> | undefined;
  return {
    sandbox: 'e2b',
    baseUrl: options.baseUrl,
    logTail: api.logTail,
    exited: api.exited,
    stop: () => (stopping ??= killSandbox(sandbox)),
    keepAlive: (ms) => sandbox.setTimeout(ms),
  };
}

/** A sandbox that is already gone cannot be killed again; that is not an error for whoever stops it. */
export async function killSandbox(sandbox: E2BSandboxHandle): Promise<void> {
  await sandbox.kill().catch(() => undefined);
}
