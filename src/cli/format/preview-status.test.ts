import { describe, expect, it } from 'vitest';
import { describeReady, describeStarting } from './preview-status';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + seconds * 1000);

const started = {
  versionId: 'v-id',
  sandbox: 'local (bubblewrap)',
  handedOver: false,
  url: 'http://127.0.0.1:41234',
  startedAt: at(0),
  readyAt: at(2.3),
  lastUsedAt: at(2.3),
  idleStopAt: at(2.3 + 600),
  envChanged: false,
};

describe('describeReady', () => {
  it('says where it runs, how long it took to start and when it stops', () => {
    expect(describeReady('v1', started)).toBe(
      "v1's preview is ready at http://127.0.0.1:41234 (local (bubblewrap), started in 2.3 s); it stops after 10 min without a request.",
    );
  });

  it('says a preview taken over from validation was kept running', () => {
    expect(describeReady('v2', { ...started, sandbox: 'local', handedOver: true, url: null })).toBe(
      "v2's preview is ready (local, kept running from validation); it stops after 10 min without a request.",
    );
  });

  it('leaves out what the status does not have', () => {
    expect(describeReady('v3', { ...started, sandbox: null, url: null, startedAt: null, idleStopAt: null })).toBe("v3's preview is ready.");
  });

  it('points out env vars changed since it started', () => {
    expect(describeReady('v1', { ...started, envChanged: true })).toMatch(
      /\nThe project's env vars changed after it started: run forge preview v-id --stop, then forge preview v-id to apply them\.$/,
    );
  });
});

describe('describeStarting', () => {
  it('names the step, install before the first one is reported', () => {
    expect(describeStarting('v1', { step: 'build' })).toBe("starting v1's preview: build…");
    expect(describeStarting('v1', { step: null })).toBe("starting v1's preview: install…");
  });
});
