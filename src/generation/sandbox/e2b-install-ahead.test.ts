// The E2B adapter installing package.json ahead, against the SDK stand-in (src/test/e2b-stand-in.ts),
// one stand-in per sandbox created: which sandbox validation goes on in, what runs there, and that
// every sandbox not handed over is killed.
import { afterEach, describe, expect, it } from 'vitest';
import { createE2BStandIn } from '@/test/e2b-stand-in';
import { httpServer, plainApi, waitFor } from '@/test/sandbox-support';
import type { ValidationReport } from '@/types/versioning';
import { createE2BSandbox } from './e2b-sandbox';

const INSTALL = 'npm install --ignore-scripts --no-audit --no-fund';
const FILES = plainApi(httpServer(`send(res, 200, { status: 'ok' });`));
const OTHER_FILES = { ...FILES, 'package.json': JSON.stringify({ name: 'other', scripts: { start: 'node server.js' } }) };

type StandIn = ReturnType<typeof createE2BStandIn>;
const standIns: StandIn[] = [];
afterEach(async () => {
  await Promise.all(standIns.splice(0).map((standIn) => standIn.cleanUp()));
});

/** An adapter whose every create() is a new stand-in, listed in `created`. */
function adapter() {
  const created: StandIn[] = [];
  const sandbox = createE2BSandbox({
    apiKey: 'e2b_test',
    hostUrl: (host) => `http://${host}`,
    startTimeoutMs: 10_000,
    create: (options) => {
      const standIn = createE2BStandIn();
      standIns.push(standIn);
      created.push(standIn);
      return standIn.create(options);
    },
  });
  return { sandbox, created, prepare: sandbox.prepareInstall! };
}

const install = (report: ValidationReport) => report.checks.find((check) => check.check === 'install');

describe('E2B sandbox: install ahead', { timeout: 60_000 }, () => {
  it('installs package.json alone in a new sandbox at once, and validation goes on in it', async () => {
    const { sandbox, created, prepare } = adapter();
    const prepared = prepare(FILES['package.json']!, {});
    expect(await prepared?.outcome).toEqual({ state: 'installed' });
    expect(created).toHaveLength(1);
    const [early] = created;
    expect(early!.events).toEqual(['write /home/user/app/package.json']);
    expect(early!.commandLines()).toEqual([INSTALL]);

    const report = await sandbox.validate(FILES, { routes: [], prepared });
    expect(report.ok).toBe(true);
    expect(install(report)?.detail).toMatch(/^installed · installed while the files were written; \d+(\.\d)? s before they were done$/);
    expect(created).toHaveLength(1);
    expect(early!.commandLines()).toEqual([INSTALL, 'npm start (background)']);
    expect(early!.events.filter((event) => event.startsWith('write'))).toEqual(['write /home/user/app/package.json', 'write /home/user/app/server.js']);
    // Its end moved out, since it may have waited through a whole generation.
    expect(early!.events).toContain('setTimeout 300000');
    expect(early!.killCount()).toBe(1);
  });

  it('kills the early sandbox and validates in a new one when package.json changed', async () => {
    const { sandbox, created, prepare } = adapter();
    const prepared = prepare(FILES['package.json']!, {});
    const report = await sandbox.validate(OTHER_FILES, { routes: [], prepared });
    expect(report.ok).toBe(true);
    expect(install(report)?.detail).toBe('installed');
    expect(created).toHaveLength(2);
    expect(created.map((standIn) => standIn.killCount())).toEqual([1, 1]);
    expect(await prepared?.outcome).toEqual({ state: 'stopped' });
  });

  it('reports a failed install begun ahead as a failed install', async () => {
    const broken = { ...FILES, 'package.json': JSON.stringify({ name: 'api', dependencies: { 'no-such-thing': 'file:' } }) };
    const bad = { ...FILES, 'package.json': JSON.stringify({ name: 'api', dependencies: { '-bad name-': '1.0.0' } }) };
    const { sandbox, prepare } = adapter();
    expect(prepare(broken['package.json']!, {})).toBeUndefined();
    const plain = await sandbox.validate(bad, { routes: [] });
    const prepared = prepare(bad['package.json']!, {});
    expect(await prepared?.outcome).toEqual({ state: 'failed' });
    const ahead = await sandbox.validate(bad, { routes: [], prepared });
    const comparable = (report: ValidationReport) =>
      report.checks.map((check) => ({ ...check, detail: check.detail.replace(/\S+-debug-\d+\.log/g, 'npm.log') }));
    expect(install(plain)).toMatchObject({ ok: false, detail: expect.stringMatching(/^npm install exited with code [1-9]/) });
    expect(comparable(ahead)).toEqual(comparable(plain));
  });

  it('kills the sandbox when disposed of during the install, or when the version stops', async () => {
    const { created, prepare } = adapter();
    const disposed = prepare(FILES['package.json']!, {});
    await waitFor(() => created[0]?.commands.length === 1, 10_000);
    await disposed?.dispose();
    expect(created[0]!.killCount()).toBe(1);
    expect(await disposed?.outcome).toEqual({ state: 'stopped' });

    const controller = new AbortController();
    const stopped = prepare(FILES['package.json']!, { signal: controller.signal });
    await waitFor(() => created[1]?.commands.length === 1, 10_000);
    controller.abort();
    expect(await stopped?.outcome).toEqual({ state: 'stopped' });
    await waitFor(() => created[1]!.killCount() === 1);
    await Promise.all([disposed?.dispose(), stopped?.dispose()]);
    expect(created.map((standIn) => standIn.killCount())).toEqual([1, 1]);
  });

  it('kills a sandbox still being created when disposed of', async () => {
    const { created, prepare } = adapter();
    const prepared = prepare(FILES['package.json']!, {});
    await prepared?.dispose();
    expect(await prepared?.outcome).toEqual({ state: 'stopped' });
    expect(created.map((standIn) => [standIn.killCount(), standIn.commands.length])).toEqual([[1, 0]]);
  });
});
