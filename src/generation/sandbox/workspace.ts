// The throwaway directory one validation runs in:
//   <root>/run-XXXXXX/app    the version's files; npm install and npm start run here
//   <root>/run-XXXXXX/home   HOME, so no user config (~/.npmrc with tokens) is read or written
//   <root>/run-XXXXXX/tmp    TMPDIR
//   <root>/run-XXXXXX/logs   npm's debug logs
//   <root>/run-XXXXXX.owner  the server process that made it, outside the dir so the API cannot
//                            rewrite it: a preview keeps its dir for as long as it runs, so age
//                            alone cannot tell a live dir from one a crashed server left behind
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileMap } from '@/types/versioning';
import { findProcessesWorkingIn, isSameProcessAlive, readProcEntry, type ProcEntry } from './proc-table';

export const DEFAULT_SANDBOX_ROOT = path.join(tmpdir(), 'api-forge-sandbox');
const RUN_DIR_PREFIX = 'run-';
const OWNER_SUFFIX = '.owner';

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
  const self = readProcEntry(process.pid);
  await writeFile(`${dir}${OWNER_SUFFIX}`, JSON.stringify({ pid: process.pid, startTime: self?.startTime ?? null }));
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
  await rm(`${workspace.dir}${OWNER_SUFFIX}`, { force: true }).catch(() => undefined);
}

/** removeWorkspace for a process that is exiting: synchronous, best effort. */
export function removeWorkspaceNow(workspace: Workspace): void {
  try {
    rmSync(workspace.dir, { recursive: true, force: true });
    rmSync(`${workspace.dir}${OWNER_SUFFIX}`, { force: true });
  } catch {
    // The next start-up removes it (its owner is gone by then).
  }
}

/** Whether the server that made `dir` still runs: true, false, or undefined when the dir has no owner file. */
async function ownerAlive(dir: string): Promise<boolean | undefined> {
  let owner: { pid?: unknown; startTime?: unknown };
  try {
    owner = JSON.parse(await readFile(`${dir}${OWNER_SUFFIX}`, 'utf8')) as typeof owner;
  } catch {
    return undefined;
  }
  if (typeof owner.pid !== 'number') return false;
  if (typeof owner.startTime === 'number') return isSameProcessAlive({ pid: owner.pid, startTime: owner.startTime } as ProcEntry);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes run dirs that a crashed or killed server left behind, first killing any process still
 * working in one (without bubblewrap nothing else ends them when their parent dies): every dir whose
 * owner file names a server that is gone, and, for dirs without one, those older than `maxAgeMs` (a
 * validation takes minutes at most). A dir whose server still runs is never touched, however old:
 * it may be a preview in use. Returns how many dirs were removed.
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
    if (name.endsWith(OWNER_SUFFIX)) {
      // The dir went and its owner file stayed (a crash between the two removals).
      if (!names.includes(name.slice(0, -OWNER_SUFFIX.length))) await rm(path.join(root, name), { force: true }).catch(() => undefined);
      continue;
    }
    try {
      const alive = await ownerAlive(dir);
      if (alive === true || (alive === undefined && (await stat(dir)).mtimeMs >= cutoff)) continue;
      killProcessesWorkingIn(dir);
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
      await rm(`${dir}${OWNER_SUFFIX}`, { force: true });
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
