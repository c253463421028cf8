// A fresh `next dev`, as a newcomer starts it: an emptied dist folder (.next-bench-dev-*, so it never
// meets anyone else's) and a new data folder under .data/. Started in its own process group and
// always killed with it. `next dev` also writes tsconfig.json (includes for its dist folder) and
// next-env.d.ts (an import of that folder's route types); both are put back after each run.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** What `next dev` rewrites in the project root, to put back exactly as it was. */
interface RootFiles {
  tsconfig: { text: string; mtime: Date };
  nextEnv: string | null;
}

function snapshotRootFiles(root: string): RootFiles {
  const tsconfigPath = join(root, 'tsconfig.json');
  const nextEnvPath = join(root, 'next-env.d.ts');
  return {
    tsconfig: { text: readFileSync(tsconfigPath, 'utf8'), mtime: statSync(tsconfigPath).mtime },
    nextEnv: existsSync(nextEnvPath) ? readFileSync(nextEnvPath, 'utf8') : null,
  };
}

/** Undoes only what `next dev` did for DEV_DIST_DIR; anything else someone changed meanwhile stays. */
function restoreRootFiles(root: string, before: RootFiles, log: (line: string) => void): void {
  const tsconfigPath = join(root, 'tsconfig.json');
  const after = readFileSync(tsconfigPath, 'utf8');
  if (after !== before.tsconfig.text) {
    try {
      const now = JSON.parse(after) as { include?: string[] };
      const withoutOurs = { ...now, include: (now.include ?? []).filter((entry) => !entry.startsWith(`${DEV_DIST_DIR}/`)) };
      if (JSON.stringify(withoutOurs) === JSON.stringify(JSON.parse(before.tsconfig.text))) {
        writeFileSync(tsconfigPath, before.tsconfig.text);
        utimesSync(tsconfigPath, new Date(), before.tsconfig.mtime);
      } else {
        log('note: tsconfig.json changed in other ways during the run; left as it is');
      }
    } catch {
      log('note: tsconfig.json is not JSON any more; left as it is');
    }
  }
  const nextEnvPath = join(root, 'next-env.d.ts');
  if (existsSync(nextEnvPath) && readFileSync(nextEnvPath, 'utf8').includes(DEV_DIST_DIR)) {
    if (before.nextEnv === null) rmSync(nextEnvPath, { force: true });
    else writeFileSync(nextEnvPath, before.nextEnv);
  }
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
  /** Kills the process group (TERM, then KILL), removes the dist and data folders, restores the root files. Idempotent. */
  stop(): Promise<void>;
}

export async function startFreshDevServer(
  root: string,
  options: { name: string; extraEnv: Record<string, string>; log: (line: string) => void },
): Promise<DevServer> {
  const port = await freePort();
  const distDir = join(root, DEV_DIST_DIR);
  const dataDir = join(root, '.data', `bench-dev-${options.name}-${Date.now()}`);
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const logPath = join(dataDir, 'server.log');
  const keptLogPath = join(tmpdir(), `api-forge-bench-dev-${options.name}.log`);
  const out = openSync(logPath, 'w');
  const rootFiles = snapshotRootFiles(root);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  // What a person has on a plain machine: embedded defaults, the offline generator. Validation is
  // skipped: it starts after the last file, long after what is measured, and would fetch from npm.
  const child = spawn(join(root, 'node_modules/.bin/next'), ['dev', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: root,
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
    rmSync(distDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    restoreRootFiles(root, rootFiles, options.log);
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
