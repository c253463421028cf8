// Test support: a small in-memory CRUD API over node:http, with switches for the ways an API can
// be wrong, and the openapi.json that describes it. Used by tests only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CrudFaults {
  /** GET /books/:id answers 404 for every id. */
  readNeverFinds?: boolean;
  /** POST /books answers 201 with the book but keeps nothing. */
  createStoresNothing?: boolean;
  /** A body that fails validation crashes the handler: 500. */
  badBodyCrashes?: boolean;
  /** PATCH answers 200 but changes nothing. */
  updateIgnored?: boolean;
  /** DELETE answers 204 but the book stays. */
  deleteIgnored?: boolean;
}

export const BOOKS_OPENAPI = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Books', version: '1' },
  paths: {
    '/books': {
      get: { responses: { '200': { description: 'all' } } },
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/BookInput' } } } },
        responses: { '201': { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } } } },
      },
    },
    '/books/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      get: { responses: { '200': { description: 'one' }, '404': { description: 'none' } } },
      patch: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '200': { description: 'changed' } } },
      delete: { responses: { '204': { description: 'gone' } } },
    },
  },
  components: {
    schemas: {
      BookInput: {
        type: 'object',
        required: ['title', 'year'],
        properties: { title: { type: 'string', minLength: 1, examples: ['Dune'] }, year: { type: 'number', examples: [1965] } },
      },
      Book: { allOf: [{ $ref: '#/components/schemas/BookInput' }, { type: 'object', properties: { id: { type: 'string' } } }] },
    },
  },
});

function send(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function validBook(body: unknown): body is { title: string; year: number } {
  const book = body as { title?: unknown; year?: unknown } | undefined;
  return typeof book?.title === 'string' && book.title !== '' && typeof book.year === 'number';
}

export async function startCrudServer(faults: CrudFaults = {}): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const books = new Map<string, Record<string, unknown>>();
  let nextId = 1;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const id = /^\/books\/([^/]+)$/.exec(url.pathname)?.[1];
    if (url.pathname === '/health') return send(response, 200, { status: 'ok' });
    if (url.pathname === '/books' && request.method === 'GET') return send(response, 200, [...books.values()]);
    if (url.pathname === '/books' && request.method === 'POST') {
      const body = await readJson(request);
      if (!validBook(body)) return faults.badBodyCrashes ? send(response, 500, { error: 'Cannot read properties of undefined' }) : send(response, 400, { error: 'invalid' });
      const book = { id: String(nextId++), title: body.title, year: body.year };
      if (!faults.createStoresNothing) books.set(book.id, book);
      return send(response, 201, book);
    }
    const book = id === undefined ? undefined : books.get(id);
    if (id === undefined || !book || (faults.readNeverFinds && request.method === 'GET')) return send(response, 404, { error: 'not found' });
    if (request.method === 'GET') return send(response, 200, book);
    if (request.method === 'PATCH') {
      const changes = (await readJson(request)) as Record<string, unknown>;
      if (!faults.updateIgnored) Object.assign(book, changes);
      return send(response, 200, book);
    }
    if (request.method === 'DELETE') {
      if (!faults.deleteIgnored) books.delete(id);
      return send(response, 204);
    }
    send(response, 405, { error: 'method not allowed' });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
