import { expect, test } from '@playwright/test';
import { measureTwentyFileGeneration } from './frame-recorder';

// Issue 7: the typing animation stays smooth while a 20-file version streams into the production
// build. This spec reports the slow frames; the target (none over 50 ms) lives in the bench
// (`npm run bench -- smoothness`), as timing targets do, so a busy CI machine cannot fail the suite.
test('the typing animation stays smooth during a 20-file generation', async ({ page }) => {
  const frames = await measureTwentyFileGeneration(page, '/ask');
  const { slowest, ...report } = frames;
  console.log(`[smoothness] ${JSON.stringify(report)}`);
  console.log(`[smoothness] slowest frames: ${JSON.stringify(slowest)}`);
  test.info().annotations.push({ type: 'smoothness', description: JSON.stringify(report) });
  expect(frames.files).toBeGreaterThanOrEqual(20);

  // The sandbox would validate this version next; nothing here needs it, so stop it and save the time.
  const status = page.getByTestId('version-status');
  if ((await status.getAttribute('data-status')) === 'validating') {
    await page.getByTestId('chat-stop').click();
    await expect(status).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  }
});
