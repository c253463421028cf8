import { expect, test, type Page } from '@playwright/test';

// The API as a contract, as a new user meets it: the bookstore's v1 card shows the behaviour round
// per resource, "GET /books → 200" is saved as a check from the console, "Remove books" makes a
// version whose card flags the regression and offers Fix, and the compare view flags /books as a
// removed, breaking route.
test.describe.configure({ mode: 'serial' });

const TERMINAL_TIMEOUT = 150_000;

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page.context().close();
});

function versionCard(versionNumber: number) {
  return page.locator(`[data-testid="version-card"][data-version="${versionNumber}"]`);
}

async function expectComplete() {
  await expect(page.getByTestId('version-status')).toHaveAttribute('data-status', 'complete', { timeout: TERMINAL_TIMEOUT });
}

test('v1 passes the behaviour round of each resource, shown per resource on its card', async () => {
  await page.goto('/ask');
  await page.getByTestId('prompt-input').fill('A REST API for a bookstore with authors and books');
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expectComplete();

  const card = versionCard(1);
  if ((await card.getByTestId('version-card-toggle').getAttribute('aria-expanded')) !== 'true') await card.getByTestId('version-card-toggle').click();
  for (const resource of ['authors', 'books']) {
    const row = card.locator(`[data-testid="behaviour-resource"][data-resource="${resource}"]`);
    await expect(row).toHaveAttribute('data-ok', 'true');
    await expect(row.getByTestId('behaviour-step')).toHaveText(['create', 'read', 'update', 'delete', 'bad body']);
  }
  // A step opens to the request it sent and the answer it got.
  await card.locator('[data-testid="behaviour-resource"][data-resource="books"] [data-step="create"]').click();
  await expect(card.getByTestId('check-exchange')).toContainText('POST /books');
  await expect(card.getByTestId('check-response')).toContainText('201');
});

test('saves "GET /books → 200" from the console as a check', async () => {
  await page.getByTestId('pane-api').click();
  await expect(page.getByTestId('preview-bar')).toHaveAttribute('data-state', 'ready', { timeout: TERMINAL_TIMEOUT });
  await page.locator('[data-testid="route-item"][data-route-id="GET /books"]').click();
  await page.getByTestId('request-send').click();
  await expect(page.getByTestId('response-view')).toHaveAttribute('data-status', '200');

  await page.getByTestId('save-check').click();
  const form = page.getByTestId('save-check-form');
  await expect(form.getByTestId('save-check-status')).toHaveValue('200');
  await form.getByTestId('save-check-submit').click();
  // The list sits beside the routes on wide screens and below the answer on phones: the visible one counts.
  const list = page.locator('[data-testid="saved-checks"]:visible');
  await expect(list.getByTestId('saved-check')).toHaveCount(1);
  await expect(list).toContainText('GET /books → 200');
});

test('"Remove books" makes a version whose card shows the regression and offers Fix', async () => {
  await page.getByTestId('chat-input').fill('Remove books');
  await page.keyboard.press('Enter');
  await expect(versionCard(2)).toBeVisible();
  await expectComplete();

  const card = versionCard(2);
  const notice = card.getByTestId('version-regressions');
  await expect(notice).toContainText('1 saved check regressed');
  await expect(notice).toContainText('GET /books → 200 passed on v1');
  await expect(card.getByTestId('fix-regression')).toBeEnabled();
  const result = card.locator('[data-testid="saved-check-result"][data-regression="true"]');
  await expect(result.getByTestId('check-regression')).toHaveText('regression since v1');
  await result.click();
  await expect(card.getByTestId('check-response')).toContainText('404');
  await expect(card.getByTestId('check-base-response')).toContainText('200');
  // The authors that remain still pass their round; books has none any more.
  await expect(card.locator('[data-testid="behaviour-resource"][data-resource="authors"]')).toHaveAttribute('data-ok', 'true');
  await expect(card.locator('[data-testid="behaviour-resource"][data-resource="books"]')).toHaveCount(0);
});

test('the compare view flags /books as removed and breaking', async () => {
  const card = versionCard(2);
  await card.getByTestId('version-menu-button').click();
  await page.locator('[data-testid="version-menu"] [data-action="compare-previous"]').click();
  const apiDiff = page.getByTestId('diff-viewer').getByTestId('api-diff');
  const removed = apiDiff.locator('[data-testid="api-change"][data-breaking="true"]').filter({ hasText: 'GET /books' });
  await expect(removed.first()).toBeVisible();
  await expect(removed.first()).toContainText('removed');
  await page.screenshot({ path: 'test-results/api-contract-compare.png' });
});
