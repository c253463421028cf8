// `next dev` compiles each route on its first request, so a newcomer's first prompt waited seconds
// for /ask, the project page and the tRPC route to compile. Once the dev server answers, this asks
// for those routes one after another in the background, so they are compiled before anyone opens them.
// Development only; it never throws into the server and never keeps the process alive.
import { processSingleton } from '@/shared/process-singleton';

/** A newcomer's path through the app, in the order they meet it. */
export function warmUpPaths(projectId: string): string[] {
  return [
    '/',
    '/ask',
    // A project that does not exist still compiles the dynamic route.
    `/projects/${projectId}`,
    // Every procedure shares one route handler: one call compiles them all.
    `/api/trpc/projects.list?input=${encodeURIComponent(JSON.stringify({ json: null }))}`,
  ];
}

type WarmUpEnv = Record<string, string | undefined>;

/** Only `next dev` compiles on request; `FORGE_DEV_WARM_UP=off` turns it off (the bench's "before"). */
export function shouldWarmUp(env: WarmUpEnv): boolean {
  return env.NODE_ENV === 'development' && env.FORGE_DEV_WARM_UP !== 'off';
}

/** Where the dev server listens: Next sets PORT once it listens, to the port it was given or picked. */
export function devServerOrigin(env: WarmUpEnv): string | null {
  const port = Number(env.PORT);
  return Number.isInteger(port) && port > 0 ? `http://127.0.0.1:${port}` : null;
}

export function warmUpSummary(compiled: number, requested: number, ms: number): string {
  const failed = requested - compiled;
  return `[warm-up] compiled ${compiled} routes in ${(ms / 1000).toFixed(1)} s${failed > 0 ? ` (${failed} did not answer)` : ''}`;
}

/** Waiting for the server included: on a busy two-core machine the four compiles alone took 45 s. */
export const WARM_UP_DEADLINE_MS = 180_000;
const HEALTH_POLL_MS = 250;

export interface WarmUpDeps {
  /** Read on each try: the port is known only once the server listens. */
  origin: () => string | null;
  fetch: (url: string, init: { signal: AbortSignal }) => Promise<{ text(): Promise<string> }>;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  log: (line: string) => void;
  projectId: string;
  deadlineMs?: number;
}

/**
 * Waits until /api/health answers, then requests each path in turn and logs one line. Resolves,
 * never rejects; gives up at the deadline.
 */
export async function runDevWarmUp(deps: WarmUpDeps): Promise<void> {
  const deadlineMs = deps.deadlineMs ?? WARM_UP_DEADLINE_MS;
  const signal = AbortSignal.timeout(deadlineMs);
  try {
    let origin: string | null = null;
    while (!origin) {
      if (signal.aborted) throw signal.reason;
      const candidate = deps.origin();
      const healthy = candidate ? await answered(deps.fetch(`${candidate}/api/health`, { signal })) : false;
      if (healthy) origin = candidate;
      else await deps.sleep(HEALTH_POLL_MS);
    }
    const started = deps.now();
    const paths = warmUpPaths(deps.projectId);
    let compiled = 0;
    for (const path of paths) {
      if (signal.aborted) break;
      if (await answered(deps.fetch(`${origin}${path}`, { signal }))) compiled += 1;
    }
    deps.log(warmUpSummary(compiled, paths.length, deps.now() - started));
  } catch {
    deps.log(`[warm-up] gave up after ${Math.round(deadlineMs / 1000)} s: the dev server did not answer`);
  }
}

/**
 * Whether an answer came, whatever its status (a 404 or a 401 compiled its route all the same),
 * read to the end: a page renders, and loads what its render needs, while its body streams.
 */
async function answered(request: Promise<{ text(): Promise<string> }>): Promise<boolean> {
  try {
    await (await request).text();
    return true;
  } catch {
    return false;
  }
}

/** Starts the warm-up once per process (instrumentation may be evaluated again after an edit). */
export function scheduleDevWarmUp(env: WarmUpEnv): void {
  if (!shouldWarmUp(env)) return;
  const schedule = processSingleton('devWarmUp', () => ({ scheduled: false }));
  if (schedule.scheduled) return;
  schedule.scheduled = true;
  void runDevWarmUp({
    origin: () => devServerOrigin(env),
    fetch: (url, init) => fetch(url, { ...init, cache: 'no-store' }),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
    now: () => performance.now(),
    log: (line) => console.log(line),
    projectId: crypto.randomUUID(),
  }).catch(() => {});
}
