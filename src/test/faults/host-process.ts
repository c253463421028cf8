// Runs generation-host.mts as a child process and reads its JSON-line reports, for the fault tests
// that kill a server mid-generation.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HOST_SCRIPT = fileURLToPath(new URL('./generation-host.mts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export type HostReport = { host: string } & Record<string, unknown>;

export interface HostProcess {
  child: ChildProcess;
  /** Resolves with the report of that step; rejects if the process ends first or time runs out. */
  waitFor(step: string, timeoutMs?: number): Promise<HostReport>;
  reports: HostReport[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/**
 * Starts the host with only the variables it needs, so a DATABASE_URL or model key in the test's
 * environment cannot send it to another backend. `node --import tsx` rather than `npx tsx`: the
 * pid is then the host itself, and SIGKILL reaches it rather than a wrapper. The react-server
 * condition is how Next loads server code, so the server's `import 'server-only'` is a no-op here too.
 */
export function startHost(dataDir: string, args: string[]): HostProcess {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', HOST_SCRIPT, ...args], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: 'test',
      FORGE_DATA_DIR: dataDir,
      FORGE_SANDBOX: 'skip',
      FORGE_OFFLINE_CHUNK_DELAY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reports: HostReport[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      const parsed = JSON.parse(line) as HostReport;
      if (typeof parsed.host === 'string') reports.push(parsed);
    } catch {
      // Not a report: a log line of the services.
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      // stderr may still be draining; 'close' waits for it.
      child.on('close', () => resolve({ code, signal, stderr }));
    }),
  );
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    for (const wake of waiters) wake();
  });

  function waitFor(step: string, timeoutMs = 120_000): Promise<HostReport> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`the host did not report "${step}" within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
      const check = () => {
        const report = reports.find((candidate) => candidate.host === step);
        if (report) finish(null, report);
        else if (hasExited) finish(new Error(`the host exited before reporting "${step}"; stderr:\n${stderr}`));
      };
      function finish(error: Error | null, report?: HostReport) {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) reject(error);
        else resolve(report!);
      }
      waiters.add(check);
      check();
    });
  }

  return { child, waitFor, reports, exited };
}
