// The production server the server, smoothness and preview benches talk to (built by
// production-build.ts): started as a child in its own process group, and always killed (process
// group) at the end, even on Ctrl-C or a crash.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processHasExited } from './proc';

export const BENCH_DIST_DIR = '.next-bench';

/** The checkout this bench is part of. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The checkout's `next`, whichever project folder it builds or serves. */
export const NEXT_BIN = join(PROJECT_ROOT, 'node_modules', '.bin', 'next');

export const BENCH_SERVER_PORT = Number(process.env.BENCH_PORT ?? 3300);

/** A progress line on stderr, so the results table on stdout stays clean. */
export const benchLog = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last `lines` lines of a log file, for error messages. */
export function tailOf(path: string, lines = 40): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Blocks until `pid` has exited (or is a zombie), at most `timeoutMs`. For exit hooks only. */
function waitUntilGone(pid: number, timeoutMs: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (processHasExited(pid)) return;
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
  /** The project folder holding the build (the bench's copy, or a checkout), which the server runs in. */
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
    // One call per version: this suite times the stream pipeline; the model-path suite times parallel files.
    ...(options.openaiBaseUrl ? { OPENAI_BASE_URL: options.openaiBaseUrl, OPENAI_MODEL: 'fixture', FORGE_PARALLEL_FILES: 'off' } : {}),
    ...options.extraEnv,
  };
  const child = spawn(NEXT_BIN, ['start', '--hostname', '127.0.0.1', '--port', String(options.port)], {
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
