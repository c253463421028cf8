// The environment a generated API runs with. Built from an allow-list, never by copying process.env:
// the host's env holds OPENAI_API_KEY, DATABASE_URL, SUPABASE_*, TRIGGER_*, E2B_* and more, and
// generated code is untrusted.

export interface SandboxEnvInput {
  /** The host environment; only PATH and LANG are read from it. */
  hostEnv: Readonly<Record<string, string | undefined>>;
  home: string;
  tmpDir: string;
  npmCacheDir: string;
  /** npm writes its debug logs here instead of into the shared cache. */
  npmLogsDir: string;
  port?: number;
}

const FALLBACK_PATH = '/usr/local/bin:/usr/bin:/bin';

export function buildSandboxEnv(input: SandboxEnvInput): Record<string, string> {
  const env: Record<string, string> = {
    // The host PATH is how the child finds node and npm; it names directories, not secrets.
    PATH: input.hostEnv.PATH || FALLBACK_PATH,
    HOME: input.home,
    LANG: input.hostEnv.LANG || 'C.UTF-8',
    TMPDIR: input.tmpDir,
    // development, not production: npm must install devDependencies (typescript, tsx), and apps
    // often demand real secrets only in production.
    NODE_ENV: 'development',
    npm_config_cache: input.npmCacheDir,
    npm_config_logs_dir: input.npmLogsDir,
    // A registry round trip on every npm command that tells validation nothing.
    npm_config_update_notifier: 'false',
  };
  if (input.port !== undefined) env.PORT = String(input.port);
  return env;
}
