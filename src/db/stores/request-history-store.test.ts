// The request console's history through the real database: entries come back exactly and newest first,
// the oldest go beyond the limit, projects stay apart, and an entry outlives its version.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_HISTORY_LIMIT } from '@/shared/preview-limits';
import { testDatabases } from '@/test/test-database';
import type { Database, DatabaseHandle } from '../client';
import { insertProject } from './projects-store';
import { insertRequestHistory, listRequestHistory, type NewRequestHistoryEntry } from './request-history-store';
import { insertCompletedVersion } from './versions-store';

const OWNER = '00000000-0000-4000-8000-000000000001';

function entry(projectId: string, versionId: string | null, overrides: Partial<NewRequestHistoryEntry> = {}): NewRequestHistoryEntry {
  return {
    projectId,
    versionId,
    method: 'GET',
    path: '/books',
    query: {},
    headers: {},
    body: null,
    status: 200,
    durationMs: 12,
    responseBytes: 42,
    error: null,
    ...overrides,
  };
}

/** One entry of a project's history, as the project's history lists it. */
async function entryById(db: Database, projectId: string, id: string) {
  return (await listRequestHistory(db, projectId, REQUEST_HISTORY_LIMIT)).find((entry) => entry.id === id);
}

for (const database of testDatabases) {
  describe.skipIf(Boolean(database.skip))(`request history store on ${database.name}`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await database.open();
    });
    afterAll(() => handle?.close());

    async function newProjectWithVersion() {
      const project = await insertProject(handle.db, { ownerId: OWNER, name: 'console' });
      const version = await insertCompletedVersion(handle.db, {
        projectId: project.id,
        prompt: 'books',
        baseVersionId: null,
        title: 'Books',
        summary: '',
        validation: null,
      });
      return { projectId: project.id, versionId: version.id };
    }

    it('stores a request and its answer and reads them back exactly, with the version number', async () => {
      const { projectId, versionId } = await newProjectWithVersion();
      const sent = entry(projectId, versionId, {
        method: 'POST',
        path: '/books/1/reviews',
        query: { tag: ['a', 'b'], page: '2' },
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
        body: '{"stars":5,"text":"é 😀"}',
        status: 201,
        durationMs: 37,
        responseBytes: 1234,
      });
      const { id } = await insertRequestHistory(handle.db, sent);
      const failed = await insertRequestHistory(
        handle.db,
        entry(projectId, versionId, { status: null, durationMs: 10_000, responseBytes: null, error: 'The API did not answer within 10 s.' }),
      );

      const listed = await listRequestHistory(handle.db, projectId, 10);
      expect(listed.map((row) => row.id)).toEqual([failed.id, id]);
      expect(listed[1]).toEqual({ ...sent, id, versionNumber: 1, createdAt: expect.any(Date) });
      expect(listed[0]).toMatchObject({ status: null, responseBytes: null, error: 'The API did not answer within 10 s.' });
      expect(await entryById(handle.db, projectId, id)).toEqual(listed[1]);
    });

    it('lists newest first and honours the limit', async () => {
      const { projectId, versionId } = await newProjectWithVersion();
      const ids: string[] = [];
      for (let index = 0; index < 5; index++) {
        ids.push((await insertRequestHistory(handle.db, entry(projectId, versionId, { path: `/r/${index}` }))).id);
      }
      expect((await listRequestHistory(handle.db, projectId, 3)).map((row) => row.id)).toEqual(ids.slice(2).reverse());
      expect((await listRequestHistory(handle.db, projectId, 100)).map((row) => row.path)).toEqual(['/r/4', '/r/3', '/r/2', '/r/1', '/r/0']);
      expect(await listRequestHistory(handle.db, projectId, 0)).toEqual([]);
    });

    it(`keeps the newest ${REQUEST_HISTORY_LIMIT} entries per project, pruning the oldest on insert`, async () => {
      const { projectId, versionId } = await newProjectWithVersion();
      const other = await newProjectWithVersion();
      const otherEntry = await insertRequestHistory(handle.db, entry(other.projectId, other.versionId));
      const extra = 3;
      const ids: string[] = [];
      for (let index = 0; index < REQUEST_HISTORY_LIMIT + extra; index++) {
        ids.push((await insertRequestHistory(handle.db, entry(projectId, versionId, { path: `/r/${index}` }))).id);
      }
      const counted = await handle.query<{ n: number }>('select count(*)::int as n from request_history where project_id = $1', [projectId]);
      expect(counted[0]!.n).toBe(REQUEST_HISTORY_LIMIT);
      const listed = await listRequestHistory(handle.db, projectId, REQUEST_HISTORY_LIMIT + 50);
      expect(listed.map((row) => row.id)).toEqual(ids.slice(extra).reverse());
      for (const pruned of ids.slice(0, extra)) expect(await entryById(handle.db, projectId, pruned)).toBeUndefined();
      // Pruning one project never touches another's history.
      expect(await entryById(handle.db, other.projectId, otherEntry.id)).toBeDefined();
    });

    it("keeps projects apart: one project's list and lookups never show another's entries", async () => {
      const a = await newProjectWithVersion();
      const b = await newProjectWithVersion();
      const inA = await insertRequestHistory(handle.db, entry(a.projectId, a.versionId, { path: '/a' }));
      const inB = await insertRequestHistory(handle.db, entry(b.projectId, b.versionId, { path: '/b' }));
      expect((await listRequestHistory(handle.db, a.projectId, 50)).map((row) => row.path)).toEqual(['/a']);
      expect(await entryById(handle.db, a.projectId, inB.id)).toBeUndefined();
      expect(await entryById(handle.db, b.projectId, inA.id)).toBeUndefined();
      expect(await entryById(handle.db, a.projectId, randomUUID())).toBeUndefined();
    });

    it("refuses an entry pointing at another project's version", async () => {
      const a = await newProjectWithVersion();
      const b = await newProjectWithVersion();
      await expect(insertRequestHistory(handle.db, entry(a.projectId, b.versionId))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(await listRequestHistory(handle.db, a.projectId, 50)).toEqual([]);
      // No version at all (a request to a preview whose version is already gone) is fine.
      await insertRequestHistory(handle.db, entry(a.projectId, null));
      expect(await listRequestHistory(handle.db, a.projectId, 50)).toHaveLength(1);
    });

    it('keeps an entry when its version is deleted, with versionId and versionNumber null', async () => {
      const { projectId, versionId } = await newProjectWithVersion();
      const { id } = await insertRequestHistory(handle.db, entry(projectId, versionId));
      expect(await entryById(handle.db, projectId, id)).toMatchObject({ versionId, versionNumber: 1 });
      await handle.query('delete from api_versions where id = $1', [versionId]);
      expect(await entryById(handle.db, projectId, id)).toMatchObject({ versionId: null, versionNumber: null, path: '/books' });
      expect((await listRequestHistory(handle.db, projectId, 10)).map((row) => row.versionNumber)).toEqual([null]);
    });

    it('refuses methods the console may not send, and goes with its project', async () => {
      const { projectId, versionId } = await newProjectWithVersion();
      await expect(
        handle.query(`insert into request_history (project_id, method, path) values ($1, 'TRACE', '/')`, [projectId]),
      ).rejects.toThrow(/check constraint/);
      await insertRequestHistory(handle.db, entry(projectId, versionId));
      await handle.query('delete from projects where id = $1', [projectId]);
      expect(await handle.query('select * from request_history where project_id = $1', [projectId])).toEqual([]);
    });
  });
}
