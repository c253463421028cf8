import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, waitFor } from '@/test/sandbox-support';
import { cleanStaleSandboxDirs, createWorkspace, removeWorkspace, UnsafePathError, writeFiles } from './workspace';

let testRoot: string;
beforeAll(async () => {
  testRoot = await mkdtemp(path.join(tmpdir(), 'workspace-test-'));
});
afterAll(() => rm(testRoot, { recursive: true, force: true }));

describe('workspace', () => {
  it('writes nested files into app/ and is removed whole', async () => {
    const workspace = await createWorkspace(testRoot);
    await writeFiles(workspace.appDir, { 'package.json': '{}', 'src/routes/books.ts': 'export {};' });
    expect(await readFile(path.join(workspace.appDir, 'src/routes/books.ts'), 'utf8')).toBe('export {};');
    expect((await readdir(workspace.dir)).sort()).toEqual(['app', 'home', 'logs', 'tmp']);
    await removeWorkspace(workspace);
    expect(existsSync(workspace.dir)).toBe(false);
  });

  it.each(['../outside.js', '/etc/passwd', 'src/../../outside.js', 'a\\..\\b.js', 'nul\0.js', '', '.'])(
    'refuses the path %j',
    async (unsafe) => {
      const workspace = await createWorkspace(testRoot);
      try {
        await expect(writeFiles(workspace.appDir, { [unsafe]: 'x' })).rejects.toBeInstanceOf(UnsafePathError);
        expect(existsSync(path.join(workspace.dir, 'outside.js'))).toBe(false);
      } finally {
        await removeWorkspace(workspace);
      }
    },
  );
});

describe('cleanStaleSandboxDirs', () => {
  it('removes run dirs older than the cutoff, and kills what still runs in them, and nothing else', async () => {
    const root = await mkdtemp(path.join(testRoot, 'stale-'));
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of ['run-old', 'run-fresh', 'unrelated-old']) await mkdir(path.join(root, name, 'app'), { recursive: true });
    // Left over from a server that was killed while validating without bubblewrap.
    const spawnStray = (cwd: string) => {
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { cwd, detached: true, stdio: 'ignore' });
      child.unref();
      return child.pid!;
    };
    const oldStray = spawnStray(path.join(root, 'run-old', 'app'));
    const freshStray = spawnStray(path.join(root, 'run-fresh', 'app'));
    await utimes(path.join(root, 'run-old'), old, old);
    await utimes(path.join(root, 'unrelated-old'), old, old);

    try {
      expect(await cleanStaleSandboxDirs({ root, maxAgeMs: 60 * 60 * 1000 })).toBe(1);
      expect((await readdir(root)).sort()).toEqual(['run-fresh', 'unrelated-old']);
      await waitFor(() => !isAlive(oldStray));
      expect(isAlive(freshStray)).toBe(true);
      expect(await cleanStaleSandboxDirs({ root: path.join(root, 'missing') })).toBe(0);
    } finally {
      if (isAlive(freshStray)) process.kill(freshStray, 'SIGKILL');
    }
  });

  it("goes by the owner file when there is one: a dead server's dir goes at once, a live server's stays however old", async () => {
    const root = await mkdtemp(path.join(testRoot, 'owned-'));
    const live = await createWorkspace(root);
    const deadOwner = await createWorkspace(root);
    const old = new Date(Date.now() - 5 * 60 * 60 * 1000);
    await utimes(live.dir, old, old);
    // A pid that cannot be running: past the kernel's pid_max.
    await writeFile(`${deadOwner.dir}.owner`, JSON.stringify({ pid: 2 ** 30, startTime: 1 }));
    await writeFile(path.join(root, 'run-gone.owner'), '{}');

    expect(await cleanStaleSandboxDirs({ root, maxAgeMs: 60 * 60 * 1000 })).toBe(1);
    expect((await readdir(root)).sort()).toEqual([path.basename(live.dir), `${path.basename(live.dir)}.owner`].sort());
    await removeWorkspace(live);
    expect(await readdir(root)).toEqual([]);
  });
});
