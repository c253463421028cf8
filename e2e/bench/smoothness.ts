// No frame over 50 ms (Chromium's long-animation-frame threshold: a longer frame shows as a stutter)
// while a 20-file version types out in Chromium. The production build on embedded defaults, with the
// offline generator at the e2e suite's pace (a chunk every 10 ms, faster than a real model, so the
// page gets more to draw); validation is skipped (FORGE_SANDBOX=skip) because the window ends when
// the last file is written.
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium';
import { FRAME_BUDGET_MS, measureTwentyFileGeneration, type FrameBreakdown, type GenerationFrames } from '../frame-recorder';
import { startCoreUsage, type CoreUsage } from './core-usage';
import { MAIN_THREAD_TRACE_CATEGORIES, mainThreadTime, type MainThreadTime } from './main-thread-time';
import type { Row } from './results-file';
import { ensureProductionBuild } from './production-build';
import { BENCH_SERVER_PORT, benchLog as log, PROJECT_ROOT, startProductionServer } from './server-process';
import { formatSeconds } from './stats';

const RUNS = 3;

/** One run's frames, with the main thread's task and CPU time in each slow frame (null: the trace lacked it). */
interface RunFrames extends GenerationFrames {
  slowestTime: Array<MainThreadTime | null>;
  coreUsage: CoreUsage;
}

/** "52 ms, main thread in tasks 40 ms (on a core 30 ms), blocking 2 ms: script 41 ms (longest: 38 ms, MessagePort.onmessage in z), style and layout 12 ms, render 41 ms". */
function describeSlowFrame(frame: FrameBreakdown, time: MainThreadTime | null): string {
  const longest = [...(frame.scripts ?? [])].sort((a, b) => b.durationMs - a.durationMs)[0];
  const script = longest ? ` (longest: ${longest.durationMs} ms, ${longest.invoker}${longest.sourceFunctionName ? ` in ${longest.sourceFunctionName}` : ''})` : '';
  const cpu = time === null ? '' : `, main thread in tasks ${time.taskMs} ms (on a core ${time.cpuMs} ms)`;
  return `${frame.duration} ms${cpu}, blocking ${frame.blockingMs ?? 0} ms: script ${frame.scriptMs ?? 0} ms${script}, style and layout ${frame.styleAndLayoutMs ?? 0} ms, render ${frame.renderMs ?? 0} ms`;
}

export async function runSmoothnessBench(): Promise<{ rows: Row[]; notes: string[] }> {
  const build = await ensureProductionBuild(PROJECT_ROOT, log);
  const server = await startProductionServer(build.appDir, { port: BENCH_SERVER_PORT, extraEnv: { FORGE_OFFLINE_CHUNK_DELAY_MS: '10' } });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS, timeout: 60_000 });
  const runs: RunFrames[] = [];
  try {
    for (let run = 1; run <= RUNS; run++) {
      log(`smoothness run ${run}/${RUNS} ...`);
      // A new context each run: nothing cached from the run before but what a returning visitor has.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        await browser.startTracing(page, { categories: MAIN_THREAD_TRACE_CATEGORIES });
        let counting: ReturnType<typeof startCoreUsage> | undefined;
        let coreUsage: CoreUsage | undefined;
        const frames = await measureTwentyFileGeneration(page, `${server.baseUrl}/ask`, {
          onOpen: () => (counting = startCoreUsage(server.pid)),
          onClose: () => (coreUsage = counting?.stop()),
        });
        const trace = await browser.stopTracing();
        if (frames.files < 20) throw new Error(`run ${run} wrote ${frames.files} files, fewer than 20`);
        const slowestTime = mainThreadTime(trace, frames.slowest.map((frame) => ({ start: frame.startTime, durationMs: frame.duration })));
        if (!coreUsage) throw new Error(`run ${run}: the measured window never closed`);
        runs.push({ ...frames, slowestTime, coreUsage });
        log(`  ${JSON.stringify({ ...frames, slowest: frames.slowest.map((frame) => frame.duration), slowestTime, coreUsage })}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const each = (pick: (frames: RunFrames) => string) => runs.map(pick).join(' / ');
  const slowFrames = runs.flatMap((frames) => frames.slowest.map((frame, index) => ({ frame, time: frames.slowestTime[index] ?? null })));
  // Only the five slowest frames come with a breakdown: past five, the count is a floor.
  const overBudgetOnCpu = (frames: RunFrames) => {
    if (frames.slowestTime.some((time) => time === null)) return '?';
    const count = frames.slowestTime.filter((time) => time!.cpuMs > FRAME_BUDGET_MS).length;
    return frames.framesOver50Ms > frames.slowest.length ? `${count}+` : String(count);
  };
  return {
    rows: [
      [
        `frames over ${FRAME_BUDGET_MS} ms while a ${runs[0]!.files}-file version types out (${RUNS} runs)`,
        `${each((frames) => String(frames.framesOver50Ms))} (longest ${Math.max(0, ...runs.map((frames) => frames.longestAnimationFrameMs))} ms)`,
        '0',
      ],
      [`of which the main thread was on a core over ${FRAME_BUDGET_MS} ms`, each(overBudgetOnCpu), '-'],
      ['main thread busy during the typing', each((frames) => `${Math.round((frames.mainThreadBusyMs / frames.windowMs) * 100)} % of ${formatSeconds(frames.windowMs)}`), '-'],
      [
        `cores busy during the typing, of ${runs[0]!.coreUsage.cores} (Chromium + server + bench, in cores)`,
        each(({ coreUsage: usage }) => `${Math.round(usage.machinePercent)} % (${usage.chromiumCores.toFixed(2)} + ${usage.serverCores.toFixed(2)} + ${usage.benchCores.toFixed(2)})`),
        '-',
      ],
      [
        'time some thread waited for a core (CPU pressure, and steal by the host)',
        each(({ coreUsage: usage }) => `${usage.waitingForCorePercent === null ? '?' : `${Math.round(usage.waitingForCorePercent)} %`} (steal ${usage.stealPercent.toFixed(1)} %)`),
        '-',
      ],
    ],
    notes: [
      build.built ? `Built .next-bench for this run (${build.reason}).` : `Reused the .next-bench build: ${build.reason}.`,
      'Slow frames are Chromium\'s long-animation-frame entries, from the first streamed line until the version leaves "generating"; ' +
        'main-thread time is Chromium\'s TaskDuration metric over the same window. Chromium, the server and the bench share the machine\'s cores, ' +
        'so a frame can also run long while its thread waits for a core, or sits idle until the compositor asks for the next frame: ' +
        'a "toplevel" Chromium trace of each run gives, for each slow frame, the time the main thread spent in tasks and their CPU time.',
        'Cores busy: the share of all cores not idle over the window (/proc/stat, every process on the machine), and the cores used on average ' +
          "by Chromium's processes (all of them: browser, renderer, GPU), the server's process tree and the bench process (utime + stime from /proc). " +
          'CPU pressure is the share of the window in which at least one runnable thread on the machine waited for a core (/proc/pressure/cpu, "some"); ' +
          "steal is the share of all cores' time the hypervisor ran something else while this machine had work.",
      ...slowFrames.map(({ frame, time }) => `Slow frame at ${formatSeconds(frame.startTime)}: ${describeSlowFrame(frame, time)}.`),
    ],
  };
}
