import { expect, test, type Locator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';

// One project, built up step by step as a person would: each test continues where the last one
// stopped, so the suite pays for each generation (and its sandbox validation) only once.
test.describe.configure({ mode: 'serial' });

const TERMINAL_TIMEOUT = 150_000;

let page: Page;
const versionIds: Record<number, string> = {};

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  page = await context.newPage();
});

test.afterAll(async () => {
  await page.context().close();
});

function treeItem(path: string) {
  return page.locator(`[data-testid="file-tree-item"][data-path="${path}"]`);
}

function versionCard(versionNumber: number) {
  return page.locator(`[data-testid="version-card"][data-version="${versionNumber}"]`);
}

/** The saved files of a version, straight from the API (superjson keeps plain strings as they are). */
async function savedFiles(versionId: string): Promise<Record<string, string>> {
  const input = encodeURIComponent(JSON.stringify({ json: { versionId } }));
  const response = await page.request.get(`/api/trpc/versions.files?input=${input}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { files: Record<string, string>; complete: boolean } } } };
  expect(body.result.data.json.complete).toBe(true);
  return body.result.data.json.files;
}

async function expectSelectedVersion(versionNumber: number) {
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(new RegExp(`^v${versionNumber} `));
}

async function selectedVersionId(): Promise<string> {
  return page.getByTestId('version-selector').inputValue();
}

async function expectStatus(status: string, timeout = TERMINAL_TIMEOUT) {
  await expect(page.getByTestId('version-status')).toHaveAttribute('data-status', status, { timeout });
}

async function openMenuItem(card: Locator, action: string) {
  await card.getByTestId('version-menu-button').click();
  await page.locator(`[data-testid="version-menu"] [data-action="${action}"]`).click();
}

test('a new user builds v1 from /ask, watches it stream, and sees every check pass', async () => {
  const codeView = page.getByTestId('code-view');
  await page.goto('/');
  await page.getByTestId('new-project').click();
  await expect(page).toHaveURL(/\/ask$/);
  await page.getByTestId('prompt-input').fill('A REST API for a bookstore with authors and books');
  const longPollAnswer = page.waitForResponse((response) => response.url().includes('/api/trpc/stream.since'));
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  // The browser asks for gzip; long-poll answers come uncompressed (response-headers.ts says why).
  const longPollHeaders = (await longPollAnswer).headers();
  expect(longPollHeaders['cache-control']).toContain('no-transform');
  expect(longPollHeaders['content-encoding']).toBeUndefined();

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
  // The progress tracker names the file and its place in the plan, then estimates the time left.
  await expect(versionCard(1).getByTestId('writing-progress')).toContainText(/Generating \S+ \(\d+\/\d+ files\)/);
  await expect(versionCard(1).getByTestId('remaining-time')).toHaveText(/left|almost done/);

  await expectStatus('complete');
  versionIds[1] = await selectedVersionId();
  await expect(codeView).toHaveAttribute('data-source', 'saved');
  await expect(treeItem('src/routes/books.ts')).toBeVisible();
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="message"][data-role="assistant"]')).toHaveCount(1);

  // The real local sandbox installed, built, started and probed it: every check ran and passed.
  const card = versionCard(1);
  await expect(card.getByText('validated ✓')).toBeVisible();
  await card.getByTestId('version-card-toggle').click();
  const checks = card.getByTestId('validation-check');
  await expect(checks.first()).toBeVisible();
  // A dozen route probes fold behind "Show all".
  await card.getByTestId('validation-show-all').click();
  const results = await checks.evaluateAll((items) =>
    items.map((item) => ({ check: item.getAttribute('data-check'), ok: item.getAttribute('data-ok'), skipped: item.getAttribute('data-skipped') })),
  );
  expect(results.map((result) => result.check)).toEqual(expect.arrayContaining(['install', 'build', 'start', 'health']));
  expect(results.filter((result) => result.ok !== 'true' || result.skipped !== 'false'), 'checks that failed or did not run').toEqual([]);
  // The behaviour round shows as a row per resource, a chip per step; the summary counts them too.
  const steps = card.getByTestId('behaviour-step');
  expect(await steps.count()).toBe(10);
  expect(await steps.evaluateAll((items) => items.filter((item) => item.getAttribute('data-ok') !== 'true').length)).toBe(0);
  const total = results.length + 10;
  await expect(card.getByTestId('validation-summary')).toHaveText(`${total}/${total} passed`);
  await card.getByTestId('version-card-toggle').click();
});

test('iterates from the keyboard alone: Tab to the chat input, type, Enter', async () => {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  let reached = false;
  for (let presses = 0; presses < 80 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'chat-input');
  }
  expect(reached, 'Tab reaches the chat input').toBe(true);

  // Shift+Enter breaks the line and the box grows with it; near the server's cap a count appears.
  const input = page.getByTestId('chat-input');
  const oneLineHeight = (await input.boundingBox())!.height;
  await page.keyboard.type('first line');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('second line');
  await expect(input).toHaveValue('first line\nsecond line');
  expect((await input.boundingBox())!.height).toBeGreaterThan(oneLineHeight);
  await expect(page.getByTestId('chat-length')).toHaveCount(0);
  await page.keyboard.insertText(' word'.repeat(1_400));
  await expect(page.getByTestId('chat-length')).toHaveText(/^7,0\d\d \/ 8,000$/);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');

  await page.keyboard.type('Add a reviews resource');
  await page.keyboard.press('Enter');

  await expectSelectedVersion(2);
  await expect(page.getByTestId('chat-status')).toHaveText(/AI is (starting|generating) v2…|Validating v2…/);
  // One version at a time: a prompt sent now is queued until this one ends, and can be taken back.
  await page.keyboard.type('Next');
  await expect(page.getByTestId('chat-send')).toBeEnabled();
  await expect(page.getByTestId('chat-stop')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('queued-prompt')).toContainText('Queued: sends when v2 ends');
  await expect(page.getByTestId('chat-input')).toHaveValue('');
  await page.getByTestId('queued-prompt-edit').click();
  await expect(page.getByTestId('chat-input')).toHaveValue('Next');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await expectStatus('complete');
  versionIds[2] = await selectedVersionId();
  await expect(treeItem('src/routes/reviews.ts')).toHaveAttribute('data-marker', 'created');
  // A file v2 added slid into the tree; the rows of its first drawing (v1's plan) simply appeared.
  await expect(treeItem('src/routes/reviews.ts').locator('xpath=..')).toHaveCSS('animation-name', 'slide-in');
  await expect(treeItem('src/routes/books.ts').locator('xpath=..')).toHaveCSS('animation-name', 'none');
  // src/index.ts was on screen since v1: it lit up amber when v2 modified it.
  await expect(treeItem('src/index.ts')).toHaveAttribute('data-marker', 'modified');
  await expect(treeItem('src/index.ts').locator('[data-change-flash="modified"]')).toHaveCSS('animation-name', 'fade-out');
  await expect(page.locator('[data-testid="message"][data-role="user"]')).toHaveCount(2);

  // Back to v1: its own tree, without the later resource, and the chat scrolls to where v1 was asked for.
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(/^v2 .* · validated ✓ · \d{2}:\d{2}$/);
  await page.getByTestId('version-selector').selectOption(versionIds[1]!);
  await expectSelectedVersion(1);
  await expect(page.locator('[data-testid="message"][data-role="user"]').first()).toBeInViewport();
  await expect(versionCard(1)).toBeInViewport();
  await expect(treeItem('src/routes/books.ts')).toBeVisible();
  await expect(treeItem('src/routes/reviews.ts')).toHaveCount(0);
});

test('branches from v1 through the card menu, by keyboard, and survives a reload mid-generation', async () => {
  const codeView = page.getByTestId('code-view');
  const selector = page.getByTestId('version-selector');
  await page.getByTestId('version-selector').selectOption(versionIds[2]!);
  await expect(page.getByTestId('branch-hint')).toHaveCount(0);

  // The menu button pattern: Enter opens on the first item, End goes to the last, Escape closes.
  await versionCard(1).getByTestId('version-menu-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('version-menu').getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('version-menu')).toHaveCount(0);
  await expect(versionCard(1).getByTestId('version-menu-button')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await expect(page.getByRole('menuitem', { name: 'Branch from here' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chat-input')).toBeFocused();
  await expect(page.getByTestId('branch-hint')).toHaveText(/Building on v1/);
  await page.keyboard.type('Add a publishers resource');
  await page.keyboard.press('Enter');

  await expectSelectedVersion(3);
  await expect(selector.locator('option:checked')).toHaveText(/^v3 .*← v1/);
  versionIds[3] = await selectedVersionId();

  // Reloaded in the middle: the replayed stream must show every chunk exactly once.
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

  // The view follows the write position: once a file outgrows the pane, the caret stays on screen.
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="code-view"]')?.getAttribute('data-writing') === 'true' &&
      (document.querySelector('[data-code-scroller]')?.scrollTop ?? 0) > 0,
    null,
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('write-caret')).toBeInViewport();

  await expectStatus('complete');
  // v2 was not followed since the reload: what its run read and planned comes from the version itself.
  await expect(versionCard(2).getByTestId('version-activity')).toContainText(/Read src\/index\.ts.*Planned \d+ files?/);
  const files = await savedFiles(versionIds[3]!);
  const saved = files[partial.path];
  expect(saved, `${partial.path} is saved in v3`).toBeDefined();
  expect(saved!.startsWith(partial.text), 'what streamed after the reload is the start of the saved file').toBe(true);
  expect(Object.keys(files)).not.toContain('src/routes/reviews.ts');

  await treeItem(partial.path).click();
  await expect(codeView).toHaveAttribute('data-path', partial.path);
  await expect(codeView).toHaveAttribute('data-source', 'saved');
  expect(await codeView.textContent()).toBe(saved);

  await page.screenshot({ path: 'test-results/workspace-desktop.png' });
});

test('compares v1 with v3 side by side', async () => {
  await openMenuItem(versionCard(3), 'compare-previous');
  const viewer = page.getByTestId('diff-viewer');
  await expect(viewer).toBeVisible();
  await expect(viewer.getByTestId('diff-from').locator('option:checked')).toHaveText(/^v1 /);
  await expect(viewer.getByTestId('diff-to').locator('option:checked')).toHaveText(/^v3 /);
  const created = viewer.locator('[data-testid="diff-nav-item"][data-path="src/routes/publishers.ts"]');
  await expect(created).toHaveAttribute('data-operation', 'created');
  await created.click();
  const section = viewer.locator('[data-testid="diff-file"][data-path="src/routes/publishers.ts"]');
  await expect(section).toBeInViewport();
  await expect(section.locator('tr[data-kind="added"]').first()).toBeVisible();
  await expect(viewer.locator('[data-testid="diff-file"][data-operation="modified"][data-path="src/index.ts"]')).toBeVisible();
  // The API section: v3's publishers routes are added, which breaks no client.
  const apiDiff = viewer.getByTestId('api-diff');
  await expect(apiDiff.locator('[data-testid="api-change"][data-breaking="false"]').filter({ hasText: '/publishers' }).first()).toBeVisible();
  await expect(apiDiff.locator('[data-testid="api-change"][data-breaking="true"]')).toHaveCount(0);

  // Any pair: v2 → v3 deletes the reviews v3 never had.
  await viewer.getByTestId('diff-from').selectOption(versionIds[2]!);
  await expect(viewer.locator('[data-testid="diff-nav-item"][data-path="src/routes/reviews.ts"]')).toHaveAttribute('data-operation', 'deleted');
  // Removing the reviews routes breaks their clients, and says so.
  await expect(apiDiff.locator('[data-testid="api-change"][data-breaking="true"]').filter({ hasText: '/reviews' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/workspace-diff.png' });
  await viewer.getByTestId('diff-close').click();
  await expect(viewer).toHaveCount(0);
  await expect(page.getByTestId('code-view')).toBeVisible();
});

test('downloads v1 as a ZIP holding exactly its files', async () => {
  const downloading = page.waitForEvent('download');
  await openMenuItem(versionCard(1), 'zip');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-v1\.zip$/);
  const entries = unzipSync(new Uint8Array(await readFile(await download.path())));
  const folder = download.suggestedFilename().replace(/\.zip$/, '');
  const v1Files = await savedFiles(versionIds[1]!);
  expect(Object.keys(entries).sort()).toEqual(Object.keys(v1Files).map((path) => `${folder}/${path}`).sort());
  expect(new TextDecoder().decode(entries[`${folder}/src/index.ts`])).toBe(v1Files['src/index.ts']);
});

test('restores v1 as a new version whose files equal v1’s', async () => {
  await openMenuItem(versionCard(1), 'restore');
  await expectSelectedVersion(4);
  await expect(versionCard(4)).toHaveAttribute('data-status', 'complete');
  await expect(versionCard(4)).toContainText('Restored v1');
  expect(await savedFiles(await selectedVersionId())).toEqual(await savedFiles(versionIds[1]!));
});

test('opens a file from v2’s card: the viewer switches to v2 and shows that file', async () => {
  const card = versionCard(2);
  await card.getByTestId('version-card-toggle').click();
  const file = card.locator('[data-testid="version-card-file"][data-path="src/routes/reviews.ts"]');
  await expect(file).toHaveAttribute('data-operation', 'created');
  await file.click();
  await expectSelectedVersion(2);
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-path', 'src/routes/reviews.ts');
  await expect(treeItem('src/routes/reviews.ts')).toHaveAttribute('aria-current', 'true');
  await card.getByTestId('version-card-toggle').click();
});

test('copies all of v3’s files and compares v2 with any version from the card menu', async () => {
  await openMenuItem(versionCard(3), 'copy');
  const v3Files = await savedFiles(versionIds[3]!);
  await expect(versionCard(3).getByTestId('card-confirmation')).toHaveText(`Copied ${Object.keys(v3Files).length} files`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`--- src/routes/publishers.ts ---\n${v3Files['src/routes/publishers.ts']}`);

  // "Compare with…" opens on the first select, to pick the other side.
  await openMenuItem(versionCard(2), 'compare-any');
  const viewer = page.getByTestId('diff-viewer');
  await expect(viewer.getByTestId('diff-from')).toBeFocused();
  await expect(viewer.getByTestId('diff-to').locator('option:checked')).toHaveText(/^v2 /);
  await viewer.getByTestId('diff-from').selectOption(versionIds[3]!);
  await expect(viewer.locator('[data-testid="diff-nav-item"][data-path="src/routes/publishers.ts"]')).toHaveAttribute('data-operation', 'deleted');
  await expect(viewer.locator('[data-testid="diff-nav-item"][data-path="src/routes/reviews.ts"]')).toHaveAttribute('data-operation', 'created');
  await viewer.getByTestId('diff-close').click();
});

test('regenerates v3 (same prompt, same base) and stops it from the chat input; the partial file stays visible', async () => {
  await openMenuItem(versionCard(3), 'regenerate');
  await expectSelectedVersion(5);
  await expect(page.getByTestId('version-selector').locator('option:checked')).toHaveText(/^v5 .*← v1/);
  await expect(page.locator('[data-testid="message"][data-role="user"]').last()).toContainText('Add a publishers resource');
  const writing = page.locator('[data-testid="code-view"][data-source="stream"][data-writing="true"]');
  await expect(writing).toBeVisible({ timeout: 60_000 });

  // Scrolling back up in code being written stops following its caret, which would scroll the
  // reader down again at the next line: the view stays on that file and the lines take the pointer
  // again (text can be selected) until "Follow live".
  // The model may start the next file (at its top, with nothing to scroll back to) between the
  // check and the wheel, so the person scrolls again, as they would.
  const scroller = page.locator('[data-code-scroller]');
  const followLive = page.getByRole('button', { name: 'Follow live' });
  await expect(async () => {
    await expect.poll(() => scroller.evaluate((element) => element.scrollTop), { timeout: 10_000 }).toBeGreaterThan(0);
    await scroller.hover();
    await page.mouse.wheel(0, -200);
    await expect(followLive).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId('code-view')).toHaveCSS('pointer-events', 'auto');
  await followLive.click();
  await expect(followLive).toHaveCount(0);
  await expect(page.getByTestId('code-view')).toHaveCSS('pointer-events', 'none');
  await expect(page.getByTestId('write-caret')).toBeInViewport();

  // Scrolled up to read, the chat stays where it is as messages arrive, and offers a way down.
  // A version the person just started brings the chat down to it.
  const log = page.getByTestId('chat-log');
  expect(await log.evaluate((element) => element.scrollHeight > element.clientHeight * 1.5), 'the chat overflows').toBe(true);
  await expect.poll(() => log.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight)).toBeLessThan(8);
  await log.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(page.getByTestId('new-messages')).toHaveCount(0);
  await page.getByTestId('chat-stop').click();
  await expect(page.locator('[data-testid="message"][data-role="assistant"]').last()).toContainText('Stopped by the user');
  await expect(page.getByTestId('new-messages')).toBeVisible();
  expect(await log.evaluate((element) => element.scrollTop)).toBe(0);
  await page.getByTestId('new-messages').click();
  await expect(page.getByTestId('new-messages')).toHaveCount(0);
  await expect(page.locator('[data-testid="message"][data-role="assistant"]').last()).toBeInViewport();

  const card = versionCard(5);
  await expect(card).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(card).toHaveAttribute('data-stop-reason', 'stopped');
  await expect(card.getByText('stopped', { exact: true })).toBeVisible();
  await expect(card.getByTestId('retry-version')).toBeEnabled();
  const partial = page.locator('[data-testid="code-view"][data-source="stream"]');
  await expect(partial).toBeVisible();
  expect((await partial.textContent())?.length ?? 0).toBeGreaterThan(0);
  // Earlier versions stay selectable.
  await page.getByTestId('version-selector').selectOption(versionIds[3]!);
  await expect(page.getByTestId('code-view')).toHaveAttribute('data-source', 'saved');
});

test('removes a resource on top of v3: its files turn red in the tree while it streams, and are gone from the saved version', async () => {
  await expect(page.getByTestId('branch-hint')).toHaveText(/Building on v3/);
  await page.getByTestId('chat-input').fill('Remove the publishers resource');
  await page.keyboard.press('Enter');
  await expectSelectedVersion(6);
  const removed = treeItem('src/routes/publishers.ts');
  await expect(removed).toHaveAttribute('data-marker', 'deleted', { timeout: 60_000 });
  await expect(removed.locator('[data-change-flash="deleted"]')).toHaveCSS('animation-name', 'fade-out');
  await expectStatus('complete');
  await expect(removed).toHaveCount(0);
  expect(Object.keys(await savedFiles(await selectedVersionId()))).not.toContain('src/routes/publishers.ts');
});

test('a long saved file draws the lines in view with colours, wherever it is scrolled to', async () => {
  await treeItem('openapi.json').click();
  const codeView = page.getByTestId('code-view');
  await expect(codeView).toHaveAttribute('data-path', 'openapi.json');
  const lineCount = ((await codeView.textContent()) ?? '').split('\n').length;
  // Blocks far from the viewport are plain text; this file spans several.
  expect(lineCount).toBeGreaterThan(300);
  await expect(codeView.locator('[data-line="1"]')).toBeInViewport();
  await page.locator('[data-code-scroller]').evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight / 2;
  });
  await expect(codeView.locator(`[data-line="${Math.round(lineCount / 2)}"]`)).toBeInViewport();
});

test('the home page lists the project with its version count and last activity', async () => {
  const projectUrl = new URL(page.url()).pathname;
  await page.goto('/');
  const card = page.locator(`[data-testid="project-card"][href="${projectUrl}"]`);
  await expect(card).toContainText('6 versions');
  await expect(card).toContainText(/updated (just now|\d+ minutes? ago)/);
  await card.click();
  await expect(page).toHaveURL(projectUrl);
  await expect(page.getByTestId('code-view')).toBeVisible();
});
