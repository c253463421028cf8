// Which routes validation probes: the ones the version declares (e.g. "GET /books/:id") plus the
// ones in its openapi.json (docs/architecture.md, "Model output"). Pure: no I/O.
import type { FileMap } from '@/types/versioning';

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface DeclaredRoute {
  method: HttpMethod;
  /** The path as declared, with `:name` or `{name}` parameters. */
  path: string;
}

export interface RouteProbe {
  /** The check's name, e.g. "GET /books/:id"; parameters always in `:name` form. */
  check: string;
  method: HttpMethod;
  /** The path to request, parameters replaced by placeholder values, e.g. "/books/1". */
  url: string;
}

export interface CollectedRoutes {
  probes: RouteProbe[];
  /** Declared strings that are not "METHOD /path". */
  unparsed: string[];
  /** Set when an openapi.json exists but cannot be read; says why. */
  openApiProblem?: { path: string; reason: string };
}

/** `/health` has its own check, so a route list that repeats it is not probed twice. */
const HEALTH_KEY = 'GET /health';

const PLACEHOLDER_ID = '1';
const PLACEHOLDER_UUID = '00000000-0000-4000-8000-000000000001';

/** Parses "GET /books", "get /books/:id" or a bare "/books" (GET). Words after the path are ignored. */
export function parseDeclaredRoute(text: string): DeclaredRoute | null {
  const match = /^\s*(?:([A-Za-z]+)\s+)?(\/\S*)/.exec(text);
  if (!match?.[2]) return null;
  const method = (match[1] ?? 'GET').toUpperCase();
  if (!isHttpMethod(method)) return null;
  return { method, path: match[2] };
}

/** Finds the version's openapi.json: the one at the root, else the least nested one. */
export function findOpenApiPath(files: FileMap): string | undefined {
  const candidates = Object.keys(files).filter((path) => path === 'openapi.json' || path.endsWith('/openapi.json'));
  return candidates.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
}

/** Routes from an OpenAPI 3 (or Swagger 2) document, with the servers' / basePath prefix applied. */
export function routesFromOpenApi(text: string): DeclaredRoute[] {
  const doc: unknown = JSON.parse(text);
  if (!isRecord(doc) || !isRecord(doc.paths)) throw new Error('it has no "paths" object');
  const prefix = pathPrefix(doc);
  const routes: DeclaredRoute[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/') || !isRecord(item)) continue;
    for (const key of Object.keys(item)) {
      const method = key.toUpperCase();
      if (isHttpMethod(method)) routes.push({ method, path: joinPaths(prefix, path) });
    }
  }
  return routes;
}

/** Merges declared and OpenAPI routes into probes, deduplicated by method and parameter-blind path. */
export function collectRoutes(declared: readonly string[], files: FileMap): CollectedRoutes {
  const routes: DeclaredRoute[] = [];
  const unparsed: string[] = [];
  for (const text of declared) {
    const route = parseDeclaredRoute(text);
    if (route) routes.push(route);
    else unparsed.push(text);
  }

  let openApiProblem: CollectedRoutes['openApiProblem'];
  const openApiPath = findOpenApiPath(files);
  const openApiText = openApiPath === undefined ? undefined : files[openApiPath];
  if (openApiPath !== undefined && openApiText !== undefined) {
    try {
      routes.push(...routesFromOpenApi(openApiText));
    } catch (error) {
      openApiProblem = { path: openApiPath, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  const seen = new Set<string>([HEALTH_KEY]);
  const probes: RouteProbe[] = [];
  for (const route of routes) {
    const key = `${route.method} ${dedupeShape(route.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    probes.push({
      check: `${route.method} ${colonParams(route.path)}`,
      method: route.method,
      url: fillParams(route.path),
    });
  }
  return { probes, unparsed, ...(openApiProblem ? { openApiProblem } : {}) };
}

// `{name}` (OpenAPI), `:name` with an optional `(regex)` and `?`/`+`/`*` modifier (Express),
// `*` and `*name` wildcards (Express 5).
const BRACE_PARAM = /\{([^}/]+)\}/g;
const COLON_PARAM = /:([A-Za-z_$][\w$]*)(?:\([^)]*\))?[?+*]?/g;
const WILDCARD = /\*[\w$]*/g;

function fillParams(path: string): string {
  const placeholder = (_: string, name: string) => (/uuid|guid/i.test(name) ? PLACEHOLDER_UUID : PLACEHOLDER_ID);
  return path.replace(BRACE_PARAM, placeholder).replace(COLON_PARAM, placeholder).replace(WILDCARD, PLACEHOLDER_ID);
}

function colonParams(path: string): string {
  return path.replace(BRACE_PARAM, ':$1');
}

/** `/books/{id}/`, `/books/:bookId` → `/books/:` */
function dedupeShape(path: string): string {
  const shape = path.replace(BRACE_PARAM, ':').replace(COLON_PARAM, ':').replace(WILDCARD, ':');
  return shape.length > 1 ? shape.replace(/\/+$/, '') : shape;
}

function pathPrefix(doc: Record<string, unknown>): string {
  if (typeof doc.basePath === 'string') return doc.basePath;
  const first = Array.isArray(doc.servers) ? (doc.servers[0] as unknown) : undefined;
  if (!isRecord(first) || typeof first.url !== 'string' || first.url.includes('{')) return '';
  try {
    // A relative url ("/api") or an absolute one ("http://localhost:3000/api"): only the path matters.
    return new URL(first.url, 'http://placeholder').pathname;
  } catch {
    return '';
  }
}

function joinPaths(prefix: string, path: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' ? path : `${trimmed.startsWith('/') ? '' : '/'}${trimmed}${path}`;
}

function isHttpMethod(method: string): method is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
