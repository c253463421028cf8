// What one operation declares, read from the document but not yet shaped for the browser: the schemas
// here are the dereferenced objects themselves (shared, possibly recursive). OpenAPI 3 and Swagger 2
// are read into this one form.
import { isRecord } from './document-location';

export type ParameterLocation = 'path' | 'query' | 'header';

export interface RawParameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description: string | null;
  schema: unknown;
  /** The document's own example; undefined when it gives none. */
  example: unknown;
}

export interface RawContent {
  contentType: string;
  schema: unknown;
  example: unknown;
}

export interface RawBody extends RawContent {
  required: boolean;
}

export interface RawResponse {
  status: string;
  description: string | null;
  content: RawContent | null;
}

export interface OperationParts {
  parameters: RawParameter[];
  body: RawBody | null;
  responses: RawResponse[];
}

const PARAMETER_LOCATIONS: readonly string[] = ['path', 'query', 'header'] satisfies ParameterLocation[];

export function isParameterLocation(value: unknown): value is ParameterLocation {
  return typeof value === 'string' && PARAMETER_LOCATIONS.includes(value);
}

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Path-level parameters with the operation's; an operation's parameter replaces one with the same name and place. */
export function mergeParameters(pathLevel: unknown, operationLevel: unknown): Record<string, unknown>[] {
  const merged: Record<string, unknown>[] = [];
  const indexByKey = new Map<string, number>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const parameter of list) {
      if (!isRecord(parameter) || typeof parameter.name !== 'string') continue;
      const key = `${String(parameter.in)}\u0000${parameter.name}`;
      const index = indexByKey.get(key);
      if (index === undefined) {
        indexByKey.set(key, merged.length);
        merged.push(parameter);
      } else {
        merged[index] = parameter;
      }
    }
  }
  return merged;
}

/** application/json, application/problem+json, application/json; charset=utf-8 */
export function isJsonMediaType(contentType: string): boolean {
  return /^[\w.+-]+\/([\w.-]+\+)?json\s*(;.*)?$/i.test(contentType.trim());
}

/** The JSON one when there are several, else the first. */
export function pickContentType(contentTypes: readonly string[]): string | undefined {
  return contentTypes.find(isJsonMediaType) ?? contentTypes[0];
}

/** OpenAPI 3's `example`, else the value of the first of its named `examples`. */
export function declaredExample(holder: Record<string, unknown>): unknown {
  if (holder.example !== undefined) return holder.example;
  if (!isRecord(holder.examples)) return undefined;
  const first = Object.values(holder.examples)[0];
  return isRecord(first) ? first.value : undefined;
}
