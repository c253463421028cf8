// The bookkeeping every kind of install begun ahead shares (docs/architecture.md, "Flow of one
// version"): a PreparedInstall whose dispose() and the version's stop free the workspace once, and a
// validate() side that may take it over only while it is neither taken nor disposed of. Each sandbox
// says only how its install passed, how it is stopped, and how it is freed.
import type { PreparedInstall, PreparedInstallOutcome } from '@/generation/ports';
import type { FileMap } from '@/types/versioning';
import { preparedInstallFits } from './install-ahead-rules';

/** What a sandbox keeps about one install begun ahead, beyond the port's view of it. */
export interface PreparedState<Installed> {
  /** The install, or undefined once it was stopped (its workspace is freed by then). */
  installed: Promise<Installed | undefined>;
  /** Taken over by validate(), which frees it from then on. */
  claimed: boolean;
  disposed: boolean;
}

export interface PreparedInstallRules<Installed, State extends PreparedState<Installed>> {
  /** Whether an install that ran to its end passed. */
  passed(installed: Installed): boolean;
  /** Stops the install and frees all it holds; called once at most per install. */
  discard(state: State): Promise<void>;
  /** Stops a taken-over install whose validation was aborted; the caller frees what it gives back. */
  interrupt(state: State): void;
}

export interface PreparedInstallKind<Installed, State extends PreparedState<Installed>> {
  /** The port's view of `state`, freed when disposed of or when `external` aborts. */
  create(packageJson: string, state: State, external: AbortSignal | undefined): PreparedInstall;
  /**
   * validate()'s side: waits for and gives back the install when `prepared` is one of this kind, not
   * yet taken or disposed of, and installed exactly these files' package.json; otherwise disposes of
   * it. An abort of `signal` interrupts a running install. What it gives back the caller must free.
   */
  takeOver(prepared: PreparedInstall | undefined, files: FileMap, signal?: AbortSignal): Promise<Installed | undefined>;
}

/**
 * One kind's lookup from PreparedInstall to its state: a map per kind, so one sandbox never takes
 * over what another began, and the state stays out of the port's type.
 */
export function preparedInstallKind<Installed, State extends PreparedState<Installed>>(
  rules: PreparedInstallRules<Installed, State>,
): PreparedInstallKind<Installed, State> {
  const statesByPrepared = new WeakMap<PreparedInstall, State>();

  const outcomeOf = (installed: Installed | undefined): PreparedInstallOutcome => {
    if (!installed) return { state: 'stopped' };
    return { state: rules.passed(installed) ? 'installed' : 'failed' };
  };

  const create = (packageJson: string, state: State, external: AbortSignal | undefined): PreparedInstall => {
    let disposing: Promise<void> | undefined;
    const prepared: PreparedInstall = {
      packageJson,
      outcome: state.installed.then(outcomeOf),
      dispose: () => {
        external?.removeEventListener('abort', onExternalAbort);
        // Once validate() has it, freeing it is validate()'s job.
        if (state.claimed) return Promise.resolve();
        state.disposed = true;
        return (disposing ??= rules.discard(state));
      },
    };
    // A stop of the version frees it too, even if nobody disposes of it or takes it over.
    const onExternalAbort = () => void prepared.dispose();
    external?.addEventListener('abort', onExternalAbort, { once: true });
    statesByPrepared.set(prepared, state);
    return prepared;
  };

  const takeOver = async (prepared: PreparedInstall | undefined, files: FileMap, signal?: AbortSignal): Promise<Installed | undefined> => {
    if (!prepared) return undefined;
    const state = statesByPrepared.get(prepared);
    if (!state || state.claimed || state.disposed || !preparedInstallFits(prepared.packageJson, files)) {
      await prepared.dispose();
      return undefined;
    }
    state.claimed = true;
    const stopInstall = () => rules.interrupt(state);
    if (signal?.aborted) stopInstall();
    signal?.addEventListener('abort', stopInstall, { once: true });
    try {
      return await state.installed;
    } finally {
      signal?.removeEventListener('abort', stopInstall);
    }
  };

  return { create, takeOver };
}
