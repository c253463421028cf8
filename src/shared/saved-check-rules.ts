// What a saved check may hold and what it is called by default (docs/architecture.md, "API checks"). Pure:
// the server's input schema and the workspace's save form check the same rules.
import { MAX_EXPECT_JSON_BYTES, MAX_EXPECT_JSON_DEPTH, MAX_SAVED_CHECK_NAME_LENGTH } from './saved-check-limits';

/**
 * "GET /books → 200": the name a check gets when the person gives none. A long path is cut in the middle
 * so the name fits MAX_SAVED_CHECK_NAME_LENGTH and still shows where the path starts and ends.
 */
export function defaultSavedCheckName(method: string, path: string, expectStatus: number): string {
  const name = `${method} ${path} → ${expectStatus}`;
  if (name.length <= MAX_SAVED_CHECK_NAME_LENGTH) return name;
  // Cut between code points, never inside a surrogate pair.
  const characters = Array.from(path);
  const room = MAX_SAVED_CHECK_NAME_LENGTH - (name.length - path.length) - 1;
  const head = Math.ceil(room / 2);
  return `${method} ${characters.slice(0, head).join('')}…${characters.slice(characters.length - (room - head)).join('')} → ${expectStatus}`;
}

/** Postgres jsonb refuses NUL and a surrogate half without its other half, in strings and keys alike. */
function stringProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'The expected JSON cannot contain NUL characters.';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) {
    return 'The expected JSON contains a broken character (half of a surrogate pair).';
  }
  return null;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value !== 'object' || value === null) return typeof value;
  return (value as object).constructor?.name ?? 'object';
}

/**
 * Why `value` cannot be a saved check's expected JSON, or null when it can: it must be plain JSON (what
 * JSON.parse could give back unchanged), nest at most MAX_EXPECT_JSON_DEPTH deep and serialise to at most
 * MAX_EXPECT_JSON_BYTES. Walks without recursion, and stops once it has seen more values than the size
 * allows (each takes at least one byte), so a huge or deep input costs little to refuse.
 */
export function expectJsonProblem(value: unknown): string | null {
  const tooBig = `The expected JSON may be at most ${MAX_EXPECT_JSON_BYTES / 1024} KB.`;
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  let seen = 0;
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (++seen > MAX_EXPECT_JSON_BYTES) return tooBig;
    if (current === null || typeof current === 'boolean') continue;
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'Numbers in the expected JSON must be finite (JSON has no NaN or Infinity).';
      continue;
    }
    if (typeof current === 'string') {
      const problem = stringProblem(current);
      if (problem) return problem;
      continue;
    }
    if (typeof current === 'object' && (Array.isArray(current) || isPlainObject(current))) {
      if (depth >= MAX_EXPECT_JSON_DEPTH) return `The expected JSON may nest at most ${MAX_EXPECT_JSON_DEPTH} levels deep.`;
      if (Array.isArray(current)) {
        for (const element of current) pending.push({ value: element, depth: depth + 1 });
      } else {
        for (const [key, member] of Object.entries(current)) {
          const problem = stringProblem(key);
          if (problem) return problem;
          pending.push({ value: member, depth: depth + 1 });
        }
      }
      continue;
    }
    return `The expected JSON must be plain JSON (objects, arrays, strings, numbers, true, false or null), not ${kindOf(current)}.`;
  }
  if (new TextEncoder().encode(JSON.stringify(value)).length > MAX_EXPECT_JSON_BYTES) return tooBig;
  return null;
}
