// The embedded sandbox (docs/architecture.md, "Ports and adapters"): install, build and start a version in a temp dir on
// this machine, under bubblewrap where it works, then probe /health and the declared routes.
// Nothing it starts outlives validate(), and its temp dir is always removed, unless the caller
// adopts the started server as the version's preview (SandboxRunOptions.adoptServer). prepareInstall
// begins npm install while the files are still written (local-install-ahead.ts).
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SandboxAdapter, SandboxRunOptions } from '@/generation/ports';
import type { FileMap, ValidationReport } from '@/types/versioning';
import { CheckList } from './check-list';
import { collectRoutes } from './declared-routes';
import { finishInstallAhead, prepareLocalInstall, takeOverInstall, type InstalledAhead } from './local-install-ahead';
import { build, install, start, type RunningServer } from './npm-steps';
import { createRedactor } from './redact-secrets';
import { runningLocalApi } from './running-local-api';
import { describeExit } from './report-text';
import { checkHealth, checkRoutes, orderForProbing } from './route-checks';
import { localCheckTarget, planRunApiChecks, runPlannedApiChecks } from './api-check-steps';
import { openLocalWorkspace, type RunContext, type SandboxSettings } from './run-context';
import { defaultSandboxSlots, type Semaphore } from './semaphore';
import { DEFAULT_SANDBOX_ROOT, removeWorkspace } from './workspace';

/** Any setting left out takes its default; `slots` defaults to one semaphore of 2 shared by all local sandboxes. */
export type LocalSandboxOptions = Partial<SandboxSettings> & { slots?: Semaphore };

/**
 * A cache of its own rather than the user's ~/.npm: the child gets its own HOME (and, under
 * bubblewrap, cannot see the user's), and whatever packages generated projects pull in stay out of
 * the cache the user's own projects use. Shared by all runs, so a package downloads once.
 */
export const DEFAULT_NPM_CACHE_DIR = path.join(tmpdir(), 'api-forge-npm-cache');

export const LOCAL_SANDBOX_DEFAULTS: SandboxSettings = {
  installTimeoutMs: 120_000,
  buildTimeoutMs: 60_000,
  startTimeoutMs: 20_000,
  probeTimeoutMs: 5_000,
  probeBudgetMs: 30_000,
  maxRoutes: 40,
  probeWriteRoutes: false,
  killGraceMs: 2_000,
  outputTailBytes: 8 * 1024,
  bubblewrap: 'auto',
  sandboxRoot: DEFAULT_SANDBOX_ROOT,
  npmCacheDir: DEFAULT_NPM_CACHE_DIR,
};

/**
 * validate() resolves with the report, or rejects with the signal's reason once `options.signal`
 * aborts (after everything it started is stopped and its temp dir removed).
 */
export function createLocalSandbox(options: LocalSandboxOptions = {}): SandboxAdapter {
  const { slots = defaultSandboxSlots, ...overrides } = options;
  const settings = localSandboxSettings(overrides);
  return {
    name: 'local',
    validate: async (files, runOptions) => {
      const filesDoneAt = Date.now();
      // Outside the slot: the install begun ahead holds one of its own while npm runs.
      const installed = await takeOverInstall(runOptions.prepared, files, runOptions.signal);
      let ran = false;
      try {
        return await slots.run(() => {
          ran = true;
          return validate(files, runOptions, settings, installed && { installed, filesDoneAt });
        }, runOptions.signal);
      } finally {
        // Stopped while waiting for a slot: validate() never ran to remove the dir.
        if (installed && !ran) await removeWorkspace(installed.workspace);
      }
    },
    prepareInstall: (packageJson, prepareOptions) => prepareLocalInstall(packageJson, prepareOptions.signal, settings, slots),
  };
}

/** `base` (the defaults) with every setting `overrides` gives; one left out, or undefined, keeps its value. */
export function localSandboxSettings(overrides: Partial<SandboxSettings>, base: SandboxSettings = LOCAL_SANDBOX_DEFAULTS): SandboxSettings {
  const settings = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) Object.assign(settings, { [key]: value });
  }
  return settings;
}

/** A new run on this machine, as validation and previews both start one: bubblewrap or not, the shared npm cache, a fresh temp dir. */
export async function openLocalRun(input: Omit<RunContext, 'isolated' | 'workspace'>): Promise<RunContext> {
  return { ...input, ...(await openLocalWorkspace(input.settings)) };
}

async function validate(
  files: FileMap,
  options: SandboxRunOptions,
  settings: SandboxSettings,
  ahead?: { installed: InstalledAhead; filesDoneAt: number },
): Promise<ValidationReport> {
  const startedAt = Date.now();
  const { signal } = options;
  let plan: Awaited<ReturnType<typeof planChecks>>;
  try {
    plan = await planChecks(files, options, settings);
  } catch (error) {
    // The dir of an install begun ahead is this run's from the start; the finally below is not yet.
    if (ahead) await removeWorkspace(ahead.installed.workspace);
    throw error;
  }
  const { checks, probes, redact, apiPlan } = plan;
  const context = { files, settings, checks, signal, ...(options.env ? { projectEnv: options.env } : {}) };
  const run: RunContext = ahead ? { ...context, isolated: ahead.installed.isolated, workspace: ahead.installed.workspace } : await openLocalRun(context);
  const { isolated, workspace } = run;
  const installStep = ahead ? () => finishInstallAhead(run, ahead.installed, ahead.filesDoneAt) : () => install(run);
  const sandbox = isolated ? 'local (bubblewrap)' : 'local';
  let stopServer: (() => Promise<void>) | undefined;
  let handedOver = false;
  try {
    const built = (await runStep(run, 'install', installStep)) && (await runStep(run, 'build', () => build(run)));
    let started = built ? await start(run, (stop) => (stopServer = stop)) : undefined;
    if (started) {
      await checkHealth(run, started);
      await checkRoutes(run, started, probes);
      const exit = started.process.exitInfo();
      if (exit) checks.abandonRest(`the server ${describeExit(exit)}`);
      else if (!signal?.aborted && (await runPlannedApiChecks(localCheckTarget(started, settings.probeTimeoutMs, signal), apiPlan, checks))) {
        run.stateChanged = true;
      }
      if (options.adoptServer && run.stateChanged && checks.ok && !signal?.aborted) {
        // The checks wrote to its data; the preview must be what a fresh start gives, so it starts again
        // (without prestart: its build is done).
        await stopServer?.();
        stopServer = undefined;
        const fresh = await start({ ...run, checks: new CheckList(['start']) }, (stop) => (stopServer = stop), { again: true });
        if (fresh) [started, run.stateChanged] = [fresh, false];
      }
      if (stopServer && mayHandOver(run, started, options)) {
        handedOver = options.adoptServer!(runningLocalApi({ sandbox, server: started, stopServer, workspace, redact }));
      }
    } else if (built && !signal?.aborted) {
      checks.abandonRest('start failed');
    }
  } finally {
    if (!handedOver) {
      await stopServer?.();
      await removeWorkspace(workspace);
    }
  }
  signal?.throwIfAborted();
  return {
    sandbox,
    checks: checks.checks,
    ok: checks.ok,
    durationMs: Date.now() - startedAt,
  };
}

/** The checks the report will list, in order, with those decided before anything runs already recorded. */
async function planChecks(files: FileMap, options: SandboxRunOptions, settings: SandboxSettings) {
  const routes = collectRoutes(options.routes, files);
  const probes = orderForProbing(routes.probes.slice(0, settings.maxRoutes));
  const redact = createRedactor(options.env ?? {});
  const apiPlan = await planRunApiChecks(files, options);
  const planned = ['install', 'build', 'start', 'health', ...probes.map((probe) => probe.check), ...apiPlan.names];
  const checks = new CheckList(planned, options.onCheck, redact);

  if (routes.openApiProblem) {
    const { path: file, reason } = routes.openApiProblem;
    checks.record({ check: file, ok: false, detail: `cannot read the routes in ${file}: ${reason}` });
  }
  for (const text of routes.unparsed) {
    checks.skip(`route ${JSON.stringify(text.trim().slice(0, 80))}`, 'not probed: not a "METHOD /path" route');
  }
  for (const probe of routes.probes.slice(settings.maxRoutes)) {
    checks.skip(probe.check, `not probed: only the first ${settings.maxRoutes} routes are`);
  }
  return { checks, probes, redact, apiPlan };
}

/**
 * A validated server may live on as the version's preview only when it is exactly what a fresh
 * start would give: every check passed, it still runs, and no probe changed its data (a write probe
 * that was accepted would leave a record the person never made).
 */
function mayHandOver(run: RunContext, started: RunningServer, options: SandboxRunOptions): boolean {
  return Boolean(options.adoptServer) && !run.signal?.aborted && run.checks.ok && !run.stateChanged && !started.process.exitInfo();
}

/** Runs one step; when it fails, every later check is recorded as not run. */
async function runStep(run: RunContext, name: string, step: () => Promise<boolean>): Promise<boolean> {
  const passed = await step();
  if (!passed && !run.signal?.aborted) run.checks.abandonRest(`${name} failed`);
  return passed && !run.signal?.aborted;
}
