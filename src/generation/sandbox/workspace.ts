// The throwaway directory one validation runs in:
//   <root>/run-XXXXXX/app    the version's files; npm install and npm start run here
//   <root>/run-XXXXXX/home   HOME, so no user config (~/.npmrc with tokens) is read or written
//   <root>/run-XXXXXX/tmp    TMPDIR
//   <root>/run-XXXXXX/logs   npm's debug logs
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileMap } from '@/types/versioning';
import { findProcessesWorkingIn, isSameProcessAlive } from './proc-table';

export const DEFAULT_SANDBOX_ROOT = path.join(tmpdir(), 'api-forge-sandbox');
const RUN_DIR_PREFIX = 'run-';

export interface Workspace {
  dir: string;
  appDir: string;
  homeDir: string;
  tmpDir: string;
  logsDir: string;
}

export async function createWorkspace(root: string): Promise<Workspace> {
  // Private to this user: the files are a user's project, and other users must not plant anything.
  await mkdir(root, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(path.join(root, RUN_DIR_PREFIX));
  const workspace = {
    dir,
    appDir: path.join(dir, 'app'),
    homeDir: path.join(dir, 'home'),
    tmpDir: path.join(dir, 'tmp'),
    logsDir: path.join(dir, 'logs'),
  };
  await Promise.all([workspace.appDir, workspace.homeDir, workspace.tmpDir, workspace.logsDir].map((sub) => mkdir(sub)));
  return workspace;
}

export class UnsafePathError extends Error {}

/**
 * Writes the version's files under `appDir`. File paths were checked by the parser already; this
 * refuses any that would land outside `appDir` all the same.
 */
export async function writeFiles(appDir: string, files: FileMap): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.resolve(appDir, relative);
    const unsafe =
      relative === '' ||
      path.isAbsolute(relative) ||
      /[\\\0]/.test(relative) ||
      !target.startsWith(appDir + path.sep);
    if (unsafe) throw new UnsafePathError(`refused to write ${JSON.stringify(relative)}: it is not a path inside the project`);
    await mkdir(path.dirname(target), { recursive: true });
    // "wx": create only, so nothing already there (a symlink, say) is followed or overwritten.
    await writeFile(target, content, { flag: 'wx' });
  }
}

/** Best effort: a dir that cannot be removed now must not fail the validation; cleanStaleSandboxDirs retries. */
export async function removeWorkspace(workspace: Workspace): Promise<void> {
  await rm(workspace.dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
}

/**
 * Removes run dirs older than `maxAgeMs` that a crashed or killed server left behind, first killing
 * any process still working in one (without bubblewrap nothing else ends them when their parent
 * dies). A validation takes minutes at most, so an hour-old dir belongs to no live run. Returns how
 * many dirs were removed.
 */
export async function cleanStaleSandboxDirs(
  options: { root?: string; maxAgeMs?: number } = {},
): Promise<number> {
  const root = options.root ?? DEFAULT_SANDBOX_ROOT;
  const cutoff = Date.now() - (options.maxAgeMs ?? 60 * 60 * 1000);
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(RUN_DIR_PREFIX)) continue;
    const dir = path.join(root, name);
    try {
      if ((await stat(dir)).mtimeMs >= cutoff) continue;
      killProcessesWorkingIn(dir);
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      removed++;
    } catch {
      // Gone already, or not removable now; the next start-up tries again.
    }
  }
  return removed;
}

function killProcessesWorkingIn(dir: string): void {
  for (const stray of findProcessesWorkingIn(dir)) {
    try {
      if (isSameProcessAlive(stray)) process.kill(stray.pid, 'SIGKILL');
    } catch {
      // Exited in between.
    }
  }
}
