// A fresh `next dev`, as a newcomer starts it: in a new copy of the project (app-copy.ts) under
// .data/, so its dist folder (.next-bench-dev-*) starts empty and never meets anyone else's, and the
// tsconfig.json and next-env.d.ts that `next dev` rewrites are the copy's; with a new data folder
// beside the copy. Started in its own process group and always killed with it.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refreshAppCopy } from './app-copy';
import { killGroup, stopGroup } from './server-process';

export const DEV_DIST_DIR = '.next-bench-dev-first-prompt';
/** The bench's range is 3300-3399; the server bench starts at 3300, so this one starts higher. */
const FIRST_PORT = Number(process.env.BENCH_DEV_PORT ?? 3350);
const LAST_PORT = 3399;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  for (let port = FIRST_PORT; port <= LAST_PORT; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${FIRST_PORT}-${LAST_PORT}`);
}

export interface DevServer {
  baseUrl: string;
  /** `next dev`'s own process: its tree holds the server. */
  pid: number;
  /** The server's output, kept in the temp dir after the run (which compiles, when). */
  keptLogPath: string;
  /** Milliseconds from the spawn to the first answer of /api/health. */
  healthyAfterMs: number;
  /** The server's output so far. */
  log(): string;
  /** Kills the process group (TERM, then KILL), removes the copy (with its dist folder) and the data folder. Idempotent. */
  stop(): Promise<void>;
}

export async function startFreshDevServer(
  root: string,
  options: { name: string; extraEnv: Record<string, string> },
): Promise<DevServer> {
  const port = await freePort();
  const dataDir = join(root, '.data', `bench-dev-${options.name}-${Date.now()}`);
  const appDir = join(dataDir, 'app');
  mkdirSync(dataDir, { recursive: true });
  refreshAppCopy(root, appDir);
  const logPath = join(dataDir, 'server.log');
  const keptLogPath = join(tmpdir(), `api-forge-bench-dev-${options.name}.log`);
  const out = openSync(logPath, 'w');
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  // What a person has on a plain machine: embedded defaults, the offline generator. Validation is
  // skipped: it starts after the last file, long after what is measured, and would fetch from npm.
  const child = spawn(join(root, 'node_modules', '.bin', 'next'), ['dev', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: appDir,
    env: {
      // What `next dev` sets for itself anyway.
      NODE_ENV: 'development',
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DEV_DIST_DIR,
      FORGE_DATA_DIR: join(dataDir, 'pglite'),
      FORGE_SANDBOX: 'skip',
      ...options.extraEnv,
    },
    stdio: ['ignore', out, out],
    detached: true,
  });
  closeSync(out);
  const readLog = () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : '');
  let stopped = false;
  const cleanUp = () => {
    if (existsSync(logPath)) copyFileSync(logPath, keptLogPath);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  const killNow = () => {
    killGroup(child, 'SIGKILL');
    try {
      cleanUp();
    } catch {
      /* left behind */
    }
  };
  process.once('exit', killNow);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopGroup(child);
    await sleep(200);
    process.removeListener('exit', killNow);
    cleanUp();
  };

  try {
    if (child.pid === undefined) throw new Error('next dev did not start');
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next dev exited (${child.exitCode ?? child.signalCode})`);
      const health = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(120_000) })
        .then(async (response) => (await response.json()) as { ok?: boolean; backends?: Record<string, string> })
        .catch(() => null);
      if (health?.ok) {
        if (health.backends?.model !== 'offline' || health.backends?.database !== 'pglite') {
          throw new Error(`unexpected backends: ${JSON.stringify(health.backends)}`);
        }
        break;
      }
      if (Date.now() > deadline) throw new Error('next dev did not answer /api/health within 240 s');
      await sleep(250);
    }
  } catch (error) {
    const tail = readLog().split('\n').slice(-30).join('\n');
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last lines of the dev server's log:\n${tail}`);
  }
  return { baseUrl, pid: child.pid!, keptLogPath, healthyAfterMs: Date.now() - started, log: readLog, stop };
}
