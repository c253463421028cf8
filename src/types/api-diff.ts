// What changed in the HTTP API between two versions, read from their openapi.json files: the shapes
// the server, the compare view and `forge diff` share. How changes are found and judged breaking is in
// src/api-description/api-diff.ts. No I/O.

export type ApiChangeKind =
  | 'route-added'
  | 'route-removed'
  | 'field-added'
  | 'field-removed'
  | 'field-changed'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-changed'
  | 'status-added'
  | 'status-removed'
  | 'status-changed';

/** Where a field lives: the request body, or the body of the route's first 2xx response. */
export type ApiFieldLocation = 'request' | 'response';

/** Where a parameter is sent. Path parameters are not compared: renaming one does not change the route. */
export type ApiParameterLocation = 'query' | 'header';

/** The part of a route that changed: a body field, a parameter, or the response status codes. */
export type ApiChangeLocation = ApiFieldLocation | ApiParameterLocation | 'status';

export interface ApiChange {
  kind: ApiChangeKind;
  /** "GET /books/{id}", as the newer version writes it (the older one for a removed route). */
  route: string;
  /** null for a route added or removed. */
  location: ApiChangeLocation | null;
  /**
   * A body field ("author.name", "items[].title"; '' is the body itself), a parameter ("limit",
   * "filter.status" inside an object parameter) or a status code ("201"); null for a route added or
   * removed, and for a status changed (its detail says from what to what).
   */
  field: string | null;
  /** What changed about it, e.g. "number → string", "now required", "required", "201 → 200"; null when nothing more is to say. */
  detail: string | null;
  /** A client written for the older version can fail against the newer one. */
  breaking: boolean;
}

export type ApiDiff =
  | { status: 'compared'; changes: ApiChange[]; breakingCount: number }
  /** One version has no openapi.json, or one that cannot be read: `reason` says which and why. */
  | { status: 'unavailable'; reason: string };

/** "added", "removed" or "changed", the last word of the kind. */
function kindAction(kind: ApiChangeKind): 'added' | 'removed' | 'changed' {
  if (kind.endsWith('-added')) return 'added';
  if (kind.endsWith('-removed')) return 'removed';
  return 'changed';
}

/** "+", "-" or "~", the sign a diff line starts with. */
export function apiChangeSign(change: ApiChange): '+' | '-' | '~' {
  const action = kindAction(change.kind);
  return action === 'added' ? '+' : action === 'removed' ? '-' : '~';
}

/**
 * "GET /books", "POST /books  request price: number → string", "GET /books  query limit: now required",
 * "POST /books  status 202", "POST /books  status: 201 → 200".
 */
export function apiChangeSubject(change: ApiChange): string {
  if (change.location === null) return change.route;
  const field = change.field === null ? '' : ` ${change.field === '' ? 'body' : change.field}`;
  const detail = kindAction(change.kind) === 'changed' && change.detail ? `: ${change.detail}` : '';
  return `${change.route}  ${change.location}${field}${detail}`;
}

/** "(removed, breaking)", "(added, required, breaking)", "(changed)". */
export function apiChangeVerdict(change: ApiChange): string {
  const action = kindAction(change.kind);
  const words: string[] = [action];
  if (action !== 'changed' && change.detail) words.push(change.detail);
  if (change.breaking) words.push('breaking');
  return `(${words.join(', ')})`;
}

/** "- GET /authors  (removed, breaking)": one line for the CLI and for screen readers. */
export function describeApiChange(change: ApiChange): string {
  return `${apiChangeSign(change)} ${apiChangeSubject(change)}  ${apiChangeVerdict(change)}`;
}
