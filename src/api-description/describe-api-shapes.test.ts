import { describe, expect, it } from 'vitest';
import { OMITTED_KEY, type ApiDescription, type ApiRoute } from '@/types/api-description';
import { describeApi } from './describe-api';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ok = { 200: { description: 'OK' } };

function openApi(paths: Doc, extra: Doc = {}): Doc {
  return { openapi: '3.1.0', info: { title: 'Shapes', version: '2.0.0' }, paths, ...extra };
}

function describeDoc(doc: unknown): Promise<ApiDescription> {
  return describeApi(JSON.stringify(doc));
}

function routes(description: ApiDescription): ApiRoute[] {
  return description.groups.flatMap((group) => group.routes);
}

describe('describeApi: parameters', () => {
  it('merges path-level and operation parameters, the operation winning by name and place', async () => {
    const description = await describeDoc(openApi({
      '/shops/{shopId}/items/{itemId}': {
        parameters: [
          { name: 'itemId', in: 'path', required: true, description: 'from the path item', schema: { type: 'string' } },
          { name: 'verbose', in: 'query', schema: { type: 'boolean' } },
          { name: 'X-Trace', in: 'header', schema: { type: 'string' } },
        ],
        get: {
          parameters: [
            { name: 'itemId', in: 'path', required: true, description: 'from the operation', schema: { type: 'integer' } },
            { name: 'itemId', in: 'query', schema: { type: 'string', enum: ['a', 'b'] } },
            { name: 'limit', in: 'query', required: true, example: 5, schema: { type: 'integer' } },
            { name: 'session', in: 'cookie', schema: { type: 'string' } },
          ],
          responses: ok,
        },
      },
    }));
    expect(description.problems).toEqual(['`/paths/shops/{shopId}/items/{itemId}/get` is missing path parameter(s) for `{shopId}`.']);
    const [route] = routes(description);
    // shopId is used by the path but not declared: it is still a parameter to fill in, first as in the path.
    expect(route!.pathParams).toEqual([
      { name: 'shopId', required: true, description: null, schema: null, example: '' },
      { name: 'itemId', required: true, description: 'from the operation', schema: { type: 'integer' }, example: '0' },
    ]);
    expect(route!.queryParams.map(({ name, required, example }) => ({ name, required, example }))).toEqual([
      { name: 'verbose', required: false, example: 'true' },
      { name: 'itemId', required: false, example: 'a' },
      { name: 'limit', required: true, example: '5' },
    ]);
    expect(route!.headerParams.map((parameter) => parameter.name)).toEqual(['X-Trace']);
  });
});

describe('describeApi: bodies and examples', () => {
  it('prefers the document’s own example, picks the JSON content type, and leaves non-JSON examples empty', async () => {
    const description = await describeDoc(openApi({
      '/notes': {
        post: {
          requestBody: {
            content: {
              'text/plain': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'object', properties: { text: { type: 'string' } } }, example: { text: 'hello' } },
            },
          },
          responses: {
            201: { description: 'Created', content: { 'text/csv': { schema: { type: 'string' } } } },
            default: { description: 'Error', content: { 'application/problem+json': { schema: { type: 'object', properties: { title: { type: 'string' } } } } } },
          },
        },
      },
    }));
    const [route] = routes(description);
    expect(route!.requestBody).toMatchObject({ required: false, contentType: 'application/json', example: '{\n  "text": "hello"\n}' });
    expect(route!.responses).toEqual([
      { status: '201', description: 'Created', contentType: 'text/csv', schema: { type: 'string' }, example: '' },
      expect.objectContaining({ status: 'default', contentType: 'application/problem+json', example: '{\n  "title": "string"\n}' }),
    ]);
  });

  it('leaves readOnly fields out of request examples and writeOnly fields out of response examples', async () => {
    const user = {
      type: 'object',
      properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true }, name: { type: 'string' } },
    };
    const description = await describeDoc(openApi(
      { '/users': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } }, responses: { 201: { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } } } },
      { components: { schemas: { User: user } } },
    ));
    const [route] = routes(description);
    expect(Object.keys(JSON.parse(route!.requestBody!.example) as object).sort()).toEqual(['name', 'password']);
    expect(Object.keys(JSON.parse(route!.responses[0]!.example) as object).sort()).toEqual(['id', 'name']);
  });

  // Sampled, this would be 10^10 integers: the test would run out of time or memory.
  it('does not sample a schema that asks for huge arrays', async () => {
    const description = await describeDoc(openApi({
      '/grid': { get: { responses: { 200: { description: 'A grid', content: { 'application/json': { schema: { type: 'array', minItems: 100000, items: { type: 'array', minItems: 100000, items: { type: 'integer' } } } } } } } } },
    }));
    expect(routes(description)[0]!.responses[0]!.example).toBe('');
  });
});

describe('describeApi: size limits', () => {
  it('cuts a document whose schemas use each other exponentially often, and says so', async () => {
    const schemas: Doc = { S30: { type: 'string' } };
    for (let level = 0; level < 30; level += 1) {
      schemas[`S${level}`] = { type: 'object', properties: Object.fromEntries(['a', 'b', 'c', 'd'].map((key) => [key, { $ref: `#/components/schemas/S${level + 1}` }])) };
    }
    const description = await describeDoc(openApi(
      { '/bomb': { get: { responses: { 200: { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } } } } } },
      { components: { schemas } },
    ));
    expect(description.problems).toEqual([
      'openapi.json expands to more than 200,000 values once its $refs are followed, so it was not validated and large schemas are cut short.',
      'Some schemas are too large to show in full; parts of them are left out.',
    ]);
    const output = JSON.stringify(description);
    expect(output).toContain(OMITTED_KEY);
    expect(output.length).toBeLessThan(1_000_000);
  });
});

describe('describeApi: groups, auth and where routes are served', () => {
  it('groups untagged routes by a shared first segment, and lone ones under "general"', async () => {
    const description = await describeDoc(openApi({
      '/': { get: { responses: ok } },
      '/things': { get: { responses: ok }, post: { responses: ok } },
      '/status': { get: { responses: ok } },
      '/things/{id}': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], delete: { responses: ok } },
      '/login': { post: { tags: ['auth', 'users'], responses: ok } },
    }));
    expect(description.groups.map((group) => [group.name, group.routes.map((route) => route.id)])).toEqual([
      ['general', ['GET /', 'GET /status']],
      ['things', ['GET /things', 'POST /things', 'DELETE /things/{id}']],
      ['auth', ['POST /login']],
    ]);
  });

  it('needs auth only when every security requirement names a scheme', async () => {
    const description = await describeDoc(openApi(
      {
        '/inherited': { get: { responses: ok } },
        '/public': { get: { security: [], responses: ok } },
        '/optional': { get: { security: [{}, { key: [] }], responses: ok } },
      },
      { security: [{ key: [] }], components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } } },
    ));
    expect(routes(description).map((route) => [route.id, route.requiresAuth])).toEqual([
      ['GET /inherited', true],
      ['GET /public', false],
      ['GET /optional', false],
    ]);
  });

  it('says a path item that points outside the document has no known routes', async () => {
    const description = await describeDoc(openApi({ '/a': { get: { responses: ok } }, '/b': { $ref: 'https://example.com/paths.json#/b' } }));
    expect(description.problems).toContain('paths./b: $ref "https://example.com/paths.json#/b" points outside openapi.json and is not followed, so its routes are not known.');
    expect(routes(description).map((route) => route.id)).toEqual(['GET /a']);
  });

  it('takes the base path from the first server url', async () => {
    const description = await describeDoc(openApi({ '/a': { get: { responses: ok } } }, { servers: [{ url: 'http://localhost:3000/api/v1/' }] }));
    expect(description).toMatchObject({ title: 'Shapes', version: '2.0.0', basePath: '/api/v1' });
  });
});

describe('describeApi: Swagger 2.0', () => {
  it('reads routes, parameters, the body parameter and response schemas in the same shape', async () => {
    const description = await describeDoc({
      swagger: '2.0',
      info: { title: 'Pets', version: '1' },
      basePath: '/v1',
      produces: ['application/json'],
      paths: {
        '/pets/{id}': {
          parameters: [{ name: 'id', in: 'path', required: true, type: 'integer', format: 'int64' }],
          put: {
            tags: ['pets'],
            parameters: [
              { name: 'dryRun', in: 'query', type: 'boolean' },
              { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } },
            ],
            responses: { 200: { description: 'The pet', schema: { $ref: '#/definitions/Pet' } } },
          },
        },
        '/pets/{id}/photo': {
          post: {
            tags: ['pets'],
            consumes: ['multipart/form-data'],
            parameters: [{ name: 'id', in: 'path', required: true, type: 'integer' }, { name: 'file', in: 'formData', type: 'file', required: true }],
            responses: { 204: { description: 'Stored' } },
          },
        },
      },
      definitions: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
    });
    expect(description.problems).toEqual([]);
    expect(description.basePath).toBe('/v1');
    const [put, photo] = routes(description);
    expect(put).toMatchObject({
      id: 'PUT /pets/{id}',
      pathParams: [{ name: 'id', required: true, schema: { type: 'integer', format: 'int64' } }],
      queryParams: [{ name: 'dryRun', required: false, example: 'true' }],
      requestBody: { required: true, contentType: 'application/json', schema: { required: ['name'] } },
    });
    expect(JSON.parse(put!.requestBody!.example)).toEqual({ name: 'string' });
    expect(put!.responses[0]).toMatchObject({ status: '200', contentType: 'application/json', schema: { required: ['name'] } });
    expect(photo!.requestBody).toMatchObject({ required: true, contentType: 'multipart/form-data', schema: { properties: { file: { type: 'file' } }, required: ['file'] }, example: '' });
  });
});
