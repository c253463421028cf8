import { expect, test } from '@playwright/test';

// Issue 7's budget: no frame over 50 ms while a 20-file version streams into the production build.
// Chromium reports slow frames as 'long-animation-frame' entries (and main-thread tasks over 50 ms
// as 'longtask'). No requestAnimationFrame loop measures frame gaps here: it would make the page
// render a main-thread frame at every vsync, a busier page than the one people watch.

const STORE_PROMPT = 'An API for a store with products, orders, customers, reviews, categories, suppliers, invoices, payments, shipments';
const FRAME_BUDGET_MS = 50;

/** Where a slow frame's time went: script (and what ran it), style and layout, or paint. */
interface FrameBreakdown {
  startTime: number;
  duration: number;
  scriptMs?: number;
  renderMs?: number;
  styleAndLayoutMs?: number;
  scripts?: Array<{ invoker: string; sourceFunctionName: string; durationMs: number; forcedStyleAndLayoutMs: number }>;
}

interface FrameRecord {
  longAnimationFrames: FrameBreakdown[];
  longTasks: FrameBreakdown[];
  /** performance.now() when measuring began (0: not yet): slow frames are reported relative to it. */
  measuringSince: number;
  /** performance.now() when measuring ended (0: not yet). */
  measuringUntil: number;
}

test('the typing animation stays smooth during a 20-file generation', async ({ page }) => {
  await page.addInitScript(() => {
    const record: FrameRecord = { longAnimationFrames: [], longTasks: [], measuringSince: 0, measuringUntil: 0 };
    const measured = (startTime: number) => record.measuringSince > 0 && startTime >= record.measuringSince && (record.measuringUntil === 0 || startTime < record.measuringUntil);
    (window as unknown as { __frames: FrameRecord }).__frames = record;
    // PerformanceLongAnimationFrameTiming is not in TypeScript's DOM library yet.
    type LoafScript = { invoker: string; sourceFunctionName: string; duration: number; forcedStyleAndLayoutDuration: number };
    type Loaf = PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts: LoafScript[] };
    const breakdown = (entry: PerformanceEntry): FrameBreakdown => {
      const frame = entry as Loaf;
      if (!Array.isArray(frame.scripts)) return { startTime: entry.startTime, duration: entry.duration };
      const end = entry.startTime + entry.duration;
      return {
        startTime: entry.startTime,
        duration: entry.duration,
        scriptMs: Math.round(frame.scripts.reduce((sum, script) => sum + script.duration, 0)),
        renderMs: frame.renderStart > 0 ? Math.round(end - frame.renderStart) : 0,
        styleAndLayoutMs: frame.styleAndLayoutStart > 0 ? Math.round(end - frame.styleAndLayoutStart) : 0,
        scripts: frame.scripts.map((script) => ({
          invoker: script.invoker,
          sourceFunctionName: script.sourceFunctionName,
          durationMs: Math.round(script.duration),
          forcedStyleAndLayoutMs: Math.round(script.forcedStyleAndLayoutDuration),
        })),
      };
    };
    const observe = (type: string, into: FrameRecord['longAnimationFrames']) => {
      try {
        new PerformanceObserver((list) => {
          // Entries arrive after their frame ends: one that began before measuring is the page's own mount.
          for (const entry of list.getEntries()) if (measured(entry.startTime)) into.push(breakdown(entry));
        }).observe({ type, buffered: false });
      } catch {
        // An engine without this entry type records nothing for it.
      }
    };
    observe('long-animation-frame', record.longAnimationFrames);
    observe('longtask', record.longTasks);
  });

  await page.goto('/ask');
  await page.getByTestId('prompt-input').fill(STORE_PROMPT);
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);

  // Measure from the first streamed line until every file is written (validation starts).
  await expect(page.locator('[data-testid="code-view"][data-source="stream"]')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => {
    const record = (window as unknown as { __frames: FrameRecord }).__frames;
    record.measuringSince = performance.now();
  });
  // Stop measuring the moment the version leaves "generating": the typing is over then, and the
  // sandbox's start-up that follows runs on this same machine's two cores. The wait happens inside
  // the page, watching only the header's status attribute: Playwright's own polling would query the
  // DOM and force layouts on the very main thread being measured, and an observer of the whole page
  // would queue a record for every span the typing adds.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const record = (window as unknown as { __frames: FrameRecord }).__frames;
        const header = document.querySelector('[data-testid="version-status"]')?.closest('header');
        const finished = () => /validating|complete|failed/.test(document.querySelector<HTMLElement>('[data-testid="version-status"]')?.dataset.status ?? '');
        const stop = () => {
          record.measuringUntil = performance.now();
          resolve();
        };
        if (!header || finished()) return stop();
        const observer = new MutationObserver(() => {
          if (!finished()) return;
          observer.disconnect();
          stop();
        });
        observer.observe(header, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
      }),
  );
  const status = page.getByTestId('version-status');
  // A slow frame that ended before measuring stopped reaches the observer a moment later.
  const frames = await page.evaluate(() => new Promise<FrameRecord>((resolve) => setTimeout(() => resolve((window as unknown as { __frames: FrameRecord }).__frames), 100)));
  const files = await page.getByTestId('file-tree-item').count();

  const longest = (entries: FrameRecord['longTasks']) => Math.round(Math.max(0, ...entries.map((entry) => entry.duration)));
  const report = {
    files,
    longestAnimationFrameMs: longest(frames.longAnimationFrames),
    framesOver50Ms: frames.longAnimationFrames.filter((entry) => entry.duration > FRAME_BUDGET_MS).length,
    longestTaskMs: longest(frames.longTasks),
  };
  console.log(`[smoothness] ${JSON.stringify(report)}`);
  const slowest = [...frames.longAnimationFrames]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 5)
    .map((frame) => ({ ...frame, startTime: Math.round(frame.startTime - frames.measuringSince), duration: Math.round(frame.duration) }));
  console.log(`[smoothness] slowest frames: ${JSON.stringify(slowest)}`);
  test.info().annotations.push({ type: 'smoothness', description: JSON.stringify(report) });
  expect(files).toBeGreaterThanOrEqual(20);

  // The sandbox would validate this version next; nothing here needs it, so stop it and save the time.
  if ((await status.getAttribute('data-status')) === 'validating') {
    await page.getByTestId('chat-stop').click();
    await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  }
});
