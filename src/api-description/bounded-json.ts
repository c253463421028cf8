// A dereferenced document is a graph: shared schemas appear once however often they are used, and
// recursive ones point back at themselves. Sending it as JSON expands every use, so a small document
// whose schemas use each other many times over could expand past any memory. These helpers expand it
// within a budget and cut recursion where it repeats.
import { OMITTED_KEY, SCHEMA_NAME_KEY } from '@/types/api-description';

/** Deeper than any real schema; keeps a pathological one from exhausting the stack. */
const MAX_DEPTH = 64;

export interface CopyBudget {
  /** Values still allowed across every copy that shares this budget. */
  remaining: number;
  /** Some copy was cut short. */
  cut: boolean;
}

export function createCopyBudget(total: number): CopyBudget {
  return { remaining: total, cut: false };
}

export interface JsonSafeCopy {
  value: unknown;
  /** Parts were left out (OMITTED_KEY markers) because the budget ran out or it was too deep. */
  cut: boolean;
}

/** "Author" for "#/components/schemas/Author". */
function lastSegment(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * A JSON-safe copy of `value`: recursion is cut where an object would contain itself, as
 * `{ "$ref": <its name in refNames> }`; at most `maxValues` values (and what `budget` allows) are copied.
 * With `nameSchemas`, an object that a `$ref` pointed at keeps that name under SCHEMA_NAME_KEY, since
 * dereferencing loses it and people know their schemas by name.
 */
export function toJsonSafe(
  value: unknown,
  options: { maxValues: number; budget: CopyBudget; refNames: ReadonlyMap<object, string>; nameSchemas?: boolean },
): JsonSafeCopy {
  const { budget, refNames, nameSchemas = false } = options;
  let allowed = Math.min(options.maxValues, budget.remaining);
  let cut = false;
  const ancestors = new Set<object>();

  const copy = (current: unknown, depth: number): unknown => {
    const isObject = typeof current === 'object' && current !== null;
    if (isObject && ancestors.has(current)) return { $ref: refNames.get(current) ?? '#' };
    if (allowed <= 0 || depth > MAX_DEPTH) {
      cut = true;
      return { [OMITTED_KEY]: true };
    }
    allowed -= 1;
    budget.remaining -= 1;
    if (!isObject) return current;
    ancestors.add(current);
    let result: unknown;
    if (Array.isArray(current)) {
      result = current.map((item) => copy(item, depth + 1));
    } else {
      const entries = Object.entries(current).map(([key, item]) => [key, copy(item, depth + 1)]);
      const ref = nameSchemas ? refNames.get(current) : undefined;
      if (ref !== undefined) entries.push([SCHEMA_NAME_KEY, lastSegment(ref)]);
      result = Object.fromEntries(entries);
    }
    ancestors.delete(current);
    return result;
  };

  const result = copy(value, 0);
  if (cut) budget.cut = true;
  return { value: result, cut };
}

/** How many values `value` expands to as JSON (recursion cut where it repeats), counting up to `limit`. */
export function expandedSize(value: unknown, limit: number): number {
  let count = 0;
  const ancestors = new Set<object>();
  const visit = (current: unknown, depth: number): void => {
    if (count >= limit) return;
    count += 1;
    if (typeof current !== 'object' || current === null || ancestors.has(current)) return;
    if (depth > MAX_DEPTH) {
      count = limit;
      return;
    }
    ancestors.add(current);
    for (const item of Array.isArray(current) ? current : Object.values(current)) visit(item, depth + 1);
    ancestors.delete(current);
  };
  visit(value, 0);
  return Math.min(count, limit);
}
