// The E2B preview adapter against the stand-in for the SDK's Sandbox (real processes in a temp dir,
// the API on a local port that getHost(3000) names): what it runs with which env vars, what it
// masks, how a running preview is kept alive and stopped, and that no failed start leaves a sandbox.
import { afterEach, describe, expect, it } from 'vitest';
import { createE2BStandIn } from '@/test/e2b-stand-in';
import { httpServer, pidsWithMarker, plainApi, waitFor } from '@/test/sandbox-support';
import type { PreviewStep } from '@/types/preview';
import type { FileMap } from '@/types/versioning';
import { createE2BPreviewAdapter } from './e2b-preview';

const SECRET = 'sk-preview-marker-3b8e41';
const ENV = { API_SECRET: SECRET };
const IDLE_MS = 120_000;

/** Prints its env var at start, as a careless API does; the build leaves a file the API serves. */
const GOOD_API = plainApi(
  httpServer(
    `
  if (req.url === '/health') return send(res, 200, { status: 'ok' });
  if (req.url === '/books') return send(res, 200, [{ title: require('fs').readFileSync('built.txt', 'utf8') }]);
  if (req.url === '/crash') process.exit(3);
  send(res, 404, {});
`,
    `console.log('connecting with ' + process.env.API_SECRET);`,
  ),
  { scripts: { build: `node -e "require('fs').writeFileSync('built.txt', 'Dune')"` } },
);

const standIns: Array<ReturnType<typeof createE2BStandIn>> = [];
afterEach(async () => {
  await Promise.all(standIns.splice(0).map((standIn) => standIn.cleanUp()));
});

async function startPreview(files: FileMap, options: { signal?: AbortSignal; onStep?: (step: PreviewStep) => void; startTimeoutMs?: number } = {}) {
  const standIn = createE2BStandIn();
  standIns.push(standIn);
  const adapter = createE2BPreviewAdapter({
    apiKey: 'e2b_test',
    idleMs: IDLE_MS,
    create: standIn.create,
    hostUrl: (host) => `http://${host}`,
    startTimeoutMs: options.startTimeoutMs ?? 10_000,
  });
  const steps: PreviewStep[] = [];
  const result = await adapter.start({
    files,
    env: ENV,
    signal: options.signal ?? new AbortController().signal,
    onStep: (step) => {
      steps.push(step);
      options.onStep?.(step);
    },
  });
  return { adapter, standIn, steps, result };
}

describe('E2B preview adapter', () => {
  it('installs without the env, builds and starts with it, and answers through baseUrl', async () => {
    const { adapter, standIn, steps, result } = await startPreview(GOOD_API);
    if (!result.ok) throw new Error(`did not start: ${result.message}\n${result.logTail}`);
    const { api } = result;
    try {
      expect(adapter.name).toBe('e2b');
      expect(steps).toEqual(['install', 'build', 'start']);
      expect(api.sandbox).toBe('e2b');
      const response = await fetch(`${api.baseUrl}/books`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([{ title: 'Dune' }]);

      const [install, build, start] = standIn.commands;
      expect(install).toMatchObject({ command: 'npm install --ignore-scripts --no-audit --no-fund', envs: undefined });
      expect(build).toMatchObject({ command: 'npm run build', envs: ENV });
      expect(start).toMatchObject({ command: 'npm start', background: true, envs: { ...ENV, PORT: '3000' }, timeoutMs: 0 });
      expect(standIn.wasKilled()).toBe(false);
    } finally {
      await api.stop();
    }
  });

  it('shows the API output with env values masked', async () => {
    const { result } = await startPreview(GOOD_API);
    if (!result.ok) throw new Error(result.message);
    try {
      await waitFor(() => result.api.logTail().includes('connecting with'));
      expect(result.api.logTail()).toContain('connecting with [hidden: API_SECRET]');
      expect(result.api.logTail()).not.toContain(SECRET);
    } finally {
      await result.api.stop();
    }
  });

  it('outlives the idle limit, is kept alive through setTimeout, and stop() kills the sandbox once', async () => {
    const { standIn, result } = await startPreview(GOOD_API);
    if (!result.ok) throw new Error(result.message);
    const { api } = result;
    // Created to outlast the idle limit, and moved to idle + margin once ready, when the idle clock starts.
    expect(standIn.created[0]!.timeoutMs).toBeGreaterThan(IDLE_MS);
    expect(standIn.events).toContain(`setTimeout ${IDLE_MS + 60_000}`);

    await api.keepAlive!(150_000);
    expect(standIn.events.at(-1)).toBe('setTimeout 150000');

    await api.stop();
    await api.stop();
    expect(standIn.killCount()).toBe(1);
    await expect(fetch(`${api.baseUrl}/health`)).rejects.toThrow();
  });

  it('says how the API ended when it exits by itself', async () => {
    const { result } = await startPreview(GOOD_API);
    if (!result.ok) throw new Error(result.message);
    try {
      await fetch(`${result.api.baseUrl}/crash`).catch(() => undefined);
      await expect(result.api.exited).resolves.toBe('exited with code 3');
    } finally {
      await result.api.stop();
    }
  });

  it('fails at install with npm output and kills the sandbox', async () => {
    const broken = { ...GOOD_API, 'package.json': '{ "name": "api", "dependencies": ' };
    const { standIn, steps, result } = await startPreview(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^install failed: npm install exited with code [1-9]\d*$/);
    expect(result.logTail).toMatch(/\S/);
    expect(steps).toEqual(['install']);
    expect(standIn.commandLines()).toEqual(['npm install --ignore-scripts --no-audit --no-fund']);
    expect(standIn.killCount()).toBe(1);
  });

  it('fails at build with its output masked and kills the sandbox', async () => {
    const files = plainApi(`require('http').createServer().listen(Number(process.env.PORT));`, {
      scripts: { build: `node -e "console.error('bad key ' + process.env.API_SECRET); process.exit(2)"` },
    });
    const { standIn, steps, result } = await startPreview(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('build failed: npm run build exited with code 2');
    expect(result.logTail).toContain('bad key [hidden: API_SECRET]');
    expect(result.logTail).not.toContain(SECRET);
    expect(steps).toEqual(['install', 'build']);
    expect(standIn.commandLines().some((line) => line.startsWith('npm start'))).toBe(false);
    expect(standIn.killCount()).toBe(1);
  });

  it('fails at start when the API exits before listening, with its output masked, and kills the sandbox', async () => {
    const files = plainApi(`console.error('cannot reach the database with ' + process.env.API_SECRET); process.exit(1);`);
    const { standIn, result } = await startPreview(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('start failed: npm start exited with code 1 before answering on port 3000');
    expect(result.logTail).toContain('cannot reach the database with [hidden: API_SECRET]');
    expect(result.logTail).not.toContain(SECRET);
    expect(standIn.killCount()).toBe(1);
  });

  it('stops at once when aborted while starting, killing the sandbox and the API in it', async () => {
    const marker = `never-listens-${process.pid}-${Date.now()}`;
    const files = plainApi(`console.log('warming up'); setInterval(() => undefined, 1000);`, { scripts: { start: `node server.js ${marker}` } });
    const controller = new AbortController();
    const startedAt = Date.now();
    const { standIn, result } = await startPreview(files, {
      signal: controller.signal,
      startTimeoutMs: 20_000,
      onStep: (step) => {
        if (step === 'start') setTimeout(() => controller.abort(), 500);
      },
    });
    expect(result).toEqual({ ok: false, message: 'Stopped while starting.', logTail: '' });
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    expect(standIn.wasKilled()).toBe(true);
    await waitFor(() => pidsWithMarker(marker).length === 0);
  });

  it('stops while installing when aborted then', async () => {
    const controller = new AbortController();
    const { standIn, result } = await startPreview(GOOD_API, {
      signal: controller.signal,
      onStep: (step) => {
        if (step === 'install') controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, message: 'Stopped while starting.', logTail: '' });
    expect(standIn.commandLines().some((line) => line.startsWith('npm start'))).toBe(false);
    expect(standIn.wasKilled()).toBe(true);
  });
});
