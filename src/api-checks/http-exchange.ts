// One request of a check and its answer, read in full up to a bound (a route may stream without end),
// kept as the exchange the card shows: request and response, bodies cut short.
import { CHECK_BODY_CHARS, type CheckExchange } from '@/types/api-checks';

/** Answers past this are not read further; a check's JSON never needs more. */
const MAX_BODY_BYTES = 256 * 1024;

export interface CheckRequest {
  method: string;
  /** With its query string. */
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON when not a string; a string is sent as is. */
  body?: unknown;
}

export interface ExchangeResult {
  exchange: CheckExchange;
  /** Absent when no response came. */
  status?: number;
  /** The answer parsed as JSON; undefined when empty or not JSON. */
  json?: unknown;
  /** The Location header, where a create may say where the new item is. */
  location?: string;
  /** "201 Created", "no response within 5 s", "request failed: ECONNREFUSED ...". */
  summary: string;
  durationMs: number;
}

export interface ExchangeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export async function sendCheckRequest(baseUrl: string, request: CheckRequest, options: ExchangeOptions): Promise<ExchangeResult> {
  const startedAt = Date.now();
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const headers = { ...(body !== undefined && !hasHeader(request.headers, 'content-type') ? { 'content-type': 'application/json' } : {}), ...request.headers };
  const sent: CheckExchange['request'] = { method: request.method, path: request.path, ...(body === undefined ? {} : { body: cut(body) }) };
  const failed = (summary: string) => ({ exchange: { request: sent }, summary, durationMs: Date.now() - startedAt });
  let response: Response;
  try {
    // Concatenated, not resolved: a path like "//host/x" must stay on the API under test.
    response = await fetch(`${baseUrl}${request.path}`, { method: request.method, redirect: 'manual', signal, headers, ...(body === undefined ? {} : { body }) });
  } catch (error) {
    return failed(deadline.aborted ? `no response within ${options.timeoutMs / 1000} s` : `request failed: ${describeFetchError(error)}`);
  }
  const head = `${response.status} ${response.statusText}`.trim();
  let text: string;
  try {
    text = await readBounded(response);
  } catch {
    return { ...failed(deadline.aborted ? `${head}, but the body did not finish within ${options.timeoutMs / 1000} s` : `${head}, but the body broke off`), status: response.status };
  }
  return {
    exchange: { request: sent, response: { status: response.status, body: cut(text) } },
    status: response.status,
    json: parseJson(text),
    ...(response.headers.get('location') ? { location: response.headers.get('location')! } : {}),
    summary: head,
    durationMs: Date.now() - startedAt,
  };
}

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
  return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === name);
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < MAX_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

/** The text as JSON; undefined when empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function cut(text: string): string {
  return text.length > CHECK_BODY_CHARS ? `${text.slice(0, CHECK_BODY_CHARS)}…` : text;
}

/** fetch says "fetch failed"; the useful part (ECONNREFUSED, socket hang up) is in the cause. */
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
  }
  return error.message;
}
