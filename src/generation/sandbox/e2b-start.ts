// Install, build and start a version in an E2B sandbox, up to the moment its API answers: the part
// validation and previews share. Validation turns each step into a check; a preview into its state
// and, on failure, its message.
import type { FileMap } from '@/types/versioning';
import {
  APP_PORT,
  hasBuildScript,
  INSTALL_COMMAND,
  runInSandbox,
  startApiInBackground,
  waitForAnswer,
  writeAppFiles,
  type BackgroundApi,
  type CommandOutcome,
  type E2BSandboxHandle,
} from './e2b-commands';
import { filesBesidesPackageJson } from './install-ahead-rules';
import type { Redact } from './redact-secrets';
import { logEnd, seconds } from './report-text';

export type StartStep = 'install' | 'build' | 'start';

export interface E2BStartOptions {
  files: FileMap;
  /** Given to build and start; never to install, which runs no scripts and so needs none. */
  env: Readonly<Record<string, string>>;
  redact: Redact;
  hostUrl: (host: string) => string;
  limits: { installTimeoutMs: number; buildTimeoutMs: number; startTimeoutMs: number };
  /** How much of a failed step's output is kept. */
  logChars: number;
  /** How much of the running API's output is kept. */
  serverTailBytes: number;
  signal?: AbortSignal;
  /** Told each step as it begins. */
  onStep?: (step: StartStep) => void;
  /** Told each step that passed (or was skipped), the moment it is known. */
  onPassed?: (step: StartStep, detail: string, skipped?: boolean) => void;
  /**
   * npm install already ran in this sandbox with package.json alone (e2b-install-ahead.ts): the
   * other files are written and its outcome stands for the install step; `note` is added when it passed.
   */
  installedAhead?: { outcome: CommandOutcome; note?: string };
}

export type E2BStartResult =
  | { state: 'answering'; api: BackgroundApi; baseUrl: string }
  /** `headline` says what went wrong ("npm install exited with code 1"); `log` is the step's output. */
  | { state: 'failed'; step: StartStep; headline: string; log: string }
  | { state: 'aborted' };

export async function installBuildStart(sandbox: E2BSandboxHandle, options: E2BStartOptions): Promise<E2BStartResult> {
  const { files, env, limits, logChars, onStep, onPassed } = options;

  onStep?.('install');
  const ahead = options.installedAhead;
  await writeAppFiles(sandbox, ahead ? filesBesidesPackageJson(files) : files);
  const install = ahead?.outcome ?? (await runInSandbox(sandbox, INSTALL_COMMAND, { timeoutMs: limits.installTimeoutMs, logChars }));
  if (!install.ok) return { state: 'failed', step: 'install', headline: `npm install ${install.end}`, log: install.log };
  onPassed?.('install', ahead?.note ? `installed · ${ahead.note}` : 'installed');

  onStep?.('build');
  if (hasBuildScript(files)) {
    const build = await runInSandbox(sandbox, 'npm run build', { timeoutMs: limits.buildTimeoutMs, logChars, envs: env });
    if (!build.ok) return { state: 'failed', step: 'build', headline: `npm run build ${build.end}`, log: build.log };
    onPassed?.('build', 'built');
  } else {
    onPassed?.('build', 'no build script', true);
  }

  onStep?.('start');
  const api = await startApiInBackground(sandbox, { env, redact: options.redact, tailBytes: options.serverTailBytes });
  const baseUrl = options.hostUrl(sandbox.getHost(APP_PORT));
  const answer = await waitForAnswer(baseUrl, api, { timeoutMs: limits.startTimeoutMs, ...(options.signal ? { signal: options.signal } : {}) });
  const log = logEnd(api.logTail(), logChars);
  switch (answer) {
    case 'answering':
      onPassed?.('start', `listening on port ${APP_PORT}`);
      return { state: 'answering', api, baseUrl };
    case 'exited':
      return { state: 'failed', step: 'start', headline: `npm start ${await api.exited} before answering on port ${APP_PORT}`, log };
    case 'timeout':
      return { state: 'failed', step: 'start', headline: `no answer on port ${APP_PORT} within ${seconds(limits.startTimeoutMs)}`, log };
    case 'aborted':
      return { state: 'aborted' };
  }
}
