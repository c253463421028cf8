// Install ahead as a run uses it, against the real local sandbox and real npm: offers while the files
// stream, validateVersion taking the install, and disposal when the version ends another way. The
// dependency comes from loopback (src/test/tarball-server.ts), so each test decides when npm gets it.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import type { VersionRow } from '@/db/stores/versions-store';
import { httpServer, isAlive } from '@/test/sandbox-support';
import { startTarballServer } from '@/test/tarball-server';
import { openPgliteTestDatabase } from '@/test/test-database';
import type { StreamEventBody } from '@/types/streaming';
import type { FileMap } from '@/types/versioning';
import { createInstallAhead } from './install-ahead';
import type { SandboxAdapter } from './ports';
import type { Publisher } from './publisher';
import { createLocalSandbox } from './sandbox/local-sandbox';
import { findProcessesWorkingIn } from './sandbox/proc-table';
import { createSemaphore } from './sandbox/semaphore';
import { validateVersion } from './validate-version';

let testRoot: string;
let handle: DatabaseHandle;
beforeAll(async () => {
  testRoot = await mkdtemp(path.join(tmpdir(), 'install-ahead-run-test-'));
  handle = await openPgliteTestDatabase();
});
afterAll(async () => {
  await handle?.close();
  await rm(testRoot, { recursive: true, force: true });
});

async function setUp() {
  const sandboxRoot = await mkdtemp(path.join(testRoot, 'root-'));
  const sandbox = createLocalSandbox({ sandboxRoot, npmCacheDir: path.join(testRoot, 'npm-cache'), killGraceMs: 500, slots: createSemaphore(4) });
  const tarballs = await startTarballServer();
  onTestFinished(() => tarballs.close());
  const controller = new AbortController();
  return { sandbox, sandboxRoot, tarballs, controller, installAhead: createInstallAhead(sandbox, { signal: controller.signal }) };
}

function projectWith(dependencyUrl: string): FileMap {
  return {
    'package.json': JSON.stringify({ name: 'ahead-api', version: '1.0.0', scripts: { start: 'node server.js' }, dependencies: { 'slow-dep': dependencyUrl } }),
    'server.js': httpServer(`if (req.url === '/health') return send(res, 200, { dep: require('slow-dep') }); send(res, 404, {});`),
  };
}

/** What validateVersion needs of a version and a publisher; the project has no env vars. */
function validation(sandbox: SandboxAdapter, files: FileMap, installAhead: ReturnType<typeof createInstallAhead>, signal: AbortSignal) {
  const version = { id: randomUUID(), projectId: randomUUID(), versionNumber: 1 } as VersionRow;
  const emitted: StreamEventBody[] = [];
  const publisher = { emit: (body: StreamEventBody) => emitted.push(body) } as unknown as Publisher;
  return { emitted, report: validateVersion({ db: handle.db, sandbox }, version, files, publisher, signal, installAhead) };
}

const pidsOf = (entries: Array<{ pid: number }>) => entries.map((entry) => entry.pid);

describe('install ahead', { timeout: 60_000 }, () => {
  it('starts over when package.json changes, and validateVersion goes on from the last one', async () => {
    const { sandbox, sandboxRoot, tarballs, controller, installAhead } = await setUp();
    tarballs.hold();
    const first = randomUUID();
    installAhead.offer(projectWith(tarballs.url(first))['package.json']!);
    await tarballs.waitForRequest(first);
    const firstDirs = await readdir(sandboxRoot);
    const firstProcesses = findProcessesWorkingIn(sandboxRoot);
    expect(firstProcesses.length).toBeGreaterThan(0);

    const second = randomUUID();
    const files = projectWith(tarballs.url(second));
    installAhead.offer(files['package.json']!);
    await tarballs.waitForRequest(second);
    await expect.poll(() => pidsOf(firstProcesses).filter(isAlive), { timeout: 5_000 }).toEqual([]);
    await expect.poll(async () => (await readdir(sandboxRoot)).filter((name) => firstDirs.includes(name)), { timeout: 5_000 }).toEqual([]);
    tarballs.release();

    const { emitted, report } = validation(sandbox, files, installAhead, controller.signal);
    const result = await report;
    const install = emitted.find((body) => body.type === 'validation:result' && body.check === 'install');
    expect(result.ok).toBe(true);
    expect(install).toMatchObject({ ok: true, detail: expect.stringMatching(/while the files were written/) });
    // npm fetched each package once: the second install was not run again at validation.
    expect(tarballs.requested).toEqual([first, second]);
    await installAhead.dispose();
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('does nothing when the same package.json is offered again', async () => {
    const { tarballs, installAhead } = await setUp();
    tarballs.hold();
    const tag = randomUUID();
    const packageJson = projectWith(tarballs.url(tag))['package.json']!;
    installAhead.offer(packageJson);
    await tarballs.waitForRequest(tag);
    installAhead.offer(packageJson);
    tarballs.release();
    const prepared = installAhead.take();
    expect(await prepared?.outcome).toEqual({ state: 'installed' });
    expect(tarballs.requested).toEqual([tag]);
    await prepared?.dispose();
  });

  it('frees everything when the version ends without validating, and ignores offers after that', async () => {
    const { sandboxRoot, tarballs, installAhead } = await setUp();
    tarballs.hold();
    const tag = randomUUID();
    installAhead.offer(projectWith(tarballs.url(tag))['package.json']!);
    await tarballs.waitForRequest(tag);
    const processes = findProcessesWorkingIn(sandboxRoot);
    expect(processes.length).toBeGreaterThan(0);

    await installAhead.dispose();
    expect(pidsOf(processes).filter(isAlive)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);
    installAhead.offer(projectWith(tarballs.url())['package.json']!);
    expect(installAhead.take()).toBeUndefined();
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('frees everything when the version is stopped during the install, without a dispose', async () => {
    const { sandboxRoot, tarballs, controller, installAhead } = await setUp();
    tarballs.hold();
    const tag = randomUUID();
    installAhead.offer(projectWith(tarballs.url(tag))['package.json']!);
    await tarballs.waitForRequest(tag);
    const processes = findProcessesWorkingIn(sandboxRoot);
    controller.abort();
    await expect.poll(async () => [pidsOf(processes).filter(isAlive), await readdir(sandboxRoot)], { timeout: 10_000 }).toEqual([[], []]);
  });

  it('installs as usual when the files end up with another package.json', async () => {
    const { sandbox, sandboxRoot, tarballs, controller, installAhead } = await setUp();
    installAhead.offer(projectWith(tarballs.url())['package.json']!);
    const files = projectWith(tarballs.url());
    const { emitted, report } = validation(sandbox, files, installAhead, controller.signal);
    expect((await report).ok).toBe(true);
    const install = emitted.find((body) => body.type === 'validation:result' && body.check === 'install');
    expect(install).toMatchObject({ ok: true, detail: expect.not.stringMatching(/while the files were written/) });
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('offers nothing where there is no sandbox', async () => {
    const installAhead = createInstallAhead(null, { signal: new AbortController().signal });
    installAhead.offer('{}');
    expect(installAhead.take()).toBeUndefined();
    await installAhead.dispose();
  });
});
