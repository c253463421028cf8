import { expect, test } from '@playwright/test';

// Issue 7's budget: no frame over 50 ms while a 20-file version streams into the production build.
// Chromium reports slow frames as 'long-animation-frame' entries (and main-thread tasks over 50 ms
// as 'longtask'); a requestAnimationFrame loop also records the longest gap between two frames.

const STORE_PROMPT = 'An API for a store with products, orders, customers, reviews, categories, suppliers, invoices, payments, shipments';
const FRAME_BUDGET_MS = 50;

interface FrameRecord {
  longAnimationFrames: Array<{ startTime: number; duration: number }>;
  longTasks: Array<{ startTime: number; duration: number }>;
  longestFrameGapMs: number;
  measuring: boolean;
}

test('the typing animation stays smooth during a 20-file generation', async ({ page }) => {
  await page.addInitScript(() => {
    const record: FrameRecord = { longAnimationFrames: [], longTasks: [], longestFrameGapMs: 0, measuring: false };
    (window as unknown as { __frames: FrameRecord }).__frames = record;
    const observe = (type: string, into: FrameRecord['longAnimationFrames']) => {
      try {
        new PerformanceObserver((list) => {
          if (!record.measuring) return;
          for (const entry of list.getEntries()) into.push({ startTime: entry.startTime, duration: entry.duration });
        }).observe({ type, buffered: false });
      } catch {
        // An engine without this entry type records nothing for it.
      }
    };
    observe('long-animation-frame', record.longAnimationFrames);
    observe('longtask', record.longTasks);
    let last = 0;
    const frame = (now: number) => {
      if (record.measuring && last > 0) record.longestFrameGapMs = Math.max(record.longestFrameGapMs, now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

  await page.goto('/ask');
  await page.getByTestId('prompt-input').fill(STORE_PROMPT);
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);

  // Measure from the first streamed line until every file is written (validation starts).
  await expect(page.locator('[data-testid="code-view"][data-source="stream"]')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => ((window as unknown as { __frames: FrameRecord }).__frames.measuring = true));
  const status = page.getByTestId('version-status');
  await expect(status).toHaveAttribute('data-status', /validating|complete|failed/, { timeout: 180_000 });
  const frames = await page.evaluate(() => {
    const record = (window as unknown as { __frames: FrameRecord }).__frames;
    record.measuring = false;
    return record;
  });
  const files = await page.getByTestId('file-tree-item').count();

  const longest = (entries: FrameRecord['longTasks']) => Math.round(Math.max(0, ...entries.map((entry) => entry.duration)));
  const report = {
    files,
    longestAnimationFrameMs: longest(frames.longAnimationFrames),
    framesOver50Ms: frames.longAnimationFrames.filter((entry) => entry.duration > FRAME_BUDGET_MS).length,
    longestTaskMs: longest(frames.longTasks),
    longestFrameGapMs: Math.round(frames.longestFrameGapMs),
  };
  console.log(`[smoothness] ${JSON.stringify(report)}`);
  test.info().annotations.push({ type: 'smoothness', description: JSON.stringify(report) });
  expect(files).toBeGreaterThanOrEqual(20);

  // The sandbox would validate this version next; nothing here needs it, so stop it and save the time.
  if ((await status.getAttribute('data-status')) === 'validating') {
    await page.getByTestId('chat-stop').click();
    await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  }
});
