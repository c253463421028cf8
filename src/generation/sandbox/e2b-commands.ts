// What validation and previews both do in an E2B sandbox: write a version's files, run npm in it,
// start the API in the background while keeping the end of its output, and wait until the API
// answers through the sandbox's public host.
import type { FileMap } from '@/types/versioning';
import { OutputTail } from './output-tail';
import { probeHttp } from './probe';
import { delay } from './process-tree';
import type { Redact } from './redact-secrets';
import { logEnd, seconds } from './report-text';

export const APP_DIR = '/home/user/app';
export const APP_PORT = 3000;
export const INSTALL_COMMAND = 'npm install --ignore-scripts --no-audit --no-fund';

export interface E2BCommandOptions {
  cwd: string;
  envs?: Record<string, string>;
  /** 0 keeps the command's stream open for as long as it runs. */
  timeoutMs?: number;
  onStdout?: (data: string) => void;
  onStderr?: (data: string) => void;
}

/** The SDK's CommandHandle as far as it is used here. */
export interface E2BCommandHandle {
  readonly pid: number;
  /** Resolves with the result on exit code 0; rejects (CommandExitError) otherwise. */
  wait(): Promise<unknown>;
  kill(): Promise<boolean>;
}

/** The part of the SDK's Sandbox used here, so tests can inject a stand-in. */
export interface E2BSandboxHandle {
  files: { write(entries: Array<{ path: string; data: string }>): Promise<unknown> };
  commands: {
    run(command: string, options: E2BCommandOptions & { background: true }): Promise<E2BCommandHandle>;
    run(command: string, options: E2BCommandOptions & { background?: false }): Promise<unknown>;
  };
  getHost(port: number): string;
  /** Moves the sandbox's own end `timeoutMs` from now. */
  setTimeout(timeoutMs: number): Promise<void>;
  kill(): Promise<unknown>;
}

export type CreateE2BSandbox = (options: { apiKey: string; timeoutMs: number }) => Promise<E2BSandboxHandle>;

/** E2B serves every sandbox port over HTTPS on its own host. */
export const httpsHostUrl = (host: string) => `https://${host}`;

export interface CommandOutcome {
  ok: boolean;
  /** "exited with code 1", "did not finish within 120 s", or the SDK's error. */
  end: string;
  log: string;
}

/** The SDK throws CommandExitError on a non-zero exit; a result and that error both carry exitCode / stdout / stderr. */
function commandOutcome(result: unknown, logChars: number): CommandOutcome {
  const { exitCode, stdout = '', stderr = '', message } = (result ?? {}) as { exitCode?: number; stdout?: string; stderr?: string; message?: string };
  const log = `${stdout}\n${stderr}`.trim() || message || '';
  return { ok: exitCode === 0, end: describeCommandEnd(result), log: logEnd(log, logChars) };
}

/** How a command ended, worded like a process on this machine ("exited with code 1"). */
function describeCommandEnd(result: unknown): string {
  const { exitCode, message } = (result ?? {}) as { exitCode?: number; message?: string };
  if (typeof exitCode === 'number') return `exited with code ${exitCode}`;
  return `stopped (${message || 'the sandbox connection ended'})`;
}

/** Runs a command to its end; a timeout is said as such (the SDK's own wording blames the sandbox). */
export async function runInSandbox(
  sandbox: E2BSandboxHandle,
  command: string,
  options: { timeoutMs: number; logChars: number; envs?: Readonly<Record<string, string>> },
): Promise<CommandOutcome> {
  const startedAt = Date.now();
  try {
    const envs = options.envs ? { envs: { ...options.envs } } : {};
    return commandOutcome(await sandbox.commands.run(command, { cwd: APP_DIR, timeoutMs: options.timeoutMs, ...envs }), options.logChars);
  } catch (error) {
    const outcome = commandOutcome(error, options.logChars);
    const timedOut = typeof (error as { exitCode?: unknown })?.exitCode !== 'number' && Date.now() - startedAt >= options.timeoutMs;
    return timedOut ? { ...outcome, end: `did not finish within ${seconds(options.timeoutMs)}` } : outcome;
  }
}

export async function writeAppFiles(sandbox: E2BSandboxHandle, files: FileMap): Promise<void> {
  await sandbox.files.write(Object.entries(files).map(([path, data]) => ({ path: `${APP_DIR}/${path}`, data })));
}

/** Whether package.json declares a build script; an unreadable one has none (install reports it). */
export function hasBuildScript(files: FileMap): boolean {
  try {
    const manifest = JSON.parse(files['package.json'] ?? '{}') as { scripts?: Record<string, unknown> } | null;
    return typeof manifest?.scripts?.build === 'string';
  } catch {
    return false;
  }
}

/** The API's process in the sandbox: its masked output so far and how it ended. */
export interface BackgroundApi {
  logTail(): string;
  /** Never rejects: "exited with code 1", or why the connection to it ended. */
  exited: Promise<string>;
  hasExited(): boolean;
  /** Ends it and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * `npm start` on APP_PORT, with its stream kept open for as long as it runs (timeoutMs 0). `again`:
 * a restart, whose prestart (the build) has run: `--ignore-scripts` skips it, npm still runs start.
 */
export async function startApiInBackground(
  sandbox: E2BSandboxHandle,
  options: { env: Readonly<Record<string, string>>; redact: Redact; tailBytes: number; again?: boolean },
): Promise<BackgroundApi> {
  const output = new OutputTail(options.tailBytes);
  const keep = (data: string) => output.push(Buffer.from(data));
  const handle = await sandbox.commands.run(options.again ? 'npm start --ignore-scripts' : 'npm start', {
    cwd: APP_DIR,
    background: true,
    envs: { ...options.env, PORT: String(APP_PORT) },
    timeoutMs: 0,
    onStdout: keep,
    onStderr: keep,
  });
  let ended = false;
  const describe = (result: unknown) => {
    ended = true;
    return options.redact(describeCommandEnd(result));
  };
  const exited = handle.wait().then(describe, describe);
  return {
    logTail: () => options.redact(output.text()),
    exited,
    hasExited: () => ended,
    stop: async () => {
      await handle.kill().catch(() => undefined);
      await exited;
    },
  };
}

export type AnswerWait = 'answering' | 'exited' | 'timeout' | 'aborted';

const ANSWER_RETRY_MS = 500;
const ANSWER_PROBE_TIMEOUT_MS = 2_000;
/** E2B's edge answers 502 while nothing listens on the port; anything below comes from the API. */
const EDGE_NOTHING_LISTENS = 502;

/** Asks the API until it answers any request, its process ends, the time is up, or the signal aborts. */
export async function waitForAnswer(
  baseUrl: string,
  api: BackgroundApi,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<AnswerWait> {
  const { signal } = options;
  const deadline = Date.now() + options.timeoutMs;
  const aborted = abortedPromise(signal);
  for (;;) {
    const timeoutMs = Math.max(1, Math.min(ANSWER_PROBE_TIMEOUT_MS, deadline - Date.now()));
    const probe = await probeHttp(baseUrl, { method: 'GET', path: '/health', timeoutMs, ...(signal ? { signal } : {}) });
    if (signal?.aborted) return 'aborted';
    if (probe.status !== undefined && probe.status < EDGE_NOTHING_LISTENS) return 'answering';
    if (api.hasExited()) return 'exited';
    if (Date.now() >= deadline) return 'timeout';
    await Promise.race([delay(ANSWER_RETRY_MS), api.exited, aborted]);
  }
}

/** One listener for the whole wait: a listener per retry would pile up on a signal that never fires. */
function abortedPromise(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
