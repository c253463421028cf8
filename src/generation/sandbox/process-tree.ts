// Child processes that can always be stopped with everything they started. Each child leads its own
// process group; stopping it signals the group and every descendant found in /proc (which also
// catches children that left the group), SIGTERM first, SIGKILL after a grace period.
import { spawn } from 'node:child_process';
import { OutputTail } from './output-tail';
import { findTree, isSameProcessAlive, procAvailable, type ProcEntry } from './proc-table';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. the command does not exist). */
  spawnError?: string;
}

export interface GroupProcess {
  readonly pid: number | undefined;
  /** stdout and stderr interleaved, last bytes only. */
  readonly output: OutputTail;
  readonly exited: Promise<ExitInfo>;
  /** The exit, once it has happened. */
  exitInfo(): ExitInfo | undefined;
  /** Stops the whole tree and resolves once it is gone and the output pipes are closed. */
  stop(graceMs: number): Promise<void>;
  /** SIGKILLs the whole tree at once, synchronously: for a server that is exiting and cannot wait. */
  killNow(): void;
}

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  outputTailBytes: number;
}

/** After the tree is dead the pipes close at once; this only bounds a pathological wait. */
const PIPE_CLOSE_WAIT_MS = 1_000;

export function spawnProcessGroup(command: string, args: readonly string[], options: SpawnOptions): GroupProcess {
  const output = new OutputTail(options.outputTailBytes);
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    // Next's types make NODE_ENV a required key of ProcessEnv; the env is complete as built.
    env: options.env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));

  let exit: ExitInfo | undefined;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => resolve((exit = { code, signal })));
    child.once('error', (error) => resolve((exit ??= { code: null, signal: null, spawnError: error.message })));
  });
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => resolve());
    child.once('error', () => resolve());
  });

  return {
    pid: child.pid,
    output,
    exited,
    exitInfo: () => exit,
    async stop(graceMs) {
      if (child.pid !== undefined) await killProcessTree(child.pid, graceMs);
      await Promise.race([closed, delay(PIPE_CLOSE_WAIT_MS)]);
    },
    killNow() {
      if (child.pid !== undefined && !exit) killProcessTreeNow(child.pid);
    },
  };
}

/** One round of SIGKILL to the group and every descendant found now. */
export function killProcessTreeNow(leaderPid: number): void {
  signalTree(leaderPid, procAvailable ? findTree(leaderPid, [leaderPid]) : new Map(), 'SIGKILL');
}

const POLL_MS = 25;
const KILL_ROUNDS = 5;
const KILL_ROUND_WAIT_MS = 500;

/** Kills the process group led by `leaderPid` and all descendants of its members. */
export async function killProcessTree(leaderPid: number, graceMs: number): Promise<void> {
  if (!procAvailable) {
    // Without /proc only the group is reachable.
    signalGroup(leaderPid, 'SIGTERM');
    await waitUntil(() => !groupExists(leaderPid), graceMs);
    signalGroup(leaderPid, 'SIGKILL');
    return;
  }
  const known = findTree(leaderPid, [leaderPid]);
  signalTree(leaderPid, known, 'SIGTERM');
  await waitUntil(() => allGone(known), graceMs);
  // Rounds, because a process may fork between a snapshot and the kill.
  for (let round = 0; round < KILL_ROUNDS; round++) {
    const survivors = findTree(leaderPid, [...known.values()].filter(isSameProcessAlive).map((entry) => entry.pid));
    if (survivors.size === 0) return;
    for (const [pid, entry] of survivors) known.set(pid, entry);
    signalTree(leaderPid, survivors, 'SIGKILL');
    await waitUntil(() => allGone(survivors), KILL_ROUND_WAIT_MS);
  }
}

function signalTree(leaderPid: number, tree: Map<number, ProcEntry>, signal: NodeJS.Signals): void {
  signalGroup(leaderPid, signal);
  for (const entry of tree.values()) {
    // Re-checked right before signalling, so a recycled pid is left alone.
    if (!isSameProcessAlive(entry)) continue;
    try {
      process.kill(entry.pid, signal);
    } catch {
      // Exited in between.
    }
  }
}

function signalGroup(leaderPid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-leaderPid, signal);
  } catch {
    // No member left.
  }
}

function groupExists(leaderPid: number): boolean {
  try {
    process.kill(-leaderPid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function allGone(tree: Map<number, ProcEntry>): boolean {
  for (const entry of tree.values()) if (isSameProcessAlive(entry)) return false;
  return true;
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await delay(POLL_MS);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
