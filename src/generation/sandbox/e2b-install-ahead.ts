// An install begun ahead in an E2B sandbox (SandboxAdapter.prepareInstall; docs/architecture.md,
// "Flow of one version"): a sandbox is created at once, gets package.json alone and runs the same
// install command as validation, without the project's env vars. validate() goes on in that sandbox
// when the files' package.json is the same; any other way the sandbox is killed, which also ends npm.
import type { PreparedInstall } from '@/generation/ports';
import type { FileMap } from '@/types/versioning';
import { INSTALL_COMMAND, runInSandbox, writeAppFiles, type CommandOutcome, type E2BSandboxHandle } from './e2b-commands';
import { installAheadProblem } from './install-ahead-rules';
import { preparedInstallKind, type PreparedState } from './prepared-install';
import { killSandbox } from './running-e2b-api';

/** An install that ran to its end, passed or failed, in the sandbox validate() goes on in. */
export interface E2BInstalledAhead {
  sandbox: E2BSandboxHandle;
  outcome: CommandOutcome;
  /** When npm began and ended. */
  startedAt: number;
  finishedAt: number;
}

interface E2BPreparedState extends PreparedState<E2BInstalledAhead> {
  /** Kills the sandbox, whenever it comes to exist, and waits for the install to end. */
  stop(): Promise<void>;
}

const e2bInstalls = preparedInstallKind<E2BInstalledAhead, E2BPreparedState>({
  passed: (installed) => installed.outcome.ok,
  discard: (state) => state.stop(),
  interrupt: (state) => void state.stop(),
});

export function prepareE2BInstall(
  packageJson: string,
  external: AbortSignal | undefined,
  create: () => Promise<E2BSandboxHandle>,
  limits: { installTimeoutMs: number; logChars: number },
): PreparedInstall | undefined {
  if (installAheadProblem(packageJson) !== null || external?.aborted) return undefined;
  let sandbox: E2BSandboxHandle | undefined;
  let stopped = false;
  let killing: Promise<void> | undefined;
  // Killing the sandbox ends whatever runs in it.
  const kill = () => (sandbox ? (killing ??= killSandbox(sandbox)) : Promise.resolve());
  const install = async (): Promise<E2BInstalledAhead | undefined> => {
    sandbox = await create();
    if (stopped) return undefined;
    await writeAppFiles(sandbox, { 'package.json': packageJson });
    const startedAt = Date.now();
    const outcome = await runInSandbox(sandbox, INSTALL_COMMAND, { timeoutMs: limits.installTimeoutMs, logChars: limits.logChars });
    return stopped ? undefined : { sandbox, outcome, startedAt, finishedAt: Date.now() };
  };
  const installed = install().then(
    async (done) => {
      // Stopped while the sandbox was being created: stop() could not kill it yet.
      if (!done) await kill();
      return done;
    },
    async () => {
      await kill();
      return undefined;
    },
  );
  const state: E2BPreparedState = {
    installed,
    claimed: false,
    disposed: false,
    stop: async () => {
      stopped = true;
      await kill();
      await installed;
      await kill();
    },
  };
  return e2bInstalls.create(packageJson, state, external);
}

/**
 * validate()'s side: the sandbox to go on in when `prepared` is one of ours, not yet taken or
 * disposed of, and installed exactly these files' package.json; otherwise it is disposed of and the
 * caller creates a sandbox as usual. The sandbox's own end is moved `sandboxTimeoutMs` from now (it
 * may have waited through the whole generation); one that is gone already is no use.
 */
export async function takeOverE2BInstall(
  prepared: PreparedInstall | undefined,
  files: FileMap,
  sandboxTimeoutMs: number,
  signal?: AbortSignal,
): Promise<E2BInstalledAhead | undefined> {
  const installed = await e2bInstalls.takeOver(prepared, files, signal);
  if (!installed) return undefined;
  try {
    if (signal?.aborted) throw signal.reason;
    await installed.sandbox.setTimeout(sandboxTimeoutMs);
    return installed;
  } catch {
    await killSandbox(installed.sandbox);
    return undefined;
  }
}
