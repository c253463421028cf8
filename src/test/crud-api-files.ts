// Test data: a generated-API stand-in with create, read, update and delete of books, as files a
// sandbox installs and starts, described by the same openapi.json the behaviour tests use.
// `readNeverFinds` makes GET /books/:id answer 404 for every id; `withoutList` drops GET /books.
// Used by tests only.
import { BOOKS_OPENAPI } from '@/api-checks/test-crud-server';
import type { FileMap } from '@/types/versioning';
import { plainApi } from './sandbox-support';

export function crudApiFiles(options: { readNeverFinds?: boolean; withoutList?: boolean } = {}): FileMap {
  const server = `
const http = require('http');
const books = new Map();
let nextId = 1;
const send = (res, status, body) => {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
};
const valid = (b) => b && typeof b.title === 'string' && b.title !== '' && typeof b.year === 'number';
http.createServer(async (req, res) => {
  let text = '';
  for await (const chunk of req) text += chunk;
  let body;
  try { body = JSON.parse(text); } catch {}
  const id = (/^\\/books\\/([^/]+)$/.exec(req.url) || [])[1];
  if (req.url === '/health') return send(res, 200, { status: 'ok' });
  if (req.url === '/books' && req.method === 'GET' && !${Boolean(options.withoutList)}) return send(res, 200, [...books.values()]);
  if (req.url === '/books' && req.method === 'POST') {
    if (!valid(body)) return send(res, 400, { error: 'invalid book' });
    const book = { id: String(nextId++), title: body.title, year: body.year };
    books.set(book.id, book);
    return send(res, 201, book);
  }
  if (!id) return send(res, 404, { error: 'not found' });
  const book = books.get(id);
  if (!book || (${Boolean(options.readNeverFinds)} && req.method === 'GET')) return send(res, 404, { error: 'not found' });
  if (req.method === 'GET') return send(res, 200, book);
  if (req.method === 'PATCH') return send(res, 200, Object.assign(book, body));
  if (req.method === 'DELETE') { books.delete(id); return send(res, 204); }
  send(res, 405, { error: 'method not allowed' });
}).listen(Number(process.env.PORT));
`;
  return plainApi(server, { files: { 'openapi.json': BOOKS_OPENAPI } });
}
