// The server process dies (SIGKILL) while a version is generating. The next process on the same
// embedded database must take over the folder, end that version as `interrupted` (status and
// stream), leave every earlier version exactly as it was, and make new versions as usual.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type HostProcess } from './host-process';

describe('server killed mid-generation', () => {
  const started: HostProcess[] = [];
  let workDir: string | undefined;

  afterEach(async () => {
    for (const host of started) if (host.child.exitCode === null && host.child.signalCode === null) host.child.kill('SIGKILL');
    await Promise.all(started.map((host) => host.exited));
    started.length = 0;
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  function host(dataDir: string, args: string[]): HostProcess {
    const hostProcess = startHost(dataDir, args);
    started.push(hostProcess);
    return hostProcess;
  }

  // Three node processes, each opening an embedded Postgres: slow on a loaded machine, hence the timeout.
  it('is recovered by the next process: v2 interrupted, v1 intact, v3 made', { timeout: 300_000 }, async () => {
    workDir = await mkdtemp(join(tmpdir(), 'forge-killed-'));
    const dataDir = join(workDir, 'pglite');

    const first = host(dataDir, ['seed']);
    const seeded = await first.waitFor('v1-complete');
    expect(seeded.status).toBe('complete');
    const streaming = await first.waitFor('v2-streaming');
    expect(streaming.status).toBe('generating');

    // While the first process lives, a second one is turned away before it opens anything.
    const intruder = host(dataDir, ['seed']);
    const refused = await intruder.exited;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`is already open in process ${first.child.pid}`);
    expect(intruder.reports).toEqual([]);

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // The dead process's lock is still there: the next process must see that its owner is gone.
    expect(JSON.parse(await readFile(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: first.child.pid });

    const second = host(dataDir, ['recover', String(seeded.projectId)]);
    const recovered = await second.waitFor('recovered');
    expect(recovered.versions).toEqual([
      { id: seeded.v1, versionNumber: 1, status: 'complete', stopReason: 'completed' },
      { id: streaming.v2, versionNumber: 2, status: 'failed', stopReason: 'interrupted' },
    ]);
    expect(recovered.v1Files).toEqual(seeded.files);
    const v2Stream = recovered.v2Stream as Array<{ seq: number; type: string }>;
    expect(v2Stream.map((event) => event.seq)).toEqual(v2Stream.map((_, index) => index + 1));
    expect(v2Stream.filter((event) => event.type === 'error')).toHaveLength(1);
    expect(recovered.v2LastEvent).toMatchObject({ type: 'error', reason: 'interrupted', message: expect.stringMatching(/server or worker generating this version stopped/) });

    const v3 = await second.waitFor('v3-finished');
    // The interrupted v2 is nobody's base: v3 builds on v1.
    expect(v3).toMatchObject({ versionNumber: 3, status: 'complete', baseVersionId: seeded.v1 });
    expect(v3.files).toContain('src/routes/reviews.ts');
    expect(await second.exited).toMatchObject({ code: 0, signal: null });
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
