// Validation overlaps generation (docs/architecture.md, "Flow of one version"): once the model has
// finished writing package.json, its dependencies install in the sandbox while the other files are
// still streaming. One per version: the run offers each package.json it sees, validation takes the
// install, and whatever was not taken is disposed of when the version ends.
import type { PreparedInstall, SandboxAdapter } from './ports';

export interface InstallAhead {
  /**
   * A root package.json, as the version's files will hold it. Begins installing it; an install of
   * other content is disposed of first; the same content again changes nothing. Ignored once taken,
   * disposed, or stopped, and where the sandbox cannot install ahead (none, or E2B).
   */
  offer(packageJson: string): void;
  /** For validation: the install, now the caller's to pass on (SandboxRunOptions.prepared). Later offers are ignored. */
  take(): PreparedInstall | undefined;
  /** Stops and frees every install not taken; resolves once they are gone. Safe to call more than once, and after take(). */
  dispose(): Promise<void>;
}

export function createInstallAhead(sandbox: SandboxAdapter | null, options: { signal: AbortSignal }): InstallAhead {
  let current: PreparedInstall | undefined;
  /** The last content offered, whether or not the sandbox could install it. */
  let offered: string | undefined;
  let closed = false;
  const disposals = new Set<Promise<void>>();

  const discard = (prepared: PreparedInstall) => {
    const disposal = prepared.dispose().catch((error: unknown) => console.warn('[install-ahead] dispose failed:', error));
    disposals.add(disposal);
    void disposal.finally(() => disposals.delete(disposal));
  };

  return {
    offer(packageJson) {
      if (closed || options.signal.aborted || !sandbox?.prepareInstall || packageJson === offered) return;
      offered = packageJson;
      if (current) discard(current);
      current = sandbox.prepareInstall(packageJson, { signal: options.signal });
    },
    take() {
      closed = true;
      const taken = current;
      current = undefined;
      return taken;
    },
    async dispose() {
      closed = true;
      if (current) discard(current);
      current = undefined;
      await Promise.all(disposals);
    },
  };
}
