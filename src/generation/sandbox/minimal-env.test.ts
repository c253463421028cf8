import { describe, expect, it } from 'vitest';
import { buildSandboxEnv } from './minimal-env';

const input = {
  home: '/sandbox/home',
  tmpDir: '/sandbox/tmp',
  npmCacheDir: '/cache/npm',
  npmLogsDir: '/sandbox/logs',
};

describe('buildSandboxEnv', () => {
  it('passes no host variable other than PATH and LANG', () => {
    const hostEnv = {
      PATH: '/usr/bin:/bin',
      LANG: 'en_US.UTF-8',
      OPENAI_API_KEY: 'sk-secret',
      DATABASE_URL: 'postgres://user:pw@db/app',
      SUPABASE_SERVICE_ROLE_KEY: 'service-role',
      TRIGGER_SECRET_KEY: 'tr_secret',
      E2B_API_KEY: 'e2b_secret',
      NODE_OPTIONS: '--require /evil.js',
      npm_config_registry: 'https://registry.example',
      HOME: '/root',
      TMPDIR: '/host/tmp',
      NODE_ENV: 'production',
    };
    const env = buildSandboxEnv({ ...input, hostEnv, port: 4312 });
    expect(env).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/sandbox/home',
      LANG: 'en_US.UTF-8',
      TMPDIR: '/sandbox/tmp',
      NODE_ENV: 'development',
      PORT: '4312',
      HOST: '127.0.0.1',
      npm_config_cache: '/cache/npm',
      npm_config_logs_dir: '/sandbox/logs',
      npm_config_update_notifier: 'false',
    });
    expect(Object.values(env).join('\n')).not.toMatch(/secret|service-role|postgres:|evil|registry\.example/);
  });

  it('falls back to a standard PATH and a UTF-8 locale, and sets PORT only when given', () => {
    const env = buildSandboxEnv({ ...input, hostEnv: {} });
    expect(env.PATH).toBe('/usr/local/bin:/usr/bin:/bin');
    expect(env.LANG).toBe('C.UTF-8');
    expect(env).not.toHaveProperty('PORT');
  });

  it("adds the project's own env vars under the sandbox's settings, and drops names the rules refuse", () => {
    const env = buildSandboxEnv({
      ...input,
      hostEnv: { PATH: '/usr/bin' },
      port: 4000,
      projectEnv: { JWT_SECRET: 'from-project', NODE_ENV: 'production', HOME: '/elsewhere', PORT: '1', HOST: '0.0.0.0', LD_PRELOAD: '/app/x.so', npm_config_cache: '/tmp/x' },
    });
    expect(env).toMatchObject({ JWT_SECRET: 'from-project', NODE_ENV: 'production', HOME: '/sandbox/home', PORT: '4000', HOST: '127.0.0.1', npm_config_cache: '/cache/npm' });
    expect(env.LD_PRELOAD).toBeUndefined();
  });
});
