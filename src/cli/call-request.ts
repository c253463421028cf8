// `forge call`'s arguments → the request preview.send takes. Pure, so each rule is testable; the
// server checks the same shared rules again, but refusing here costs no round trip and no preview start.
import { previewHeaderProblem, previewPathProblem } from '@/shared/preview-request-rules';
import { PREVIEW_METHODS, type PreviewMethod, type PreviewQuery } from '@/types/preview';
import { UsageError } from './cli-errors';

export interface CallRequest {
  method: PreviewMethod;
  path: string;
  query?: PreviewQuery;
  headers?: Record<string, string>;
  body?: string;
}

export interface CallArguments {
  method: string;
  /** The path as typed, query included: `/books?limit=2&tag=a&tag=b`. */
  target: string;
  data?: string;
  /** Each `-H` as typed: `Name: value`. */
  headerLines?: string[];
}

function isPreviewMethod(method: string): method is PreviewMethod {
  return (PREVIEW_METHODS as readonly string[]).includes(method);
}

/** Any case on the command line (`get`, `Post`); the preview takes upper case. */
export function parseMethod(text: string): PreviewMethod {
  const method = text.toUpperCase();
  if (!isPreviewMethod(method)) throw new UsageError(`"${text}" is not a method the preview accepts: use ${PREVIEW_METHODS.join(', ')}.`);
  return method;
}

/**
 * `/books?limit=2&tag=a&tag=b` → path `/books`, query `{ limit: '2', tag: ['a', 'b'] }`. Values
 * are decoded as a browser would (`%20` and `+` are spaces); the server encodes them again.
 */
export function splitPathAndQuery(target: string): { path: string; query?: PreviewQuery } {
  if (target.includes('#')) throw new UsageError('A fragment (#…) is never sent to a server: leave it out, or write # in a value as %23.');
  const at = target.indexOf('?');
  const path = at === -1 ? target : target.slice(0, at);
  const problem = previewPathProblem(path);
  if (problem) throw new UsageError(problem);
  if (at === -1) return { path };
  const values = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(target.slice(at + 1))) values.set(name, [...(values.get(name) ?? []), value]);
  if (values.size === 0) return { path };
  // fromEntries defines own properties, so a parameter named __proto__ stays a parameter.
  const query: PreviewQuery = Object.fromEntries([...values].map(([name, all]) => [name, all.length === 1 ? all[0]! : all]));
  return { path, query };
}

/** `-H "Name: value"` lines → one header each; a name given twice (in any case) is refused, as the server would. */
export function parseHeaderLines(lines: readonly string[]): Record<string, string> | undefined {
  if (lines.length === 0) return undefined;
  const headers = new Map<string, [string, string]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UsageError(`-H takes "Name: value" (e.g. -H "Authorization: Bearer abc"), not "${line}".`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const problem = previewHeaderProblem(name, value);
    if (problem) throw new UsageError(problem);
    if (headers.has(name.toLowerCase())) throw new UsageError(`The header ${name} is given twice.`);
    headers.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(headers.values());
}

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((given) => given.toLowerCase() === name);
}

/**
 * The whole request. A body on GET or HEAD is refused here rather than by the server, so the
 * mistake is reported as a command-line one (exit 2) before a preview is started for it.
 */
export function buildCallRequest({ method: methodText, target, data, headerLines = [] }: CallArguments): CallRequest {
  const method = parseMethod(methodText);
  const { path, query } = splitPathAndQuery(target);
  const headers = parseHeaderLines(headerLines);
  if (data !== undefined) {
    if (method === 'GET' || method === 'HEAD') {
      throw new UsageError(`A ${method} request cannot have a body, so --data does not go with it: use POST, PUT or PATCH, or put the values in the query (/books?limit=2).`);
    }
    if (!hasHeader(headers, 'content-type')) {
      try {
        JSON.parse(data);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new UsageError(`--data is sent as JSON, but it is not valid JSON (${reason}). Fix it, or name its type with -H "Content-Type: text/plain".`);
      }
    }
  }
  return { method, path, ...(query && { query }), ...(headers && { headers }), ...(data !== undefined && { body: data }) };
}
