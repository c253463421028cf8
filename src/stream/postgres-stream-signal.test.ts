// Cross-process wake-ups: two database handles stand for two processes on one Postgres. The NOTIFY
// of one must wake the other's long-polls well before their 1 s re-check would.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { postgresSkipReason, postgresTestUrl } from '@/test/test-database';
import { createStreamSignal } from './postgres-stream-signal';
import { waitForStreamAppend } from './stream-notifier';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!postgresTestUrl)(`stream signal on Postgres${postgresTestUrl ? '' : ` (${postgresSkipReason})`}`, () => {
  let serverA: DatabaseHandle;
  let workerB: DatabaseHandle;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    serverA = await openDatabase({ kind: 'postgres', url: postgresTestUrl!, maxConnections: 2 });
    workerB = await openDatabase({ kind: 'postgres', url: postgresTestUrl!, maxConnections: 2 });
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  afterAll(async () => {
    await serverA?.close();
    await workerB?.close();
  });

  it('wakes a long-poll on another handle when one announces, well within the re-check', async () => {
    stops.push(await createStreamSignal(serverA).listen());
    const versionId = randomUUID();
    // Both handles live in this one test process, so announce() also wakes through the shared
    // in-process notifier. A waiter armed after that can only be woken by serverA's LISTEN.
    createStreamSignal(workerB).announce(versionId);
    const started = performance.now();
    const woken = await waitForStreamAppend(versionId, 5000);
    const elapsedMs = performance.now() - started;
    expect(woken).toBe(true);
    expect(elapsedMs).toBeLessThan(500);
  });

  it('stops waking once unlistened', async () => {
    const stop = await createStreamSignal(serverA).listen();
    await stop();
    const versionId = randomUUID();
    const woken = waitForStreamAppend(versionId, 300);
    await workerB.notify('forge_stream', versionId);
    expect(await woken).toBe(false);
  });

  it("drops a process's own echo but still wakes for another process's NOTIFY", async () => {
    const heard: string[] = [];
    // The same client (same notify), with its payloads counted on the way to the signal.
    const signal = createStreamSignal({
      notify: serverA.notify,
      listen: (channel, onPayload) => serverA.listen(channel, (payload) => (heard.push(payload), onPayload(payload))),
    });
    stops.push(await signal.listen());
    const versionId = randomUUID();
    const local = waitForStreamAppend(versionId, 1000);
    signal.announce(versionId);
    expect(await local).toBe(true);
    // The echo of that NOTIFY arrives within milliseconds and must not wake this waiter.
    const echo = waitForStreamAppend(versionId, 300);
    expect(await echo).toBe(false);
    expect(heard).toEqual([versionId]);
    const foreign = waitForStreamAppend(versionId, 2000);
    await workerB.notify('forge_stream', versionId);
    expect(await foreign).toBe(true);
  });
});

describe('stream signal without a database', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps at most one NOTIFY per version in flight and sends one more for what came meanwhile', async () => {
    const releases: Array<() => void> = [];
    const notify = vi.fn(() => new Promise<void>((resolve) => releases.push(resolve)));
    const signal = createStreamSignal({ notify });
    for (let index = 0; index < 5; index++) signal.announce('v1');
    signal.announce('v2');
    await settle(0);
    expect(notify.mock.calls.map((call: unknown[]) => call[1])).toEqual(['v1', 'v2']);
    releases.splice(0).forEach((release) => release());
    await settle(0);
    expect(notify.mock.calls.map((call: unknown[]) => call[1])).toEqual(['v1', 'v2', 'v1']);
    releases.splice(0).forEach((release) => release());
    await settle(0);
    expect(notify).toHaveBeenCalledTimes(3);
  });

  it('never throws, wakes local long-polls anyway, and logs a failing NOTIFY once per burst', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let broken = true;
    const signal = createStreamSignal({
      notify: async () => {
        if (broken) throw new Error('connection refused');
      },
    });
    const woken = waitForStreamAppend('v-local', 1000);
    for (let index = 0; index < 4; index++) {
      expect(() => signal.announce('v-local')).not.toThrow();
      await settle(1);
    }
    expect(await woken).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
    broken = false;
    signal.announce('v-local');
    await settle(1);
    broken = true;
    signal.announce('v-local');
    await settle(1);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('never throws when notify throws synchronously', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const signal = createStreamSignal({
      notify: () => {
        throw new Error('no client');
      },
    });
    expect(() => signal.announce('v-sync')).not.toThrow();
    await settle(1);
  });
});
