// Saved checks through the real database: a check comes back exactly, oldest first, projects stay apart,
// a project keeps at most SAVED_CHECK_LIMIT (racing saves included), and the table's own checks hold.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAVED_CHECK_LIMIT } from '@/shared/saved-check-limits';
import { newSavedCheckFixture } from '@/test/saved-check-fixture';
import { testDatabases } from '@/test/test-database';
import type { DatabaseHandle } from '../client';
import { insertProject } from './projects-store';
import { deleteSavedCheck, insertSavedCheck, listSavedChecks } from './saved-checks-store';
import { insertVersion } from './versions-store';

const OWNER = '00000000-0000-4000-8000-000000000001';

const check = newSavedCheckFixture;

for (const database of testDatabases) {
  describe.skipIf(Boolean(database.skip))(`saved checks store on ${database.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await database.open();
    });
    afterAll(() => handle?.close());

    const newProject = async () => (await insertProject(handle.db, { ownerId: OWNER, name: 'checks' })).id;
    const countOf = async (projectId: string) =>
      (await handle.query<{ n: number }>('select count(*)::int as n from saved_checks where project_id = $1', [projectId]))[0]!.n;

    it('stores a check and reads it back exactly', async () => {
      const projectId = await newProject();
      const sent = check(projectId, {
        name: 'creates a review',
        method: 'POST',
        path: '/books/1/reviews',
        query: { tag: ['a', 'b'], page: '2' },
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
        body: '{"stars":5,"text":"é 😀"}',
        expectStatus: 201,
        expectJson: { stars: 5, author: { name: 'Ann' }, tags: ['x', null] },
      });
      const saved = await insertSavedCheck(handle.db, sent);
      expect(saved).toEqual({ ...sent, savedOn: null, id: expect.any(String), createdAt: expect.any(Date) });
      expect(await listSavedChecks(handle.db, projectId)).toEqual([saved]);
    });

    it('keeps the answer a check was saved from, until its version is deleted', async () => {
      const projectId = await newProject();
      const version = await insertVersion(handle.db, { projectId, prompt: 'v1', baseVersionId: null });
      const savedOn = { versionId: version.id, response: { status: 200, body: '[{"title":"Dune"}]' } };
      const saved = await insertSavedCheck(handle.db, check(projectId, { savedOn }));
      expect(saved.savedOn).toEqual(savedOn);
      expect((await listSavedChecks(handle.db, projectId))[0]!.savedOn).toEqual(savedOn);
      await handle.query('delete from api_versions where id = $1', [version.id]);
      expect((await listSavedChecks(handle.db, projectId))[0]!.savedOn).toBeNull();
    });

    it.each([['a string', 'ok'], ['a number', 3], ['an array', [1, { a: 'b' }]], ['false', false], ['nothing (null)', null]])(
      'keeps %s as the expected JSON',
      async (_label, expectJson) => {
        const projectId = await newProject();
        await insertSavedCheck(handle.db, check(projectId, { expectJson }));
        const [listed] = await listSavedChecks(handle.db, projectId);
        expect(listed!.expectJson).toEqual(expectJson);
        // Stored as that JSON value (not as a string holding it), and null as SQL null.
        const [row] = await handle.query<{ kind: string | null }>('select jsonb_typeof(expect_json) as kind from saved_checks where id = $1', [
          listed!.id,
        ]);
        const kinds: Record<string, string | null> = { ok: 'string', 3: 'number', false: 'boolean', null: null };
        expect(row!.kind).toBe(Array.isArray(expectJson) ? 'array' : kinds[String(expectJson)]);
      },
    );

    it('lists oldest first and keeps projects apart', async () => {
      const a = await newProject();
      const b = await newProject();
      for (const path of ['/first', '/second', '/third']) await insertSavedCheck(handle.db, check(a, { path }));
      const inB = await insertSavedCheck(handle.db, check(b, { path: '/b' }));
      expect((await listSavedChecks(handle.db, a)).map((row) => row.path)).toEqual(['/first', '/second', '/third']);
      expect((await listSavedChecks(handle.db, b)).map((row) => row.id)).toEqual([inB.id]);
      expect(await listSavedChecks(handle.db, randomUUID())).toEqual([]);
    });

    it(`refuses a check beyond ${SAVED_CHECK_LIMIT} per project, and takes one again once one is removed`, async () => {
      const projectId = await newProject();
      const other = await newProject();
      const ids: string[] = [];
      for (let index = 0; index < SAVED_CHECK_LIMIT; index++) {
        ids.push((await insertSavedCheck(handle.db, check(projectId, { path: `/r/${index}` }))).id);
      }
      await expect(insertSavedCheck(handle.db, check(projectId, { name: 'one too many' }))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: `A project can keep at most ${SAVED_CHECK_LIMIT} saved checks; remove one before saving "one too many".`,
      });
      expect(await countOf(projectId)).toBe(SAVED_CHECK_LIMIT);
      // Another project's checks do not count.
      await insertSavedCheck(handle.db, check(other));

      expect(await deleteSavedCheck(handle.db, projectId, ids[0]!)).toBe(true);
      const again = await insertSavedCheck(handle.db, check(projectId, { path: '/again' }));
      const listed = await listSavedChecks(handle.db, projectId);
      expect(listed).toHaveLength(SAVED_CHECK_LIMIT);
      expect(listed.at(-1)!.id).toBe(again.id);
    });

    it('lets only as many racing saves through as there are free slots', async () => {
      const projectId = await newProject();
      for (let index = 0; index < SAVED_CHECK_LIMIT - 2; index++) await insertSavedCheck(handle.db, check(projectId));
      // On Postgres, open the pool's connections first, so the saves below really run side by side.
      await Promise.all(Array.from({ length: 8 }, () => handle.query('select pg_sleep(0.02)')));
      const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => insertSavedCheck(handle.db, check(projectId))));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
      for (const outcome of outcomes.filter((outcome) => outcome.status === 'rejected')) {
        expect(outcome.reason).toMatchObject({ code: 'BAD_REQUEST' });
      }
      expect(await countOf(projectId)).toBe(SAVED_CHECK_LIMIT);
    });

    it(`lists no more than ${SAVED_CHECK_LIMIT}, the oldest, when more were written around the server`, async () => {
      const projectId = await newProject();
      await handle.query(
        `insert into saved_checks (project_id, name, method, path, expect_status, created_at)
         select $1, 'n' || i, 'GET', '/r/' || i, 200, now() + i * interval '1 s' from generate_series(1, $2::int) as i`,
        [projectId, SAVED_CHECK_LIMIT + 5],
      );
      const listed = await listSavedChecks(handle.db, projectId);
      expect(listed).toHaveLength(SAVED_CHECK_LIMIT);
      expect(listed[0]!.path).toBe('/r/1');
      expect(listed.at(-1)!.path).toBe(`/r/${SAVED_CHECK_LIMIT}`);
    });

    it("deletes only the project's own check, answering whether there was one", async () => {
      const a = await newProject();
      const b = await newProject();
      const inA = await insertSavedCheck(handle.db, check(a));
      const inB = await insertSavedCheck(handle.db, check(b));
      expect(await deleteSavedCheck(handle.db, a, inB.id)).toBe(false);
      expect(await deleteSavedCheck(handle.db, a, randomUUID())).toBe(false);
      expect((await listSavedChecks(handle.db, b)).map((row) => row.id)).toEqual([inB.id]);
      expect(await deleteSavedCheck(handle.db, a, inA.id)).toBe(true);
      expect(await deleteSavedCheck(handle.db, a, inA.id)).toBe(false);
      expect(await listSavedChecks(handle.db, a)).toEqual([]);
    });

    it('refuses a check for a project that does not exist', async () => {
      await expect(insertSavedCheck(handle.db, check(randomUUID()))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it.each([
      ['a method the console may not send', `'TRACE', '/', 200, 'x'`],
      ['a status below 100', `'GET', '/', 99, 'x'`],
      ['a status above 599', `'GET', '/', 600, 'x'`],
      ['an empty name', `'GET', '/', 200, ''`],
      ['a name over 200 characters', `'GET', '/', 200, repeat('n', 201)`],
    ])('refuses %s in the table itself', async (_label, values) => {
      const projectId = await newProject();
      await expect(
        handle.query(`insert into saved_checks (project_id, method, path, expect_status, name) values ($1, ${values})`, [projectId]),
      ).rejects.toThrow(/check constraint/);
    });

    it('goes with its project', async () => {
      const projectId = await newProject();
      await insertSavedCheck(handle.db, check(projectId));
      await handle.query('delete from projects where id = $1', [projectId]);
      expect(await countOf(projectId)).toBe(0);
    });
  });
}
