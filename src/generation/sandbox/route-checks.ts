// The health and route checks against a started API. Health must answer 200. A route passes with
// any answer below 500 (a 404 for the placeholder id, a 400 for an empty body are fine); a 5xx, a
// refused connection or no answer within the per-request timeout fails it.
import type { RouteProbe } from './declared-routes';
import type { RunningServer } from './npm-steps';
import { probeHttp } from './probe';
import { delay } from './process-tree';
import { describeExit, logEnd, seconds, withLog } from './report-text';
import type { RunContext } from './run-context';

const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Server output appended to a failed probe's detail: usually the stack trace of the failure. */
export const FAILURE_LOG_BYTES = 2 * 1024;
const EXIT_NOTICE_MS = 1_000;
/**
 * A failing handler logs, then answers; the log travels on a pipe and the answer on a socket, and the
 * answer can arrive first. The output is taken as complete once it has been quiet this long.
 */
const LOG_QUIET_MS = 100;
const LOG_WAIT_MAX_MS = 1_000;

/** Resolves once no output has arrived for LOG_QUIET_MS, or after LOG_WAIT_MAX_MS in all. */
export async function outputSettled(output: { readonly bytesSeen: number }): Promise<void> {
  const deadline = Date.now() + LOG_WAIT_MAX_MS;
  let seen = -1;
  while (output.bytesSeen !== seen && Date.now() < deadline) {
    seen = output.bytesSeen;
    await delay(LOG_QUIET_MS);
  }
}

/** Reads first, so a DELETE probe cannot remove what a GET probe would have read. */
export function orderForProbing(probes: readonly RouteProbe[]): RouteProbe[] {
  return [...probes].sort((a, b) => Number(!READ_METHODS.has(a.method)) - Number(!READ_METHODS.has(b.method)));
}

export async function checkHealth(run: RunContext, server: RunningServer): Promise<void> {
  await probeAndRecord(run, server, {
    check: 'health',
    method: 'GET',
    url: '/health',
    timeoutMs: run.settings.probeTimeoutMs,
    passes: (status) => status === 200,
  });
}

/** Probes routes in order until the time budget is used up, the server is gone, or the run is aborted. */
export async function checkRoutes(run: RunContext, server: RunningServer, probes: readonly RouteProbe[]): Promise<void> {
  const { settings, checks } = run;
  const deadline = Date.now() + settings.probeBudgetMs;
  for (const probe of probes) {
    if (run.signal?.aborted) return;
    const writes = !READ_METHODS.has(probe.method);
    if (writes && !settings.probeWriteRoutes) {
      checks.skip(probe.check, 'not probed: only GET, HEAD and OPTIONS routes are probed');
      continue;
    }
    const exit = server.process.exitInfo();
    if (exit) return checks.abandonRest(`the server ${describeExit(exit)}`);
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) {
      checks.skip(probe.check, `not probed: the ${seconds(settings.probeBudgetMs)} for route probes were used up`);
      continue;
    }
    await probeAndRecord(run, server, {
      ...probe,
      timeoutMs: Math.min(settings.probeTimeoutMs, remainingMs),
      passes: (status) => status < 500,
      ...(writes ? { jsonBody: {} } : {}),
    });
  }
}

async function probeAndRecord(
  run: RunContext,
  server: RunningServer,
  probe: RouteProbe & { timeoutMs: number; passes: (status: number) => boolean; jsonBody?: unknown },
): Promise<void> {
  const logMark = server.process.output.bytesSeen;
  const result = await probeHttp(server.baseUrl, {
    method: probe.method,
    path: probe.url,
    timeoutMs: probe.timeoutMs,
    ...(probe.jsonBody === undefined ? {} : { jsonBody: probe.jsonBody }),
    ...(run.signal ? { signal: run.signal } : {}),
  });
  if (run.signal?.aborted) return;
  if (probe.jsonBody !== undefined && result.status !== undefined && result.status < 300) run.stateChanged = true;
  const ok = result.status !== undefined && !result.timedOut && probe.passes(result.status);
  let detail = result.summary;
  if (!ok) {
    // A crash shows first as a refused or reset request, and npm exits a little after its child;
    // wait a moment for the exit, so the detail can say the server died and why.
    if (result.status === undefined && !result.timedOut) await Promise.race([server.process.exited, delay(EXIT_NOTICE_MS)]);
    await outputSettled(server.process.output);
    const exit = server.process.exitInfo();
    const headline = exit ? `${detail}; the server ${describeExit(exit)}` : detail;
    detail = withLog(headline, logEnd(server.process.output.textSince(logMark), FAILURE_LOG_BYTES));
  }
  run.checks.record({ check: probe.check, ok, detail, durationMs: result.durationMs });
}
