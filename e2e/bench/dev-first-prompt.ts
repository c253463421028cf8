// A newcomer's first prompt on a fresh `npm run dev`: from pressing "Build API" on /ask to the project
// page, and to the first file's code on screen. `next dev` compiles each route on its first request;
// src/server/dev-warm-up.ts compiles them in the background once the server answers. Measured
// without the warm-up (FORGE_DEV_WARM_UP=off) and with it, alternately, each on a fresh dev server.
import { loadavg } from 'node:os';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium';
import { DEV_DIST_DIR, startFreshDevServer, type DevServer } from './dev-server-process';
import type { Row } from './results-file';
import { treeCpuSeconds } from './proc';
import { benchLog as log, PROJECT_ROOT } from './server-process';
import { formatMs, percentile } from './stats';

const RUNS = Number(process.env.BENCH_DEV_RUNS ?? 3);
/** Another checkout to start `next dev` in, e.g. a copy without someone's unfinished edits. */
const ROOT = process.env.BENCH_DEV_ROOT ?? PROJECT_ROOT;
const PROMPT = 'A REST API for a bookstore with authors and books';
/**
 * Both modes start the browser once the dev server is idle (its process tree under 5 % of a core
 * for 2 s, at most 60 s): after compiling, Turbopack writes its cache to disk for some seconds.
 */
const IDLE_WINDOW_MS = 2_000;
const IDLE_CPU_SHARE = 0.05;
const IDLE_WAIT_MAX_MS = 60_000;
const WARM_UP_LINE = /\[warm-up\] compiled (\d+) routes in ([\d.]+) s/;
const STEP_TIMEOUT_MS = 180_000;

type Mode = 'off' | 'on';

interface DevRun {
  mode: Mode;
  /** Spawn → /api/health answers. */
  healthyMs: number;
  /** /api/health answered → the warm-up's line (on only). */
  warmUpMs: number | null;
  warmUpLine: string | null;
  /** Then until the server was idle. */
  settleMs: number;
  toProjectPageMs: number;
  toFirstCodeMs: number;
}

async function waitForWarmUp(server: DevServer): Promise<{ ms: number; line: string }> {
  const started = Date.now();
  while (Date.now() - started < STEP_TIMEOUT_MS) {
    const line = server.log().split('\n').find((text) => WARM_UP_LINE.test(text) || text.includes('[warm-up] gave up'));
    if (line) return { ms: Date.now() - started, line: line.trim() };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the warm-up did not log its line within 180 s');
}

async function waitUntilIdle(pid: number): Promise<number> {
  const started = Date.now();
  const samples = [{ at: started, cpu: treeCpuSeconds(pid) }];
  while (Date.now() - started < IDLE_WAIT_MAX_MS) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = { at: Date.now(), cpu: treeCpuSeconds(pid) };
    samples.push(now);
    const windowStart = samples.find((sample) => now.at - sample.at <= IDLE_WINDOW_MS)!;
    const spanMs = now.at - windowStart.at;
    if (spanMs >= IDLE_WINDOW_MS - 300 && (now.cpu - windowStart.cpu) * 1000 < spanMs * IDLE_CPU_SHARE) break;
  }
  return Date.now() - started;
}

/** Opens /ask, types the prompt once the page is interactive, presses Build API, and times what follows. */
async function measureFirstPrompt(baseUrl: string): Promise<{ toProjectPageMs: number; toFirstCodeMs: number }> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseUrl}/ask`, { timeout: STEP_TIMEOUT_MS });
    const submit = page.locator('[data-testid="ask-submit"]');
    // Typed before hydration, the text never reaches React's state and the button stays disabled.
    const interactiveBy = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      await page.locator('[data-testid="prompt-input"]').fill(PROMPT);
      if (await submit.isEnabled()) break;
      if (Date.now() > interactiveBy) throw new Error('/ask never became interactive');
      await page.waitForTimeout(250);
    }
    const started = Date.now();
    await submit.click();
    const atProjectPage = await page.waitForFunction(() => (/^\/projects\/[0-9a-f-]{36}$/.test(location.pathname) ? Date.now() : false), undefined, {
      polling: 'raf',
      timeout: STEP_TIMEOUT_MS,
    });
    const atFirstCode = await page.waitForFunction(
      () => {
        const item = document.querySelector('[data-testid="file-tree-item"]');
        const code = document.querySelector('[data-testid="code-view"]')?.textContent ?? '';
        return item && code.trim().length > 0 ? Date.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: STEP_TIMEOUT_MS },
    );
    return {
      toProjectPageMs: Number(await atProjectPage.jsonValue()) - started,
      toFirstCodeMs: Number(await atFirstCode.jsonValue()) - started,
    };
  } finally {
    await browser.close();
  }
}

async function runOnce(mode: Mode, index: number): Promise<DevRun> {
  const server = await startFreshDevServer(ROOT, {
    name: `${mode}-${index}`,
    extraEnv: mode === 'off' ? { FORGE_DEV_WARM_UP: 'off' } : {},
  });
  try {
    let warmUp: { ms: number; line: string } | null = null;
    if (mode === 'on') warmUp = await waitForWarmUp(server);
    if (warmUp && !WARM_UP_LINE.test(warmUp.line)) throw new Error(`the warm-up failed: ${warmUp.line}`);
    const settleMs = await waitUntilIdle(server.pid);
    const times = await measureFirstPrompt(server.baseUrl);
    return { mode, healthyMs: server.healthyAfterMs, warmUpMs: warmUp?.ms ?? null, warmUpLine: warmUp?.line ?? null, settleMs, ...times };
  } finally {
    await server.stop();
  }
}

/** "5.90 s (5.81 s / 6.12 s / 5.90 s)": the median, then each run in order. */
function medianAndRuns(values: number[]): string {
  return `${formatMs(percentile(values, 0.5))} (${values.map(formatMs).join(' / ')})`;
}

export async function runDevFirstPromptBench(): Promise<{ rows: Row[]; notes: string[] }> {
  const loadBefore = loadavg()[0]!.toFixed(2);
  const runs: DevRun[] = [];
  // Alternating, so a machine that gets busier or quieter over the bench weighs on both alike.
  for (let index = 1; index <= RUNS; index++) {
    for (const mode of ['off', 'on'] as const) {
      log(`dev-first-prompt: warm-up ${mode}, run ${index}/${RUNS} (fresh ${DEV_DIST_DIR}) ...`);
      const run = await runOnce(mode, index);
      log(`  ${JSON.stringify(run)}`);
      runs.push(run);
    }
  }
  const of = (mode: Mode, pick: (run: DevRun) => number) => runs.filter((run) => run.mode === mode).map(pick);
  return {
    rows: [
      ['next dev, no warm-up: Build API → project page, median (runs)', medianAndRuns(of('off', (run) => run.toProjectPageMs)), '-'],
      ['next dev, no warm-up: Build API → first code', medianAndRuns(of('off', (run) => run.toFirstCodeMs)), '-'],
      ['next dev, warm-up done: Build API → project page', medianAndRuns(of('on', (run) => run.toProjectPageMs)), 'below the no-warm-up figure'],
      ['next dev, warm-up done: Build API → first code', medianAndRuns(of('on', (run) => run.toFirstCodeMs)), 'below the no-warm-up figure'],
      ['warm-up: /api/health answers → its 4 routes compiled', medianAndRuns(of('on', (run) => run.warmUpMs ?? Number.NaN)), '-'],
      ['next dev start: spawn → /api/health answers (all runs)', medianAndRuns(runs.map((run) => run.healthyMs)), '-'],
    ],
    notes: [
      `Each run starts \`next dev --hostname 127.0.0.1 --port 33xx\` with ${DEV_DIST_DIR} deleted first and a new FORGE_DATA_DIR under .data/ ` +
        `(embedded defaults, offline generator at its default pace, FORGE_SANDBOX=skip), waits for /api/health, then ` +
        `for the warm-up's log line ("on"; "off" sets FORGE_DEV_WARM_UP=off), then until the server is idle (its process tree under ` +
        `${IDLE_CPU_SHARE * 100} % of a core for ${IDLE_WINDOW_MS / 1000} s, at most ${IDLE_WAIT_MAX_MS / 1000} s; Turbopack writes its cache ` +
        `after compiling; waits ${runs.map((run) => formatMs(run.settleMs)).join(', ')}). A new headless Chromium ` +
        `opens /ask (not timed), types "${PROMPT}" and presses Build API; the times run from that click to a /projects/<id> URL and to ` +
        `the first [data-testid=file-tree-item] with text in [data-testid=code-view]. Runs alternate off / on; the dev server is killed ` +
        `(process group) after each.`,
      ...(ROOT === PROJECT_ROOT ? [] : [`Started in ${ROOT} (BENCH_DEV_ROOT), not in this checkout.`]),
      `Warm-up lines: ${runs.flatMap((run) => (run.warmUpLine ? [`"${run.warmUpLine}"`] : [])).join(', ')}.`,
      `1-min load average ${loadBefore} before / ${loadavg()[0]!.toFixed(2)} after; other work on the machine (2 cores) slows compiles.`,
    ],
  };
}
