// Branch, restore and compare through the routers, with the offline generator writing the versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import type { AppServices } from '../app-services';
import { openTestApp, type TestApp } from '@/test/test-app';

describe('version history: branch, restore, compare', () => {
  let app: TestApp;
  let services: AppServices;
  let caller: TestApp['caller'];

  beforeAll(async () => {
    app = await openTestApp();
    ({ services, caller } = app);
  });
  afterAll(() => app?.close());

  async function generate(projectId: string, prompt: string, baseVersionId?: string) {
    const created = await caller.versions.create({ projectId, prompt, baseVersionId });
    await services.jobs.idle();
    return created;
  }

  it('branches from an old version, restores one as a new version, and compares any two', async () => {
    const v1 = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await services.jobs.idle();
    const { projectId } = v1;
    const v2 = await generate(projectId, 'Add a reviews resource');
    // Branch: v3 is built on v1, not on the latest (v2).
    const v3 = await generate(projectId, 'Add a publishers resource', v1.versionId);
    const versions = await caller.versions.list({ projectId });
    expect(versions.map((version) => [version.versionNumber, version.baseVersionNumber, version.status])).toEqual([
      [1, null, 'complete'],
      [2, 1, 'complete'],
      [3, 1, 'complete'],
    ]);
    const v3Files = (await caller.versions.files({ versionId: v3.versionId })).files;
    expect(Object.keys(v3Files)).toContain('src/routes/publishers.ts');
    expect(Object.keys(v3Files)).not.toContain('src/routes/reviews.ts');

    // Compare any two: v2 → v3 deletes reviews and creates publishers.
    const comparison = await caller.versions.compare({ fromVersionId: v2.versionId, toVersionId: v3.versionId });
    const operationOf = (path: string) => comparison.files.find((file) => file.filePath === path)?.operation;
    expect(operationOf('src/routes/reviews.ts')).toBe('deleted');
    expect(operationOf('src/routes/publishers.ts')).toBe('created');
    expect(operationOf('src/routes/books.ts')).toBe('unchanged');
    const index = comparison.files.find((file) => file.filePath === 'src/index.ts')!;
    expect(index.operation).toBe('modified');
    expect(index.hunks.length).toBeGreaterThan(0);
    expect(index.additions + index.deletions).toBeGreaterThan(0);

    // Restore v2 as v4: same files, no model call, history only grows.
    const v4 = await caller.versions.restore({ versionId: v2.versionId });
    expect(v4.versionNumber).toBe(4);
    const restored = await caller.versions.get({ versionId: v4.versionId });
    expect(restored).toMatchObject({ status: 'complete', title: 'Restored v2', model: 'restore', baseVersionNumber: 3 });
    expect((await caller.versions.files({ versionId: v4.versionId })).files).toEqual((await caller.versions.files({ versionId: v2.versionId })).files);
    // v4's card says what restoring changed against where the user was (v3).
    expect(restored.changes).toContainEqual({ filePath: 'src/routes/reviews.ts', operation: 'created' });
    expect(restored.changes).toContainEqual({ filePath: 'src/routes/publishers.ts', operation: 'deleted' });
    expect((await caller.versions.list({ projectId })).length).toBe(4);
  });

  it('refuses to compare versions of different projects', async () => {
    const a = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await services.jobs.idle();
    const b = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await services.jobs.idle();
    const error = await caller.versions.compare({ fromVersionId: a.versionId, toVersionId: b.versionId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });
});
