// The environment a generated API runs with. Built from an allow-list, never by copying process.env:
// the host's env holds OPENAI_API_KEY, DATABASE_URL, SUPABASE_*, TRIGGER_*, E2B_* and more, and
// generated code is untrusted. The project's own env vars (set by its owner for this API) are added,
// under the sandbox's own settings, which always win.
import { envNameProblem } from '@/shared/project-env-rules';

export interface SandboxEnvInput {
  /** The host environment; only PATH and LANG are read from it. */
  hostEnv: Readonly<Record<string, string | undefined>>;
  home: string;
  tmpDir: string;
  npmCacheDir: string;
  /** npm writes its debug logs here instead of into the shared cache. */
  npmLogsDir: string;
  port?: number;
  /** The project's env vars for its API (build and start only, never install). */
  projectEnv?: Readonly<Record<string, string>>;
}

const FALLBACK_PATH = '/usr/local/bin:/usr/bin:/bin';

export function buildSandboxEnv(input: SandboxEnvInput): Record<string, string> {
  const env: Record<string, string> = {
    // development unless the project says otherwise: npm must install devDependencies (typescript,
    // tsx), and apps often demand real secrets only in production. Install never sees project vars.
    NODE_ENV: 'development',
    // Names the rules refuse are dropped here too: a row written around the API (the dashboard, SQL)
    // must not set LD_PRELOAD for bubblewrap or move npm's cache.
    ...Object.fromEntries(Object.entries(input.projectEnv ?? {}).filter(([name]) => envNameProblem(name) === null)),
    // The host PATH is how the child finds node and npm; it names directories, not secrets.
    PATH: input.hostEnv.PATH || FALLBACK_PATH,
    HOME: input.home,
    LANG: input.hostEnv.LANG || 'C.UTF-8',
    TMPDIR: input.tmpDir,
    npm_config_cache: input.npmCacheDir,
    npm_config_logs_dir: input.npmLogsDir,
    // A registry round trip on every npm command that tells validation nothing.
    npm_config_update_notifier: 'false',
  };
  if (input.port !== undefined) {
    env.PORT = String(input.port);
    // Servers that honour HOST (the offline generator's do) listen on loopback only: a preview runs
    // for minutes, and nobody else on the network should reach it.
    env.HOST = '127.0.0.1';
  }
  return env;
}
