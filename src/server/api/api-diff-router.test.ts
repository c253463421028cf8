// versions.apiDiff through the router, with the offline generator writing the versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { describeApiChange, type ApiDiff } from '@/types/api-diff';
import type { AppServices } from '../app-services';
import { openTestApp, type TestApp } from '@/test/test-app';

function lines(diff: ApiDiff): string[] {
  if (diff.status !== 'compared') throw new Error(diff.reason);
  return diff.changes.map(describeApiChange);
}

describe('versions.apiDiff', () => {
  let app: TestApp;
  let services: AppServices;
  let caller: TestApp['caller'];

  beforeAll(async () => {
    app = await openTestApp();
    ({ services, caller } = app);
  });
  afterAll(() => app?.close());

  async function generate(projectId: string, prompt: string) {
    const created = await caller.versions.create({ projectId, prompt });
    await services.jobs.idle();
    return created;
  }

  it('lists removed routes as breaking and an added optional field as not', async () => {
    const v1 = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await services.jobs.idle();
    const v2 = await generate(v1.projectId, 'Remove the authors resource');
    const removed = await caller.versions.apiDiff({ fromVersionId: v1.versionId, toVersionId: v2.versionId });
    expect(lines(removed)).toEqual([
      '- GET /authors  (removed, breaking)',
      '- POST /authors  (removed, breaking)',
      '- GET /authors/{id}  (removed, breaking)',
      '- PUT /authors/{id}  (removed, breaking)',
      '- PATCH /authors/{id}  (removed, breaking)',
      '- DELETE /authors/{id}  (removed, breaking)',
    ]);
    expect(removed).toMatchObject({ status: 'compared', breakingCount: 6 });

    // The other way round, the same routes come back, and adding is never breaking.
    const back = await caller.versions.apiDiff({ fromVersionId: v2.versionId, toVersionId: v1.versionId });
    expect(back).toMatchObject({ status: 'compared', breakingCount: 0 });
    expect(lines(back)).toContain('+ GET /authors  (added)');

    const v3 = await generate(v1.projectId, 'Add a price field to books');
    const added = lines(await caller.versions.apiDiff({ fromVersionId: v2.versionId, toVersionId: v3.versionId }));
    expect(added).toContain('+ POST /books  request price  (added)');
    expect(added).toContain('+ GET /books/{id}  response price  (added)');
    expect(added.every((line) => !line.includes('breaking'))).toBe(true);
  });

  it('says a version without saved files has no API description, and refuses versions of two projects', async () => {
    const a = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await services.jobs.idle();
    const stopped = await caller.versions.create({ projectId: a.projectId, prompt: 'Add a reviews resource' });
    await caller.versions.stop({ versionId: stopped.versionId });
    await services.jobs.idle();
    expect(await caller.versions.apiDiff({ fromVersionId: a.versionId, toVersionId: stopped.versionId })).toEqual({
      status: 'unavailable',
      reason: 'No API description to compare: v2 has no openapi.json.',
    });

    const b = await caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await services.jobs.idle();
    const error = await caller.versions.apiDiff({ fromVersionId: a.versionId, toVersionId: b.versionId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });
});
