// An install begun ahead on this machine (SandboxAdapter.prepareInstall; docs/architecture.md, "Flow
// of one version"): package.json alone in a fresh temp dir, `npm install` under validation's own rules
// (minimal env without project vars, bubblewrap when it works, a sandbox slot while npm runs). When
// validate() gets the same package.json it goes on in that dir; any other way, npm is killed and the
// dir removed.
import type { PreparedInstall } from '@/generation/ports';
import type { FileMap } from '@/types/versioning';
import { filesBesidesPackageJson, installAheadNote, installAheadProblem } from './install-ahead-rules';
import { npmInstall, recordInstall, writeProjectFiles } from './npm-steps';
import { preparedInstallKind, type PreparedState } from './prepared-install';
import type { RunResult } from './run-command';
import { openLocalWorkspace, type RunContext, type SandboxSettings } from './run-context';
import type { Semaphore } from './semaphore';
import { removeWorkspace } from './workspace';

/** An install that ran to its end, passed or failed, and the dir it ran in, which validate() goes on in. */
export interface InstalledAhead extends Pick<RunContext, 'isolated' | 'workspace'> {
  result: RunResult;
  /** When npm began and ended. */
  startedAt: number;
  finishedAt: number;
}

interface LocalPreparedState extends PreparedState<InstalledAhead> {
  /** Ends npm, or its wait for a sandbox slot; the install then removes its own dir. */
  stop: AbortController;
}

const localInstalls = preparedInstallKind<InstalledAhead, LocalPreparedState>({
  passed: (installed) => installed.result.exit?.code === 0,
  discard: async (state) => {
    state.stop.abort();
    const installed = await state.installed;
    if (installed) await removeWorkspace(installed.workspace);
  },
  interrupt: (state) => state.stop.abort(),
});

export function prepareLocalInstall(
  packageJson: string,
  external: AbortSignal | undefined,
  settings: SandboxSettings,
  slots: Semaphore,
): PreparedInstall | undefined {
  if (installAheadProblem(packageJson) !== null || external?.aborted) return undefined;
  const stop = new AbortController();
  const signal = external ? AbortSignal.any([external, stop.signal]) : stop.signal;
  const installed = slots.run(() => installAlone(packageJson, settings, signal), signal).catch(() => undefined);
  return localInstalls.create(packageJson, { installed, stop, claimed: false, disposed: false }, external);
}

/** package.json alone, then npm install; whatever ends it early, its dir is removed before this returns. */
async function installAlone(packageJson: string, settings: SandboxSettings, signal: AbortSignal): Promise<InstalledAhead | undefined> {
  const { isolated, workspace } = await openLocalWorkspace(settings);
  let kept = false;
  try {
    if (signal.aborted) return undefined;
    if ((await writeProjectFiles(workspace.appDir, { 'package.json': packageJson })) !== true) return undefined;
    const startedAt = Date.now();
    // No projectEnv here at all: install never sees the project's env vars.
    const result = await npmInstall({ settings, isolated, workspace, signal });
    if (result.aborted || signal.aborted) return undefined;
    kept = true;
    return { isolated, workspace, result, startedAt, finishedAt: Date.now() };
  } finally {
    if (!kept) await removeWorkspace(workspace);
  }
}

/**
 * validate()'s side: the install to go on from when `prepared` is one of ours, not yet taken or
 * disposed of, and installed exactly these files' package.json; otherwise it is disposed of (npm
 * killed, dir removed) and the caller installs as usual. Waits for a running install; an abort of
 * `signal` stops it. From here the caller must remove the returned workspace.
 */
export async function takeOverInstall(prepared: PreparedInstall | undefined, files: FileMap, signal?: AbortSignal): Promise<InstalledAhead | undefined> {
  const installed = await localInstalls.takeOver(prepared, files, signal);
  if (installed && signal?.aborted) {
    await removeWorkspace(installed.workspace);
    return undefined;
  }
  return installed;
}

/**
 * The install check of a run that goes on from an install begun ahead: the other files are written
 * now, and the check reads as a normal install's would (a refused path, or npm's own ending), with
 * the overlap added when it passed.
 */
export async function finishInstallAhead(run: RunContext, installed: InstalledAhead, filesDoneAt: number): Promise<boolean> {
  const writingAt = Date.now();
  const written = await writeProjectFiles(run.workspace.appDir, filesBesidesPackageJson(run.files));
  if (written !== true) {
    run.checks.record({ check: 'install', ok: false, detail: written, durationMs: Date.now() - writingAt });
    return false;
  }
  return recordInstall(run, installed.result, installAheadNote({ ...installed, filesDoneAt }));
}
