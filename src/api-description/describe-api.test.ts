import dnsPromises from 'node:dns/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runConversation } from '@/test/offline-conversations';
import { MISSING_REF_KEY, SCHEMA_NAME_KEY, type ApiDescription, type ApiRoute } from '@/types/api-description';
import { describeApi } from './describe-api';
import { MAX_PROBLEMS } from './problem-list';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const [bookstoreStep, withAuthStep, withPaginationStep] = runConversation([
  'A REST API for a bookstore with authors and books',
  'Add JWT auth',
  'Add pagination',
]);
const bookstoreText = bookstoreStep!.files['openapi.json']!;

/** A fresh copy of the generated bookstore document to break. */
function bookstore(): Doc {
  return JSON.parse(bookstoreText) as Doc;
}

function describeDoc(doc: unknown): Promise<ApiDescription> {
  return describeApi(JSON.stringify(doc));
}

function routeIds(description: ApiDescription): Record<string, string[]> {
  return Object.fromEntries(description.groups.map((group) => [group.name, group.routes.map((route) => route.id)]));
}

function route(description: ApiDescription, id: string): ApiRoute {
  const found = description.groups.flatMap((group) => group.routes).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no route ${id}`);
  return found;
}

const CRUD = (resource: string) => [
  `GET /${resource}`,
  `POST /${resource}`,
  `GET /${resource}/{id}`,
  `PUT /${resource}/{id}`,
  `PATCH /${resource}/{id}`,
  `DELETE /${resource}/{id}`,
];

describe('describeApi on the offline generator’s bookstore', () => {
  it('groups its routes by resource in document order, with /health on its own', async () => {
    const description = await describeApi(bookstoreText);
    expect(description.problems).toEqual([]);
    expect(description).toMatchObject({ title: 'Bookstore API', version: '1.0.0', basePath: '' });
    expect(routeIds(description)).toEqual({ general: ['GET /health'], authors: CRUD('authors'), books: CRUD('books') });
  });

  it('reads path parameters declared on the path item, and the responses of each route', async () => {
    const description = await describeApi(bookstoreText);
    const getAuthor = route(description, 'GET /authors/{id}');
    expect(getAuthor.pathParams).toEqual([{ name: 'id', required: true, description: null, schema: { type: 'string' }, example: 'string' }]);
    expect(getAuthor.queryParams).toEqual([]);
    expect(getAuthor.responses.map((response) => response.status)).toEqual(['200', '404']);
    expect(route(description, 'DELETE /authors/{id}').responses[0]).toEqual({
      status: '204', description: 'Deleted', contentType: null, schema: null, example: '',
    });
  });

  it('samples a JSON body for POST /authors from its dereferenced schema', async () => {
    const body = route(await describeApi(bookstoreText), 'POST /authors').requestBody!;
    expect(body).toMatchObject({ required: true, contentType: 'application/json' });
    expect(body.schema).toMatchObject({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
    const example = JSON.parse(body.example) as Record<string, unknown>;
    expect(typeof example.name).toBe('string');
    expect(body.example).toBe(JSON.stringify(example, null, 2));
  });

  it('samples response bodies with the fields of every allOf part', async () => {
    const created = route(await describeApi(bookstoreText), 'POST /authors').responses[0]!;
    expect(created.status).toBe('201');
    expect(Object.keys(JSON.parse(created.example) as object).sort()).toEqual(['bio', 'createdAt', 'id', 'name', 'updatedAt']);
  });

  it('reads auth and pagination when they are added later', async () => {
    const withAuth = await describeApi(withAuthStep!.files['openapi.json']!);
    expect(routeIds(withAuth)).toEqual({ general: ['GET /health'], auth: ['POST /auth/token'], authors: CRUD('authors'), books: CRUD('books') });
    const locked = withAuth.groups.flatMap((group) => group.routes).filter((candidate) => candidate.requiresAuth).map((candidate) => candidate.id);
    expect(locked).toEqual(['POST /authors', 'PUT /authors/{id}', 'PATCH /authors/{id}', 'DELETE /authors/{id}', 'POST /books', 'PUT /books/{id}', 'PATCH /books/{id}', 'DELETE /books/{id}']);

    const paged = await describeApi(withPaginationStep!.files['openapi.json']!);
    expect(paged.problems).toEqual([]);
    const list = route(paged, 'GET /books');
    expect(list.queryParams.map(({ name, required, example }) => ({ name, required, example }))).toEqual([
      { name: 'page', required: false, example: '1' },
      { name: 'pageSize', required: false, example: '20' },
    ]);
    expect(JSON.parse(list.responses[0]!.example)).toMatchObject({ items: [expect.objectContaining({ title: expect.any(String) })] });
  });

  it('gives the same description for the same text without reading it again', async () => {
    const first = await describeApi(bookstoreText);
    expect(await describeApi(bookstoreText)).toBe(first);
    expect(await describeApi(`${bookstoreText}\n`)).not.toBe(first);
  });
});

describe('describeApi on documents it cannot read', () => {
  it.each([
    ['text that is not JSON', '{ "openapi": ', /^openapi\.json is not valid JSON: /],
    ['an array', '[1, 2]', /^openapi\.json is an array, not an OpenAPI document\.$/],
    ['null', 'null', /^openapi\.json is null, not an OpenAPI document\.$/],
    ['a string', '"openapi"', /^openapi\.json is a string, not an OpenAPI document\.$/],
    ['more than 2 MB', JSON.stringify({ openapi: '3.1.0', padding: 'x'.repeat(2 * 1024 * 1024) }), /only documents up to 2 MB are read/],
  ])('names the problem with %s and lists no routes', async (_name, text, problem) => {
    const description = await describeApi(text);
    expect(description.groups).toEqual([]);
    expect(description.problems).toHaveLength(1);
    expect(description.problems[0]).toMatch(problem);
  });

  it('says an object without an "openapi" field or paths is not an OpenAPI document', async () => {
    const description = await describeDoc({ hello: 'world' });
    expect(description.groups).toEqual([]);
    expect(description.problems).toEqual([
      'openapi.json has no "openapi" field, so it is not an OpenAPI document; its paths are read as OpenAPI 3.',
      'openapi.json has no "paths" object, so it lists no routes.',
    ]);
  });

  it('names each missing $ref and still returns every route', async () => {
    const doc = bookstore();
    doc.paths['/books'].post.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/X' };
    doc.components.schemas.Author.allOf[0] = { $ref: '#/components/schemas/Gone' };
    const description = await describeDoc(doc);
    expect(description.problems).toEqual([
      'components.schemas.Author.allOf.0: Missing $ref pointer "#/components/schemas/Gone"',
      'paths./books.post.requestBody.content.application/json.schema: Missing $ref pointer "#/components/schemas/X"',
    ]);
    expect(routeIds(description)).toEqual({ general: ['GET /health'], authors: CRUD('authors'), books: CRUD('books') });
    expect(route(description, 'POST /books').requestBody).toMatchObject({ schema: { [MISSING_REF_KEY]: '#/components/schemas/X' }, example: '' });
    // The rest is still dereferenced.
    expect(route(description, 'POST /authors').requestBody!.schema).toMatchObject({ required: ['name'] });
  });

  it('returns the routes with validation errors that name where they are', async () => {
    const doc = bookstore();
    doc.paths['/books'].get.responses = 'nope';
    doc.paths['/books'].get.parameters = [{ name: 'q' }];
    const description = await describeDoc(doc);
    expect(description.problems).toEqual([
      "paths./books.get.parameters.0: must have required property 'schema'",
      'paths./books.get.responses: must be object',
    ]);
    expect(route(description, 'GET /books').responses).toEqual([]);
    expect(routeIds(description).books).toEqual(CRUD('books'));
  });

  it('reports rules beyond the schema, such as a duplicated operationId', async () => {
    const doc = bookstore();
    doc.paths['/books'].get.operationId = 'listAuthors';
    expect((await describeDoc(doc)).problems).toEqual(['The operationId `listAuthors` is duplicated and must be made unique.']);
  });

  it('keeps at most 20 problems, the last one counting the rest', async () => {
    const doc = bookstore();
    for (let index = 0; index < 30; index += 1) doc.paths[`/extra${index}`] = { get: { responses: 5 } };
    const { problems } = await describeDoc(doc);
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems.at(-1)).toMatch(/^…and \d+ more problems\.$/);
    expect(problems.every((problem) => !problem.includes('\n'))).toBe(true);
  });

  it('leaves out methods the console does not send, saying so', async () => {
    const doc = bookstore();
    doc.paths['/books'] = { trace: { responses: { 200: { description: 'echo' } } }, ...doc.paths['/books'] };
    const description = await describeDoc(doc);
    expect(description.problems).toContain('paths./books.trace: TRACE is not a method the console sends, so this route is left out.');
    expect(routeIds(description).books).toEqual(CRUD('books'));
  });

  it('reads an unknown OpenAPI version as OpenAPI 3 and says so', async () => {
    const doc = bookstore();
    doc.openapi = '2.5.0';
    const description = await describeDoc(doc);
    expect(description.problems[0]).toBe('openapi.json says "openapi": "2.5.0"; only OpenAPI 3.x and Swagger 2.0 are read, so it is read as OpenAPI 3.');
    expect(routeIds(description).authors).toEqual(CRUD('authors'));
  });
});

describe('describeApi on recursive schemas', () => {
  it('cuts recursion where it repeats, as a $ref, and samples one level of it', async () => {
    const doc = bookstore();
    doc.components.schemas.Node = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
    };
    doc.components.schemas.Tree = { type: 'object', properties: { root: { $ref: '#/components/schemas/Node' } } };
    doc.paths['/books'].post.requestBody.content['application/json'].schema = { $ref: '#/components/schemas/Node' };
    doc.paths['/books'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/Tree' };
    const description = await describeDoc(doc);
    expect(description.problems).toEqual([]);

    const node = { ...doc.components.schemas.Node, [SCHEMA_NAME_KEY]: 'Node' };
    const body = route(description, 'POST /books').requestBody!;
    expect(body.schema).toEqual(node);
    expect(JSON.parse(body.example)).toMatchObject({ name: 'string', children: expect.any(Array) });

    const tree = route(description, 'GET /books').responses[0]!.schema!;
    expect(tree).toEqual({ type: 'object', properties: { root: node }, [SCHEMA_NAME_KEY]: 'Tree' });
    expect(() => JSON.stringify(description)).not.toThrow();
  });
});

describe('describeApi never follows a $ref out of the document', () => {
  /** Counts DNS lookups: the parser looks a host up before it would fetch from it. */
  async function countingLookups<T>(run: (lookups: string[]) => Promise<T>): Promise<T> {
    const lookups: string[] = [];
    const original = dnsPromises.lookup;
    dnsPromises.lookup = (async (hostname: string) => {
      lookups.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    }) as unknown as typeof dnsPromises.lookup;
    syncBuiltinESMExports();
    try {
      return await run(lookups);
    } finally {
      dnsPromises.lookup = original;
      syncBuiltinESMExports();
    }
  }

  it('sends no request and looks up no host for http refs', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.setHeader('content-type', 'application/json');
      response.end('{"type":"object","description":"SERVED-BY-THE-TEST-SERVER"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const remote = 'http://refs.api-forge-test.example';
    try {
      const doc = bookstore();
      doc.components.schemas.Remote = { $ref: `${remote}/remote.json` };
      doc.paths['/authors'].post.requestBody.content['application/json'].schema = { $ref: `${local}/x.json` };
      doc.paths['/books'].post.requestBody.content['application/json'].schema = { $ref: `${remote}/book.json` };
      doc.paths['/books'].get.parameters = [{ $ref: `${local}/parameter.json` }];
      const { description, lookups } = await countingLookups(async (seen) => ({ description: await describeDoc(doc), lookups: seen }));
      await new Promise((resolve) => setTimeout(resolve, 100));

      expect(requests).toBe(0);
      expect(lookups).toEqual([]);
      expect(JSON.stringify(description)).not.toContain('SERVED-BY-THE-TEST-SERVER');
      expect(route(description, 'POST /authors').requestBody!.schema).toEqual({ $ref: `${local}/x.json` });
      expect(route(description, 'POST /books').requestBody!.schema).toEqual({ $ref: `${remote}/book.json` });
      expect(routeIds(description).books).toEqual(CRUD('books'));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reads no file for absolute-path, file: and relative refs', async () => {
    const doc = bookstore();
    doc.paths['/authors'].post.requestBody.content['application/json'].schema = { $ref: '/etc/passwd' };
    doc.paths['/books'].post.requestBody.content['application/json'].schema = { $ref: 'file:///etc/passwd' };
    doc.paths['/books'].get.responses['200'].content['application/json'].schema = { $ref: 'package.json' };
    const description = await describeDoc(doc);

    const output = JSON.stringify(description);
    const passwdFirstLine = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8').split('\n')[0]! : 'root:x:0:0';
    expect(output).not.toContain(passwdFirstLine);
    expect(output).not.toContain('"name":"api-forge"');
    expect(route(description, 'POST /authors').requestBody!.schema).toEqual({ $ref: '/etc/passwd' });
    expect(route(description, 'POST /books').requestBody!.schema).toEqual({ $ref: 'file:///etc/passwd' });
    expect(route(description, 'GET /books').responses[0]!.schema).toEqual({ $ref: 'package.json' });
  });
});
