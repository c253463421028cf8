// The API a version describes, read from its openapi.json: what the request console and the Docs view
// show. The shapes the server, the browser and scripts share. No I/O.
import type { PreviewMethod } from './preview';

/** A dereferenced JSON Schema, safe to send as JSON: it has no cycles and a bounded size. */
export type JsonSchema = { [key: string]: unknown };

/**
 * A schema that recursion would repeat forever stays `{ "$ref": "#/components/schemas/Node" }` at the
 * point where it repeats. These other markers stand in for what could not be shown:
 */
/** `{ [MISSING_REF_KEY]: "#/components/schemas/X" }`: the document points at something that is not there. */
export const MISSING_REF_KEY = 'x-forge-missing-ref';
/** `{ [OMITTED_KEY]: true }`: the schema is too large or too deep to send in full; this part is left out. */
export const OMITTED_KEY = 'x-forge-omitted';
/** The component a schema came from ("Author" for `#/components/schemas/Author`), kept through dereferencing. */
export const SCHEMA_NAME_KEY = 'x-forge-schema-name';

export interface ApiDescription {
  /** `info.title`, or "Untitled API". */
  title: string;
  version: string | null;
  description: string | null;
  /**
   * The path the first server's url (or Swagger 2's `basePath`) puts before every route, e.g. "/api";
   * '' when there is none. Route paths do not include it.
   */
  basePath: string;
  /** What is wrong with the document, one line each, naming where; at most 20. */
  problems: string[];
  groups: ApiRouteGroup[];
}

/**
 * Routes of one resource: by their first tag, else by their first path segment when more than one
 * route shares it ("authors"); anything else (`/health`, `/`) is in "general". Groups and their
 * routes keep the order of the document.
 */
export interface ApiRouteGroup {
  name: string;
  routes: ApiRoute[];
}

export interface ApiRoute {
  /** "POST /authors/{id}" */
  id: string;
  method: PreviewMethod;
  /** As the document writes it, with `{name}` parameters: "/authors/{id}". */
  path: string;
  summary: string | null;
  description: string | null;
  operationId: string | null;
  deprecated: boolean;
  pathParams: ApiParameter[];
  queryParams: ApiParameter[];
  headerParams: ApiParameter[];
  requestBody: ApiBody | null;
  responses: ApiResponse[];
  /** Its security (or the document's) asks for credentials, and not optionally. */
  requiresAuth: boolean;
}

export interface ApiParameter {
  name: string;
  required: boolean;
  description: string | null;
  schema: JsonSchema | null;
  /** The parameter's own example, else a value sampled from its schema, as text; '' when none. */
  example: string;
}

export interface ApiBody {
  required: boolean;
  /** The JSON one when there are several. */
  contentType: string;
  schema: JsonSchema | null;
  /** Pretty JSON (2 spaces): the document's example, else sampled from the schema; '' when not JSON. */
  example: string;
}

export interface ApiResponse {
  /** "200", "404", "2XX" or "default". */
  status: string;
  description: string | null;
  contentType: string | null;
  schema: JsonSchema | null;
  /** As for a request body; '' when there is no JSON body. */
  example: string;
}

/** The route with this id ("POST /authors"), wherever its group is. */
export function findApiRoute(description: ApiDescription | undefined, routeId: string): ApiRoute | undefined {
  return description?.groups.flatMap((group) => group.routes).find((route) => route.id === routeId);
}
