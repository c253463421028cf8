// The manager's rules with an adapter whose starts the test finishes by hand, and a clock it sets:
// states, the limit on running previews, the idle stop, hand-over and crashes. The real adapters
// (processes here, E2B's stand-in) have tests of their own.
import { describe, expect, it } from 'vitest';
import type { RunningApi } from '@/generation/ports';
import type { PreviewAdapter, PreviewStartOptions, PreviewStartResult } from './preview-adapter';
import { PreviewManager } from './preview-manager';

interface FakeApi extends RunningApi {
  stops: number;
  crash(description: string): void;
}

function fakeApi(name: string): FakeApi {
  let crash: (description: string) => void = () => {};
  const api: FakeApi = {
    sandbox: 'fake',
    baseUrl: `http://${name}.test`,
    logTail: () => `${name} log`,
    exited: new Promise<string>((resolve) => (crash = resolve)),
    stops: 0,
    crash: (description) => crash(description),
    async stop() {
      api.stops++;
    },
  };
  return api;
}

/** Each start waits until the test answers it. */
function manualAdapter() {
  const pending: Array<{ options: PreviewStartOptions; finish: (result: PreviewStartResult) => void }> = [];
  const adapter: PreviewAdapter = {
    name: 'manual',
    start: (options) => new Promise((finish) => pending.push({ options, finish })),
  };
  return { adapter, pending };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const target = (versionId: string, versionNumber = 1) => ({ versionId, versionNumber, envFingerprint: 'env-1', files: { 'package.json': '{}' }, env: {} });

describe('PreviewManager', () => {
  it('goes from stopped to starting to ready, and a second start while it runs changes nothing', async () => {
    const { adapter, pending } = manualAdapter();
    const manager = new PreviewManager({ adapter, maxRunning: 3, idleMs: 60_000 });
    expect(manager.status('v1').state).toBe('stopped');
    expect(manager.start(target('v1')).state).toBe('starting');
    pending[0]!.options.onStep?.('build');
    expect(manager.status('v1')).toMatchObject({ state: 'starting', step: 'build' });
    expect(manager.start(target('v1')).state).toBe('starting');
    expect(pending).toHaveLength(1);

    pending[0]!.finish({ ok: true, api: fakeApi('one') });
    await flush();
    expect(manager.status('v1')).toMatchObject({ state: 'ready', sandbox: 'fake', step: null, logTail: 'one log', handedOver: false });
    expect(manager.use('v1')?.baseUrl).toBe('http://one.test');
  });

  it('says why a start failed, with its log', async () => {
    const { adapter, pending } = manualAdapter();
    const manager = new PreviewManager({ adapter, maxRunning: 3, idleMs: 60_000 });
    manager.start(target('v1'));
    pending[0]!.finish({ ok: false, message: 'build failed: npm run build exited with code 2', logTail: 'src/index.ts(3,1): error TS1005' });
    await flush();
    expect(manager.status('v1')).toMatchObject({ state: 'failed', message: 'build failed: npm run build exited with code 2', logTail: 'src/index.ts(3,1): error TS1005' });
    expect(manager.use('v1')).toBeNull();
  });

  it('stops the least recently used preview to keep under the limit', async () => {
    let now = 0;
    const { adapter, pending } = manualAdapter();
    const manager = new PreviewManager({ adapter, maxRunning: 2, idleMs: 60_000, now: () => now });
    const apis = [fakeApi('a'), fakeApi('b'), fakeApi('c')];
    manager.start(target('a', 1));
    now = 10;
    manager.start(target('b', 2));
    pending[0]!.finish({ ok: true, api: apis[0]! });
    pending[1]!.finish({ ok: true, api: apis[1]! });
    await flush();
    now = 20;
    manager.use('a');
    now = 30;
    manager.start(target('c', 3));
    await flush();
    expect(manager.status('b')).toMatchObject({ state: 'stopped', stopReason: 'evicted' });
    expect(manager.status('b').message).toMatch(/make room for v3: at most 2 previews/);
    expect(apis[1]!.stops).toBe(1);
    expect(manager.status('a').state).toBe('ready');
    expect(['a', 'b', 'c'].map((id) => manager.status(id).state)).toEqual(['ready', 'stopped', 'starting']);
  });

  it('stops a ready preview after the idle time without a request, and a request resets the time', async () => {
    let now = 0;
    const { adapter, pending } = manualAdapter();
    const manager = new PreviewManager({ adapter, maxRunning: 3, idleMs: 600_000, now: () => now });
    const api = fakeApi('a');
    manager.start(target('a'));
    pending[0]!.finish({ ok: true, api });
    await flush();
    now = 500_000;
    manager.use('a');
    expect(manager.status('a').idleStopAt).toEqual(new Date(1_100_000));
    now = 1_099_999;
    await manager.stopIdle();
    expect(manager.status('a').state).toBe('ready');
    now = 1_100_000;
    await manager.stopIdle();
    expect(manager.status('a')).toMatchObject({ state: 'stopped', stopReason: 'idle', message: 'Stopped after 10 min without a request.', logTail: 'a log' });
    expect(api.stops).toBe(1);
  });

  it('a preview stopped while it starts never becomes ready, and the API that came up late is stopped', async () => {
    const { adapter, pending } = manualAdapter();
    const manager = new PreviewManager({ adapter, maxRunning: 3, idleMs: 60_000 });
    manager.start(target('a'));
    await manager.stop('a');
    expect(pending[0]!.options.signal.aborted).toBe(true);
    const late = fakeApi('late');
    pending[0]!.finish({ ok: true, api: late });
    await flush();
    expect(manager.status('a')).toMatchObject({ state: 'stopped', stopReason: 'user' });
    expect(late.stops).toBe(1);
  });

  it('an API that exits by itself becomes failed, keeps its log, and is cleaned up', async () => {
    const { adapter, pending } = manualAdapter();
    const manager = new PreviewManager({ adapter, maxRunning: 3, idleMs: 60_000 });
    const api = fakeApi('crashy');
    manager.start(target('a'));
    pending[0]!.finish({ ok: true, api });
    await flush();
    api.crash('exited with code 1');
    await flush();
    expect(manager.status('a')).toMatchObject({ state: 'failed', message: 'The API exited with code 1.', logTail: 'crashy log' });
    expect(api.stops).toBe(1);
  });

  it("takes over validation's server unless the version's preview already runs", async () => {
    const { adapter, pending } = manualAdapter();
    const manager = new PreviewManager({ adapter, maxRunning: 3, idleMs: 60_000 });
    const validated = fakeApi('validated');
    expect(manager.adopt({ versionId: 'a', versionNumber: 1, envFingerprint: 'env-1' }, validated)).toBe(true);
    expect(manager.status('a')).toMatchObject({ state: 'ready', handedOver: true });
    expect(manager.adopt({ versionId: 'a', versionNumber: 1, envFingerprint: 'env-1' }, fakeApi('second'))).toBe(false);
    expect(pending).toHaveLength(0);
  });

  it("gives an adopted hosted sandbox a preview's lifetime, and keeps it alive while it is used", async () => {
    let now = 0;
    const manager = new PreviewManager({ adapter: manualAdapter().adapter, maxRunning: 3, idleMs: 600_000, now: () => now });
    const timeouts: number[] = [];
    const api = { ...fakeApi('e2b'), keepAlive: async (ms: number) => void timeouts.push(ms) };
    manager.adopt({ versionId: 'a', versionNumber: 1, envFingerprint: '' }, api);
    expect(timeouts).toEqual([630_000]);
    now = 10_000;
    manager.use('a');
    expect(timeouts).toHaveLength(1);
    now = 40_000;
    manager.use('a');
    expect(timeouts).toEqual([630_000, 630_000]);
  });

  it('points out env vars changed since the preview started', async () => {
    const manager = new PreviewManager({ adapter: manualAdapter().adapter, maxRunning: 3, idleMs: 60_000 });
    manager.adopt({ versionId: 'a', versionNumber: 1, envFingerprint: 'env-1' }, fakeApi('a'));
    expect(manager.status('a', 'env-1').envChanged).toBe(false);
    expect(manager.status('a', 'env-2').envChanged).toBe(true);
  });

  it('stops everything at shutdown', async () => {
    const manager = new PreviewManager({ adapter: manualAdapter().adapter, maxRunning: 3, idleMs: 60_000 });
    const apis = [fakeApi('a'), fakeApi('b')];
    manager.adopt({ versionId: 'a', versionNumber: 1, envFingerprint: '' }, apis[0]!);
    manager.adopt({ versionId: 'b', versionNumber: 2, envFingerprint: '' }, apis[1]!);
    await manager.stopAll();
    expect(apis.map((api) => api.stops)).toEqual([1, 1]);
    expect(manager.status('a')).toMatchObject({ state: 'stopped', stopReason: 'shutdown' });
    expect(manager.status('b')).toMatchObject({ state: 'stopped', stopReason: 'shutdown' });
  });
});
