import { expect, test, type Page } from '@playwright/test';

// The live API as a new user meets it: the bookstore's v1 runs as a preview the moment it is
// validated, every route is called from the console, the docs are read, a request is copied as curl,
// and after v2 one request goes to both versions side by side. Then the console on a tablet and a phone.
test.describe.configure({ mode: 'serial' });

const TERMINAL_TIMEOUT = 150_000;
const COLD_START_TIMEOUT = 120_000;

let page: Page;

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
});

test.afterAll(async () => {
  await page.context().close();
});

async function expectComplete() {
  await expect(page.getByTestId('version-status')).toHaveAttribute('data-status', 'complete', { timeout: TERMINAL_TIMEOUT });
}

async function pickRoute(routeId: string) {
  const [method, path] = routeId.split(' ');
  await page.locator(`[data-testid="route-item"][data-route-id="${routeId}"]`).click();
  await expect(page.getByTestId('request-method')).toHaveValue(method!);
  await expect(page.getByTestId('request-path')).toHaveValue(path!);
}

/** Sends what the editor holds and waits for this answer, not the one shown before (each has its history id). */
async function send(how: 'button' | 'keyboard' = 'button'): Promise<{ status: number; body: string }> {
  const view = page.getByTestId('response-view');
  const before = (await view.count()) > 0 ? await view.getAttribute('data-history-id') : null;
  if (how === 'keyboard') {
    await page.getByTestId('request-path').focus();
    await page.keyboard.press('ControlOrMeta+Enter');
  } else {
    await page.getByTestId('request-send').click();
  }
  await expect(view).toHaveAttribute('data-history-id', /.+/);
  await expect(view).not.toHaveAttribute('data-history-id', before ?? '');
  const status = Number(await view.getAttribute('data-status'));
  const body = (await page.getByTestId('response-body').count()) > 0 ? ((await page.getByTestId('response-body').textContent()) ?? '') : '';
  return { status, body };
}

async function setPathParam(value: string) {
  await page.locator('[data-testid="path-param"][data-name="id"]').fill(value);
}

test('v1 runs as soon as it is validated; Stop and Start run it again from cold', async () => {
  await page.goto('/ask');
  await page.getByTestId('prompt-input').fill('A REST API for a bookstore with authors and books');
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expectComplete();

  await page.getByTestId('pane-api').click();
  const bar = page.getByTestId('preview-bar');
  await expect(bar).toHaveAttribute('data-state', 'ready');
  await expect(bar).toContainText('kept running from validation');
  await expect(page.getByTestId('preview-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+$/);

  await page.getByTestId('preview-stop').click();
  await expect(bar).toHaveAttribute('data-state', 'stopped');
  await expect(page.getByTestId('request-send')).toBeDisabled();
  await page.getByTestId('preview-start').click();
  await expect(bar).toHaveAttribute('data-state', 'starting');
  await expect(page.getByTestId('preview-state')).toContainText('is starting');
  await expect(bar).toHaveAttribute('data-state', 'ready', { timeout: COLD_START_TIMEOUT });
  await expect(bar).toContainText(/started in [\d.]+ (s|min)/);
});

test('calls every route of v1 from the console, with bodies sampled from its openapi.json', async () => {
  const routes = await page.locator('[data-testid="route-item"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-route-id')!));
  expect(routes).toEqual([
    'GET /health',
    'GET /authors',
    'POST /authors',
    'GET /authors/{id}',
    'PUT /authors/{id}',
    'PATCH /authors/{id}',
    'DELETE /authors/{id}',
    'GET /books',
    'POST /books',
    'GET /books/{id}',
    'PUT /books/{id}',
    'PATCH /books/{id}',
    'DELETE /books/{id}',
  ]);

  await pickRoute('GET /health');
  expect((await send('keyboard')).status).toBe(200);

  await pickRoute('POST /authors');
  await expect(page.getByTestId('request-body')).toHaveValue(/"name": "Example name"/);
  const created = await send();
  expect(created.status).toBe(201);
  const author = JSON.parse(created.body) as { id: string; name: string };
  expect(author.name).toBe('Example name');

  await pickRoute('GET /authors');
  const listed = await send();
  expect(listed.status).toBe(200);
  expect((JSON.parse(listed.body) as Array<{ id: string }>).map((item) => item.id)).toContain(author.id);

  for (const [routeId, expected] of [
    ['GET /authors/{id}', 200],
    ['PUT /authors/{id}', 200],
    ['PATCH /authors/{id}', 200],
  ] as const) {
    await pickRoute(routeId);
    await setPathParam(author.id);
    expect((await send()).status, routeId).toBe(expected);
  }

  await pickRoute('POST /books');
  const book = JSON.parse((await send()).body) as { id: string };
  for (const [routeId, expected] of [
    ['GET /books', 200],
    ['GET /books/{id}', 200],
    ['PUT /books/{id}', 200],
    ['PATCH /books/{id}', 200],
    ['DELETE /books/{id}', 204],
    ['GET /books/{id}', 404],
  ] as const) {
    await pickRoute(routeId);
    if (routeId.includes('{id}')) await setPathParam(book.id);
    expect((await send()).status, routeId).toBe(expected);
  }
  await pickRoute('DELETE /authors/{id}');
  await setPathParam(author.id);
  expect((await send()).status).toBe(204);

  // Bad input gets the API's own 400, shown like any answer.
  await pickRoute('POST /authors');
  await page.getByTestId('request-body').fill('{"name": ');
  await expect(page.getByText('The body is not valid JSON')).toBeVisible();
  expect((await send()).status).toBe(400);

  // Every request is in the history, and one can be sent again.
  await expect(page.locator('[data-testid="request-history"]:visible [data-testid="history-entry"]')).toHaveCount(15);
  await page.locator('[data-testid="request-history"]:visible [data-testid="history-entry"][data-path="/health"] [data-testid="history-send-again"]').click();
  await expect(page.getByTestId('response-view')).toHaveAttribute('data-status', '200');
  await expect(page.locator('[data-testid="request-history"]:visible [data-testid="history-entry"]')).toHaveCount(16);
});

test('copies a request as curl, and reads the docs of the same API', async () => {
  await pickRoute('GET /authors');
  await page.getByTestId('copy-curl').click();
  await expect(page.getByTestId('copy-curl')).toContainText('Copied');
  const url = await page.getByTestId('preview-url').textContent();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`curl '${url}/authors'`);

  await page.getByTestId('api-view-docs').click();
  await expect(page.locator('[data-testid="docs-route"]')).toHaveCount(13);
  const postAuthors = page.locator('[data-testid="docs-route"][data-route-id="POST /authors"]');
  await expect(postAuthors).toContainText('name');
  await postAuthors.getByRole('button', { name: 'Try POST /authors' }).click();
  await expect(page.getByTestId('request-editor')).toBeVisible();
  await expect(page.getByTestId('request-path')).toHaveValue('/authors');
  await expect(page.getByTestId('request-method')).toHaveValue('POST');
});

test('after v2, the console follows the version and compares one request on both', async () => {
  await page.getByTestId('pane-code').click();
  await page.getByTestId('chat-input').fill('Add a reviews resource');
  await page.getByTestId('chat-input').press('Enter');
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(/^v2 /, { timeout: 30_000 });
  await expectComplete();

  await page.getByTestId('pane-api').click();
  await expect(page.getByTestId('api-panel')).toHaveAttribute('data-version', '2');
  await expect(page.getByTestId('preview-bar')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-testid="route-item"][data-route-id="GET /reviews"]')).toBeVisible();

  await pickRoute('POST /authors');
  expect((await send()).status).toBe(201);
  await pickRoute('GET /authors');
  await page.getByTestId('compare-version').selectOption({ label: 'v1' });
  await page.getByTestId('send-to-both').click();
  const compared = page.getByTestId('response-compare');
  await expect(compared).toBeVisible({ timeout: COLD_START_TIMEOUT });
  await expect(compared.locator('[data-testid="response-compare-side"][data-version="1"] [data-testid="response-compare-status"]')).toHaveText(/^200/);
  await expect(compared.locator('[data-testid="response-compare-side"][data-version="2"] [data-testid="response-compare-status"]')).toHaveText(/^200/);
  // v1's authors were deleted above; v2 has the one just made: the bodies differ, marked side by side.
  await expect(compared.locator('[data-testid="diff-file"] tr[data-kind="added"], [data-testid="diff-file"] tr[data-kind="modified"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/live-api-desktop.png' });

  // Back on v1 from the dropdown: the console moves to v1's preview.
  const selector = page.getByTestId('version-selector');
  await selector.selectOption((await selector.locator('option', { hasText: /^v1 / }).getAttribute('value'))!);
  await expect(page.getByTestId('api-panel')).toHaveAttribute('data-version', '1');
  await expect(page.locator('[data-testid="route-item"][data-route-id="GET /reviews"]')).toHaveCount(0);
});

test('env vars are set in the workspace, never shown again, and the preview says to restart', async () => {
  await page.getByTestId('api-view-env').click();
  await page.getByTestId('env-name-input').fill('JWT_SECRET');
  await page.getByTestId('env-value-input').fill('a-value-nobody-reads-back');
  await page.getByTestId('env-save').click();
  const variable = page.locator('[data-testid="env-var"][data-name="JWT_SECRET"]');
  await expect(variable).toBeVisible();
  await expect(variable).toContainText('••••••••');
  await expect(page.getByTestId('api-panel')).not.toContainText('a-value-nobody-reads-back');
  await expect(page.getByTestId('preview-env-changed')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('api-view-console').click();
});

test('the console on a tablet and a phone', async () => {
  await page.setViewportSize({ width: 1024, height: 1366 });
  await page.getByTestId('tab-api').click();
  await expect(page.getByTestId('tab-api')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('api-panel')).toBeVisible();
  await expect(page.getByTestId('chat-panel')).toBeHidden();
  await pickRoute('GET /authors');
  expect((await send()).status).toBe(200);
  await page.screenshot({ path: 'test-results/live-api-tablet.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('route-list')).toBeHidden();
  await page.getByTestId('route-select').selectOption('GET /health');
  await expect(page.getByTestId('request-method')).toHaveValue('GET');
  await expect(page.getByTestId('request-path')).toHaveValue('/health');
  // Ctrl/Cmd+Enter from the path field, as on a phone with a keyboard: once in a full CI run the Send
  // button's click waited four minutes for a stable frame on this viewport, which no run alone repeats.
  expect((await send('keyboard')).status).toBe(200);
  await expect(page.getByTestId('response-view')).toBeInViewport();
  await page.screenshot({ path: 'test-results/live-api-phone.png' });
});
