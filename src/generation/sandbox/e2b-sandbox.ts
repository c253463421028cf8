// The connected sandbox: E2B (E2B_API_KEY). The same checks as the local sandbox, run in an E2B
// micro-VM: write the files, install without scripts (and without the project's env vars), build
// and start with them, probe the API through the sandbox's public host, and kill the sandbox in
// `finally`, whatever happened, unless the caller adopted the started API as the version's preview.
// prepareInstall creates the sandbox and installs while the files are still written (e2b-install-ahead.ts).
import { Sandbox } from '@e2b/code-interpreter';
import type { FileMap, ValidationReport } from '@/types/versioning';
import type { SandboxAdapter, SandboxRunOptions } from '../ports';
import { CheckList } from './check-list';
import { collectRoutes, type RouteProbe } from './declared-routes';
import { httpsHostUrl, startApiInBackground, waitForAnswer, type BackgroundApi, type CreateE2BSandbox, type E2BSandboxHandle } from './e2b-commands';
import { prepareE2BInstall, takeOverE2BInstall } from './e2b-install-ahead';
import { installBuildStart } from './e2b-start';
import { installAheadNote } from './install-ahead-rules';
import { probeHttp } from './probe';
import { createRedactor, type Redact } from './redact-secrets';
import { withLog } from './report-text';
import { orderForProbing } from './route-checks';
import { planRunApiChecks, runPlannedApiChecks } from './api-check-steps';
import { killSandbox, runningE2BApi } from './running-e2b-api';

export type { E2BSandboxHandle } from './e2b-commands';

export interface E2BSandboxOptions {
  apiKey: string;
  create?: CreateE2BSandbox;
  /** How a host from getHost() becomes a URL; E2B serves HTTPS. */
  hostUrl?: (host: string) => string;
  sandboxTimeoutMs?: number;
  installTimeoutMs?: number;
  buildTimeoutMs?: number;
  startTimeoutMs?: number;
  probeTimeoutMs?: number;
  maxRoutes?: number;
}

const LOG_TAIL = 4000;
/** The server's output is kept like a preview's: an adopted server becomes one. */
const SERVER_OUTPUT_TAIL_BYTES = 16 * 1024;
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function createE2BSandbox(options: E2BSandboxOptions): SandboxAdapter {
  const create = options.create ?? ((createOptions) => Sandbox.create(createOptions));
  const hostUrl = options.hostUrl ?? httpsHostUrl;
  const sandboxTimeoutMs = options.sandboxTimeoutMs ?? 5 * 60_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  const newSandbox = () => create({ apiKey: options.apiKey, timeoutMs: sandboxTimeoutMs });
  const stepLimits = {
    installTimeoutMs: options.installTimeoutMs ?? 120_000,
    buildTimeoutMs: options.buildTimeoutMs ?? 60_000,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
  };

  async function validate(files: FileMap, run: SandboxRunOptions): Promise<ValidationReport> {
    const startedAt = Date.now();
    const env = run.env ?? {};
    const redact = createRedactor(env);
    const routes = collectRoutes(run.routes, files);
    const probes = orderForProbing(routes.probes.slice(0, options.maxRoutes ?? 40));
    const apiPlan = await planRunApiChecks(files, run);
    const checks = new CheckList(['install', 'build', 'start', 'health', ...probes.map((probe) => probe.check), ...apiPlan.names], run.onCheck, redact);
    const ahead = await takeOverE2BInstall(run.prepared, files, sandboxTimeoutMs, run.signal);
    if (!ahead) run.signal?.throwIfAborted();
    const sandbox = ahead?.sandbox ?? (await newSandbox());
    let adopted = false;
    try {
      const started = await installBuildStart(sandbox, {
        files,
        env,
        redact,
        hostUrl,
        limits: stepLimits,
        logChars: LOG_TAIL,
        serverTailBytes: SERVER_OUTPUT_TAIL_BYTES,
        ...(run.signal ? { signal: run.signal } : {}),
        onPassed: (step, detail, skipped) => (skipped ? checks.skip(step, detail) : checks.record({ check: step, ok: true, detail })),
        ...(ahead ? { installedAhead: { outcome: ahead.outcome, note: installAheadNote({ ...ahead, filesDoneAt: startedAt }) } } : {}),
      });
      if (started.state === 'failed') {
        checks.record({ check: started.step, ok: false, detail: withLog(started.headline, started.log) });
        return finish(`${started.step} failed`);
      }
      if (started.state === 'aborted') return finish('start failed');

      const { baseUrl } = started;
      let { api } = started;
      const probesWrote = await probeApi(baseUrl, probes, checks, run.signal);
      const target = { baseUrl, timeoutMs: probeTimeoutMs, ...(run.signal ? { signal: run.signal } : {}) };
      const checksWrote = !run.signal?.aborted && (await runPlannedApiChecks(target, apiPlan, checks));
      let stateChanged = probesWrote || checksWrote;
      // Handed over only as a fresh start would leave it: all passed, still running, and nothing
      // written that the person never made. The checks write, so the API is started again first.
      if (run.adoptServer && checks.ok && stateChanged && !run.signal?.aborted && !api.hasExited()) {
        const fresh = await restartApi(sandbox, api, baseUrl, { env, redact, signal: run.signal });
        if (fresh) [api, stateChanged] = [fresh, false];
      }
      if (run.adoptServer && checks.ok && !stateChanged && !run.signal?.aborted && !api.hasExited()) {
        adopted = run.adoptServer(runningE2BApi({ sandbox, baseUrl, api }));
      }
      return finish();
    } finally {
      if (!adopted) await killSandbox(sandbox);
    }

    function finish(abandonReason?: string): ValidationReport {
      if (abandonReason) checks.abandonRest(abandonReason);
      run.signal?.throwIfAborted();
      return { sandbox: 'e2b', checks: checks.checks, ok: checks.ok, durationMs: Date.now() - startedAt };
    }
  }

  /** Stops the API and starts it again without prestart (its build is done); null when it does not answer again. */
  async function restartApi(
    sandbox: E2BSandboxHandle,
    api: BackgroundApi,
    baseUrl: string,
    options: { env: Readonly<Record<string, string>>; redact: Redact; signal: AbortSignal | undefined },
  ): Promise<BackgroundApi | null> {
    await api.stop();
    const fresh = await startApiInBackground(sandbox, { env: options.env, redact: options.redact, tailBytes: SERVER_OUTPUT_TAIL_BYTES, again: true });
    const answer = await waitForAnswer(baseUrl, fresh, { timeoutMs: stepLimits.startTimeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
    return answer === 'answering' ? fresh : null;
  }

  /**
   * /health must answer 200; a route passes with any answer below 500. Write routes get an empty
   * JSON body. Says whether a write was accepted (below 300), which changed the API's data.
   */
  async function probeApi(baseUrl: string, probes: readonly RouteProbe[], checks: CheckList, signal?: AbortSignal): Promise<boolean> {
    const timing = { timeoutMs: probeTimeoutMs, ...(signal ? { signal } : {}) };
    const health = await probeHttp(baseUrl, { method: 'GET', path: '/health', ...timing });
    checks.record({ check: 'health', ok: health.status === 200, detail: health.summary, durationMs: health.durationMs });
    let stateChanged = false;
    for (const probe of probes) {
      const writes = !READ_METHODS.has(probe.method);
      const result = await probeHttp(baseUrl, { method: probe.method, path: probe.url, ...timing, ...(writes ? { jsonBody: {} } : {}) });
      if (writes && result.status !== undefined && result.status < 300) stateChanged = true;
      const ok = result.status !== undefined && !result.timedOut && result.status < 500;
      checks.record({ check: probe.check, ok, detail: result.summary, durationMs: result.durationMs });
    }
    return stateChanged;
  }

  return {
    name: 'e2b',
    validate,
    prepareInstall: (packageJson, prepareOptions) =>
      prepareE2BInstall(packageJson, prepareOptions.signal, newSandbox, { installTimeoutMs: stepLimits.installTimeoutMs, logChars: LOG_TAIL }),
  };
}
