// Previews on this machine with real processes: small hand-written APIs are installed, built and
// started, called, crashed and stopped; every process is checked by pid, every temp dir by name.
// Also validation's hand-over: a validated server that lives on as the preview, or does not.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApi } from '@/generation/ports';
import { bubblewrapWorks } from '@/generation/sandbox/bubblewrap';
import { createLocalSandbox } from '@/generation/sandbox/local-sandbox';
import { httpServer, isAlive, pidsWithMarker, plainApi, waitFor } from '@/test/sandbox-support';
import { createSemaphore } from '@/generation/sandbox/semaphore';
import { createLocalPreviewAdapter } from './local-preview';
import { PreviewManager } from './preview-manager';

const MODES: Array<'auto' | 'off'> = (await bubblewrapWorks()) ? ['auto', 'off'] : ['off'];
const SECRET = `sk-test-${randomUUID()}`;

let testRoot: string;
beforeAll(async () => {
  testRoot = await mkdtemp(path.join(tmpdir(), 'local-preview-test-'));
});
afterAll(() => rm(testRoot, { recursive: true, force: true }));

/** An API whose processes carry `marker` in their command line, so the test can find them. */
function markedApi(marker: string, handler: string, setup = '') {
  return plainApi(httpServer(handler, setup), { scripts: { start: `node server.js ${marker}` } });
}

const HELLO = `
  if (req.url === '/health') return send(res, 200, { status: 'ok' });
  if (req.url === '/secret-length') return send(res, 200, { length: (process.env.API_KEY || '').length });
  send(res, 404, { error: 'not found' });
`;

describe.concurrent.each(MODES)('local previews, bubblewrap %s', (mode) => {
  async function adapterFor() {
    const sandboxRoot = await mkdtemp(path.join(testRoot, 'root-'));
    return { adapter: createLocalPreviewAdapter({ sandboxRoot, bubblewrap: mode, killGraceMs: 500 }), sandboxRoot };
  }

  it("starts an API with the project's env vars, masks them in its log, and stop leaves no process or dir behind", async () => {
    const { adapter, sandboxRoot } = await adapterFor();
    const marker = `preview-${randomUUID()}`;
    const steps: string[] = [];
    const result = await adapter.start({
      files: markedApi(marker, HELLO, `console.log('starting with key ' + process.env.API_KEY);`),
      env: { API_KEY: SECRET },
      signal: new AbortController().signal,
      onStep: (step) => steps.push(step),
    });
    if (!result.ok) throw new Error(`did not start: ${result.message}\n${result.logTail}`);
    const api = result.api;
    expect(steps).toEqual(['install', 'build', 'start']);
    expect(api.sandbox).toBe(mode === 'auto' ? 'local (bubblewrap)' : 'local');
    expect(await (await fetch(`${api.baseUrl}/secret-length`)).json()).toEqual({ length: SECRET.length });
    await waitFor(() => api.logTail().includes('starting with key'));
    expect(api.logTail()).toContain('starting with key [hidden: API_KEY]');
    expect(api.logTail()).not.toContain(SECRET);
    const pids = pidsWithMarker(marker);
    expect(pids.length).toBeGreaterThan(0);

    await Promise.all([api.stop(), api.stop()]);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('reports an API that crashes after it started', async () => {
    const { adapter } = await adapterFor();
    const result = await adapter.start({
      files: markedApi(`crash-${randomUUID()}`, `if (req.url === '/crash') { console.error('boom: ' + process.env.API_KEY); process.exit(3); } send(res, 200, {});`),
      env: { API_KEY: SECRET },
      signal: new AbortController().signal,
    });
    if (!result.ok) throw new Error(result.message);
    await fetch(`${result.api.baseUrl}/crash`).catch(() => undefined);
    expect(await result.api.exited).toMatch(/exited with code 3/);
    expect(result.api.logTail()).toContain('boom: [hidden: API_KEY]');
    await result.api.stop();
  });

  it('fails with the failing step and its output, and cleans up', async () => {
    const { adapter, sandboxRoot } = await adapterFor();
    const files = plainApi(httpServer(HELLO), { scripts: { build: 'node -e "console.log(\'compiling\'); process.exit(2)"' } });
    const result = await adapter.start({ files, env: {}, signal: new AbortController().signal });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^build failed: npm run build exited with code 2/);
    expect(result.logTail).toContain('compiling');
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('stops a start that is aborted, with nothing left running', async () => {
    const { adapter, sandboxRoot } = await adapterFor();
    const marker = `never-listens-${randomUUID()}`;
    const files = plainApi('setInterval(() => {}, 1000);', { scripts: { start: `node server.js ${marker}` } });
    const controller = new AbortController();
    const started = adapter.start({ files, env: {}, signal: controller.signal, onStep: (step) => step === 'start' && setTimeout(() => controller.abort(), 300) });
    const result = await started;
    expect(result).toMatchObject({ ok: false, message: 'Stopped while starting.' });
    expect(pidsWithMarker(marker).filter(isAlive)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });
});

describe('a server going away', () => {
  it('leaves no preview process behind: stopAll at shutdown, killAllNow when the process exits', async () => {
    const sandboxRoot = await mkdtemp(path.join(testRoot, 'exit-'));
    const manager = new PreviewManager({ adapter: createLocalPreviewAdapter({ sandboxRoot, killGraceMs: 500 }), maxRunning: 3, idleMs: 600_000 });
    const markers = [`shutdown-a-${randomUUID()}`, `shutdown-b-${randomUUID()}`];
    const start = (marker: string, versionNumber: number) =>
      manager.start({ versionId: marker, versionNumber, envFingerprint: '', files: markedApi(marker, HELLO), env: {} });
    const ready = async () => waitFor(() => markers.every((marker) => manager.status(marker).state === 'ready'), 30_000);

    markers.forEach((marker, index) => start(marker, index + 1));
    await ready();
    const pids = markers.flatMap((marker) => pidsWithMarker(marker));
    await manager.stopAll();
    expect(pids.filter(isAlive)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);

    markers.forEach((marker, index) => start(marker, index + 1));
    await ready();
    const again = markers.flatMap((marker) => pidsWithMarker(marker));
    expect(again.length).toBeGreaterThan(0);
    manager.killAllNow();
    // SIGKILL was sent synchronously; the kernel only has to deliver it.
    await waitFor(() => again.every((pid) => !isAlive(pid)), 2_000);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });
});

describe.concurrent("validation's hand-over", () => {
  async function sandboxFor() {
    const sandboxRoot = await mkdtemp(path.join(testRoot, 'validate-'));
    return { sandbox: createLocalSandbox({ sandboxRoot, killGraceMs: 500, slots: createSemaphore(8), probeWriteRoutes: true }), sandboxRoot };
  }

  it('keeps the validated server running for the one who adopts it, until it is stopped', async () => {
    const { sandbox, sandboxRoot } = await sandboxFor();
    const marker = `adopted-${randomUUID()}`;
    let adopted: RunningApi | undefined;
    const report = await sandbox.validate(markedApi(marker, HELLO), {
      routes: ['GET /secret-length'],
      env: { API_KEY: SECRET },
      adoptServer: (api) => ((adopted = api), true),
    });
    expect(report.ok).toBe(true);
    expect(adopted).toBeDefined();
    expect(await (await fetch(`${adopted!.baseUrl}/secret-length`)).json()).toEqual({ length: SECRET.length });
    expect(pidsWithMarker(marker).length).toBeGreaterThan(0);
    await adopted!.stop();
    expect(pidsWithMarker(marker).filter(isAlive)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('stops the server when the offer is refused', async () => {
    const { sandbox, sandboxRoot } = await sandboxFor();
    const marker = `refused-${randomUUID()}`;
    let offered = 0;
    await sandbox.validate(markedApi(marker, HELLO), { routes: [], adoptServer: () => (offered++, false) });
    expect(offered).toBe(1);
    expect(pidsWithMarker(marker).filter(isAlive)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('offers a server whose data a write probe changed only after starting it again, and never one that failed a check', async () => {
    const { sandbox } = await sandboxFor();
    const offered: RunningApi[] = [];
    const adoptServer = (api: RunningApi) => (offered.push(api), true);
    // Counts the writes it took since it started: a fresh start says 0.
    const countsWrites = `if (req.url === '/health') return send(res, 200, { status: 'ok' }); if (req.method === 'POST') writes++; send(res, 201, { writes });`;
    const written = await sandbox.validate(markedApi(`written-${randomUUID()}`, countsWrites, 'let writes = 0;'), { routes: ['POST /notes'], adoptServer });
    expect(written.ok).toBe(true);
    expect(offered).toHaveLength(1);
    try {
      expect(await (await fetch(`${offered[0]!.baseUrl}/notes`)).json()).toEqual({ writes: 0 });
    } finally {
      await offered[0]!.stop();
    }
    const failing = `if (req.url === '/health') return send(res, 200, { status: 'ok' }); send(res, 500, { error: 'broken' });`;
    const failed = await sandbox.validate(markedApi(`failing-${randomUUID()}`, failing), { routes: ['GET /notes'], adoptServer });
    expect(failed.ok).toBe(false);
    expect(offered).toHaveLength(1);
  });
});
