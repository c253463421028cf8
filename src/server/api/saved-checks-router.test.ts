// savedChecks.* through the router: save, list and remove for the owner, NOT_FOUND for anyone else, and a
// BAD_REQUEST that names the problem for input the console must not save.
import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertProject } from '@/db/stores/projects-store';
import { MAX_EXPECT_JSON_BYTES, MAX_SAVED_CHECK_BODY_BYTES } from '@/shared/saved-check-limits';
import { rejectionOf } from '@/test/rejection';
import { openTestApp, type TestApp } from '@/test/test-app';
import { appRouter, createCaller } from './root';
import { createTRPCContext, LOCAL_USER_ID } from './trpc';

let app: TestApp;
let projectId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ id: projectId } = await insertProject(app.handle.db, { ownerId: LOCAL_USER_ID, name: 'checks' }));
});
afterAll(() => app?.close());

const refusal = (call: Promise<unknown>) => rejectionOf(call, TRPCError);

/** The sentences of a refused input, as the workspace shows them (src/trpc/error-message.ts). */
async function inputProblems(call: Promise<unknown>): Promise<string[]> {
  const error = await refusal(call);
  expect(error.code).toBe('BAD_REQUEST');
  expect(error.cause).toBeInstanceOf(ZodError);
  return (error.cause as ZodError).issues.map((issue) => issue.message);
}

describe('savedChecks router', () => {
  it('saves a check with its default name, lists it and removes it', async () => {
    const saved = await app.caller.savedChecks.save({ projectId, method: 'GET', path: '/books', expectStatus: 200 });
    expect(saved).toMatchObject({ projectId, name: 'GET /books → 200', query: {}, headers: {}, body: null, expectJson: null });
    const named = await app.caller.savedChecks.save({
      projectId,
      name: 'creates a book',
      method: 'POST',
      path: '/books',
      query: { draft: 'true' },
      headers: { 'content-type': 'application/json' },
      body: '{"title":"Dune"}',
      expectStatus: 201,
      expectJson: { title: 'Dune', tags: [] },
    });
    expect((await app.caller.savedChecks.list({ projectId })).map((check) => check.id)).toEqual([saved.id, named.id]);
    expect(await app.caller.savedChecks.remove({ projectId, id: saved.id })).toEqual({ removed: true });
    expect(await app.caller.savedChecks.list({ projectId })).toEqual([named]);
    expect(await app.caller.savedChecks.remove({ projectId, id: saved.id })).toEqual({ removed: false });
  });

  it("refuses every procedure for another user's project", async () => {
    const stranger = createCaller({ services: app.services, userId: crypto.randomUUID() });
    const [kept] = await app.caller.savedChecks.list({ projectId });
    for (const call of [
      () => stranger.savedChecks.list({ projectId }),
      () => stranger.savedChecks.save({ projectId, method: 'GET', path: '/x', expectStatus: 200 }),
      () => stranger.savedChecks.remove({ projectId, id: kept!.id }),
    ]) {
      expect(await refusal(call())).toMatchObject({ code: 'NOT_FOUND', message: `Project ${projectId} was not found.` });
    }
    expect(await app.caller.savedChecks.list({ projectId })).toContainEqual(kept);
  });

  const base = () => ({ projectId, method: 'GET' as const, path: '/books', expectStatus: 200 });
  const refusedInputs: Array<[string, () => Parameters<TestApp['caller']['savedChecks']['save']>[0], string]> = [
    ['a path without a leading slash', () => ({ ...base(), path: 'books' }), 'The path must start with "/" (e.g. /books): only the preview itself can be called.'],
    ['a query string in the path', () => ({ ...base(), path: '/books?page=2' }), 'Put query parameters in the query, not in the path.'],
    ['a method the console cannot send', () => ({ ...base(), method: 'TRACE' as 'GET' }), 'The method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS.'],
    ['a status that is not an HTTP status', () => ({ ...base(), expectStatus: 700 }), 'The expected status must be an HTTP status, 100 to 599.'],
    ['a fractional status', () => ({ ...base(), expectStatus: 200.5 }), 'The expected status must be a whole number.'],
    ['a body on a GET', () => ({ ...base(), body: '{}' }), 'GET and HEAD requests cannot have a body.'],
    [
      'a body over the limit',
      () => ({ ...base(), method: 'POST' as const, body: 'x'.repeat(MAX_SAVED_CHECK_BODY_BYTES + 1) }),
      `The body may be at most ${MAX_SAVED_CHECK_BODY_BYTES / 1024} KB.`,
    ],
    ['a name over 200 characters', () => ({ ...base(), name: 'n'.repeat(201) }), 'Keep the name under 200 characters.'],
    ['a Host header', () => ({ ...base(), headers: { Host: 'evil.example' } }), 'The Host header cannot be set: requests always go to the preview.'],
    [
      'expected JSON that is not JSON',
      () => ({ ...base(), expectJson: { at: new Date(0) } }),
      'The expected JSON must be plain JSON (objects, arrays, strings, numbers, true, false or null), not Date.',
    ],
    [
      'expected JSON over the limit',
      () => ({ ...base(), expectJson: { text: 'x'.repeat(MAX_EXPECT_JSON_BYTES) } }),
      `The expected JSON may be at most ${MAX_EXPECT_JSON_BYTES / 1024} KB.`,
    ],
  ];
  it.each(refusedInputs)('refuses %s with a BAD_REQUEST saying so, saving nothing', async (_label, input, sentence) => {
    const before = (await app.caller.savedChecks.list({ projectId })).length;
    expect(await inputProblems(app.caller.savedChecks.save(input()))).toContain(sentence);
    expect(await app.caller.savedChecks.list({ projectId })).toHaveLength(before);
  });

  it('refuses an id that is not a uuid', async () => {
    expect(await inputProblems(app.caller.savedChecks.remove({ projectId, id: 'check-1' }))).toContain('Must be an id (uuid).');
  });

  it('answers over HTTP with the sentence in zodError, and takes expected JSON as sent', async () => {
    const post = (json: unknown) => {
      const request = new Request('http://127.0.0.1/api/trpc/savedChecks.save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json }),
      });
      return fetchRequestHandler({
        endpoint: '/api/trpc',
        req: request,
        router: appRouter,
        createContext: () => createTRPCContext({ headers: request.headers, services: app.services }),
      });
    };
    const refused = await post({ ...base(), expectStatus: 42 });
    expect(refused.status).toBe(400);
    const answer = (await refused.json()) as { error: { json: { data: { zodError: { fieldErrors: Record<string, string[]> } } } } };
    expect(answer.error.json.data.zodError.fieldErrors.expectStatus).toEqual(['The expected status must be an HTTP status, 100 to 599.']);

    const saved = await post({ ...base(), path: '/authors', expectJson: [{ name: 'Ann' }, 3, 'x', null] });
    expect(saved.status).toBe(200);
    const [last] = (await app.caller.savedChecks.list({ projectId })).slice(-1);
    expect(last).toMatchObject({ path: '/authors', expectJson: [{ name: 'Ann' }, 3, 'x', null] });
  });
});
