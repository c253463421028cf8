// What changed in the HTTP API between two versions, read from their openapi.json files: the shapes
// the server, the compare view and `forge diff` share. How changes are found and judged breaking is in
// src/api-description/api-diff.ts. No I/O.

export type ApiChangeKind = 'route-added' | 'route-removed' | 'field-added' | 'field-removed' | 'field-changed';

/** Where a field lives: the request body, or the body of the route's first 2xx response. */
export type ApiFieldLocation = 'request' | 'response';

export interface ApiChange {
  kind: ApiChangeKind;
  /** "GET /books/{id}", as the newer version writes it (the older one for a removed route). */
  route: string;
  /** null for a route added or removed. */
  location: ApiFieldLocation | null;
  /** "author.name", "items[].title"; '' is the body itself; null for a route added or removed. */
  field: string | null;
  /** What changed about it, e.g. "number → string", "now required", "required"; null when nothing more is to say. */
  detail: string | null;
  /** A client written for the older version can fail against the newer one. */
  breaking: boolean;
}

export type ApiDiff =
  | { status: 'compared'; changes: ApiChange[]; breakingCount: number }
  /** One version has no openapi.json, or one that cannot be read: `reason` says which and why. */
  | { status: 'unavailable'; reason: string };

const KIND_WORDS: Record<ApiChangeKind, string> = {
  'route-added': 'added',
  'route-removed': 'removed',
  'field-added': 'added',
  'field-removed': 'removed',
  'field-changed': 'changed',
};

/** "+", "-" or "~", the sign a diff line starts with. */
export function apiChangeSign(change: ApiChange): '+' | '-' | '~' {
  if (change.kind === 'route-added' || change.kind === 'field-added') return '+';
  if (change.kind === 'route-removed' || change.kind === 'field-removed') return '-';
  return '~';
}

/** "GET /books", or "POST /books  request body.price: number → string". */
export function apiChangeSubject(change: ApiChange): string {
  if (change.location === null || change.field === null) return change.route;
  const field = change.field === '' ? 'body' : change.field;
  const detail = change.kind === 'field-changed' && change.detail ? `: ${change.detail}` : '';
  return `${change.route}  ${change.location} ${field}${detail}`;
}

/** "(removed, breaking)", "(added, required, breaking)", "(changed)". */
export function apiChangeVerdict(change: ApiChange): string {
  const words = [KIND_WORDS[change.kind]];
  if (change.kind !== 'field-changed' && change.detail) words.push(change.detail);
  if (change.breaking) words.push('breaking');
  return `(${words.join(', ')})`;
}

/** "- GET /authors  (removed, breaking)": one line for the CLI and for screen readers. */
export function describeApiChange(change: ApiChange): string {
  return `${apiChangeSign(change)} ${apiChangeSubject(change)}  ${apiChangeVerdict(change)}`;
}
