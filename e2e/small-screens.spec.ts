import { expect, test, type Page } from '@playwright/test';

// Seed §8's flow (create, iterate, switch versions) on the two smaller layouts of seed §2: a tablet,
// where chat and code are tabs, and a phone, where the chat is a bottom sheet over the code. One
// project, continued from test to test, so each generation is paid for once.
test.describe.configure({ mode: 'serial' });

const TERMINAL_TIMEOUT = 150_000;

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1024, height: 1366 } });
});

test.afterAll(async () => {
  await page.close();
});

function versionCard(versionNumber: number) {
  return page.locator(`[data-testid="version-card"][data-version="${versionNumber}"]`);
}

async function expectSelectedVersion(versionNumber: number) {
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(new RegExp(`^v${versionNumber} `));
}

async function expectComplete() {
  await expect(page.getByTestId('version-status')).toHaveAttribute('data-status', 'complete', { timeout: TERMINAL_TIMEOUT });
}

test('on a tablet: creates v1, iterates from the chat tab, and switches back to v1', async () => {
  await page.goto('/ask');
  await page.getByTestId('prompt-input').fill('A REST API for a recipe site with recipes and ingredients');
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);

  // The chat tab shows the run's progress; the code tab shows it being typed.
  await expect(page.getByTestId('tab-chat')).toHaveAttribute('aria-selected', 'true');
  await expect(versionCard(1).getByTestId('writing-progress')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('tab-code').click();
  await expect(page.locator('[data-testid="code-view"][data-source="stream"]')).toBeVisible();
  await expect(page.getByTestId('chat-panel')).toBeHidden();

  // Picking a finished file stops following the model; "Follow live" goes back to it.
  // Resolved once by path: the first finished file changes as the model finishes more of them.
  const finishedPath = (await page.locator('[data-testid="file-tree-item"][data-marker="created"]').first().getAttribute('data-path'))!;
  await page.locator(`[data-testid="file-tree-item"][data-path="${finishedPath}"]`).click();
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-path', finishedPath);
  await page.getByRole('button', { name: 'Follow live' }).click();
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-writing', 'true');
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-typing', 'true');
  await expectComplete();
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-source', 'saved');

  await page.getByTestId('tab-chat').click();
  await page.getByTestId('chat-input').fill('Add a reviews resource');
  await page.keyboard.press('Enter');
  await expectSelectedVersion(2);

  // The stream's connection drops mid-run: the workspace says so, then picks up where it left off.
  const streamReads = '**/api/trpc/stream.since**';
  await expect(versionCard(2).getByTestId('writing-progress')).toBeVisible({ timeout: 60_000 });
  await page.route(streamReads, (route) => route.abort('connectionreset'));
  const indicator = page.getByTestId('connection-indicator');
  await expect(indicator).toHaveAttribute('data-tone', 'down');
  await expect(indicator).toContainText('Reconnecting…');
  await expect(page.getByTestId('chat-log')).toContainText('Reconnecting…');
  await page.unroute(streamReads);
  await expect(indicator).not.toContainText('Reconnecting…');
  await expectComplete();
  await expect(versionCard(2)).toHaveAttribute('data-status', 'complete');

  await page.getByTestId('version-selector').selectOption({ index: 1 });
  await expectSelectedVersion(1);
  await expect(versionCard(1)).toBeInViewport();
  await page.getByTestId('tab-code').click();
  await expect(page.locator('[data-testid="file-tree-item"][data-path="src/routes/reviews.ts"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/flow-tablet.png' });
});

test('on a phone, with reduced motion: branches from v1 in the bottom sheet, watches the code full screen, and switches to v2', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  // This person prefers reduced motion: code shows as it arrives, without the typing animation.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const chatPanel = page.getByTestId('chat-panel');
  await page.getByTestId('open-chat').click();
  await expect(chatPanel).toHaveAttribute('data-sheet', 'open');
  await expect(page.getByTestId('branch-hint')).toHaveText(/Building on v1/);
  await page.getByTestId('chat-input').fill('Add a tags resource');
  await page.keyboard.press('Enter');
  await expectSelectedVersion(3);
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(/^v3 .*← v1/);

  // Closed, the sheet leaves the code full screen while the version is typed.
  await page.keyboard.press('Escape');
  await expect(chatPanel).toHaveAttribute('data-sheet', 'closed');
  await expect(page.locator('[data-testid="code-view"][data-source="stream"]')).toBeInViewport({ timeout: 60_000 });
  await expect(page.locator('[data-testid="code-view"][data-writing="true"]')).toHaveAttribute('data-typing', 'false');
  await expect(page.getByTestId('open-chat')).toContainText(/generating v3|Validating v3|starting v3/i);
  await expectComplete();
  await expect(page.locator('[data-testid="file-tree-item"][data-path="src/routes/tags.ts"]')).toHaveAttribute('data-marker', 'created');
  await page.screenshot({ path: 'test-results/flow-mobile.png' });

  await page.getByTestId('version-selector').selectOption({ index: 1 });
  await expectSelectedVersion(2);
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-source', 'saved');
  await expect(page.locator('[data-testid="file-tree-item"][data-path="src/routes/reviews.ts"]')).toBeVisible();
});
