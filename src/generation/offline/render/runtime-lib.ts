// The runtime every generated API has, under src/lib/: JSON helpers, a small router and an
// in-memory store. Constant text: it does not depend on the API schema.

export const HTTP_TS = `// JSON in and out for node:http, and the error type handlers throw for the router to answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodType } from 'zod';

const MAX_BODY_BYTES = 1024 * 1024;

/** An error with an HTTP status. The router turns it into a JSON response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Details for the client, such as the validation issues of a 400. */
    readonly issues?: unknown,
  ) {
    super(message);
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendNoContent(response: ServerResponse): void {
  response.writeHead(204);
  response.end();
}

/** The request body parsed as JSON: 400 when it is missing or not JSON, 413 when it is too large. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'The request body is larger than 1 MB');
    chunks.push(bytes);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'The request needs a JSON body');
  try {
    return JSON.parse(text, withoutPrototype) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON');
  }
}

/**
 * Objects of a parsed body get no prototype, so a field named like one of its members (constructor,
 * toString) is absent unless the client sent it, instead of zod reading the inherited function.
 */
function withoutPrototype(_key: string, value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.assign(Object.create(null), value) : value;
}

/** The body checked against a zod schema: 400 with zod's issues when it does not fit. */
export function validate<T>(schema: ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, 'The request body is invalid', result.error.issues);
  return result.data;
}
`;

export const ROUTER_TS = `// A tiny router for node:http: a method and a path pattern such as "/books/:id" pick a handler.
// Errors thrown by handlers and guards become JSON responses, so both only write the happy path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from './http.js';

export interface RouteContext {
  request: IncomingMessage;
  response: ServerResponse;
  /** The values of the pattern's :name segments. */
  params: Record<string, string>;
  /** The query string: ?page=2&title=Dune. */
  query: URLSearchParams;
  /** The pattern of the route that matched, such as "/books/:id". */
  pattern: string;
}

export type Handler = (context: RouteContext) => void | Promise<void>;

/** Runs before the handler of every matched route; it refuses a request by throwing an HttpError. */
export type Guard = (context: RouteContext) => void | Promise<void>;

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** The params when the path fits the pattern, otherwise null. */
function matchPath(pattern: string[], path: string[]): Record<string, string> | null {
  if (pattern.length !== path.length) return null;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const actual = path[index] ?? '';
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null; // malformed %-escape: no route has such a path
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

function sendError(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  if (error instanceof HttpError) {
    const body = error.issues === undefined ? { error: error.message } : { error: error.message, issues: error.issues };
    sendJson(response, error.status, body);
    return;
  }
  console.error(error);
  sendJson(response, 500, { error: 'Internal server error' });
}

export class Router {
  private readonly routes: Route[] = [];
  private readonly guards: Guard[] = [];

  use(guard: Guard): void {
    this.guards.push(guard);
  }

  get(pattern: string, handler: Handler): void {
    this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): void {
    this.add('POST', pattern, handler);
  }

  put(pattern: string, handler: Handler): void {
    this.add('PUT', pattern, handler);
  }

  patch(pattern: string, handler: Handler): void {
    this.add('PATCH', pattern, handler);
  }

  delete(pattern: string, handler: Handler): void {
    this.add('DELETE', pattern, handler);
  }

  /** Answers one request: its route's handler, 404 for an unknown path, 405 for a known path with another method. */
  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const { pathname, searchParams } = new URL(request.url ?? '/', 'http://localhost');
      const path = splitPath(pathname);
      let pathExists = false;
      for (const route of this.routes) {
        const params = matchPath(route.segments, path);
        if (!params) continue;
        pathExists = true;
        if (route.method !== request.method) continue;
        const context: RouteContext = { request, response, params, query: searchParams, pattern: route.pattern };
        for (const guard of this.guards) await guard(context);
        await route.handler(context);
        return;
      }
      throw pathExists
        ? new HttpError(405, \`\${request.method} is not allowed on \${pathname}\`)
        : new HttpError(404, \`No route for \${request.method} \${pathname}\`);
    } catch (error) {
      sendError(response, error);
    }
  }

  private add(method: string, pattern: string, handler: Handler): void {
    this.routes.push({ method, pattern, segments: splitPath(pattern), handler });
  }
}
`;

export const MEMORY_STORE_TS = `// A Map-backed store for one resource. Data lives as long as the process does: this keeps the
// API runnable with no setup, and a database module can replace this one behind the same methods.
import { randomUUID } from 'node:crypto';

/** An item as stored: the client's fields plus the ones the store sets. */
export type Stored<T> = T & { id: string; createdAt: string; updatedAt: string };

export class MemoryStore<T extends object> {
  private readonly items = new Map<string, Stored<T>>();

  list(): Stored<T>[] {
    return [...this.items.values()];
  }

  get(id: string): Stored<T> | undefined {
    return this.items.get(id);
  }

  create(data: T): Stored<T> {
    const now = new Date().toISOString();
    const item: Stored<T> = { ...data, id: randomUUID(), createdAt: now, updatedAt: now };
    this.items.set(item.id, item);
    return item;
  }

  /** Replaces every client field; undefined when there is no such item. */
  replace(id: string, data: T): Stored<T> | undefined {
    const existing = this.items.get(id);
    if (!existing) return undefined;
    const item: Stored<T> = { ...data, id, createdAt: existing.createdAt, updatedAt: new Date().toISOString() };
    this.items.set(id, item);
    return item;
  }

  /** Changes only the given fields; undefined when there is no such item. */
  update(id: string, changes: Partial<T>): Stored<T> | undefined {
    const existing = this.items.get(id);
    if (!existing) return undefined;
    const item: Stored<T> = { ...existing, ...changes, updatedAt: new Date().toISOString() };
    this.items.set(id, item);
    return item;
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }
}
`;
