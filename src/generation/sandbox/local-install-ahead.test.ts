// The local sandbox installing package.json ahead, with real npm: a dependency served from loopback
// (src/test/tarball-server.ts) lets each test decide how long the install takes, without the registry.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { FileMap, ValidationCheck, ValidationReport } from '@/types/versioning';
import type { SandboxAdapter } from '../ports';
import { httpServer, isAlive } from '@/test/sandbox-support';
import { startTarballServer } from '@/test/tarball-server';
import { bubblewrapWorks } from './bubblewrap';
import { createLocalSandbox, type LocalSandboxOptions } from './local-sandbox';
import { findProcessesWorkingIn } from './proc-table';
import { delay } from './process-tree';
import { createSemaphore } from './semaphore';

const MODES: Array<LocalSandboxOptions['bubblewrap']> = (await bubblewrapWorks()) ? ['auto', 'off'] : ['off'];
const OVERLAP_NOTE = /installed while the files were written; \d+(\.\d)? s before they were done$/;

let testRoot: string;
beforeAll(async () => {
  testRoot = await mkdtemp(path.join(tmpdir(), 'install-ahead-test-'));
});
afterAll(() => rm(testRoot, { recursive: true, force: true }));

async function sandboxFor(options: LocalSandboxOptions = {}) {
  const sandboxRoot = await mkdtemp(path.join(testRoot, 'root-'));
  const npmCacheDir = path.join(testRoot, 'npm-cache');
  const sandbox = createLocalSandbox({ sandboxRoot, npmCacheDir, killGraceMs: 500, slots: createSemaphore(16), ...options });
  return { sandbox, sandboxRoot, prepare: sandbox.prepareInstall! };
}

async function tarballServer(options: { delayMs?: number } = {}) {
  const server = await startTarballServer(options);
  onTestFinished(() => server.close());
  return server;
}

/** An API whose /health answers with what its one dependency exports, so it passes only when installed. */
function projectWith(dependencies: Record<string, string>): FileMap {
  return {
    'package.json': JSON.stringify({ name: 'ahead-api', version: '1.0.0', private: true, scripts: { start: 'node server.js' }, dependencies }),
    'server.js': httpServer(`if (req.url === '/health') return send(res, 200, { dep: require('slow-dep') }); send(res, 404, {});`),
  };
}

/**
 * Begins installing a project whose one dependency the tarball server holds back, and waits until npm
 * asks for it: the install is then under way, and lasts until `tarballs.release()`.
 */
async function beginHeldInstall(prepare: NonNullable<SandboxAdapter['prepareInstall']>, signal?: AbortSignal) {
  const tarballs = await tarballServer();
  tarballs.hold();
  const tag = randomUUID();
  const files = projectWith({ 'slow-dep': tarballs.url(tag) });
  const prepared = prepare(files['package.json']!, signal ? { signal } : {});
  await tarballs.waitForRequest(tag);
  return { tarballs, tag, files, prepared };
}

function byName(report: ValidationReport): Record<string, ValidationCheck> {
  return Object.fromEntries(report.checks.map((check) => [check.check, check]));
}

// One after another: each test runs npm two or three times, and side by side they starve each other.
describe('local sandbox: install ahead', { timeout: 60_000 }, () => {
  it.each(MODES)('begins npm install before validate is called, and validate goes on from it (bubblewrap %s)', async (mode) => {
    const { sandbox, sandboxRoot, prepare } = await sandboxFor({ bubblewrap: mode });
    const { tarballs, tag, files, prepared } = await beginHeldInstall(prepare);
    expect(findProcessesWorkingIn(sandboxRoot).length).toBeGreaterThan(0);
    tarballs.release();
    expect(await prepared?.outcome).toEqual({ state: 'installed' });
    await delay(300);
    const report = await sandbox.validate(files, { routes: [], prepared });

    expect(report.ok).toBe(true);
    expect(byName(report).install?.detail).toMatch(OVERLAP_NOTE);
    expect(byName(report).health?.detail).toBe('200 OK · {"dep":"slow-dep"}');
    expect(tarballs.requested).toEqual([tag]);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('waits for an install that is still running, and says it began while the files were written', async () => {
    const { sandbox, prepare } = await sandboxFor();
    const { tarballs, files, prepared } = await beginHeldInstall(prepare);
    setTimeout(() => tarballs.release(), 500);
    const report = await sandbox.validate(files, { routes: [], prepared });
    expect(report.ok).toBe(true);
    expect(byName(report).install?.detail).toMatch(/began while the files were written, \d+(\.\d)? s before they were done$/);
  });

  it('disposes of an install of another package.json and installs the files as usual', async () => {
    const { sandbox, sandboxRoot, prepare } = await sandboxFor();
    const tarballs = await tarballServer();
    tarballs.hold();
    const stale = randomUUID();
    const prepared = prepare(projectWith({ 'slow-dep': tarballs.url(stale) })['package.json']!, {});
    await tarballs.waitForRequest(stale);
    const staleDirs = await readdir(sandboxRoot);
    const staleProcesses = findProcessesWorkingIn(sandboxRoot);
    expect(staleProcesses.length).toBeGreaterThan(0);

    const fresh = randomUUID();
    const validation = sandbox.validate(projectWith({ 'slow-dep': tarballs.url(fresh) }), { routes: [], prepared });
    await tarballs.waitForRequest(fresh);
    expect(staleProcesses.map((entry) => entry.pid).filter(isAlive)).toEqual([]);
    expect((await readdir(sandboxRoot)).filter((name) => staleDirs.includes(name))).toEqual([]);
    tarballs.release();
    const report = await validation;

    expect(report.ok).toBe(true);
    expect(byName(report).install?.detail).not.toMatch(/while the files were written/);
    expect(await prepared?.outcome).toEqual({ state: 'stopped' });
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('reports a failed install begun ahead exactly as a failed install', async () => {
    const { sandbox, prepare } = await sandboxFor();
    const tarballs = await tarballServer();
    const files = projectWith({ 'slow-dep': tarballs.url('missing') });
    const plain = await sandbox.validate(files, { routes: [] });
    const prepared = prepare(files['package.json']!, {});
    expect(await prepared?.outcome).toEqual({ state: 'failed' });
    const ahead = await sandbox.validate(files, { routes: [], prepared });

    // npm names its log file by the time, in each run's own dir.
    const comparable = (report: ValidationReport) =>
      report.checks.map(({ durationMs: _durationMs, ...check }) => ({ ...check, detail: check.detail.replace(/\S+-debug-\d+\.log/g, 'npm.log') }));
    expect(byName(plain).install).toMatchObject({ ok: false, detail: expect.stringMatching(/^npm install exited with code 1\n[\s\S]*404/) });
    expect(comparable(ahead)).toEqual(comparable(plain));
  });

  it('stops npm and removes its dir when the signal aborts during the install', async () => {
    const { sandboxRoot, prepare } = await sandboxFor();
    const controller = new AbortController();
    const { prepared } = await beginHeldInstall(prepare, controller.signal);
    const processes = findProcessesWorkingIn(sandboxRoot);
    expect(processes.length).toBeGreaterThan(0);

    controller.abort();
    expect(await prepared?.outcome).toEqual({ state: 'stopped' });
    expect(processes.map((entry) => entry.pid).filter(isAlive)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('stops a validation that waits on an install begun ahead, leaving nothing behind', async () => {
    const { sandbox, sandboxRoot, prepare } = await sandboxFor();
    const { files, prepared } = await beginHeldInstall(prepare);
    const processes = findProcessesWorkingIn(sandboxRoot);
    const controller = new AbortController();
    const validation = sandbox.validate(files, { routes: [], prepared, signal: controller.signal });
    setTimeout(() => controller.abort(), 300);

    await expect(validation).rejects.toMatchObject({ name: 'AbortError' });
    expect(processes.map((entry) => entry.pid).filter(isAlive)).toEqual([]);
    expect(await readdir(sandboxRoot)).toEqual([]);
  });

  it('holds a sandbox slot while npm runs, and none while it waits for validation', async () => {
    const { sandbox, sandboxRoot, prepare } = await sandboxFor({ slots: createSemaphore(1) });
    const runDirs = async () => (await readdir(sandboxRoot)).filter((name) => !name.endsWith('.owner'));
    const { tarballs, prepared } = await beginHeldInstall(prepare);
    const otherValidation = sandbox.validate(projectWith({ 'slow-dep': tarballs.url() }), { routes: [] });
    await delay(1_000);
    // The other validation opens its dir only once it has a slot.
    expect(await runDirs()).toHaveLength(1);
    tarballs.release();
    expect(await prepared?.outcome).toEqual({ state: 'installed' });
    expect((await otherValidation).ok).toBe(true);
    await prepared?.dispose();
  });

  it('does not install ahead what needs the other files, and dispose is safe to repeat', async () => {
    const { sandboxRoot, prepare } = await sandboxFor();
    expect(prepare(JSON.stringify({ name: 'x', dependencies: { lib: 'file:./lib' } }), {})).toBeUndefined();
    expect(prepare('{ "name": ', {})).toBeUndefined();

    const prepared = prepare(JSON.stringify({ name: 'no-deps', version: '1.0.0' }), {});
    expect(await prepared?.outcome).toEqual({ state: 'installed' });
    expect((await readdir(sandboxRoot)).length).toBeGreaterThan(0);
    await Promise.all([prepared?.dispose(), prepared?.dispose()]);
    await prepared?.dispose();
    expect(await readdir(sandboxRoot)).toEqual([]);
  });
});
