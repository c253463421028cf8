// Previews in E2B (E2B_API_KEY): a version is installed, built and started in its own sandbox as
// validation does it, then kept running until it is stopped. The sandbox is created with a timeout
// of its own, so it ends by itself if this server dies without stopping it; keepAlive pushes that
// end out while the preview gets requests.
import { Sandbox } from '@e2b/code-interpreter';
import { httpsHostUrl, type CreateE2BSandbox, type E2BSandboxHandle } from '@/generation/sandbox/e2b-commands';
import { installBuildStart } from '@/generation/sandbox/e2b-start';
import { createRedactor, type Redact } from '@/generation/sandbox/redact-secrets';
import { killSandbox, runningE2BApi } from '@/generation/sandbox/running-e2b-api';
import type { PreviewAdapter, PreviewStartOptions, PreviewStartResult } from './preview-adapter';

export interface E2BPreviewOptions {
  apiKey: string;
  /** How long a ready preview may go without a request; the sandbox outlives it by a margin. */
  idleMs: number;
  create?: CreateE2BSandbox;
  /** How a host from getHost() becomes a URL; E2B serves HTTPS. */
  hostUrl?: (host: string) => string;
  installTimeoutMs?: number;
  buildTimeoutMs?: number;
  startTimeoutMs?: number;
}

/** A preview's output is shown to people while it runs, so it keeps more than a validation step. */
const PREVIEW_OUTPUT_TAIL_BYTES = 16 * 1024;
/**
 * The sandbox outlives the idle limit by this much, so the idle stop (and its sweep timer) always
 * comes first and the sandbox's own end only catches a server that went away.
 */
const SANDBOX_MARGIN_MS = 60_000;

interface E2BPreviewSettings {
  apiKey: string;
  idleMs: number;
  create: CreateE2BSandbox;
  hostUrl: (host: string) => string;
  installTimeoutMs: number;
  buildTimeoutMs: number;
  startTimeoutMs: number;
}

const STOPPED_WHILE_STARTING: PreviewStartResult = { ok: false, message: 'Stopped while starting.', logTail: '' };

export function createE2BPreviewAdapter(options: E2BPreviewOptions): PreviewAdapter {
  const settings: E2BPreviewSettings = {
    apiKey: options.apiKey,
    idleMs: options.idleMs,
    create: options.create ?? ((createOptions) => Sandbox.create(createOptions)),
    hostUrl: options.hostUrl ?? httpsHostUrl,
    installTimeoutMs: options.installTimeoutMs ?? 120_000,
    buildTimeoutMs: options.buildTimeoutMs ?? 60_000,
    startTimeoutMs: options.startTimeoutMs ?? 30_000,
  };
  return { name: 'e2b', start: (startOptions) => startE2BPreview(startOptions, settings) };
}

async function startE2BPreview(options: PreviewStartOptions, settings: E2BPreviewSettings): Promise<PreviewStartResult> {
  const { signal } = options;
  if (signal.aborted) return STOPPED_WHILE_STARTING;
  // Long enough for the start itself even with a short idle limit; moved to idle + margin once ready.
  const startBudgetMs = settings.installTimeoutMs + settings.buildTimeoutMs + settings.startTimeoutMs;
  const sandbox = await settings.create({ apiKey: settings.apiKey, timeoutMs: Math.max(settings.idleMs, startBudgetMs) + SANDBOX_MARGIN_MS });
  const redact = createRedactor(options.env);
  let killing: Promise<void> | undefined;
  const kill = () => (killing ??= killSandbox(sandbox));
  // Killing the sandbox ends whichever command runs, so a stop while starting takes effect at once.
  const killOnAbort = () => void kill();
  signal.addEventListener('abort', killOnAbort, { once: true });
  let ready = false;
  try {
    const result = await installBuildStartPreview(sandbox, options, settings, redact);
    ready = result.ok && !signal.aborted;
    if (!ready) return signal.aborted ? STOPPED_WHILE_STARTING : result;
    // The idle limit counts from now; the sandbox's own end must too.
    await sandbox.setTimeout(settings.idleMs + SANDBOX_MARGIN_MS).catch(() => undefined);
    return result;
  } catch (error) {
    if (signal.aborted) return STOPPED_WHILE_STARTING;
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: redact(`The preview could not start: ${reason}`), logTail: '' };
  } finally {
    signal.removeEventListener('abort', killOnAbort);
    if (!ready) await kill();
  }
}

/** The three steps, each reported through onStep; the first that fails says why, with its masked output. */
async function installBuildStartPreview(
  sandbox: E2BSandboxHandle,
  options: PreviewStartOptions,
  settings: E2BPreviewSettings,
  redact: Redact,
): Promise<PreviewStartResult> {
  const started = await installBuildStart(sandbox, {
    files: options.files,
    env: options.env,
    redact,
    hostUrl: settings.hostUrl,
    limits: settings,
    logChars: PREVIEW_OUTPUT_TAIL_BYTES,
    serverTailBytes: PREVIEW_OUTPUT_TAIL_BYTES,
    signal: options.signal,
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  switch (started.state) {
    case 'answering':
      return { ok: true, api: runningE2BApi({ sandbox, baseUrl: started.baseUrl, api: started.api }) };
    case 'failed':
      return { ok: false, message: redact(`${started.step} failed: ${started.headline}`), logTail: redact(started.log) };
    case 'aborted':
      return STOPPED_WHILE_STARTING;
  }
}
