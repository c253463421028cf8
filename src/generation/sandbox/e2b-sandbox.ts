// The connected sandbox: E2B (E2B_API_KEY). The same checks as the local sandbox, run in an E2B
// micro-VM: write the files, install without scripts, build, start in the background, probe the
// API through the sandbox's public host, and kill the sandbox in `finally`, whatever happened.
import { Sandbox } from '@e2b/code-interpreter';
import type { FileMap, ValidationReport } from '@/types/versioning';
import type { SandboxAdapter, SandboxRunOptions } from '../ports';
import { CheckList } from './check-list';
import { collectRoutes } from './declared-routes';
import { probeHttp } from './probe';
import { orderForProbing } from './route-checks';

/** The part of the SDK's Sandbox this adapter uses, so tests can inject a stand-in. */
export interface E2BSandboxHandle {
  files: { write(entries: Array<{ path: string; data: string }>): Promise<unknown> };
  commands: {
    run(
      command: string,
      options: { cwd: string; envs?: Record<string, string>; timeoutMs?: number; background?: boolean },
    ): Promise<{ exitCode?: number; stdout?: string; stderr?: string } | unknown>;
  };
  getHost(port: number): string;
  kill(): Promise<unknown>;
}

export interface E2BSandboxOptions {
  apiKey: string;
  create?: (options: { apiKey: string; timeoutMs: number }) => Promise<E2BSandboxHandle>;
  /** How a host from getHost() becomes a URL; E2B serves HTTPS. */
  hostUrl?: (host: string) => string;
  sandboxTimeoutMs?: number;
  installTimeoutMs?: number;
  buildTimeoutMs?: number;
  startTimeoutMs?: number;
  probeTimeoutMs?: number;
  maxRoutes?: number;
}

const APP_DIR = '/home/user/app';
const APP_PORT = 3000;
const LOG_TAIL = 4000;

/** The SDK throws CommandExitError on a non-zero exit; both shapes carry exitCode / stdout / stderr. */
function commandOutcome(result: unknown): { ok: boolean; log: string } {
  const { exitCode, stdout = '', stderr = '', message } = (result ?? {}) as { exitCode?: number; stdout?: string; stderr?: string; message?: string };
  const log = `${stdout}\n${stderr}`.trim() || message || '';
  return { ok: exitCode === 0, log: log.slice(-LOG_TAIL) };
}

async function runCommand(sandbox: E2BSandboxHandle, command: string, timeoutMs: number) {
  try {
    return commandOutcome(await sandbox.commands.run(command, { cwd: APP_DIR, timeoutMs }));
  } catch (error) {
    return commandOutcome(error);
  }
}

async function waitForHealth(baseUrl: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !signal?.aborted) {
    const probe = await probeHttp(baseUrl, { method: 'GET', path: '/health', timeoutMs: 2000, signal });
    if (probe.status !== undefined && probe.status < 500 && probe.status !== 502) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

export function createE2BSandbox(options: E2BSandboxOptions): SandboxAdapter {
  const create = options.create ?? ((createOptions) => Sandbox.create(createOptions) as Promise<E2BSandboxHandle>);
  const hostUrl = options.hostUrl ?? ((host) => `https://${host}`);
  const limits = {
    sandbox: options.sandboxTimeoutMs ?? 5 * 60_000,
    install: options.installTimeoutMs ?? 120_000,
    build: options.buildTimeoutMs ?? 60_000,
    start: options.startTimeoutMs ?? 30_000,
    probe: options.probeTimeoutMs ?? 5_000,
  };

  async function validate(files: FileMap, run: SandboxRunOptions): Promise<ValidationReport> {
    const startedAt = Date.now();
    const routes = collectRoutes(run.routes, files);
    const probes = orderForProbing(routes.probes.slice(0, options.maxRoutes ?? 40));
    const checks = new CheckList(['install', 'build', 'start', 'health', ...probes.map((probe) => probe.check)], run.onCheck);
    const sandbox = await create({ apiKey: options.apiKey, timeoutMs: limits.sandbox });
    try {
      await sandbox.files.write(Object.entries(files).map(([path, data]) => ({ path: `${APP_DIR}/${path}`, data })));

      const install = await runCommand(sandbox, 'npm install --ignore-scripts --no-audit --no-fund', limits.install);
      checks.record({ check: 'install', ok: install.ok, detail: install.ok ? 'installed' : `npm install failed\n${install.log}` });
      if (!install.ok) return finish('install failed');

      const hasBuild = Boolean((JSON.parse(files['package.json'] ?? '{}') as { scripts?: Record<string, string> }).scripts?.build);
      if (hasBuild) {
        const build = await runCommand(sandbox, 'npm run build', limits.build);
        checks.record({ check: 'build', ok: build.ok, detail: build.ok ? 'built' : `npm run build failed\n${build.log}` });
        if (!build.ok) return finish('build failed');
      } else {
        checks.skip('build', 'no build script');
      }

      await sandbox.commands.run('npm start', { cwd: APP_DIR, background: true, envs: { PORT: String(APP_PORT) } });
      const baseUrl = hostUrl(sandbox.getHost(APP_PORT));
      const listening = await waitForHealth(baseUrl, limits.start, run.signal);
      checks.record({ check: 'start', ok: listening, detail: listening ? `listening on port ${APP_PORT}` : `no answer on port ${APP_PORT} within ${limits.start / 1000} s` });
      if (!listening) return finish('start failed');

      const health = await probeHttp(baseUrl, { method: 'GET', path: '/health', timeoutMs: limits.probe, signal: run.signal });
      checks.record({ check: 'health', ok: health.status === 200, detail: health.summary, durationMs: health.durationMs });
      for (const probe of probes) {
        const writes = !['GET', 'HEAD', 'OPTIONS'].includes(probe.method);
        const result = await probeHttp(baseUrl, { method: probe.method, path: probe.url, timeoutMs: limits.probe, signal: run.signal, ...(writes ? { jsonBody: {} } : {}) });
        const ok = result.status !== undefined && !result.timedOut && result.status < 500;
        checks.record({ check: probe.check, ok, detail: result.summary, durationMs: result.durationMs });
      }
      return finish();
    } finally {
      await sandbox.kill().catch(() => {});
    }

    function finish(abandonReason?: string): ValidationReport {
      if (abandonReason) checks.abandonRest(abandonReason);
      run.signal?.throwIfAborted();
      return { sandbox: 'e2b', checks: checks.checks, ok: checks.ok, durationMs: Date.now() - startedAt };
    }
  }

  return { name: 'e2b', validate };
}
