// The behaviour round against real HTTP servers: a correct CRUD API passes every step, and each way
// of being wrong fails the step that should catch it, with the request and response that show it.
import { afterEach, describe, expect, it } from 'vitest';
import type { ValidationCheck } from '@/types/versioning';
import { planApiChecks, runApiChecks } from './api-checks';
import { BOOKS_OPENAPI, startCrudServer, type CrudFaults } from './test-crud-server';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function checksAgainst(faults: CrudFaults = {}): Promise<Map<string, ValidationCheck>> {
  const server = await startCrudServer(faults);
  servers.push(server);
  const plan = await planApiChecks({ path: 'openapi.json', text: BOOKS_OPENAPI }, [], { behaviour: true });
  const recorded: ValidationCheck[] = [];
  await runApiChecks({ baseUrl: server.baseUrl, timeoutMs: 5_000 }, plan, (check) => recorded.push(check));
  expect(recorded.map((check) => check.check)).toEqual(plan.names);
  return new Map(recorded.map((check) => [check.check, check]));
}

describe('behaviour checks', () => {
  it('pass on an API that does what its openapi.json says', async () => {
    const checks = await checksAgainst();
    for (const check of checks.values()) expect(check, check.detail).toMatchObject({ ok: true, kind: 'behaviour', resource: 'books' });
    expect(checks.get('books: create')!.exchange).toMatchObject({
      request: { method: 'POST', path: '/books', body: '{"title":"Dune","year":1965}' },
      response: { status: 201 },
    });
    expect(checks.get('books: update')!.detail).toContain('shows title "Dune (changed)"');
    expect(checks.get('books: bad body')!.detail).toBe('POST /books with title set to 12345 answered 400 Bad Request');
  });

  it('fail the read step when GET by id never finds what was created', async () => {
    const checks = await checksAgainst({ readNeverFinds: true });
    expect(checks.get('books: create')!.ok).toBe(true);
    const read = checks.get('books: read')!;
    expect(read.ok).toBe(false);
    expect(read.detail).toBe('GET /books/1 answered 404 Not Found, but the book created just before should be found (200)');
    expect(read.exchange).toEqual({ request: { method: 'GET', path: '/books/1' }, response: { status: 404, body: '{"error":"not found"}' } });
  });

  it('fail the read step when POST answers 201 but stores nothing', async () => {
    const checks = await checksAgainst({ createStoresNothing: true });
    expect(checks.get('books: create')!.ok).toBe(true);
    expect(checks.get('books: read')).toMatchObject({ ok: false, exchange: { response: { status: 404 } } });
    // Nothing to update or delete: those steps fail too, saying why.
    expect(checks.get('books: delete')).toMatchObject({ ok: false });
  });

  it('fail the bad-body step when an invalid body crashes the handler', async () => {
    const checks = await checksAgainst({ badBodyCrashes: true });
    const bad = checks.get('books: bad body')!;
    expect(bad.ok).toBe(false);
    expect(bad.detail).toContain('answered 500 Internal Server Error; a body the schema does not allow should get 400 (or 422)');
    expect(bad.exchange?.request.body).toBe('{"title":12345,"year":1965}');
    expect(bad.exchange?.response).toEqual({ status: 500, body: '{"error":"Cannot read properties of undefined"}' });
  });

  it('fail the update and delete steps when the change is not visible', async () => {
    const checks = await checksAgainst({ updateIgnored: true, deleteIgnored: true });
    expect(checks.get('books: update')!.detail).toBe('PATCH /books/1 answered 200 OK, but then GET /books/1 shows title "Dune", not "Dune (changed)"');
    expect(checks.get('books: delete')!.detail).toBe('DELETE /books/1 answered 204 No Content, but then GET /books/1 answered 200 OK, not 404');
  });

  it('report a refused connection on every step instead of hanging', async () => {
    const gone = await startCrudServer();
    await gone.close();
    const plan = await planApiChecks({ path: 'openapi.json', text: BOOKS_OPENAPI }, [], { behaviour: true });
    const recorded: ValidationCheck[] = [];
    await runApiChecks({ baseUrl: gone.baseUrl, timeoutMs: 2_000 }, plan, (check) => recorded.push(check));
    expect(recorded.find((check) => check.check === 'books: create')).toMatchObject({ ok: false });
    expect(recorded.find((check) => check.check === 'books: create')!.detail).toMatch(/^POST \/books: request failed: .*ECONNREFUSED/);
  });

  it('record one skipped check when there is no openapi.json', async () => {
    const plan = await planApiChecks(undefined, [], { behaviour: true });
    const recorded: ValidationCheck[] = [];
    await runApiChecks({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1_000 }, plan, (check) => recorded.push(check));
    expect(recorded).toEqual([{ check: 'behaviour', ok: true, skipped: true, kind: 'behaviour', detail: 'not checked: the version has no openapi.json to read its resources from' }]);
  });
});
