import { expect, test, type Page } from '@playwright/test';

const TERMINAL_TIMEOUT = 120_000;

function treeItem(page: Page, path: string) {
  return page.locator(`[data-testid="file-tree-item"][data-path="${path}"]`);
}

/** The saved files of a version, straight from the API (superjson keeps plain strings as they are). */
async function savedFiles(page: Page, versionId: string): Promise<Record<string, string>> {
  const input = encodeURIComponent(JSON.stringify({ json: { versionId } }));
  const response = await page.request.get(`/api/trpc/versions.files?input=${input}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { files: Record<string, string>; complete: boolean } } } };
  expect(body.result.data.json.complete).toBe(true);
  return body.result.data.json.files;
}

async function expectSelectedVersion(page: Page, versionNumber: number) {
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(new RegExp(`^v${versionNumber} `));
}

async function sendPrompt(page: Page, prompt: string) {
  await page.getByTestId('chat-input').fill(prompt);
  await page.getByTestId('chat-send').click();
}

test('a new user builds an API, iterates, switches versions and reloads mid-generation', async ({ page }) => {
  const status = page.getByTestId('version-status');
  const codeView = page.getByTestId('code-view');

  // v1 from /ask.
  await page.goto('/');
  await page.getByTestId('new-project').click();
  await expect(page).toHaveURL(/\/ask$/);
  await page.getByTestId('prompt-input').fill('A REST API for a bookstore with authors and books');
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);

  // Files appear while the version is still being generated, in one look at the page so the
  // answer cannot be torn between two reads.
  const firstSighting = await page.waitForFunction(
    () => {
      const state = document.querySelector('[data-testid="version-status"]')?.getAttribute('data-status');
      if (state === 'complete' || state === 'failed') return `too late: the version is already ${state}`;
      const item = document.querySelector('[data-testid="file-tree-item"][data-path="src/routes/authors.ts"]');
      const marker = item?.getAttribute('data-marker');
      const source = document.querySelector('[data-testid="code-view"]')?.getAttribute('data-source');
      return (marker === 'writing' || marker === 'created') && source === 'stream' ? 'seen while generating' : false;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  expect(await firstSighting.jsonValue()).toBe('seen while generating');

  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: TERMINAL_TIMEOUT });
  await expect(codeView).toHaveAttribute('data-source', 'saved');
  await expect(treeItem(page, 'src/routes/books.ts')).toBeVisible();
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="message"][data-role="assistant"]')).toHaveCount(1);

  // v2 from the chat.
  await sendPrompt(page, 'Add a reviews resource');
  await expectSelectedVersion(page, 2);
  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: TERMINAL_TIMEOUT });
  await expect(treeItem(page, 'src/routes/reviews.ts')).toBeVisible();
  await expect(treeItem(page, 'src/routes/reviews.ts')).toHaveAttribute('data-marker', 'created');
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveCount(2);

  // Back to v1: its own tree, without the later resource.
  const selector = page.getByTestId('version-selector');
  const v1Id = await selector.locator('option', { hasText: /^v1 / }).getAttribute('value');
  expect(v1Id).toBeTruthy();
  await selector.selectOption(v1Id!);
  await expectSelectedVersion(page, 1);
  await expect(treeItem(page, 'src/routes/books.ts')).toBeVisible();
  await expect(treeItem(page, 'src/routes/reviews.ts')).toHaveCount(0);

  // v3, reloaded in the middle: the replayed stream must show every chunk exactly once.
  await sendPrompt(page, 'Add a publishers resource');
  await expectSelectedVersion(page, 3);
  const v3Id = await selector.inputValue();
  await expect(page.locator('[data-testid="code-view"][data-writing="true"]')).toBeVisible({ timeout: 60_000 });
  await page.reload();

  const midStream = await page.waitForFunction(
    () => {
      const state = document.querySelector('[data-testid="version-status"]')?.getAttribute('data-status');
      if (state === 'complete' || state === 'failed') return { tooLate: state, path: '', text: '' };
      const view = document.querySelector('[data-testid="code-view"]');
      if (view?.getAttribute('data-source') !== 'stream' || view.getAttribute('data-writing') !== 'true') return false;
      const text = view.textContent ?? '';
      return text.length >= 20 ? { tooLate: null, path: view.getAttribute('data-path') ?? '', text } : false;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  // waitForFunction resolves only on a truthy answer.
  const partial = (await midStream.jsonValue()) as { tooLate: string | null; path: string; text: string };
  expect(partial.tooLate, 'v3 should still be generating after the reload').toBeNull();

  await expect(status).toHaveAttribute('data-status', 'complete', { timeout: TERMINAL_TIMEOUT });
  const files = await savedFiles(page, v3Id);
  const saved = files[partial.path];
  expect(saved, `${partial.path} is saved in v3`).toBeDefined();
  expect(saved!.startsWith(partial.text), 'what streamed after the reload is the start of the saved file').toBe(true);

  await treeItem(page, partial.path).click();
  await expect(codeView).toHaveAttribute('data-path', partial.path);
  await expect(codeView).toHaveAttribute('data-source', 'saved');
  expect(await codeView.textContent()).toBe(saved);

  await page.screenshot({ path: 'test-results/workspace-desktop.png' });
});
