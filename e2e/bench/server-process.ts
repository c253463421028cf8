// The production server the server and smoothness benches talk to: built once into .next-bench,
// started as a child in its own process group, and always killed (process group) at the end, even on
// Ctrl-C or a crash.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIST_DIR = '.next-bench';

/** The project's root folder, which the build and the server run in. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BENCH_SERVER_PORT = Number(process.env.BENCH_PORT ?? 3300);

/** A progress line on stderr, so the results table on stdout stays clean. */
export const benchLog = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tailOf(path: string, lines = 40): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function newestMtime(path: string): number {
  let newest = 0;
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/**
 * Builds into .next-bench unless its BUILD_ID is newer than every file under src/ and the build
 * configuration. BENCH_REBUILD=1 always builds; BENCH_REBUILD=0 reuses any existing build. Returns what it did, for the report.
 */
export async function ensureProductionBuild(root: string, log: (line: string) => void): Promise<{ built: boolean; ms: number; reason: string }> {
  const buildId = join(root, BENCH_DIST_DIR, 'BUILD_ID');
  const buildAt = statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = ['src', 'public', 'next.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs'];
  const newestSource = Math.max(...sources.map((path) => newestMtime(join(root, path))));
  const force = process.env.BENCH_REBUILD === '1';
  if (!force && buildAt > newestSource) {
    return { built: false, ms: 0, reason: `${BENCH_DIST_DIR}/BUILD_ID is newer than src/ and the config` };
  }
  if (process.env.BENCH_REBUILD === '0' && buildAt > 0) {
    return { built: false, ms: 0, reason: `BENCH_REBUILD=0 reuses the existing build, although sources changed after it` };
  }
  const reason = force ? 'BENCH_REBUILD=1' : buildAt ? 'sources changed since the last bench build' : 'no bench build yet';
  const logPath = join(tmpdir(), `api-forge-bench-build-${process.pid}.log`);
  log(`building the production app into ${BENCH_DIST_DIR} (${reason}); log: ${logPath}`);
  const started = Date.now();
  const tsconfigPath = join(root, 'tsconfig.json');
  const tsconfigBefore = { text: readFileSync(tsconfigPath, 'utf8'), mtime: statSync(tsconfigPath).mtime };
  const out = openSync(logPath, 'w');
  const child = spawn(join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', out, out],
    detached: true,
  });
  const stopBuild = () => {
    killGroup(child, 'SIGKILL');
    undoTsconfigIncludes(tsconfigPath, tsconfigBefore, log);
  };
  process.once('exit', stopBuild);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        killGroup(child, 'SIGKILL');
        reject(new Error(`next build took longer than 15 minutes; log: ${logPath}`));
      }, 15 * 60_000);
      child.on('error', reject);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    if (code !== 0) throw new Error(`next build failed (exit ${code}); last lines of ${logPath}:\n${tailOf(logPath)}`);
    rmSync(logPath, { force: true });
  } finally {
    process.removeListener('exit', stopBuild);
    closeSync(out);
    undoTsconfigIncludes(tsconfigPath, tsconfigBefore, log);
  }
  return { built: true, ms: Date.now() - started, reason };
}

/**
 * `next build` adds `<distDir>/types/**` includes to tsconfig.json. tsconfig.json is not the bench's
 * file, so when those additions are the only change, the original text is put back.
 */
function undoTsconfigIncludes(path: string, before: { text: string; mtime: Date }, log: (line: string) => void): void {
  const after = readFileSync(path, 'utf8');
  if (after === before.text) return;
  try {
    const old = JSON.parse(before.text) as { include?: string[] };
    const now = JSON.parse(after) as { include?: string[] };
    const added = (now.include ?? []).filter((entry) => !(old.include ?? []).includes(entry));
    const rest = { ...now, include: (now.include ?? []).filter((entry) => !added.includes(entry)) };
    if (added.every((entry) => entry.startsWith(`${BENCH_DIST_DIR}/`)) && JSON.stringify(rest) === JSON.stringify(old)) {
      writeFileSync(path, before.text);
      utimesSync(path, new Date(), before.mtime);
      return;
    }
  } catch {
    /* not JSON any more: leave it */
  }
  log('note: tsconfig.json changed during the build in ways other than next build\'s own includes; left as it is');
}

/** Blocks until `pid` has exited (or is a zombie), at most `timeoutMs`. For exit hooks only. */
function waitUntilGone(pid: number, timeoutMs: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    let state: string | undefined;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    } catch {
      return;
    }
    if (state === 'Z' || state === 'X') return;
    Atomics.wait(pause, 0, 0, 20);
  }
}

/** SIGTERM to the child's process group, then SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  killGroup(child, 'SIGTERM');
  for (let waited = 0; waited < graceMs && child.exitCode === null && child.signalCode === null; waited += 100) await sleep(100);
  killGroup(child, 'SIGKILL');
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  dataDir: string;
  logPath: string;
  /** Kills the process group (TERM, then KILL after 5 s) and removes the data dir. Idempotent. */
  stop(): Promise<void>;
}

export async function startProductionServer(
  root: string,
  /** Without `openaiBaseUrl`, the model is the offline generator. */
  options: { port: number; openaiBaseUrl?: string; extraEnv?: Record<string, string> },
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'api-forge-bench-data-'));
  const logPath = join(dataDir, 'server.log');
  const out = openSync(logPath, 'w');
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const expectedModel = options.openaiBaseUrl ? 'openai' : 'offline';
  // Only what a person would set on a plain machine, plus the bench's model and data dir: embedded defaults.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: BENCH_DIST_DIR,
    FORGE_DATA_DIR: join(dataDir, 'pglite'),
    FORGE_SANDBOX: 'skip',
    ...(options.openaiBaseUrl ? { OPENAI_BASE_URL: options.openaiBaseUrl, OPENAI_MODEL: 'fixture' } : {}),
    ...options.extraEnv,
  };
  const child = spawn(join(root, 'node_modules/.bin/next'), ['start', '--hostname', '127.0.0.1', '--port', String(options.port)], {
    cwd: root,
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  let stopped = false;
  // On exit (Ctrl-C, a crash): synchronous, so kill, wait for the kill to land, then remove the data dir.
  const killNow = () => {
    killGroup(child, 'SIGKILL');
    if (child.pid !== undefined) waitUntilGone(child.pid, 3000);
    try {
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      /* left in the temp dir */
    }
  };
  process.once('exit', killNow);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopGroup(child);
    process.removeListener('exit', killNow);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };

  try {
    if (child.pid === undefined) throw new Error('next start did not start');
    const deadline = Date.now() + 60_000;
    let last = '';
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited (${child.exitCode ?? child.signalCode})`);
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
        const health = (await response.json()) as { ok?: boolean; backends?: Record<string, string> };
        if (response.ok && health.ok) {
          const expectedSandbox = env.FORGE_SANDBOX === 'skip' ? 'skip' : 'local';
          if (health.backends?.model !== expectedModel || health.backends?.sandbox !== expectedSandbox || health.backends?.database !== 'pglite') {
            throw new Error(`unexpected backends: ${JSON.stringify(health.backends)}`);
          }
          break;
        }
        last = `health answered ${response.status}`;
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('unexpected backends')) throw error;
        last = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() > deadline) throw new Error(`the server did not become healthy within 60 s (${last})`);
      await sleep(250);
    }
  } catch (error) {
    const message = `${error instanceof Error ? error.message : String(error)}; last lines of the server log:\n${tailOf(logPath)}`;
    await stop();
    throw new Error(message);
  }
  return { baseUrl, pid: child.pid, dataDir, logPath, stop };
}

/** The server log's last lines (for error messages), while it still exists. */
export function serverLogTail(server: RunningServer, lines = 30): string {
  return existsSync(server.logPath) ? tailOf(server.logPath, lines) : '(log removed)';
}

// ---- CPU and memory of a process tree, from /proc ----

let clockTicks: number | undefined;
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

function readStat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid = field 4, utime..cstime = fields 14..17.
    const ppid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { ppid, ticks };
  } catch {
    return undefined;
  }
}

/** `rootPid` and all its descendants. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
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
  return processTree(rootPid).reduce((total, pid) => total + (readStat(pid)?.ticks ?? 0), 0) / ticksPerSecond();
}

/** Resident memory of the tree in bytes (sum of VmRSS). */
export function treeRssBytes(rootPid: number): number {
  let total = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      /* exited */
    }
  }
  return total;
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
