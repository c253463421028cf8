import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnProcessGroup } from './process-tree';
import { runCommand } from './run-command';
import { isAlive, pidsWithMarker, waitFor } from '@/test/sandbox-support';

// parent → child (same group) + escapee (own session, like `detached: true`) → grandchild.
// Every one of them ignores SIGTERM.
const FAMILY_JS = `
const { spawn } = require('child_process');
const [, , marker, role] = process.argv;
process.on('SIGTERM', () => {});
const fork = (next, detached) => spawn(process.execPath, [__filename, marker, next], { stdio: 'ignore', detached });
if (role === 'parent') { fork('child', false); fork('escapee', true); }
if (role === 'escapee') fork('grandchild', false);
console.log(role + ' up');
setInterval(() => {}, 1000);
`;

const spawnOptions = (cwd: string) => ({ cwd, env: { PATH: process.env.PATH ?? '' }, outputTailBytes: 1024 });

describe('process tree', () => {
  let dir: string;
  let familyJs: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'process-tree-test-'));
    familyJs = path.join(dir, 'family.js');
    await writeFile(familyJs, FAMILY_JS);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stop() kills a SIGTERM-ignoring tree, including a child that left the process group', async () => {
    const marker = `tree-${randomUUID()}`;
    const family = spawnProcessGroup(process.execPath, [familyJs, marker, 'parent'], spawnOptions(dir));
    await waitFor(() => pidsWithMarker(marker).length === 4);
    const pids = pidsWithMarker(marker);

    const startedAt = Date.now();
    await family.stop(300);

    expect(pids.filter(isAlive)).toEqual([]);
    expect(pidsWithMarker(marker)).toEqual([]);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(family.output.text()).toContain('parent up');
  });

  it('runCommand ends a command at its time limit and leaves nothing running', async () => {
    const marker = `timeout-${randomUUID()}`;
    const result = await runCommand(process.execPath, [familyJs, marker, 'parent'], {
      ...spawnOptions(dir),
      timeoutMs: 500,
      killGraceMs: 200,
    });
    expect(result.timedOut).toBe(true);
    expect(result.exit).toBeUndefined();
    expect(result.durationMs).toBeLessThan(3_000);
    expect(pidsWithMarker(marker)).toEqual([]);
  });

  it('runCommand stops at once when aborted', async () => {
    const marker = `abort-${randomUUID()}`;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await runCommand(process.execPath, [familyJs, marker, 'parent'], {
      ...spawnOptions(dir),
      timeoutMs: 30_000,
      killGraceMs: 200,
      signal: controller.signal,
    });
    expect(result.aborted).toBe(true);
    expect(result.durationMs).toBeLessThan(3_000);
    expect(pidsWithMarker(marker)).toEqual([]);
  });

  it('runCommand reports the exit code and output of a command that ends by itself', async () => {
    const result = await runCommand(process.execPath, ['-e', 'console.log("done"); process.exit(7)'], {
      ...spawnOptions(dir),
      timeoutMs: 10_000,
      killGraceMs: 200,
    });
    expect(result.exit).toEqual({ code: 7, signal: null });
    expect(result.output).toBe('done\n');
  });

  it('reports a command that cannot be run', async () => {
    const result = await runCommand('/nonexistent/command', [], { ...spawnOptions(dir), timeoutMs: 5_000, killGraceMs: 100 });
    expect(result.exit?.spawnError).toMatch(/ENOENT/);
  });
});
