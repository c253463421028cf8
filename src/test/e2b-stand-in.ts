// For tests only: a stand-in for the SDK's Sandbox. E2B's service cannot be reached from here, so
// the stand-in runs the same commands as real processes in a temp dir and serves the API on a local
// port, which getHost(3000) names the way E2B names its public host. It records what the adapter
// asked for (commands with their envs, timeouts, kills), so tests can check the adapter's flow.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { E2BCommandHandle, E2BCommandOptions, E2BSandboxHandle } from '@/generation/sandbox/e2b-commands';
import { reserveFreePort, type PortReservation } from '@/generation/sandbox/free-port';

export interface StandInCommand {
  command: string;
  background: boolean;
  envs: Record<string, string> | undefined;
  timeoutMs: number | undefined;
}

/** How a command ended, in the shapes the SDK uses: a result, a CommandExitError-like object, or an Error. */
interface Ending {
  exitCode?: number;
  stdout: string;
  stderr: string;
  error?: string;
  sandboxGone?: boolean;
}

/** What the SDK says, more or less, to a call on a sandbox that was killed. */
const SANDBOX_GONE = 'sandbox was not found: it was killed';

export function createE2BStandIn() {
  const commands: StandInCommand[] = [];
  const events: string[] = [];
  const created: Array<{ apiKey: string; timeoutMs: number }> = [];
  const children = new Set<ChildProcess>();
  let dir = '';
  let port: PortReservation | undefined;
  let kills = 0;
  let gone = false;

  function spawnInSandbox(command: string, options: E2BCommandOptions & { background?: boolean }): { child: ChildProcess; ended: Promise<Ending> } {
    if (gone) throw new Error(SANDBOX_GONE);
    commands.push({ command, background: Boolean(options.background), envs: options.envs, timeoutMs: options.timeoutMs });
    // E2B serves the sandbox's port 3000 on its host; here the API gets the local port getHost names.
    const portEnv = options.background && port ? { PORT: String(port.port) } : {};
    const child = spawn('sh', ['-c', command], {
      cwd: dir,
      env: { ...process.env, ...options.envs, ...portEnv },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (data: string) => {
      stdout += data;
      options.onStdout?.(data);
    });
    child.stderr?.setEncoding('utf8').on('data', (data: string) => {
      stderr += data;
      options.onStderr?.(data);
    });
    const ended = new Promise<Ending>((resolve) => {
      child.once('error', (error) => resolve({ stdout, stderr, error: error.message }));
      child.once('close', (code, signal) => {
        children.delete(child);
        if (gone) resolve({ stdout, stderr, sandboxGone: true });
        else resolve({ exitCode: code ?? -1, stdout, stderr, ...(signal ? { error: `signal: ${signal}` } : {}) });
      });
    });
    return { child, ended };
  }

  /** Like the SDK: exit code 0 resolves with the result; anything else rejects. */
  function settle(ending: Ending): Promise<unknown> {
    if (ending.sandboxGone) return Promise.reject(new Error('the sandbox was killed while the command ran'));
    if (ending.exitCode === 0) return Promise.resolve(ending);
    return Promise.reject(ending);
  }

  const handle: E2BSandboxHandle = {
    files: {
      async write(entries) {
        for (const entry of entries) {
          if (gone) throw new Error(SANDBOX_GONE);
          events.push(`write ${entry.path}`);
          const target = join(dir, entry.path.replace('/home/user/app/', ''));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, entry.data);
        }
      },
    },
    commands: {
      // One implementation for both of the SDK's overloads, as the SDK has.
      run: (async (command: string, options: E2BCommandOptions & { background?: boolean }) => {
        const { child, ended } = spawnInSandbox(command, options);
        if (!options.background) return settle(await ended);
        const background: E2BCommandHandle = {
          pid: child.pid ?? -1,
          wait: () => ended.then(settle),
          kill: async () => killGroup(child),
        };
        return background;
      }) as E2BSandboxHandle['commands']['run'],
    },
    getHost(requested) {
      events.push(`getHost ${requested}`);
      return `127.0.0.1:${port?.port ?? 0}`;
    },
    async setTimeout(timeoutMs) {
      if (gone) throw new Error(SANDBOX_GONE);
      events.push(`setTimeout ${timeoutMs}`);
    },
    async kill() {
      kills += 1;
      events.push('kill');
      gone = true;
      for (const child of children) killGroup(child);
      port?.release();
      await rm(dir, { recursive: true, force: true });
    },
  };

  return {
    commands,
    events,
    created,
    killCount: () => kills,
    wasKilled: () => kills > 0,
    /** For afterEach: a test that failed half-way must not leave its API running. */
    cleanUp: async () => {
      if (!gone) await handle.kill();
    },
    /** The command lines run so far, background ones marked. */
    commandLines: () => commands.map((entry) => `${entry.command}${entry.background ? ' (background)' : ''}`),
    create: async (options: { apiKey: string; timeoutMs: number }) => {
      created.push(options);
      dir = await mkdtemp(join(tmpdir(), 'forge-e2b-standin-'));
      port = await reserveFreePort();
      return handle;
    },
  };
}

/** npm runs the API as its child: the whole group goes, as everything goes when a VM ends. */
function killGroup(child: ChildProcess): boolean {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}
