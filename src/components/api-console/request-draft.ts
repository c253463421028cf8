// The request being edited in the console, and how it becomes a `preview.send` input. Pure: the
// editor, the history and the comparison all go through these functions.
import { previewHeaderProblem, previewPathProblem } from '@/shared/preview-request-rules';
import type { ApiRoute } from '@/types/api-description';
import type { PreviewMethod, PreviewQuery, PreviewRequest, RequestHistoryEntry } from '@/types/preview';

export interface DraftRow {
  id: string;
  name: string;
  value: string;
  /** Unticked rows stay in the editor but are not sent. */
  enabled: boolean;
}

export interface RequestDraft {
  method: PreviewMethod;
  /** As typed, with `{name}` (or `:name`) parameters: "/authors/{id}". */
  pathTemplate: string;
  /** Values of the template's parameters, by name. */
  pathParams: Record<string, string>;
  query: DraftRow[];
  headers: DraftRow[];
  body: string;
  /** The route it was filled from, for the route list's highlight. */
  routeId: string | null;
}

let rowCounter = 0;
export function newRow(name = '', value = '', enabled = true): DraftRow {
  rowCounter += 1;
  return { id: `row-${rowCounter}`, name, value, enabled };
}

export function emptyDraft(): RequestDraft {
  return { method: 'GET', pathTemplate: '/health', pathParams: {}, query: [], headers: [], body: '', routeId: null };
}

const PARAM_PATTERN = /\{([^{}/]+)\}|:([A-Za-z_][A-Za-z0-9_]*)/g;

/** The parameter names in a path template, in order, once each. */
export function templateParams(pathTemplate: string): string[] {
  const names = [...pathTemplate.matchAll(PARAM_PATTERN)].map((match) => match[1] ?? match[2]!);
  return [...new Set(names)];
}

const methodHasBody = (method: PreviewMethod) => method !== 'GET' && method !== 'HEAD';

/**
 * The draft for a route of the version's API: its method and path, parameter values carried over
 * from the draft before where the names match (an id just copied from a response stays), its query
 * parameters (required ones ticked), an Authorization row when the route needs one, and a body
 * sampled from its schema.
 */
export function draftFromRoute(route: ApiRoute, basePath: string, previous: RequestDraft): RequestDraft {
  const pathParams: Record<string, string> = {};
  for (const param of route.pathParams) pathParams[param.name] = previous.pathParams[param.name] ?? '';
  const previousAuth = previous.headers.find((row) => row.name.toLowerCase() === 'authorization');
  const headers = route.requiresAuth ? [previousAuth ?? newRow('Authorization', 'Bearer ')] : [];
  return {
    method: route.method,
    pathTemplate: `${basePath}${route.path}`,
    pathParams,
    query: route.queryParams.map((param) => newRow(param.name, param.example, param.required)),
    headers,
    body: methodHasBody(route.method) ? (route.requestBody?.example ?? '') : '',
    routeId: route.id,
  };
}

/** A request from the history, ready to send again or to edit. */
export function draftFromHistory(entry: Pick<RequestHistoryEntry, 'method' | 'path' | 'query' | 'headers' | 'body'>): RequestDraft {
  const query = Object.entries(entry.query).flatMap(([name, values]) => (Array.isArray(values) ? values : [values]).map((value) => newRow(name, value)));
  return {
    method: entry.method,
    pathTemplate: entry.path,
    pathParams: {},
    query,
    headers: Object.entries(entry.headers).map(([name, value]) => newRow(name, value)),
    body: entry.body ?? '',
    routeId: null,
  };
}

/** The template with its parameters filled in (each value URL-encoded); unfilled ones stay as they are. */
export function resolvedPath(draft: Pick<RequestDraft, 'pathTemplate' | 'pathParams'>): string {
  return draft.pathTemplate.replace(PARAM_PATTERN, (whole, braced: string | undefined, colon: string | undefined) => {
    const value = draft.pathParams[braced ?? colon!];
    return value ? encodeURIComponent(value) : whole;
  });
}

function enabledRows(rows: readonly DraftRow[]): DraftRow[] {
  return rows.filter((row) => row.enabled && row.name.trim() !== '');
}

function queryOf(rows: readonly DraftRow[]): PreviewQuery {
  const query: PreviewQuery = {};
  for (const row of enabledRows(rows)) {
    const name = row.name.trim();
    const existing = query[name];
    query[name] = existing === undefined ? row.value : [...(Array.isArray(existing) ? existing : [existing]), row.value];
  }
  return query;
}

export type DraftOutcome = { ok: true; request: Omit<PreviewRequest, 'versionId'> } | { ok: false; problem: string };

/** What `preview.send` gets, or the first thing to fix before it can be sent. */
export function requestFromDraft(draft: RequestDraft): DraftOutcome {
  const missing = templateParams(draft.pathTemplate).filter((name) => !draft.pathParams[name]);
  if (missing.length > 0) return { ok: false, problem: `Fill in the path parameter ${missing.map((name) => `{${name}}`).join(', ')}.` };
  const path = resolvedPath(draft);
  const pathProblem = previewPathProblem(path);
  if (pathProblem) return { ok: false, problem: pathProblem };
  const headers: Record<string, string> = {};
  for (const row of enabledRows(draft.headers)) {
    const name = row.name.trim();
    const problem = previewHeaderProblem(name, row.value);
    if (problem) return { ok: false, problem };
    if (Object.keys(headers).some((known) => known.toLowerCase() === name.toLowerCase())) return { ok: false, problem: `The header ${name} is given twice.` };
    headers[name] = row.value;
  }
  const sendsBody = methodHasBody(draft.method) && draft.body.trim() !== '';
  return {
    ok: true,
    request: {
      method: draft.method,
      path,
      ...(enabledRows(draft.query).length > 0 ? { query: queryOf(draft.query) } : {}),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(sendsBody ? { body: draft.body } : {}),
    },
  };
}

/** "POST /authors/42": what the request does, for headings and the comparison. */
export function draftLabel(draft: RequestDraft): string {
  return `${draft.method} ${resolvedPath(draft)}`;
}

/** A body that is meant as JSON but does not parse: worth a warning, not a refusal (a 400 is worth seeing too). */
export function bodyJsonProblem(draft: RequestDraft): string | null {
  if (!methodHasBody(draft.method) || draft.body.trim() === '') return null;
  const type = enabledRows(draft.headers).find((row) => row.name.toLowerCase() === 'content-type')?.value ?? 'application/json';
  if (!/json/i.test(type)) return null;
  try {
    JSON.parse(draft.body);
    return null;
  } catch (error) {
    return `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}); it is sent as typed.`;
  }
}
