// Talking to the API under test: wait until its port accepts connections, then send requests, each
// with its own deadline so a hanging route costs at most that long.
import { connect } from 'node:net';
import { describeFetchError } from '@/api-checks/http-exchange';
import { delay, type ExitInfo } from './process-tree';
import { seconds } from './report-text';

/** Where the API may listen when it binds "localhost" instead of all interfaces. */
const LOOPBACK_HOSTS = ['127.0.0.1', '::1'] as const;
const CONNECT_RETRY_MS = 100;
const BODY_EXCERPT_BYTES = 512;
const EXCERPT_CHARS = 200;

export type ListenResult =
  | { state: 'listening'; baseUrl: string }
  | { state: 'exited'; exit: ExitInfo }
  | { state: 'timeout' }
  | { state: 'aborted' };

export async function waitUntilListening(
  port: number,
  options: { timeoutMs: number; exited: Promise<ExitInfo>; signal?: AbortSignal },
): Promise<ListenResult> {
  let exit: ExitInfo | undefined;
  void options.exited.then((info) => (exit = info));
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    for (const host of LOOPBACK_HOSTS) {
      if (await acceptsConnections(host, port)) {
        return { state: 'listening', baseUrl: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
      }
    }
    if (exit) return { state: 'exited', exit };
    if (options.signal?.aborted) return { state: 'aborted' };
    if (Date.now() >= deadline) return { state: 'timeout' };
    await delay(CONNECT_RETRY_MS);
  }
}

function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1_000);
    const finish = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('timeout', () => finish(false));
  });
}

export interface HttpProbeResult {
  /** Absent when no response arrived (refused, reset, timed out). */
  status?: number;
  /** "200 OK · {"status":"ok"}", or why there was no usable answer. */
  summary: string;
  /** The response (or its body) did not arrive within the deadline. */
  timedOut: boolean;
  durationMs: number;
}

export async function probeHttp(
  baseUrl: string,
  request: { method: string; path: string; timeoutMs: number; jsonBody?: unknown; signal?: AbortSignal },
): Promise<HttpProbeResult> {
  const startedAt = Date.now();
  const deadline = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
  const limit = seconds(request.timeoutMs);
  let response: Response;
  try {
    // Concatenated, not resolved: a declared path like "//host/x" must stay on the API under test.
    response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      redirect: 'manual',
      signal,
      ...(request.jsonBody === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.jsonBody) }),
    });
  } catch (error) {
    const timedOut = deadline.aborted;
    const summary = timedOut ? `no response within ${limit}` : `request failed: ${describeFetchError(error)}`;
    return { summary, timedOut, durationMs: Date.now() - startedAt };
  }
  const head = `${response.status} ${response.statusText}`.trim();
  try {
    const excerpt = await readExcerpt(response);
    return {
      status: response.status,
      summary: excerpt ? `${head} · ${excerpt}` : head,
      timedOut: false,
      durationMs: Date.now() - startedAt,
    };
  } catch {
    const timedOut = deadline.aborted;
    const summary = timedOut ? `${head}, but the body did not finish within ${limit}` : `${head}, but the body broke off`;
    return { status: response.status, summary, timedOut, durationMs: Date.now() - startedAt };
  }
}

/** The start of the body, read no further than needed: a route may stream without end. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < BODY_EXCERPT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await reader.cancel().catch(() => undefined);
  const text = Buffer.concat(chunks).subarray(0, BODY_EXCERPT_BYTES).toString('utf8').replace(/\s+/g, ' ').trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}
