// The API a version describes, read from its openapi.json: routes grouped by resource, each with its
// parameters, body and responses, schemas dereferenced and examples sampled. Never throws: whatever is
// wrong with the document becomes a problem line, and whatever routes can still be read are returned.
// Pure apart from the parsing libraries, which are told never to follow a $ref out of the document.
import { createHash } from 'node:crypto';
import { type ApiDescription } from '@/types/api-description';
import { PREVIEW_METHODS, type PreviewMethod } from '@/types/preview';
import { createLruCache } from '@/versioning';
import { createCopyBudget } from './bounded-json';
import { buildRoute, type RouteContext } from './build-route';
import { isRecord } from './document-location';
import { groupRoutes, type TaggedRoute } from './group-routes';
import { loadDocument } from './load-document';
import { createProblemList, type ProblemList } from './problem-list';
import { readOpenApi3Operation } from './read-openapi3';
import { readSwagger2Operation } from './read-swagger2';

export const MAX_OPENAPI_BYTES = 2 * 1024 * 1024;
/** Values copied into one description's schemas and examples, all routes together. */
const DESCRIPTION_BUDGET = 150_000;
/** Methods a path item may have that the console does not send. */
const UNSENDABLE_METHODS = ['trace', 'connect', 'query'];

type Flavor = 'openapi3' | 'swagger2';

// Validation alone takes a few hundred milliseconds, and a version's openapi.json never changes.
const cache = createLruCache<string, Promise<ApiDescription>>({ maxEntries: 20 });

/** The description of `openApiText`; the same text gives the same (shared, not to be changed) object. */
export function describeApi(openApiText: string): Promise<ApiDescription> {
  const key = createHash('sha256').update(openApiText).digest('hex');
  const cached = cache.get(key);
  if (cached) return cached;
  const pending = readDescription(openApiText).catch((error: unknown) =>
    emptyDescription([`Could not read openapi.json: ${error instanceof Error ? error.message : String(error)}`]),
  );
  cache.set(key, pending);
  return pending;
}

export function emptyDescription(problems: string[]): ApiDescription {
  return { title: 'Untitled API', version: null, description: null, basePath: '', problems, groups: [] };
}

function parseDocument(text: string): { document: Record<string, unknown> } | { problem: string } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_OPENAPI_BYTES) {
    return { problem: `openapi.json is ${(bytes / 1024 / 1024).toFixed(1)} MB; only documents up to 2 MB are read.` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `openapi.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isRecord(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    return { problem: `openapi.json is ${kind}, not an OpenAPI document.` };
  }
  return { document: parsed };
}

/** Which reader fits, and whether the validator can judge it; unknown versions are read as OpenAPI 3. */
function detectFlavor(document: Record<string, unknown>, problems: ProblemList): { flavor: Flavor; validate: boolean } {
  const { openapi, swagger } = document;
  if (typeof openapi === 'string' && openapi.startsWith('3.')) return { flavor: 'openapi3', validate: true };
  if (swagger === '2.0') return { flavor: 'swagger2', validate: true };
  if (openapi !== undefined || swagger !== undefined) {
    const field = openapi !== undefined ? `"openapi": ${JSON.stringify(openapi)}` : `"swagger": ${JSON.stringify(swagger)}`;
    problems.add(null, `openapi.json says ${field}; only OpenAPI 3.x and Swagger 2.0 are read, so it is read as OpenAPI 3.`);
    return { flavor: 'openapi3', validate: true };
  }
  problems.add(null, 'openapi.json has no "openapi" field, so it is not an OpenAPI document; its paths are read as OpenAPI 3.');
  return { flavor: 'openapi3', validate: false };
}

/** The prefix the routes are served under: Swagger's basePath, or the path of the first server's url. */
function basePathOf(document: Record<string, unknown>, flavor: Flavor): string {
  let prefix = '';
  if (flavor === 'swagger2') {
    prefix = typeof document.basePath === 'string' ? document.basePath : '';
  } else {
    const server: unknown = Array.isArray(document.servers) ? document.servers[0] : undefined;
    if (isRecord(server) && typeof server.url === 'string' && !server.url.includes('{')) {
      try {
        prefix = new URL(server.url, 'http://server.invalid').pathname;
      } catch {
        prefix = '';
      }
    }
  }
  const trimmed = prefix.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function readRoutes(document: Record<string, unknown>, flavor: Flavor, context: RouteContext, problems: ProblemList): TaggedRoute[] {
  if (!isRecord(document.paths)) {
    problems.add(null, 'openapi.json has no "paths" object, so it lists no routes.');
    return [];
  }
  const routes: TaggedRoute[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    if (!isRecord(pathItem)) continue; // validation names it
    if (typeof pathItem.$ref === 'string') {
      problems.add(`paths.${path}`, `$ref "${pathItem.$ref}" points outside openapi.json and is not followed, so its routes are not known.`);
    }
    for (const [key, operation] of Object.entries(pathItem)) {
      const method = key.toUpperCase();
      if (UNSENDABLE_METHODS.includes(key.toLowerCase())) {
        problems.add(`paths.${path}.${key}`, `${method} is not a method the console sends, so this route is left out.`);
      }
      if (!isPreviewMethod(method) || !isRecord(operation)) continue;
      const parts = flavor === 'swagger2' ? readSwagger2Operation(pathItem, operation, document) : readOpenApi3Operation(pathItem, operation);
      const security = operation.security ?? document.security;
      const route = buildRoute({ method, path, operation, parts, security }, context);
      const tag = Array.isArray(operation.tags) && typeof operation.tags[0] === 'string' ? operation.tags[0] : null;
      routes.push({ route, tag });
    }
  }
  return routes;
}

function isPreviewMethod(method: string): method is PreviewMethod {
  return (PREVIEW_METHODS as readonly string[]).includes(method);
}

async function readDescription(text: string): Promise<ApiDescription> {
  const parsed = parseDocument(text);
  if ('problem' in parsed) return emptyDescription([parsed.problem]);

  const problems = createProblemList();
  const { flavor, validate } = detectFlavor(parsed.document, problems);
  const loaded = await loadDocument(parsed.document, problems, { shouldValidate: validate });
  const { document } = loaded;
  const context: RouteContext = {
    budget: createCopyBudget(DESCRIPTION_BUDGET),
    refNames: loaded.refNames,
    unresolvedSpec: loaded.dereferenced ? undefined : document,
  };
  const routes = readRoutes(document, flavor, context, problems);
  if (context.budget.cut) problems.add(null, 'Some schemas are too large to show in full; parts of them are left out.');

  const info = isRecord(document.info) ? document.info : {};
  return {
    title: typeof info.title === 'string' && info.title.trim() !== '' ? info.title : 'Untitled API',
    version: typeof info.version === 'string' ? info.version : null,
    description: typeof info.description === 'string' && info.description.trim() !== '' ? info.description : null,
    basePath: basePathOf(document, flavor),
    problems: problems.lines(),
    groups: groupRoutes(routes),
  };
}
