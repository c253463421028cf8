// The HTTP API diff between two versions, from their openapi.json texts: routes added and removed, and
// per route the fields added, removed and changed in the request body and in the first 2xx response's
// body. Never throws: a version with no or unreadable openapi.json gives an 'unavailable' answer.
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
// Query, path and header parameters and status codes are not compared.
import type { ApiChange, ApiDiff, ApiFieldLocation } from '@/types/api-diff';
import { MAX_OPENAPI_BYTES } from './describe-api';
import { isRecord } from './document-location';
import { loadDocument } from './load-document';
import { createProblemList } from './problem-list';
import { readOpenApi3Operation } from './read-openapi3';
import { readSwagger2Operation } from './read-swagger2';
import { schemaFields, type SchemaField } from './schema-fields';

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
      const success = parts.responses.filter((response) => /^2(\d\d|XX)$/i.test(response.status)).sort((a, b) => a.status.localeCompare(b.status))[0];
      const responseSchema = success?.content?.schema;
      routes.set(routeKey(method, path), {
        name: `${method.toUpperCase()} ${path}`,
        request: parts.body && parts.body.schema !== undefined ? schemaFields(parts.body.schema, parts.body.required) : new Map(),
        response: responseSchema === undefined ? new Map() : schemaFields(responseSchema, true),
      });
    }
  }
  return routes;
}

/** A set of JSON types; empty means any. `integer` is inside `number`. */
function typesCover(outer: string[], inner: string[]): boolean {
  if (outer.length === 0) return true;
  if (inner.length === 0) return false;
  return inner.every((type) => outer.includes(type) || (type === 'integer' && outer.includes('number')));
}

/** null means any value of the field's types. */
function valuesCover(outer: string[] | null, inner: string[] | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  return inner.every((value) => outer.includes(value));
}

function formatTypes(types: string[]): string {
  return types.length === 0 ? 'any' : types.join(' | ');
}

function formatValues(values: string[] | null): string {
  if (values === null) return 'any value';
  const shown = values.slice(0, 5).join(', ');
  return values.length > 5 ? `one of ${shown}, …` : `one of ${shown}`;
}

/**
 * Whether going from `before` to `after` can break a client: a request must still accept all it did,
 * a response must send nothing new.
 */
function breaksOnChange(location: ApiFieldLocation, widened: boolean, narrowed: boolean): boolean {
  return location === 'request' ? !widened : !narrowed;
}

function fieldChanges(route: string, location: ApiFieldLocation, before: Map<string, SchemaField>, after: Map<string, SchemaField>): ApiChange[] {
  const changes: ApiChange[] = [];
  const change = (kind: ApiChange['kind'], field: string, detail: string | null, breaking: boolean) =>
    changes.push({ kind, route, location, field, detail, breaking });
  // Inside a field that was itself removed, added or given another type, nothing more is said.
  const reported = (parent: string | null) => {
    if (parent === null) return false;
    const [old, current] = [before.get(parent), after.get(parent)];
    return !old || !current || !(typesCover(old.types, current.types) && typesCover(current.types, old.types));
  };

  for (const [path, old] of before) {
    const current = after.get(path);
    if (!current) {
      if (reported(old.parent)) continue;
      const parentClosed = old.parent !== null && after.get(old.parent)?.closed === true;
      change('field-removed', path, null, location === 'response' || parentClosed);
      continue;
    }
    const typesWidened = typesCover(current.types, old.types);
    const typesNarrowed = typesCover(old.types, current.types);
    if (!(typesWidened && typesNarrowed)) {
      change('field-changed', path, `${formatTypes(old.types)} → ${formatTypes(current.types)}`, breaksOnChange(location, typesWidened, typesNarrowed));
    } else {
      const valuesWidened = valuesCover(current.values, old.values);
      const valuesNarrowed = valuesCover(old.values, current.values);
      if (!(valuesWidened && valuesNarrowed)) {
        change('field-changed', path, `${formatValues(old.values)} → ${formatValues(current.values)}`, breaksOnChange(location, valuesWidened, valuesNarrowed));
      }
    }
    if (old.required !== current.required) {
      const detail = current.required ? 'now required' : 'now optional';
      change('field-changed', path, detail, location === 'request' ? current.required : !current.required);
    }
  }
  for (const [path, current] of after) {
    if (before.has(path) || reported(current.parent)) continue;
    change('field-added', path, current.required && location === 'request' ? 'required' : null, location === 'request' && current.required);
  }
  return changes;
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
      changes.push(...fieldChanges(current.name, 'request', old.request, current.request));
      changes.push(...fieldChanges(current.name, 'response', old.response, current.response));
    }
  }
  return { status: 'compared', changes, breakingCount: changes.filter((change) => change.breaking).length };
}
