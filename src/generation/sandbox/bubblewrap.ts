// Runs sandbox commands under bubblewrap when it is installed and works here: the host read-only,
// a private /tmp and /proc (so the host's processes and their environments are out of sight), the
// user's home and the app's own directory (with its .env) hidden, and only the sandbox dir (plus,
// during install, the npm cache) writable. The network stays shared: npm install needs the
// registry and the probes reach the API over loopback.
import { accessSync, constants, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { runCommand } from './run-command';

export interface BwrapLayout {
  /** Bound read-write at the same path: the sandbox dir, and during install the npm cache. */
  writableDirs: string[];
  cwd: string;
}

let detection: Promise<boolean> | undefined;

/** Whether bwrap is on PATH and can create its namespaces here (it cannot without user namespaces). Cached. */
export function bubblewrapWorks(): Promise<boolean> {
  detection ??= (async () => {
    if (!findOnPath('bwrap')) return false;
    const probe = wrapInBubblewrap('true', [], { writableDirs: [], cwd: '/' });
    const result = await runCommand(probe.command, probe.args, {
      cwd: '/',
      env: { PATH: process.env.PATH ?? '' },
      outputTailBytes: 1024,
      timeoutMs: 5_000,
      killGraceMs: 500,
    });
    return result.exit?.code === 0;
  })();
  return detection;
}

export function wrapInBubblewrap(
  command: string,
  args: readonly string[],
  layout: BwrapLayout,
): { command: string; args: string[] } {
  const bwrapArgs = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
  for (const dir of hostDirsToHide()) bwrapArgs.push('--tmpfs', dir);
  // After the tmpfs mounts, so a writable dir inside a hidden one is still reachable.
  for (const dir of layout.writableDirs) bwrapArgs.push('--bind', dir, dir);
  bwrapArgs.push('--unshare-pid', '--unshare-ipc', '--die-with-parent', '--chdir', layout.cwd, '--', command, ...args);
  return { command: 'bwrap', args: bwrapArgs };
}

/** The home dir and the server's cwd, except one that holds node or npm themselves (nvm installs). */
function hostDirsToHide(): string[] {
  const tools = [process.execPath, findOnPath('npm')].filter((file): file is string => file !== undefined);
  const toolPaths = tools.flatMap((file) => [file, safeRealpath(file)]);
  const candidates = [homedir(), process.cwd()].map((dir) => path.resolve(dir));
  return candidates.filter(
    (dir, index) =>
      dir !== path.parse(dir).root &&
      candidates.indexOf(dir) === index &&
      !toolPaths.some((file) => isInside(file, dir)),
  );
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not in this dir.
    }
  }
  return undefined;
}

function safeRealpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
