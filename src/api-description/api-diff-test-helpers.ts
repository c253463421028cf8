// What the API diff's tests share: OpenAPI documents written by hand, and running the diff over a pair
// of them. Test code only.
import type { ApiChange, ApiDiff } from '@/types/api-diff';
import { describeApiChange } from '@/types/api-diff';
import { diffApiDocuments } from './api-diff';

export type Schema = Record<string, unknown>;

/** An OpenAPI 3.1 document whose operations are written out in full: `{ '/books': { get: { parameters, responses } } }`. */
export function openApi(paths: Record<string, Schema>, schemas: Schema = {}): string {
  return JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components: { schemas } });
}

export async function diff(before: string | undefined, after: string | undefined): Promise<ApiDiff> {
  return diffApiDocuments({ label: 'v1', openApiText: before }, { label: 'v2', openApiText: after });
}

export async function changes(before: string, after: string): Promise<ApiChange[]> {
  const result = await diff(before, after);
  if (result.status !== 'compared') throw new Error(result.reason);
  return result.changes;
}

/** Each change as its CLI line, which says kind, place, detail and verdict at once. */
export async function lines(before: string, after: string): Promise<string[]> {
  return (await changes(before, after)).map(describeApiChange);
}
