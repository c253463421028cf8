// The HTTP API diff between two versions, from their openapi.json texts: routes added and removed, and
// per route the fields added, removed and changed in the request body and in the first 2xx response's
// body, the query and header parameters added, removed and changed, and the response status codes
// added, removed and changed. Never throws: a version with no or unreadable openapi.json gives an
// 'unavailable' answer.
//
// Routes match by method and path with parameter names dropped, so "/books/{id}" and "/books/{bookId}"
// are one route. Bodies are read with the console's readers after $refs are resolved (loadDocument),
// allOf parts merged, arrays followed through `items` ("tags[]"); see schema-fields.ts.
//
// Breaking means a client written for the older version can fail against the newer one:
// - a route removed (added: not breaking);
// - a response field removed (a rename is a removal plus an addition, so it is breaking); a request
//   field removed only when its object forbids other properties, since old clients still send it;
// - a request field added as required, or made required; a response field made optional;
// - a type or enum changed so that it no longer covers what clients rely on: in a request the newer
//   version must accept every value the older one did (narrowing is breaking, e.g. string → enum subset,
//   or nullable → non-nullable); in a response it must send nothing the older one could not (widening
//   is breaking, e.g. non-nullable → nullable); a change that is neither (number → string) is breaking
//   on both sides. `integer` counts as a kind of `number`; a schema without a type accepts anything.
// - query and header parameters follow the request field rules (field-changes.ts, parameter-changes.ts):
//   a parameter added as required, made required, narrowed or retyped is breaking; one added as
//   optional or made optional is not, nor one removed: old clients still send it, and servers ignore
//   query parameters and headers they do not read. Path parameters are not compared: renaming one is
//   not a change, and adding or removing one makes another route.
// - a success (2xx) status removed, or changed into another (201 → 200), is breaking; a status added, or
//   an error status removed, is not (status-changes.ts).
import type { ApiChange, ApiDiff } from '@/types/api-diff';
import { MAX_OPENAPI_BYTES } from './describe-api';
import { isRecord } from './document-location';
import { fieldChanges } from './field-changes';
import { loadDocument } from './load-document';
import type { RawParameter } from './operation-parts';
import { parameterChanges } from './parameter-changes';
import { createProblemList } from './problem-list';
import { readOpenApi3Operation } from './read-openapi3';
import { readSwagger2Operation } from './read-swagger2';
import { schemaFields, type SchemaField } from './schema-fields';
import { isSuccessStatus, statusChanges } from './status-changes';

export interface ApiDiffSide {
  /** "v1", to name the version in an 'unavailable' reason. */
  label: string;
  /** Its openapi.json; undefined when it has none. */
  openApiText: string | undefined;
}

interface RouteShape {
  /** "GET /books/{id}" as this version writes it. */
  name: string;
  request: Map<string, SchemaField>;
  response: Map<string, SchemaField>;
  /** Query and header ones. */
  parameters: RawParameter[];
  /** "200", "404", "2XX", "default", as the document lists them. */
  statuses: string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** "GET /books/{}": parameter names and a trailing slash do not make a different route. */
export function routeKey(method: string, path: string): string {
  const normalized = path.replace(/\{[^}]*\}/g, '{}').replace(/(.)\/+$/, '$1');
  return `${method.toUpperCase()} ${normalized}`;
}

function parseText(side: ApiDiffSide): Record<string, unknown> | string {
  if (side.openApiText === undefined) return `${side.label} has no openapi.json`;
  if (Buffer.byteLength(side.openApiText, 'utf8') > MAX_OPENAPI_BYTES) return `${side.label}'s openapi.json is larger than 2 MB`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(side.openApiText);
  } catch (error) {
    return `${side.label}'s openapi.json is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!isRecord(parsed)) return `${side.label}'s openapi.json is not an OpenAPI document`;
  if (!isRecord(parsed.paths)) return `${side.label}'s openapi.json has no "paths" object`;
  return parsed;
}

/** The routes of one version, or why there are none to compare. */
async function readRoutes(side: ApiDiffSide): Promise<Map<string, RouteShape> | string> {
  const parsed = parseText(side);
  if (typeof parsed === 'string') return parsed;
  // Missing $refs are marked and read as "any"; validation is not needed to compare shapes.
  const { document } = await loadDocument(parsed, createProblemList(), { shouldValidate: false });
  const swagger2 = document.swagger === '2.0';
  const routes = new Map<string, RouteShape>();
  for (const [path, pathItem] of Object.entries(isRecord(document.paths) ? document.paths : {})) {
    if (!isRecord(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isRecord(operation)) continue;
      const parts = swagger2 ? readSwagger2Operation(pathItem, operation, document) : readOpenApi3Operation(pathItem, operation);
      const success = parts.responses.filter((response) => isSuccessStatus(response.status)).sort((a, b) => a.status.localeCompare(b.status))[0];
      const responseSchema = success?.content?.schema;
      routes.set(routeKey(method, path), {
        name: `${method.toUpperCase()} ${path}`,
        request: parts.body && parts.body.schema !== undefined ? schemaFields(parts.body.schema, parts.body.required) : new Map(),
        response: responseSchema === undefined ? new Map() : schemaFields(responseSchema, true),
        parameters: parts.parameters.filter((parameter) => parameter.in !== 'path'),
        statuses: parts.responses.map((response) => response.status),
      });
    }
  }
  return routes;
}

/** Sorted by path, then method as METHODS lists them, so the same pair always gives the same order. */
function byPathThenMethod(a: string, b: string): number {
  const [methodA = '', pathA = ''] = a.split(' ');
  const [methodB = '', pathB = ''] = b.split(' ');
  return pathA.localeCompare(pathB) || METHODS.indexOf(methodA.toLowerCase()) - METHODS.indexOf(methodB.toLowerCase());
}

/** The API changes from `from` to `to`, breaking ones flagged; see the rules at the top of this file. */
export async function diffApiDocuments(from: ApiDiffSide, to: ApiDiffSide): Promise<ApiDiff> {
  const [before, after] = await Promise.all([readRoutes(from), readRoutes(to)]);
  const reasons = [before, after].filter((side): side is string => typeof side === 'string');
  if (typeof before === 'string' || typeof after === 'string') {
    return { status: 'unavailable', reason: `No API description to compare: ${reasons.join('; ')}.` };
  }
  const changes: ApiChange[] = [];
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(byPathThenMethod);
  for (const key of keys) {
    const old = before.get(key);
    const current = after.get(key);
    if (old && !current) changes.push({ kind: 'route-removed', route: old.name, location: null, field: null, detail: null, breaking: true });
    else if (!old && current) changes.push({ kind: 'route-added', route: current.name, location: null, field: null, detail: null, breaking: false });
    else if (old && current) {
      changes.push(...parameterChanges(current.name, old.parameters, current.parameters));
      changes.push(...fieldChanges(current.name, 'request', old.request, current.request));
      changes.push(...statusChanges(current.name, old.statuses, current.statuses));
      changes.push(...fieldChanges(current.name, 'response', old.response, current.response));
    }
  }
  return { status: 'compared', changes, breakingCount: changes.filter((change) => change.breaking).length };
}
