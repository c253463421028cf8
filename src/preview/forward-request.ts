// Sends one console request to a preview and reads its answer within limits: the request goes to
// the preview's origin only (never a redirect's target), the answer must come within the timeout,
// and a body is read up to the response limit, then cut. Nothing of the console's own request
// (our cookies, our Authorization) is here to forward: only what the person typed.
import { previewHeaderProblem, previewPathProblem } from '@/shared/preview-request-rules';
import type { PreviewMethod, PreviewQuery, PreviewResponse } from '@/types/preview';

export interface ForwardedRequest {
  method: PreviewMethod;
  path: string;
  query?: PreviewQuery;
  headers?: Readonly<Record<string, string>>;
  body?: string;
}

export interface ForwardLimits {
  timeoutMs: number;
  maxResponseBytes: number;
}

export type ForwardOutcome =
  | { ok: true; response: Omit<PreviewResponse, 'historyId'> }
  | { ok: false; kind: 'timeout' | 'unreachable'; message: string; durationMs: number };

export class RefusedRequestError extends Error {}

const TEXT_TYPES = /^(text\/|application\/(json|[\w.+-]+\+json|xml|[\w.+-]+\+xml|javascript|x-www-form-urlencoded|yaml|x-yaml|graphql|problem\+json))/i;

/** The preview's URL for this request. Throws RefusedRequestError for anything that would leave it. */
export function previewUrl(baseUrl: string, path: string, query: PreviewQuery = {}): URL {
  const problem = previewPathProblem(path);
  if (problem) throw new RefusedRequestError(problem);
  const base = new URL(baseUrl);
  const url = new URL(path, base);
  // The rules above already keep it there; this is the last word, whatever a URL parser does.
  if (url.origin !== base.origin) throw new RefusedRequestError('The request would leave the preview.');
  for (const [name, values] of Object.entries(query)) {
    for (const value of Array.isArray(values) ? values : [values]) url.searchParams.append(name, value);
  }
  return url;
}

function requestHeaders(request: ForwardedRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    const problem = previewHeaderProblem(name, value);
    if (problem) throw new RefusedRequestError(problem);
    headers.append(name, value);
  }
  if (request.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (!headers.has('user-agent')) headers.set('user-agent', 'api-forge-console');
  return headers;
}

export async function forwardRequest(baseUrl: string, request: ForwardedRequest, limits: ForwardLimits): Promise<ForwardOutcome> {
  const url = previewUrl(baseUrl, request.path, request.query);
  const headers = requestHeaders(request);
  const sendsBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
  if (request.body !== undefined && !sendsBody) throw new RefusedRequestError(`A ${request.method} request cannot have a body.`);
  const startedAt = performance.now();
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const elapsed = () => Math.round(performance.now() - startedAt);
  let response: Response;
  try {
    response = await fetch(url, { method: request.method, headers, body: sendsBody ? request.body : undefined, redirect: 'manual', signal: deadline });
  } catch (error) {
    return noResponse(deadline.aborted, error, limits.timeoutMs, elapsed());
  }
  try {
    const { bytes, truncated } = await readLimited(response, limits.maxResponseBytes);
    const text = decodeText(bytes, response.headers.get('content-type'));
    return {
      ok: true,
      response: {
        status: response.status,
        statusText: response.statusText,
        headers: responseHeaders(response.headers),
        body: text ?? '',
        bodyBytes: bytes.length,
        truncated,
        binary: text === null,
        durationMs: elapsed(),
      },
    };
  } catch (error) {
    return noResponse(deadline.aborted, error, limits.timeoutMs, elapsed(), `${response.status} came, but the body `);
  }
}

function noResponse(timedOut: boolean, error: unknown, timeoutMs: number, durationMs: number, prefix = ''): ForwardOutcome {
  if (timedOut) {
    const what = prefix ? `${prefix}did not finish` : 'No response came';
    return { ok: false, kind: 'timeout', message: `${what} within ${timeoutMs / 1000} s.`, durationMs };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const detail = code && !reason.includes(code) ? `${code} ${reason}` : reason;
  return { ok: false, kind: 'unreachable', message: prefix ? `${prefix}broke off (${detail}).` : `Could not reach the API (${detail}).`, durationMs };
}

/** Reads at most `limit` bytes, and one more to know whether there was more; then lets go of the stream. */
async function readLimited(response: Response, limit: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  if (!response.body) return { bytes: new Uint8Array(), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length <= limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const truncated = length > limit;
  if (truncated) await reader.cancel().catch(() => undefined);
  const all = Buffer.concat(chunks);
  return { bytes: truncated ? all.subarray(0, limit) : all, truncated };
}

/** The body as text, or null when it is not text (an image, a zip). A cut may split one character: that one goes. */
function decodeText(bytes: Uint8Array, contentType: string | null): string | null {
  if (bytes.length === 0) return '';
  if (contentType && !TEXT_TYPES.test(contentType.trim())) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

/** fetch joins repeated headers with ", " except Set-Cookie, which stays one line per cookie. */
function responseHeaders(headers: Headers): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of headers) if (name !== 'set-cookie') pairs.push([name, value]);
  for (const cookie of headers.getSetCookie()) pairs.push(['set-cookie', cookie]);
  return pairs;
}
