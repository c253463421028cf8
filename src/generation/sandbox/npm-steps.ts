// The install, build and start checks. Each records its check and says whether the run may go on.
import type { FileMap } from '@/types/versioning';
import { reserveFreePort } from './free-port';
import { waitUntilListening } from './probe';
import { spawnProcessGroup, type GroupProcess } from './process-tree';
import { describeExit, seconds, withLog } from './report-text';
import { runCommand, type RunResult } from './run-command';
import { prepareNpm, type NpmRun, type RunContext } from './run-context';
import { writeFiles } from './workspace';

/** A started API, reachable at `baseUrl`. */
export interface RunningServer {
  process: GroupProcess;
  baseUrl: string;
}

/**
 * Writes the files and runs `npm install --ignore-scripts`: no dependency's (or the project's own)
 * install scripts run, so nothing executes before start.
 */
export async function install(run: RunContext): Promise<boolean> {
  const startedAt = Date.now();
  const fail = (detail: string) => {
    run.checks.record({ check: 'install', ok: false, detail, durationMs: Date.now() - startedAt });
    return false;
  };
  const manifest = readManifest(run);
  if (typeof manifest === 'string') return fail(manifest);
  const written = await writeProjectFiles(run.workspace.appDir, run.files);
  if (written !== true) return fail(written);
  return recordInstall(run, await npmInstall(run));
}

/** writeFiles, or the install check's detail when it refuses a path. */
export async function writeProjectFiles(appDir: string, files: FileMap): Promise<true | string> {
  try {
    await writeFiles(appDir, files);
    return true;
  } catch (error) {
    return `could not write the project files: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** `npm install` in the run's app dir, with install's env: never the project's env vars. */
export function npmInstall(run: NpmRun): Promise<RunResult> {
  const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'];
  return runNpm(run, args, run.settings.installTimeoutMs, { writableNpmCache: true });
}

/** Records the install check from npm's result; `note` is added to a passed install's detail. */
export function recordInstall(run: RunContext, result: RunResult, note?: string): boolean {
  // npm's own last line says what it did: "added 85 packages in 3s".
  const summary = (output: string) => [lastLine(output) ?? 'npm install finished', note].filter(Boolean).join(' · ');
  return recordCommand(run, 'install', 'npm install', result, run.settings.installTimeoutMs, summary);
}

/** `npm run build`, when package.json has a build script (TypeScript projects compiling to dist/). */
export async function build(run: RunContext): Promise<boolean> {
  const manifest = readManifest(run);
  if (typeof manifest === 'string' || typeof manifest.scripts?.build !== 'string') {
    run.checks.skip('build', 'no build script');
    return true;
  }
  const result = await runNpm(run, ['run', 'build'], run.settings.buildTimeoutMs, { withProjectEnv: true });
  const summary = () => `npm run build finished in ${seconds(result.durationMs)}`;
  return recordCommand(run, 'build', 'npm run build', result, run.settings.buildTimeoutMs, summary);
}

/**
 * `npm start` with PORT set (npm runs a prestart script too: only install skipped scripts). Passes
 * once the port accepts connections. The server is handed to the caller through `adopt` (as a stop
 * function) the moment it exists, so it is stopped even if this step throws.
 */
/**
 * `again`: a restart of a server this run already started, so `prestart` (a build, as a rule) has
 * run: `--ignore-scripts` skips it, and npm still runs `start` itself.
 */
export async function start(
  run: RunContext,
  adopt: (stopServer: () => Promise<void>) => void,
  options: { again?: boolean } = {},
): Promise<RunningServer | undefined> {
  const startedAt = Date.now();
  const { port, release } = await reserveFreePort();
  let server: GroupProcess;
  try {
    const command = prepareNpm(run, options.again ? ['start', '--ignore-scripts'] : ['start'], { port, withProjectEnv: true });
    server = spawnProcessGroup(command.command, command.args, { ...command, outputTailBytes: run.settings.outputTailBytes });
  } catch (error) {
    release();
    throw error;
  }
  adopt(async () => {
    try {
      await server.stop(run.settings.killGraceMs);
    } finally {
      release();
    }
  });
  const result = await waitUntilListening(port, {
    timeoutMs: run.settings.startTimeoutMs,
    exited: server.exited,
    ...(run.signal ? { signal: run.signal } : {}),
  });
  const durationMs = Date.now() - startedAt;
  const record = (ok: boolean, detail: string) => run.checks.record({ check: 'start', ok, detail, durationMs });
  switch (result.state) {
    case 'listening':
      record(true, `listening on port ${port} after ${seconds(durationMs)}`);
      return { process: server, baseUrl: result.baseUrl };
    case 'exited':
      record(false, withLog(`npm start ${describeExit(result.exit)} before listening on port ${port}`, server.output.text()));
      return undefined;
    case 'timeout':
      record(
        false,
        withLog(`nothing accepted connections on port ${port} (process.env.PORT) within ${seconds(run.settings.startTimeoutMs)}`, server.output.text()),
      );
      return undefined;
    case 'aborted':
      return undefined;
  }
}

function runNpm(run: NpmRun, args: string[], timeoutMs: number, extra: { writableNpmCache?: boolean; withProjectEnv?: boolean } = {}) {
  const command = prepareNpm(run, args, extra);
  return runCommand(command.command, command.args, {
    ...command,
    outputTailBytes: run.settings.outputTailBytes,
    timeoutMs,
    killGraceMs: run.settings.killGraceMs,
    ...(run.signal ? { signal: run.signal } : {}),
  });
}

function recordCommand(
  run: RunContext,
  check: string,
  label: string,
  result: RunResult,
  timeoutMs: number,
  summarizeSuccess: (output: string) => string,
): boolean {
  if (result.aborted) return false;
  const ok = result.exit?.code === 0;
  let detail: string;
  if (ok) detail = summarizeSuccess(result.output);
  else if (result.timedOut) detail = withLog(`${label} did not finish within ${seconds(timeoutMs)}`, result.output);
  else detail = withLog(`${label} ${result.exit ? describeExit(result.exit) : 'ended'}`, result.output);
  run.checks.record({ check, ok, detail, durationMs: result.durationMs });
  return ok;
}

interface Manifest {
  scripts?: Record<string, unknown>;
}

/** package.json, or why it is unusable. */
function readManifest(run: RunContext): Manifest | string {
  const text = run.files['package.json'];
  if (text === undefined) return 'the project has no package.json at its root';
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'package.json is not a JSON object';
    return parsed as Manifest;
  } catch (error) {
    return `package.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function lastLine(output: string): string | undefined {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1);
}
