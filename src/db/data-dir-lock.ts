// PGlite has no lock of its own: a second process on the same folder silently loses data.
// This lock file makes that second process fail at once, with a message that says what to do.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

interface LockOwner {
  pid: number;
  startedAt: string;
  command: string;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, owner: LockOwner) {
    super(
      `The embedded database in ${dataDir} is already open in process ${owner.pid} ` +
        `(started ${owner.startedAt}: ${owner.command}). PGlite cannot be shared between processes; ` +
        `stop that server first, or give this one its own folder with FORGE_DATA_DIR=<path>.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/** Takes the lock for `dataDir` or throws DataDirLockedError. Returns a release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  const me: LockOwner = { pid: process.pid, startedAt: new Date().toISOString(), command: process.argv.slice(1).join(' ') };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      const release = () => {
        if (readOwner(lockPath)?.pid === process.pid) unlinkSync(lockPath);
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(lockPath);
      if (owner && owner.pid === process.pid) return () => {};
      if (owner && isProcessAlive(owner.pid)) throw new DataDirLockedError(dataDir, owner);
      // Left behind by a process that died (SIGKILL, crash): safe to take over.
      try {
        unlinkSync(lockPath);
      } catch {
        /* another process took it over first; the next attempt reports it */
      }
    }
  }
  throw new Error(`Could not take the lock ${lockPath}; remove it if no server is running.`);
}
