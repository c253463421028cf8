import { expect, test } from '@playwright/test';

// Seed §2's other two layouts, on a project from the list: tablets switch chat and code with tabs,
// phones show the code full screen with the chat in a bottom sheet.

test('tablets switch panels with tabs; phones open the chat as a bottom sheet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('project-list').or(page.getByText('No APIs yet.'))).toBeVisible();
  const bookstore = page.getByTestId('project-card').filter({ hasText: /bookstore/i }).first();
  if ((await bookstore.count()) === 1) {
    await bookstore.click();
  } else {
    await page.goto('/ask');
    await page.getByTestId('prompt-input').fill('A REST API for a bookstore with authors and books');
    await page.getByTestId('ask-submit').click();
  }
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('version-status')).toHaveAttribute('data-status', /complete|failed/, { timeout: 150_000 });

  const chatPanel = page.getByTestId('chat-panel');
  const codeView = page.getByTestId('code-view');

  await page.setViewportSize({ width: 1024, height: 1366 });
  await expect(page.getByTestId('tab-chat')).toHaveAttribute('aria-selected', 'true');
  await expect(chatPanel).toBeVisible();
  await expect(codeView).toBeHidden();
  await page.screenshot({ path: 'test-results/workspace-tablet.png' });
  await page.getByTestId('tab-chat').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-code')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-code')).toBeFocused();
  await expect(codeView).toBeVisible();
  await expect(chatPanel).toBeHidden();
  await page.screenshot({ path: 'test-results/workspace-tablet-code.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('tab-chat')).toBeHidden();
  await expect(codeView).toBeVisible();
  await expect(chatPanel).toHaveAttribute('data-sheet', 'closed');
  await expect(chatPanel).not.toBeInViewport();
  await page.screenshot({ path: 'test-results/workspace-mobile.png' });

  await page.getByTestId('open-chat').click();
  await expect(chatPanel).toHaveAttribute('data-sheet', 'open');
  await expect(page.getByTestId('chat-sheet-handle')).toBeFocused();
  await expect(page.getByTestId('chat-input')).toBeInViewport();
  await page.waitForTimeout(400); // let the slide settle for the picture
  await page.screenshot({ path: 'test-results/workspace-mobile-sheet.png' });
  await page.keyboard.press('Escape');
  await expect(chatPanel).toHaveAttribute('data-sheet', 'closed');
  await expect(page.getByTestId('open-chat')).toBeFocused();
});
