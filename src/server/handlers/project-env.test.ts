// Project env vars through the tRPC procedures: values go in but never come back out, only the
// project's owner reaches them, and the shared name and value rules give a clear BAD_REQUEST.
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { LOCAL_USER_ID } from '@/server/api/trpc';
import { envNameProblem, envValueProblem } from '@/shared/project-env-rules';
import { openTestApp, type TestApp } from '@/test/test-app';
import { insertProject } from '@/db/stores/projects-store';
import { readProjectEnvValues } from '@/db/stores/project-env-store';
import { rejectionOf } from '@/test/rejection';

const SECRET = 'sk-live-0123456789-do-not-leak';

const trpcErrorOf = (promise: Promise<unknown>) => rejectionOf(promise, TRPCError);

describe('projectEnv procedures', () => {
  let app: TestApp;
  let caller: TestApp['caller'];
  beforeAll(async () => {
    app = await openTestApp();
    caller = app.caller;
  });
  afterAll(() => app?.close());

  const newProject = async () => (await insertProject(app.handle.db, { ownerId: LOCAL_USER_ID, name: 'env' })).id;

  it('sets, replaces, lists and removes variables without any response carrying a value', async () => {
    const projectId = await newProject();
    const responses: unknown[] = [];
    const keep = <T>(response: T): T => {
      responses.push(response);
      return response;
    };

    const set = keep(await caller.projectEnv.set({ projectId, name: 'JWT_SECRET', value: SECRET }));
    expect(set).toEqual({ name: 'JWT_SECRET', updatedAt: expect.any(Date) });
    keep(await caller.projectEnv.set({ projectId, name: 'API_KEY', value: `${SECRET}-2` }));
    keep(await caller.projectEnv.set({ projectId, name: 'JWT_SECRET', value: `${SECRET}-replaced` }));

    const listed = keep(await caller.projectEnv.list({ projectId }));
    expect(listed.map((entry) => entry.name)).toEqual(['API_KEY', 'JWT_SECRET']);
    expect(listed.every((entry) => Object.keys(entry).sort().join() === 'name,updatedAt')).toBe(true);

    expect(keep(await caller.projectEnv.remove({ projectId, name: 'API_KEY' }))).toEqual({ removed: true });
    expect(keep(await caller.projectEnv.remove({ projectId, name: 'API_KEY' }))).toEqual({ removed: false });
    expect(keep(await caller.projectEnv.list({ projectId })).map((entry) => entry.name)).toEqual(['JWT_SECRET']);

    for (const response of responses) expect(JSON.stringify(response)).not.toContain(SECRET);
    // The value was stored all the same: the sandbox reads it on the server.
    expect(await readProjectEnvValues(app.handle.db, projectId)).toEqual({ JWT_SECRET: `${SECRET}-replaced` });
  });

  it("gives another user NOT_FOUND for every procedure and leaves the owner's variables alone", async () => {
    const projectId = await newProject();
    await caller.projectEnv.set({ projectId, name: 'TOKEN', value: SECRET });
    const stranger = createCaller({ services: app.services, userId: randomUUID() });
    const attempts = [
      stranger.projectEnv.list({ projectId }),
      stranger.projectEnv.set({ projectId, name: 'TOKEN', value: 'overwritten' }),
      stranger.projectEnv.set({ projectId, name: 'NEW_ONE', value: 'x' }),
      stranger.projectEnv.remove({ projectId, name: 'TOKEN' }),
    ];
    for (const attempt of attempts) {
      const error = await trpcErrorOf(attempt);
      expect(error.code).toBe('NOT_FOUND');
      expect(JSON.stringify({ message: error.message })).not.toContain(SECRET);
    }
    expect(await readProjectEnvValues(app.handle.db, projectId)).toEqual({ TOKEN: SECRET });
    expect((await trpcErrorOf(caller.projectEnv.list({ projectId: randomUUID() }))).code).toBe('NOT_FOUND');
  });

  it.each(['PATH', 'LD_PRELOAD', '1ABC', 'a-b', ''])('refuses the name %j with the rule’s message', async (name) => {
    const projectId = await newProject();
    const problem = envNameProblem(name)!;
    expect(problem).toBeTruthy();
    for (const attempt of [caller.projectEnv.set({ projectId, name, value: 'x' }), caller.projectEnv.remove({ projectId, name })]) {
      const error = await trpcErrorOf(attempt);
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toContain(problem);
    }
    expect(await caller.projectEnv.list({ projectId })).toEqual([]);
  });

  it('refuses a 9 KB value and a value with NUL with the rule’s message', async () => {
    const projectId = await newProject();
    for (const value of ['v'.repeat(9 * 1024), 'a\u0000b']) {
      const error = await trpcErrorOf(caller.projectEnv.set({ projectId, name: 'BIG', value }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toContain(envValueProblem(value)!);
    }
    expect(await caller.projectEnv.list({ projectId })).toEqual([]);
  });

  it('refuses input that is not text or not an id', async () => {
    const projectId = await newProject();
    const bad = [
      caller.projectEnv.set({ projectId, name: 42 as unknown as string, value: 'x' }),
      caller.projectEnv.set({ projectId, name: 'OK', value: null as unknown as string }),
      caller.projectEnv.list({ projectId: 'not-an-id' }),
    ];
    for (const attempt of bad) expect((await trpcErrorOf(attempt)).code).toBe('BAD_REQUEST');
  });
});
