// versions.api through the router: the bookstore's routes, ownership, and versions without routes.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { openTestApp, type TestApp } from '@/test/test-app';
import { writeVersionFiles } from '@/db/stores/version-files-store';
import { insertCompletedVersion, insertVersion } from '@/db/stores/versions-store';
import { NO_OPENAPI_PROBLEM } from './version-api';

describe('versions.api', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await openTestApp();
  });
  afterAll(() => app?.close());

  async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }

  it('describes the routes of a generated version to its owner only', async () => {
    const { versionId } = await app.caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await app.services.jobs.idle();

    const description = await app.caller.versions.api({ versionId });
    expect(description.problems).toEqual([]);
    expect(description.title).toBe('Bookstore API');
    expect(description.groups.map((group) => [group.name, group.routes.length])).toEqual([['general', 1], ['authors', 6], ['books', 6]]);
    const createAuthor = description.groups[1]!.routes.find((route) => route.id === 'POST /authors')!;
    expect(JSON.parse(createAuthor.requestBody!.example)).toMatchObject({ name: expect.any(String) });

    const stranger = createCaller({ services: app.services, userId: randomUUID() });
    expect((await errorOf(stranger.versions.api({ versionId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(app.caller.versions.api({ versionId: randomUUID() }))).code).toBe('NOT_FOUND');
  });

  it('says a version without saved files, or without an openapi.json, has no known routes', async () => {
    const { projectId } = await app.caller.projects.create({ prompt: 'A REST API for a bookstore with authors and books' });
    await app.services.jobs.idle();
    const { db } = app.handle;

    const bare = await insertCompletedVersion(db, { projectId, prompt: 'no spec', baseVersionId: null, title: 'No spec', summary: 'No spec', validation: null });
    await writeVersionFiles(db, { versionId: bare.id, baseVersionId: null, baseFiles: {}, targetFiles: { 'src/index.ts': 'export {};\n' } });
    expect(await app.caller.versions.api({ versionId: bare.id })).toMatchObject({ groups: [], problems: [NO_OPENAPI_PROBLEM] });

    // Not handed to the queue, so it stays pending with nothing saved.
    const pending = await insertVersion(db, { projectId, prompt: 'Add a reviews resource', baseVersionId: bare.id });
    expect(await app.caller.versions.api({ versionId: pending.id })).toMatchObject({
      groups: [],
      problems: [`v${pending.versionNumber} has no saved files yet, so its routes are not known.`],
    });
  });
});
