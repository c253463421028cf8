import { expect, test } from '@playwright/test';
import { DEV_BASE_URL } from './servers';

// `npm run dev` is how the README starts the workspace, so it is checked as a new user meets it:
// a version is built and then changed on `next dev`. React's development build checks far more
// than the production one (keys, hook order, state updates during render, hydration), and
// whatever it finds, it reports in the console; this spec accepts no error and no warning there.
test('on next dev: builds v1 and removes a resource in v2, with no error or warning in the console', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  const status = page.getByTestId('version-status');

  // The first visit to each page compiles it, which takes a while on a small machine.
  await page.goto(`${DEV_BASE_URL}/ask`, { timeout: 120_000 });
  await page.getByTestId('prompt-input').fill('A REST API for a library with members and loans');
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/, { timeout: 120_000 });
  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: 180_000 });
  await expect(page.locator('[data-testid="file-tree-item"][data-path="src/routes/loans.ts"]')).toBeVisible();

  await page.getByTestId('chat-input').fill('Remove the loans resource');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(/^v2 /);
  await expect(page.locator('[data-testid="file-tree-item"][data-path="src/routes/loans.ts"]')).toHaveAttribute('data-marker', 'deleted', {
    timeout: 60_000,
  });
  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: 180_000 });
  await expect(page.locator('[data-testid="file-tree-item"][data-path="src/routes/loans.ts"]')).toHaveCount(0);

  expect(problems).toEqual([]);
});
