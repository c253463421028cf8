// Comparing JSON answers with what a check expects (docs/architecture.md, "API checks"). Pure.
// Lenient only where APIs legitimately differ from what they were sent: a date-time may come back
// in another notation of the same instant ("2024-01-02T03:04:05Z" as "...05.000Z").

/** Where `actual` differs from `expected`, one line each ("title: expected "Dune", got "Emma""); empty when it matches. */
export function jsonMismatches(actual: unknown, expected: unknown, at = ''): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${label(at)}expected a list, got ${describe(actual)}`];
    // Every expected element must match some element of the answer, in any order.
    return expected.flatMap((element, index) =>
      actual.some((candidate) => jsonMismatches(candidate, element).length === 0)
        ? []
        : [`${label(at)}no item matches ${short(element)}${expected.length > 1 ? ` (expected item ${index + 1})` : ''}`],
    );
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [`${label(at)}expected an object, got ${describe(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) => {
      const path = at ? `${at}.${key}` : key;
      if (!(key in actual)) return [`${path}: missing (expected ${short(value)})`];
      return jsonMismatches(actual[key], value, path);
    });
  }
  return sameScalar(actual, expected) ? [] : [`${label(at)}expected ${short(expected)}, got ${describe(actual)}`];
}

/** The object a single-item answer holds its fields in: the answer itself, or a `data`/`item`/`result` wrapper around it (`{ data: {...}, meta }`). */
export function unwrapItem(body: unknown): unknown {
  if (!isRecord(body)) return body;
  for (const key of ['data', 'item', 'result']) {
    const inner = body[key];
    if (isRecord(inner) && !('id' in body) && Object.keys(body).length <= 3) return inner;
  }
  return body;
}

function sameScalar(actual: unknown, expected: unknown): boolean {
  if (Object.is(actual, expected)) return true;
  if (typeof actual === 'string' && typeof expected === 'string' && looksLikeDateTime(expected) && looksLikeDateTime(actual)) {
    return Date.parse(actual) === Date.parse(expected);
  }
  return false;
}

function looksLikeDateTime(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text));
}

function label(at: string): string {
  return at ? `${at}: ` : '';
}

/** A value as a short line of JSON. */
export function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (isRecord(value)) return 'an object';
  return short(value);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
