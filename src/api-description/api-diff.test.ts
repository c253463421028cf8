import { describe, expect, it } from 'vitest';
import { routeKey } from './api-diff';
import { changes, diff, lines, openApi, type Schema } from './api-diff-test-helpers';

/** An OpenAPI 3.1 document with `paths`; a POST body and 200 response per route when given. */
function spec(paths: Record<string, Record<string, { request?: Schema; requestRequired?: boolean; response?: Schema }>>, schemas: Schema = {}): string {
  const operations = Object.fromEntries(
    Object.entries(paths).map(([path, methods]) => [
      path,
      Object.fromEntries(
        Object.entries(methods).map(([method, { request, requestRequired, response }]) => [
          method,
          {
            ...(request ? { requestBody: { required: requestRequired ?? true, content: { 'application/json': { schema: request } } } } : {}),
            responses: { '200': { description: 'ok', ...(response ? { content: { 'application/json': { schema: response } } } : {}) } },
          },
        ]),
      ),
    ]),
  );
  return openApi(operations, schemas);
}

const object = (properties: Record<string, Schema>, required: string[] = [], extra: Schema = {}): Schema => ({ type: 'object', properties, required, ...extra });

const book = object({ id: { type: 'string' }, title: { type: 'string' }, price: { type: 'number' } }, ['id', 'title', 'price']);

describe('diffApiDocuments: routes', () => {
  it('lists removed routes as breaking and added ones as not', async () => {
    const before = spec({ '/authors': { get: {} }, '/books': { get: {} } });
    const after = spec({ '/books': { get: {} }, '/reviews': { get: {}, post: {} } });
    expect(await lines(before, after)).toEqual([
      '- GET /authors  (removed, breaking)',
      '+ GET /reviews  (added)',
      '+ POST /reviews  (added)',
    ]);
    expect(await diff(before, after)).toMatchObject({ status: 'compared', breakingCount: 1 });
  });

  it('matches routes whose path parameters were renamed', async () => {
    const before = spec({ '/books/{id}': { get: { response: book } } });
    const after = spec({ '/books/{bookId}': { get: { response: book } } });
    expect(await changes(before, after)).toEqual([]);
    expect(routeKey('get', '/books/{bookId}/')).toBe(routeKey('GET', '/books/{id}'));
  });

  it('says nothing when the documents describe the same API', async () => {
    const text = spec({ '/books': { get: { response: book }, post: { request: book, response: book } } });
    expect(await diff(text, text)).toEqual({ status: 'compared', changes: [], breakingCount: 0 });
  });
});

describe('diffApiDocuments: response fields', () => {
  it('flags a removed response field as breaking, and shows a rename as removed plus added', async () => {
    const renamed = object({ id: { type: 'string' }, name: { type: 'string' }, price: { type: 'number' } }, ['id', 'name', 'price']);
    expect(await lines(spec({ '/books': { get: { response: book } } }), spec({ '/books': { get: { response: renamed } } }))).toEqual([
      '- GET /books  response title  (removed, breaking)',
      '+ GET /books  response name  (added)',
    ]);
  });

  it('flags a response field made optional, not one made required', async () => {
    const optional = object({ id: { type: 'string' }, title: { type: 'string' }, price: { type: 'number' } }, ['id', 'title']);
    const route = (response: Schema) => spec({ '/books': { get: { response } } });
    expect(await lines(route(book), route(optional))).toEqual(['~ GET /books  response price: now optional  (changed, breaking)']);
    expect(await lines(route(optional), route(book))).toEqual(['~ GET /books  response price: now required  (changed)']);
  });

  it('flags a changed type as breaking, and a response made nullable but not made non-nullable', async () => {
    const withPrice = (price: Schema) => spec({ '/books': { get: { response: object({ price }, ['price']) } } });
    expect(await lines(withPrice({ type: 'number' }), withPrice({ type: 'string' }))).toEqual([
      '~ GET /books  response price: number → string  (changed, breaking)',
    ]);
    expect(await lines(withPrice({ type: 'number' }), withPrice({ type: ['number', 'null'] }))).toEqual([
      '~ GET /books  response price: number → null | number  (changed, breaking)',
    ]);
    expect(await lines(withPrice({ type: 'number', nullable: true }), withPrice({ type: 'number' }))).toEqual([
      '~ GET /books  response price: null | number → number  (changed)',
    ]);
  });

  it('says nothing more inside a field whose type changed', async () => {
    const withAuthor = (author: Schema) => spec({ '/books': { get: { response: object({ author }, ['author']) } } });
    expect(await lines(withAuthor(object({ name: { type: 'string' } }, ['name'])), withAuthor({ type: 'string' }))).toEqual([
      '~ GET /books  response author: object → string  (changed, breaking)',
    ]);
  });

  it('follows arrays through items and nested objects', async () => {
    const list = (item: Schema) => spec({ '/books': { get: { response: { type: 'array', items: item } } } });
    const nested = (author: Schema) => object({ author }, ['author']);
    expect(await lines(list(nested(object({ name: { type: 'string' } }, ['name']))), list(nested(object({}, []))))).toEqual([
      '- GET /books  response [].author.name  (removed, breaking)',
    ]);
  });
});

describe('diffApiDocuments: request fields', () => {
  const create = (request: Schema, requestRequired = true) => spec({ '/books': { post: { request, requestRequired } } });

  it('flags a new required request field, not a new optional one', async () => {
    const before = create(object({ title: { type: 'string' } }, ['title']));
    expect(await lines(before, create(object({ title: { type: 'string' }, isbn: { type: 'string' } }, ['title', 'isbn'])))).toEqual([
      '+ POST /books  request isbn  (added, required, breaking)',
    ]);
    expect(await lines(before, create(object({ title: { type: 'string' }, isbn: { type: 'string' } }, ['title'])))).toEqual([
      '+ POST /books  request isbn  (added)',
    ]);
  });

  it('flags a request field made required, and a request body made required', async () => {
    expect(await lines(create(object({ title: { type: 'string' } })), create(object({ title: { type: 'string' } }, ['title'])))).toEqual([
      '~ POST /books  request title: now required  (changed, breaking)',
    ]);
    expect(await lines(create(object({}), false), create(object({}), true))).toEqual(['~ POST /books  request body: now required  (changed, breaking)']);
  });

  it('flags a narrowed request type or enum, not a widened one', async () => {
    const withGenre = (genre: Schema) => create(object({ genre }, ['genre']));
    expect(await lines(withGenre({ type: 'string' }), withGenre({ type: 'string', enum: ['novel', 'poetry'] }))).toEqual([
      '~ POST /books  request genre: any value → one of "novel", "poetry"  (changed, breaking)',
    ]);
    expect(await lines(withGenre({ enum: ['novel', 'poetry'] }), withGenre({ enum: ['novel'] }))).toEqual([
      '~ POST /books  request genre: one of "novel", "poetry" → one of "novel"  (changed, breaking)',
    ]);
    expect(await lines(withGenre({ enum: ['novel'] }), withGenre({ enum: ['novel', 'poetry'] }))).toEqual([
      '~ POST /books  request genre: one of "novel" → one of "novel", "poetry"  (changed)',
    ]);
    expect(await lines(withGenre({ type: 'integer' }), withGenre({ type: 'number' }))).toEqual(['~ POST /books  request genre: integer → number  (changed)']);
    expect(await lines(withGenre({ type: ['string', 'null'] }), withGenre({ type: 'string' }))).toEqual([
      '~ POST /books  request genre: null | string → string  (changed, breaking)',
    ]);
  });

  it('flags a removed request field only where the object forbids other properties', async () => {
    const open = create(object({ title: { type: 'string' } }));
    const closed = create(object({ title: { type: 'string' } }, [], { additionalProperties: false }));
    expect(await lines(open, create(object({})))).toEqual(['- POST /books  request title  (removed)']);
    expect(await lines(closed, create(object({}, [], { additionalProperties: false })))).toEqual(['- POST /books  request title  (removed, breaking)']);
  });
});

describe('diffApiDocuments: $refs and allOf', () => {
  it('resolves $refs and merges allOf before comparing', async () => {
    const schemas = (inputProperties: Record<string, Schema>) => ({
      BookInput: object(inputProperties, Object.keys(inputProperties)),
      Book: { allOf: [{ $ref: '#/components/schemas/BookInput' }, object({ id: { type: 'string' } }, ['id'])] },
    });
    const route = { '/books/{id}': { get: { response: { $ref: '#/components/schemas/Book' } } } };
    const before = spec(route, schemas({ title: { type: 'string' }, year: { type: 'integer' } }));
    const after = spec(route, schemas({ title: { type: 'string' }, year: { type: 'string' } }));
    expect(await lines(before, after)).toEqual(['~ GET /books/{id}  response year: integer → string  (changed, breaking)']);
  });

  it('stops at recursive schemas', async () => {
    const node = (extra: Record<string, Schema>) => ({ Node: object({ children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, ...extra }) });
    const route = { '/tree': { get: { response: { $ref: '#/components/schemas/Node' } } } };
    const result = await lines(spec(route, node({})), spec(route, node({ label: { type: 'string' } })));
    // children[] is Node again: listed, not followed, so the walk ends.
    expect(result).toEqual(['+ GET /tree  response label  (added)']);
  });
});

describe('diffApiDocuments: no API description', () => {
  it('says which version has none instead of throwing', async () => {
    const good = spec({ '/books': { get: {} } });
    expect(await diff(undefined, good)).toEqual({ status: 'unavailable', reason: 'No API description to compare: v1 has no openapi.json.' });
    expect(await diff(good, '{ not json')).toMatchObject({ status: 'unavailable', reason: expect.stringContaining("v2's openapi.json is not valid JSON") });
    expect(await diff('[]', '{"openapi":"3.1.0"}')).toEqual({
      status: 'unavailable',
      reason: 'No API description to compare: v1\'s openapi.json is not an OpenAPI document; v2\'s openapi.json has no "paths" object.',
    });
  });

  it('reads a missing $ref as any type rather than failing', async () => {
    const before = spec({ '/books': { get: { response: object({ author: { $ref: '#/components/schemas/Missing' } }) } } });
    const after = spec({ '/books': { get: { response: object({ author: { type: 'string' } }) } } });
    expect(await lines(before, after)).toEqual(['~ GET /books  response author: any → string  (changed)']);
  });
});
