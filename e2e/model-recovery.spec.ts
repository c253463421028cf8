import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { composeOfflineAnswer } from '../src/generation/offline/answer/compose-answer';
import { CONTINUE_PROMPT } from '../src/generation/models/continuation';
import { editHunksFromChange } from '../src/generation/edits/edit-hunks-from-change';
import { renderEditBlock } from '../src/generation/edits/render-edit-block';
import { startOpenAIFixtureServer, type OpenAIFixtureServer, type ScriptedResponse } from '../src/test/openai-fixture-server';
import { fileContentStarts, recoverGenerationRequest } from './bench/bench-responder';
import { startProductionServer, type RunningServer } from './bench/server-process';

// A model whose answers need recovering, in the browser. A second production server runs the real
// `openai` SDK against the OpenAI-wire fixture, which answers with the offline generator's code:
// v1 is cut at the output limit halfway and continued; v2 edits one file (typed into it, with the
// hunk highlighted) and sends an edit for another that matches nothing, so that file is asked for
// again whole. The model is named gpt-4o-mini, so the card shows a cost from the default prices.

const PORT = 3102;
const V1_PROMPT = 'An API for tasks';
const V2_PROMPT = 'add a priority field to tasks';

let model: OpenAIFixtureServer;
let server: RunningServer;

function filesOf(answer: string): Record<string, string> {
  return Object.fromEntries(fileContentStarts(answer).map(({ path, start }) => [path, answer.slice(start, answer.indexOf('</file>', start))]));
}

function respond(body: Parameters<Parameters<OpenAIFixtureServer['respondUsing']>[0] & object>[0]): ScriptedResponse {
  const last = body.messages.at(-1)!;
  const request = recoverGenerationRequest(body);
  if (last.content === CONTINUE_PROMPT) {
    // The rest of v1, from the character after the text so far.
    const full = composeOfflineAnswer({ versionNumber: 1, prompt: body.messages[1]!.content, baseFiles: {}, history: [] });
    return { kind: 'stream', text: full.slice(body.messages.at(-2)!.content.length), chunkSize: 48, chunkDelayMs: 4 };
  }
  if (!request.prompt.startsWith(V2_PROMPT)) {
    const full = composeOfflineAnswer({ versionNumber: 1, prompt: last.content, baseFiles: {}, history: [] });
    return { kind: 'stream', text: full.slice(0, Math.floor(full.length / 2)), finishReason: 'length', chunkSize: 48, chunkDelayMs: 4 };
  }
  const changed = filesOf(composeOfflineAnswer({ versionNumber: 2, prompt: V2_PROMPT, baseFiles: request.baseFiles, history: [] }));
  if (last.content.includes('did not apply')) {
    return { kind: 'stream', text: `<file path="openapi.json">\n${changed['openapi.json']}</file>\n<summary>Wrote openapi.json whole.</summary>`, chunkSize: 64, chunkDelayMs: 2 };
  }
  const model = Object.keys(changed).find((path) => path.startsWith('src/models/'))!;
  const edit = renderEditBlock(model, editHunksFromChange(request.baseFiles[model]!, changed[model]!)!);
  const wrong = renderEditBlock('openapi.json', [{ search: '    "no such line": true\n', replace: '    "priority": true\n' }]);
  // Slow enough to see the hunk typed into the file.
  return { kind: 'stream', text: `<plan title="Add priority">${model} modify; openapi.json modify</plan>\n${edit}${wrong}<summary>Added priority.</summary>`, chunkSize: 4, chunkDelayMs: 15 };
}

test.beforeAll(async () => {
  model = await startOpenAIFixtureServer();
  model.respondUsing(respond);
  server = await startProductionServer(process.cwd(), {
    port: PORT,
    openaiBaseUrl: model.baseURL,
    extraEnv: { NEXT_DIST_DIR: '.next-e2e', OPENAI_MODEL: 'gpt-4o-mini' },
  });
});

test.afterAll(async () => {
  await server?.stop();
  await model?.close();
});

test('a cut answer is continued, a bad edit is asked for whole, and the cards show tokens and cost', async ({ page }) => {
  await page.goto(`${server.baseUrl}/ask`);
  await page.getByTestId('prompt-input').fill(V1_PROMPT);
  await page.getByTestId('ask-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);

  const v1 = page.locator('[data-testid="version-card"][data-version="1"]');
  await expect(v1).toHaveAttribute('data-status', 'complete', { timeout: 90_000 });
  await expect(page.getByTestId('message').filter({ hasText: /cut off .*asked it to continue \(1 of 2\)/ })).toBeVisible();
  const v1Usage = page.locator('[aria-label="What happened in v1"] [data-kind="usage"]');
  await expect(v1Usage).toContainText(/tokens · \$\d/);
  await expect(v1Usage).toHaveAttribute('title', /2 calls|continuation/);

  await page.getByTestId('chat-input').fill(V2_PROMPT);
  await page.getByTestId('chat-input').press('Enter');
  // The edit types into the existing file, with the hunk's lines highlighted.
  await expect(page.locator('[data-testid="code-view"][data-editing="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('edit-hunk-line').first()).toBeVisible();

  const v2 = page.locator('[data-testid="version-card"][data-version="2"]');
  await expect(v2).toHaveAttribute('data-status', 'complete', { timeout: 90_000 });
  await expect(page.getByTestId('message').filter({ hasText: /edit to openapi\.json did not match the file, so the model was asked for it in full/ })).toBeVisible();
  await expect(page.locator('[aria-label="What happened in v2"] [data-kind="usage"]')).toContainText(/tokens · \$\d/);
  await expect(page.getByTestId('project-usage')).toContainText('$');
  await page.screenshot({ path: 'test-results/workspace-model-recovery.png' });

  // The CLI lists the same figures, with the project's total.
  const projectId = new URL(page.url()).pathname.split('/').at(-1)!;
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'src/cli/forge.mts', 'versions', projectId, '--url', server.baseUrl]);
  expect(stdout).toMatch(/^v1 +complete +.+ [\d.]+k +\$0\.\d+ /m);
  expect(stdout).toMatch(/^v2 +complete +.+ v1 +[\d.]+k +\$0\.\d+ /m);
  expect(stdout).toMatch(/^Total: [\d.]+k tokens.*, \$0\.\d+ over 2 versions/m);
});
