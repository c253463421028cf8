import { expect, test } from '@playwright/test';
import { composeOfflineAnswer } from '../src/generation/offline/answer/compose-answer';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '../src/test/openai-fixture-server';
import { startProductionServer, type RunningServer } from './bench/server-process';

// Seed §10: a model that breaks off mid-answer. The version fails with the reason in the chat, and
// Retry (same prompt, same base) builds it. A second production server runs the real `openai` SDK
// against a local server speaking OpenAI's streaming wire format, which drops the first answer to
// each prompt after a third of it and sends the next one whole. The answers are the offline
// generator's, so the retried version is a real API.

const PORT = 3101;
const PROMPT = 'A REST API for a library with members and loans';

let model: OpenAIFixtureServer;
let server: RunningServer;
const attempts = new Map<string, number>();

test.beforeAll(async () => {
  model = await startOpenAIFixtureServer();
  model.respondUsing((body) => {
    const prompt = body.messages.findLast((message) => message.role === 'user')?.content ?? '';
    const attempt = (attempts.get(prompt) ?? 0) + 1;
    attempts.set(prompt, attempt);
    const text = composeOfflineAnswer({ versionNumber: 1, prompt, baseFiles: {}, history: [] });
    return attempt === 1
      ? { kind: 'stream', text, chunkSize: 48, chunkDelayMs: 5, dropAfterChars: Math.floor(text.length / 3) }
      : { kind: 'stream', text, chunkSize: 48, chunkDelayMs: 2 };
  });
  // The build the main web server made; no sandbox, so the retried version completes at once.
  server = await startProductionServer(process.cwd(), { port: PORT, openaiBaseUrl: model.baseURL, extraEnv: { NEXT_DIST_DIR: '.next-e2e' } });
});

test.afterAll(async () => {
  await server?.stop();
  await model?.close();
});

test('a model that breaks off fails the version with its reason, and Retry builds it', async ({ page }) => {
  await page.goto(`${server.baseUrl}/ask`);
  await page.getByTestId('prompt-input').fill(PROMPT);
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);

  const failed = page.locator('[data-testid="version-card"][data-version="1"]');
  await expect(failed).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(failed).toHaveAttribute('data-stop-reason', 'model_error');
  await expect(failed.getByTestId('version-failure')).toContainText('Model error');
  await expect(page.getByTestId('message').filter({ hasText: /broke off/ })).toBeVisible();
  // What was written before the break is shown, marked as not saved.
  await expect(page.locator('[data-testid="code-view"][data-source="stream"]')).toBeVisible();
  await expect(page.getByText('This version did not finish')).toBeVisible();

  await failed.getByTestId('retry-version').click();
  const retried = page.locator('[data-testid="version-card"][data-version="2"]');
  await expect(retried).toHaveAttribute('data-status', 'complete', { timeout: 60_000 });
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(/^v2 /);
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-source', 'saved');
  expect(attempts.get(PROMPT)).toBe(2);

  // The failed version stays in the history and can still be opened.
  await page.getByTestId('version-selector').selectOption({ index: 1 });
  await expect(page.getByTestId('version-status')).toHaveAttribute('data-status', 'failed');
  await page.screenshot({ path: 'test-results/workspace-model-failure.png' });
});
