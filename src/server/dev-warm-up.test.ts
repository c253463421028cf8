import { describe, expect, it } from 'vitest';
import { devServerOrigin, runDevWarmUp, shouldWarmUp, warmUpPaths, warmUpSummary, type WarmUpDeps } from './dev-warm-up';

const PROJECT_ID = '2b1f6c1e-4f7e-4c1a-9d43-8d1f1f0c2a11';

describe('warmUpPaths', () => {
  it('follows a newcomer: home, /ask, a project page, then the tRPC route', () => {
    const paths = warmUpPaths(PROJECT_ID);
    expect(paths.slice(0, 3)).toEqual(['/', '/ask', `/projects/${PROJECT_ID}`]);
    expect(paths[3]).toMatch(/^\/api\/trpc\/projects\.list\?input=/);
    expect(paths).toHaveLength(4);
  });
});

describe('shouldWarmUp', () => {
  it('runs only under next dev, unless turned off', () => {
    expect(shouldWarmUp({ NODE_ENV: 'development' })).toBe(true);
    expect(shouldWarmUp({ NODE_ENV: 'development', FORGE_DEV_WARM_UP: 'off' })).toBe(false);
    expect(shouldWarmUp({ NODE_ENV: 'production' })).toBe(false);
    expect(shouldWarmUp({ NODE_ENV: 'test' })).toBe(false);
    expect(shouldWarmUp({})).toBe(false);
  });
});

describe('devServerOrigin', () => {
  it('is the loopback address on the port Next listens on, once it is known', () => {
    expect(devServerOrigin({ PORT: '3000' })).toBe('http://127.0.0.1:3000');
    expect(devServerOrigin({})).toBeNull();
    expect(devServerOrigin({ PORT: 'abc' })).toBeNull();
  });
});

describe('warmUpSummary', () => {
  it('is one line with the count and the time', () => {
    expect(warmUpSummary(4, 4, 3_240)).toBe('[warm-up] compiled 4 routes in 3.2 s');
    expect(warmUpSummary(3, 4, 3_240)).toBe('[warm-up] compiled 3 routes in 3.2 s (1 did not answer)');
  });
});

/** A dev server that starts answering after `downFor` health checks; paths in `failing` drop the connection. */
function fakeServer({ downFor = 0, failing = [] as string[], port = '3000' as string | null } = {}) {
  const requested: string[] = [];
  const logs: string[] = [];
  let clock = 0;
  let healthChecks = 0;
  const deps: WarmUpDeps = {
    origin: () => (port ? `http://127.0.0.1:${port}` : null),
    fetch: async (url) => {
      const path = url.replace('http://127.0.0.1:3000', '');
      requested.push(path);
      clock += 500;
      if (path === '/api/health' && healthChecks++ < downFor) throw new Error('ECONNREFUSED');
      if (failing.includes(path)) throw new Error('socket hang up');
      return { text: async () => '' };
    },
    sleep: async (ms) => {
      clock += ms;
    },
    now: () => clock,
    log: (line) => logs.push(line),
    projectId: PROJECT_ID,
    deadlineMs: 1_000,
  };
  return { deps, requested, logs };
}

describe('runDevWarmUp', () => {
  it('waits for the server, then requests the routes one after another and logs one line', async () => {
    const server = fakeServer({ downFor: 2 });
    await runDevWarmUp(server.deps);
    expect(server.requested).toEqual(['/api/health', '/api/health', '/api/health', ...warmUpPaths(PROJECT_ID)]);
    expect(server.logs).toEqual(['[warm-up] compiled 4 routes in 2.0 s']);
  });

  it('goes on past a route that fails, and never throws', async () => {
    const server = fakeServer({ failing: ['/ask'] });
    await expect(runDevWarmUp(server.deps)).resolves.toBeUndefined();
    expect(server.requested).toHaveLength(5);
    expect(server.logs).toEqual(['[warm-up] compiled 3 routes in 2.0 s (1 did not answer)']);
  });

  it('gives up at the deadline when the server never answers', async () => {
    const server = fakeServer({ port: null });
    server.deps.sleep = () => new Promise((resolve) => setTimeout(resolve, 20));
    await expect(runDevWarmUp({ ...server.deps, deadlineMs: 100 })).resolves.toBeUndefined();
    expect(server.requested).toEqual([]);
    expect(server.logs).toEqual([expect.stringMatching(/^\[warm-up\] gave up after .* the dev server did not answer$/)]);
  });
});
