// What the steps of one validation share, where they run (a fresh temp dir), and how they turn an
// npm command into a process: with the minimal env, inside bubblewrap when it is in use.
import { mkdir } from 'node:fs/promises';
import type { FileMap } from '@/types/versioning';
import { bubblewrapWorks, wrapInBubblewrap } from './bubblewrap';
import type { CheckList } from './check-list';
import { buildSandboxEnv } from './minimal-env';
import { createWorkspace, type Workspace } from './workspace';

export interface SandboxSettings {
  /** Wall-clock limit of `npm install`. Default 120 s. */
  installTimeoutMs: number;
  /** Wall-clock limit of `npm run build`. Default 60 s. */
  buildTimeoutMs: number;
  /** How long `npm start` (with any prestart) may take to accept connections on PORT. Default 20 s. */
  startTimeoutMs: number;
  /** Per request. Default 5 s. */
  probeTimeoutMs: number;
  /** For all route probes together; routes left when it is used up are not probed. Default 30 s. */
  probeBudgetMs: number;
  /** Routes beyond this many are not probed. Default 40. */
  maxRoutes: number;
  /** Also send `{}` to POST/PUT/PATCH/DELETE routes; a 4xx passes (bad input must not crash the server). Default false. */
  probeWriteRoutes: boolean;
  /** Between SIGTERM and SIGKILL. Default 2 s. */
  killGraceMs: number;
  /** Output kept per step for the report. Default 8 KB. */
  outputTailBytes: number;
  /** 'auto' uses bubblewrap when it works here; 'off' never does. Default 'auto'. */
  bubblewrap: 'auto' | 'off';
  /** Parent of the per-run temp dirs. Default `<os tmpdir>/api-forge-sandbox`. */
  sandboxRoot: string;
  /** Shared by all runs so repeated installs are fast. Default `<os tmpdir>/api-forge-npm-cache`. */
  npmCacheDir: string;
}

export interface RunContext {
  files: FileMap;
  settings: SandboxSettings;
  /** Whether commands run under bubblewrap. */
  isolated: boolean;
  workspace: Workspace;
  checks: CheckList;
  signal: AbortSignal | undefined;
  /** The project's env vars, for build and start. */
  projectEnv?: Readonly<Record<string, string>>;
  /** Set once a write probe was accepted (2xx): the API's data is no longer as it started. */
  stateChanged?: boolean;
}

/** What a run on this machine runs in: bubblewrap or not, and a fresh temp dir (the shared npm cache made first). */
export async function openLocalWorkspace(settings: SandboxSettings): Promise<Pick<RunContext, 'isolated' | 'workspace'>> {
  const isolated = settings.bubblewrap === 'auto' && (await bubblewrapWorks());
  await mkdir(settings.npmCacheDir, { recursive: true, mode: 0o700 });
  return { isolated, workspace: await createWorkspace(settings.sandboxRoot) };
}

/** What running npm needs of a run; an install begun ahead has only this (no checks, no project env). */
export type NpmRun = Pick<RunContext, 'settings' | 'isolated' | 'workspace' | 'signal' | 'projectEnv'>;

export interface PreparedCommand {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

export function prepareNpm(
  run: NpmRun,
  npmArgs: string[],
  extra: { writableNpmCache?: boolean; port?: number; withProjectEnv?: boolean } = {},
): PreparedCommand {
  const { workspace, settings } = run;
  const env = buildSandboxEnv({
    hostEnv: process.env,
    home: workspace.homeDir,
    tmpDir: workspace.tmpDir,
    npmCacheDir: settings.npmCacheDir,
    npmLogsDir: workspace.logsDir,
    ...(extra.port === undefined ? {} : { port: extra.port }),
    ...(extra.withProjectEnv && run.projectEnv ? { projectEnv: run.projectEnv } : {}),
  });
  if (!run.isolated) return { command: 'npm', args: npmArgs, cwd: workspace.appDir, env };
  // Only install needs to write the shared cache; under bubblewrap, build and start (the first
  // steps that run project code) cannot touch it.
  const writableDirs = extra.writableNpmCache ? [workspace.dir, settings.npmCacheDir] : [workspace.dir];
  const wrapped = wrapInBubblewrap('npm', npmArgs, { writableDirs, cwd: workspace.appDir });
  return { ...wrapped, cwd: workspace.appDir, env };
}
