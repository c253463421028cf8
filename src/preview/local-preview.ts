// Previews on this machine: a version is installed (validation's shared npm cache), built and
// started in a temp dir exactly as validation does it, under bubblewrap where it works, with the
// minimal environment plus the project's env vars; then it keeps running until it is stopped.
import { CheckList } from '@/generation/sandbox/check-list';
import { LOCAL_SANDBOX_DEFAULTS, localSandboxSettings, openLocalRun } from '@/generation/sandbox/local-sandbox';
import { build, install, start, type RunningServer } from '@/generation/sandbox/npm-steps';
import { createRedactor } from '@/generation/sandbox/redact-secrets';
import type { SandboxSettings } from '@/generation/sandbox/run-context';
import { runningLocalApi } from '@/generation/sandbox/running-local-api';
import { removeWorkspace } from '@/generation/sandbox/workspace';
import type { PreviewStep } from '@/types/preview';
import type { PreviewAdapter, PreviewStartOptions, PreviewStartResult } from './preview-adapter';

/** A preview's output is shown to people while it runs, so it keeps more than a validation step. */
const PREVIEW_OUTPUT_TAIL_BYTES = 16 * 1024;

export function createLocalPreviewAdapter(overrides: Partial<SandboxSettings> = {}): PreviewAdapter {
  const settings = localSandboxSettings(overrides, { ...LOCAL_SANDBOX_DEFAULTS, outputTailBytes: PREVIEW_OUTPUT_TAIL_BYTES });
  return { name: 'local', start: (options) => startLocalPreview(options, settings) };
}

async function startLocalPreview(options: PreviewStartOptions, settings: SandboxSettings): Promise<PreviewStartResult> {
  const { files, env, signal, onStep } = options;
  const redact = createRedactor(env);
  const checks = new CheckList(['install', 'build', 'start'], undefined, redact);
  const run = await openLocalRun({ files, settings, checks, signal, projectEnv: env });
  const { isolated, workspace } = run;
  let stopServer: (() => Promise<void>) | undefined;
  let server: RunningServer | undefined;
  let running = false;
  const step = async (name: PreviewStep, action: () => Promise<boolean>) => {
    if (signal.aborted) return false;
    onStep?.(name);
    return (await action()) && !signal.aborted;
  };
  try {
    const started =
      (await step('install', () => install(run))) &&
      (await step('build', () => build(run))) &&
      (await step('start', async () => Boolean((server = await start(run, (stop) => (stopServer = stop))))));
    if (started && server && stopServer) {
      running = true;
      return { ok: true, api: runningLocalApi({ sandbox: isolated ? 'local (bubblewrap)' : 'local', server, stopServer, workspace, redact }) };
    }
    return failure(checks, signal);
  } finally {
    if (!running) {
      await stopServer?.();
      await removeWorkspace(workspace);
    }
  }
}

/** The failed step's own detail: its headline, then its log. */
function failure(checks: CheckList, signal: AbortSignal): PreviewStartResult {
  if (signal.aborted) return { ok: false, message: 'Stopped while starting.', logTail: '' };
  const failed = checks.checks.find((check) => !check.ok);
  const [headline = 'The API did not start.', ...log] = (failed?.detail ?? '').split('\n');
  const label = failed ? `${failed.check} failed: ` : '';
  return { ok: false, message: `${label}${headline}`, logTail: log.join('\n') };
}
