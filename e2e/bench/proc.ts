// Everything the bench reads from Linux's /proc, parsed in one place: a process's state, parent and
// CPU time (/proc/<pid>/stat), its resident memory (/proc/<pid>/status), the process tree under a
// pid, the machine's CPU time (/proc/stat), CPU pressure (/proc/pressure/cpu) and the CPU's model
// name (/proc/cpuinfo). Readers return undefined or null where /proc lacks the file (another OS, an
// exited process).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export interface ProcStat {
  /** One letter: R running, S sleeping, Z zombie, X dead, ... */
  state: string;
  ppid: number;
  /** utime + stime + cutime + cstime: the process's own CPU time and that of its reaped children. */
  cpuTicks: number;
}

/** /proc/<pid>/stat, or undefined once the process is gone. */
export function readProcStat(pid: number): ProcStat | undefined {
  const text = readText(`/proc/${pid}/stat`);
  if (text === undefined) return undefined;
  // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ")".
  // fields[0] is field 3 (state), fields[1] field 4 (ppid), fields[11..14] fields 14..17 (utime..cstime).
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    state: fields[0] ?? '',
    ppid: Number(fields[1]),
    cpuTicks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
  };
}

/** True once `pid` has exited or is a zombie (its parent has not reaped it yet). */
export function processHasExited(pid: number): boolean {
  const state = readProcStat(pid)?.state;
  return state === undefined || state === 'Z' || state === 'X';
}

let clockTicks: number | undefined;
/** The unit of the CPU times in /proc/<pid>/stat (USER_HZ, 100 on most systems). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** `rootPid` and all its descendants. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (!stat) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(name));
    children.set(stat.ppid, list);
  }
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU seconds (user + system, including reaped children) used so far by the tree. */
export function treeCpuSeconds(rootPid: number): number {
  return processTree(rootPid).reduce((total, pid) => total + (readProcStat(pid)?.cpuTicks ?? 0), 0) / ticksPerSecond();
}

/** Resident memory of one process in bytes (VmRSS of /proc/<pid>/status); 0 once it is gone. */
function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readText(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) * 1024 : 0;
}

/** Resident memory of the tree in bytes (sum of VmRSS). */
export function treeRssBytes(rootPid: number): number {
  return processTree(rootPid).reduce((total, pid) => total + rssBytes(pid), 0);
}

/** Samples the tree's RSS every `everyMs` until stopped; returns the peak. */
export function sampleRss(rootPid: number, everyMs = 200): { stop(): number } {
  let peak = treeRssBytes(rootPid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(rootPid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRssBytes(rootPid));
    },
  };
}

/** Busy, steal and total jiffies of all cores (the "cpu" line of /proc/stat; idle and iowait count as idle). */
export function machineJiffies(): { busy: number; steal: number; total: number } {
  const line = (readText('/proc/stat') ?? '').split('\n')[0]!;
  const [, ...values] = line.trim().split(/\s+/).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, steal: values[7] ?? 0, total };
}

/** Microseconds in which some runnable thread waited for a core, since boot (Linux PSI); null without it. */
export function cpuPressureMicros(): number | null {
  const match = /^some .*total=(\d+)/m.exec(readText('/proc/pressure/cpu') ?? '');
  return match ? Number(match[1]) : null;
}

/** The CPU's model name from /proc/cpuinfo, or undefined where there is none. */
export function cpuModelName(): string | undefined {
  return /^model name\s*:\s*(.+)$/m.exec(readText('/proc/cpuinfo') ?? '')?.[1]?.trim();
}
