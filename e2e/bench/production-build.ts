// The production build the server, smoothness and preview benches run: `next build` into
// .next-bench, in the bench's copy of the project (app-copy.ts), so the build never writes to the
// checkout. The build is reused while it is newer than the checkout's sources.
import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appCopyDir, BUILD_INPUTS, newestMtime, refreshAppCopy } from './app-copy';
import { BENCH_DIST_DIR, killGroup, NEXT_BIN, tailOf } from './server-process';

export interface ProductionBuild {
  built: boolean;
  ms: number;
  reason: string;
  /** The copy of the project holding the build: start the server there. */
  appDir: string;
}

/** Runs `next build` in `appDir`; rejects with the log's last lines if it fails or takes over 15 minutes. */
async function runNextBuild(appDir: string, logPath: string): Promise<void> {
  const out = openSync(logPath, 'w');
  const child = spawn(NEXT_BIN, ['build'], {
    cwd: appDir,
    env: { ...process.env, NEXT_DIST_DIR: BENCH_DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', out, out],
    detached: true,
  });
  const stopBuild = () => killGroup(child, 'SIGKILL');
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
  }
}

/**
 * Builds into .next-bench unless its BUILD_ID is newer than every file under src/ and the build
 * configuration. BENCH_REBUILD=1 always builds; BENCH_REBUILD=0 reuses any existing build. Returns what it did, for the report.
 */
export async function ensureProductionBuild(root: string, log: (line: string) => void): Promise<ProductionBuild> {
  const appDir = appCopyDir(root, 'bench-app');
  const buildAt = statSync(join(appDir, BENCH_DIST_DIR, 'BUILD_ID'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newestSource = Math.max(...BUILD_INPUTS.map((path) => newestMtime(join(root, path))));
  const force = process.env.BENCH_REBUILD === '1';
  if (!force && buildAt > newestSource) {
    return { built: false, ms: 0, reason: `${BENCH_DIST_DIR}/BUILD_ID is newer than src/ and the config`, appDir };
  }
  if (process.env.BENCH_REBUILD === '0' && buildAt > 0) {
    return { built: false, ms: 0, reason: `BENCH_REBUILD=0 reuses the existing build, although sources changed after it`, appDir };
  }
  const reason = force ? 'BENCH_REBUILD=1' : buildAt ? 'sources changed since the last bench build' : 'no bench build yet';
  const logPath = join(tmpdir(), `api-forge-bench-build-${process.pid}.log`);
  log(`building the production app into ${BENCH_DIST_DIR} of ${appDir} (${reason}); log: ${logPath}`);
  refreshAppCopy(root, appDir);
  const started = Date.now();
  await runNextBuild(appDir, logPath);
  return { built: true, ms: Date.now() - started, reason, appDir };
}
