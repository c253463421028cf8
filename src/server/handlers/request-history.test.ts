// The console history as its owner lists it: newest first, capped, and nobody else's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteTestDatabase } from '@/test/test-database';
import type { DatabaseHandle } from '@/db/client';
import { ForgeError } from '@/shared/forge-error';
import { insertProject } from '@/db/stores/projects-store';
import { insertRequestHistory } from '@/db/stores/request-history-store';
import type { HandlerContext } from './context';
import { listProjectRequests } from './request-history';

const OWNER = '00000000-0000-4000-8000-000000000001';

describe('listProjectRequests', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openPgliteTestDatabase();
  });
  afterAll(() => handle?.close());

  const contextOf = (userId: string): HandlerContext => ({ db: handle.db, userId, jobs: { enqueue: async () => {} } });

  it("lists the owner's requests newest first, up to the limit, and hides them from everyone else", async () => {
    const { id: projectId } = await insertProject(handle.db, { ownerId: OWNER, name: 'console' });
    for (const path of ['/first', '/second', '/third']) {
      await insertRequestHistory(handle.db, {
        projectId,
        versionId: null,
        method: 'GET',
        path,
        query: {},
        headers: {},
        body: null,
        status: 200,
        durationMs: 1,
        responseBytes: 2,
        error: null,
      });
    }
    const all = await listProjectRequests(contextOf(OWNER), { projectId });
    expect(all.map((entry) => entry.path)).toEqual(['/third', '/second', '/first']);
    const two = await listProjectRequests(contextOf(OWNER), { projectId, limit: 2 });
    expect(two.map((entry) => entry.path)).toEqual(['/third', '/second']);

    const refused = await listProjectRequests(contextOf(randomUUID()), { projectId }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ForgeError);
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
  });
});
