// Saved checks as their owner manages them: the default name, the limit, and nobody else's project.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteTestDatabase } from '@/test/test-database';
import type { DatabaseHandle } from '@/db/client';
import { ForgeError } from '@/shared/forge-error';
import { SAVED_CHECK_LIMIT } from '@/shared/saved-check-limits';
import { insertProject } from '@/db/stores/projects-store';
import { insertVersion } from '@/db/stores/versions-store';
import type { HandlerContext } from './context';
import { listSavedChecks, removeSavedCheck, saveCheck, type SaveCheckInput } from './saved-checks';

const OWNER = '00000000-0000-4000-8000-000000000001';

describe('saved checks handlers', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openPgliteTestDatabase();
  });
  afterAll(() => handle?.close());

  const contextOf = (userId: string): HandlerContext => ({ db: handle.db, userId, jobs: { enqueue: async () => {} } });
  const owner = () => contextOf(OWNER);
  const newProject = async () => (await insertProject(handle.db, { ownerId: OWNER, name: 'checks' })).id;
  const minimal = (projectId: string, overrides: Partial<SaveCheckInput> = {}): SaveCheckInput => ({
    projectId,
    method: 'GET',
    path: '/books',
    expectStatus: 200,
    ...overrides,
  });

  it('names a check "METHOD /path → status" when no name (or a blank one) is given, and fills in the rest', async () => {
    const projectId = await newProject();
    const saved = await saveCheck(owner(), minimal(projectId));
    expect(saved).toEqual({
      id: expect.any(String),
      projectId,
      name: 'GET /books → 200',
      method: 'GET',
      path: '/books',
      query: {},
      headers: {},
      body: null,
      expectStatus: 200,
      expectJson: null,
      savedOn: null,
      createdAt: expect.any(Date),
    });
    const blank = await saveCheck(owner(), minimal(projectId, { name: '   ', method: 'DELETE', path: '/books/3', expectStatus: 404 }));
    expect(blank.name).toBe('DELETE /books/3 → 404');
    const named = await saveCheck(owner(), minimal(projectId, { name: '  lists the books ' }));
    expect(named.name).toBe('lists the books');
  });

  it("keeps the answer it was saved from on one of the project's versions, and refuses another project's version", async () => {
    const projectId = await newProject();
    const version = await insertVersion(handle.db, { projectId, prompt: 'v1', baseVersionId: null });
    const savedOn = { versionId: version.id, response: { status: 200, body: '[]' } };
    expect((await saveCheck(owner(), { ...minimal(projectId), savedOn })).savedOn).toEqual(savedOn);
    const other = await newProject();
    const refused = await saveCheck(owner(), { ...minimal(other), savedOn }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ForgeError);
    expect((refused as ForgeError).message).toBe(`Version ${version.id} is not a version of project ${other}.`);
  });

  it('keeps headers and body as given, and lists checks oldest first', async () => {
    const projectId = await newProject();
    const first = await saveCheck(owner(), minimal(projectId, { path: '/first' }));
    const second = await saveCheck(
      owner(),
      minimal(projectId, {
        method: 'POST',
        path: '/books',
        query: { draft: 'true' },
        headers: { authorization: 'Bearer the-real-token' },
        body: '{"title":"Dune"}',
        expectStatus: 201,
        expectJson: { title: 'Dune' },
      }),
    );
    expect(second).toMatchObject({ headers: { authorization: 'Bearer the-real-token' }, body: '{"title":"Dune"}', expectJson: { title: 'Dune' } });
    expect(await listSavedChecks(owner(), { projectId })).toEqual([first, second]);
  });

  it(`refuses the check after the ${SAVED_CHECK_LIMIT}th with a sentence that says what to do`, async () => {
    const projectId = await newProject();
    for (let index = 0; index < SAVED_CHECK_LIMIT; index++) await saveCheck(owner(), minimal(projectId, { path: `/r/${index}` }));
    const refused = await saveCheck(owner(), minimal(projectId)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ForgeError);
    expect(refused).toMatchObject({
      code: 'BAD_REQUEST',
      message: `A project can keep at most ${SAVED_CHECK_LIMIT} saved checks; remove one before saving "GET /books → 200".`,
    });
  });

  it('removes a check of the project, and says when there was none', async () => {
    const projectId = await newProject();
    const other = await newProject();
    const kept = await saveCheck(owner(), minimal(projectId, { path: '/kept' }));
    const removed = await saveCheck(owner(), minimal(projectId, { path: '/removed' }));
    const elsewhere = await saveCheck(owner(), minimal(other));
    expect(await removeSavedCheck(owner(), { projectId, id: removed.id })).toEqual({ removed: true });
    expect(await removeSavedCheck(owner(), { projectId, id: removed.id })).toEqual({ removed: false });
    // An id of another project's check, named under this project, removes nothing.
    expect(await removeSavedCheck(owner(), { projectId, id: elsewhere.id })).toEqual({ removed: false });
    expect((await listSavedChecks(owner(), { projectId })).map((check) => check.id)).toEqual([kept.id]);
    expect((await listSavedChecks(owner(), { projectId: other })).map((check) => check.id)).toEqual([elsewhere.id]);
  });

  it("answers NOT_FOUND to anyone but the owner, and changes nothing for them", async () => {
    const projectId = await newProject();
    const saved = await saveCheck(owner(), minimal(projectId));
    const stranger = contextOf(randomUUID());
    for (const call of [
      listSavedChecks(stranger, { projectId }),
      saveCheck(stranger, minimal(projectId, { path: '/intruder' })),
      removeSavedCheck(stranger, { projectId, id: saved.id }),
    ]) {
      const refused = await call.catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ForgeError);
      expect(refused).toMatchObject({ code: 'NOT_FOUND', message: `Project ${projectId} was not found.` });
    }
    expect(await listSavedChecks(owner(), { projectId })).toEqual([saved]);
  });
});
