// A snapshot of the host's processes from /proc (Linux). Killing a process group misses children
// that left it (setsid, `detached: true`); walking parent links still finds them.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

export interface ProcEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  /** Clock ticks since boot; with the pid, it tells a process apart from a later one reusing the pid. */
  startTime: number;
  zombie: boolean;
}

export const procAvailable = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

export function readProcEntry(pid: number): ProcEntry | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp …"; comm may contain spaces and parentheses, so split after the last ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    startTime: Number(fields[19]),
    zombie: fields[0] === 'Z',
  };
}

export function readProcTable(): ProcEntry[] {
  if (!procAvailable) return [];
  const entries: ProcEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readProcEntry(Number(name));
    if (entry) entries.push(entry);
  }
  return entries;
}

/**
 * Live (non-zombie) processes in process group `pgid`, plus `seeds`, plus every descendant of
 * either. Never includes the calling process.
 */
export function findTree(pgid: number, seeds: Iterable<number>): Map<number, ProcEntry> {
  const table = readProcTable().filter((entry) => !entry.zombie && entry.pid !== process.pid);
  const byPid = new Map(table.map((entry) => [entry.pid, entry]));
  const tree = new Map<number, ProcEntry>();
  const queue: ProcEntry[] = table.filter((entry) => entry.pgrp === pgid);
  for (const pid of seeds) {
    const entry = byPid.get(pid);
    if (entry) queue.push(entry);
  }
  for (let entry = queue.pop(); entry; entry = queue.pop()) {
    if (tree.has(entry.pid)) continue;
    tree.set(entry.pid, entry);
    for (const child of table) if (child.ppid === entry.pid) queue.push(child);
  }
  return tree;
}

/** True while this very process (same pid and start time) exists and has not exited. */
export function isSameProcessAlive(entry: ProcEntry): boolean {
  const now = readProcEntry(entry.pid);
  return now !== undefined && !now.zombie && now.startTime === entry.startTime;
}

/** Live processes whose working directory is `dir` or inside it. */
export function findProcessesWorkingIn(dir: string): ProcEntry[] {
  return readProcTable().filter((entry) => {
    if (entry.zombie || entry.pid === process.pid) return false;
    try {
      const cwd = readlinkSync(`/proc/${entry.pid}/cwd`);
      return cwd === dir || cwd.startsWith(dir + path.sep);
    } catch {
      return false;
    }
  });
}
