// The model path when the answer is not perfect, with the real `openai` SDK against the OpenAI-wire
// fixture: a cut answer is continued and joined exactly, the token budget stops a version, usage
// and cost (with the fixture's prompt caching) are recorded, failed versions included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { openTestApp, type TestApp } from '@/test/test-app';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';

const fileBlock = (path: string, content: string) => `<file path="${path}">\n${content}</file>\n`;
const ROUTER = `import { createServer } from 'node:http';\n${'// a line of a long router module\n'.repeat(40)}export const server = createServer();\n`;
const ANSWER = `<plan title="Small API">src/a.ts create; src/router.ts create</plan>\n${fileBlock('src/a.ts', 'export const a = 1;\n')}${fileBlock('src/router.ts', ROUTER)}<summary>Two files.</summary>`;

describe('model answers that need recovering', () => {
  let fixture: OpenAIFixtureServer;
  let app: TestApp;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    app = await openTestApp({ env: { OPENAI_BASE_URL: fixture.baseURL, OPENAI_MODEL: 'gpt-4o', FORGE_MAX_TOKENS_PER_VERSION: '50000' } });
    ({ handle } = app);
  });
  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  async function runV1(prompt: string) {
    const created = await app.caller.projects.create({ prompt });
    await app.services.jobs.idle();
    const version = (await app.caller.versions.list({ projectId: created.projectId })).at(-1)!;
    const messages = await app.caller.messages.list({ projectId: created.projectId });
    return { ...created, version, message: messages.filter((m) => m.role === 'assistant').at(-1)!.content };
  }

  it('continues an answer cut at the output limit in the middle of a file, and joins it exactly', async () => {
    const cutAt = ANSWER.indexOf('// a line of a long router module', 600) + 10;
    const before = fixture.requests.length;
    fixture.respondWith(
      { kind: 'stream', text: ANSWER.slice(0, cutAt), finishReason: 'length', chunkSize: 9 },
      // The model repeats the unfinished line from its start, as models do.
      { kind: 'stream', text: ANSWER.slice(ANSWER.lastIndexOf('\n', cutAt) + 1), chunkSize: 9 },
    );
    const { versionId, version, message } = await runV1('Small API, cut once');
    expect(version).toMatchObject({ status: 'complete' });
    expect((await app.caller.versions.files({ versionId })).files).toEqual({ 'src/a.ts': 'export const a = 1;\n', 'src/router.ts': ROUTER });
    expect(version.usage).toMatchObject({ calls: 2, continuations: 1 });
    expect(message).toMatch(/cut off in the middle of src\/router\.ts; asked it to continue \(1 of 2\)/);
    // The continuation carried the text so far as the assistant's turn.
    const continuation = fixture.requests[before + 1]!.body.messages;
    expect(continuation.at(-2)).toEqual({ role: 'assistant', content: ANSWER.slice(0, cutAt) });
  });

  it('continues an answer that stops inside a block without saying it was cut', async () => {
    const cutAt = ANSWER.indexOf('export const server');
    fixture.respondWith({ kind: 'stream', text: ANSWER.slice(0, cutAt) }, { kind: 'stream', text: ANSWER.slice(cutAt) });
    const { version } = await runV1('Small API, stopped early');
    expect(version).toMatchObject({ status: 'complete', usage: { continuations: 1 } });
  });

  it('fails clearly after two truncations in a row, saves nothing, and keeps what the calls cost', async () => {
    fixture.respondWith(
      { kind: 'stream', text: ANSWER.slice(0, 300), finishReason: 'length' },
      { kind: 'stream', text: ANSWER.slice(300, 500), finishReason: 'length' },
      { kind: 'stream', text: ANSWER.slice(500, 700), finishReason: 'length' },
    );
    const { versionId, version, message } = await runV1('Small API, cut thrice');
    expect(version).toMatchObject({ status: 'failed', stopReason: 'invalid_output' });
    expect(message).toMatch(/ended in the middle of src\/router\.ts and could not be continued/);
    expect((await app.caller.versions.files({ versionId })).files).toEqual({});
    expect(version.usage).toMatchObject({ calls: 3, continuations: 2 });
    expect(version.usage!.costUsd).toBeGreaterThan(0);
  });

  it('records prompt, cached and completion tokens with the estimated cost; a continuation reuses the cached prompt', async () => {
    // A prompt over 1,024 tokens: the continuation repeats it, and the fixture caches as OpenAI does.
    const longPrompt = `An API with these notes: ${'the notes go on and on; '.repeat(260)}`;
    const cutAt = ANSWER.indexOf('export const server');
    fixture.respondWith({ kind: 'stream', text: ANSWER.slice(0, cutAt), finishReason: 'length' }, { kind: 'stream', text: ANSWER.slice(cutAt) });
    const { versionId, version } = await runV1(longPrompt);
    const usage = version.usage!;
    expect(usage.cachedTokens).toBeGreaterThanOrEqual(1024);
    expect(usage.promptTokens).toBeGreaterThan(usage.cachedTokens!);
    // gpt-4o at the default prices: $2.50 / $1.25 / $10.00 a million tokens.
    const expected = ((usage.promptTokens! - usage.cachedTokens!) * 2.5 + usage.cachedTokens! * 1.25 + usage.completionTokens! * 10) / 1e6;
    expect(usage.costUsd).toBeCloseTo(expected, 9);
    const [row] = await handle.query<{ cost_usd: string; cached_tokens: number }>('select cost_usd, cached_tokens from version_overview where version_id = $1', [versionId]);
    expect(Number(row!.cost_usd)).toBeCloseTo(expected, 9);
    expect(row!.cached_tokens).toBe(usage.cachedTokens);
  });

  it('stops a version over the token budget with the reason budget, and keeps its usage', async () => {
    const huge = `<plan title="Huge">src/huge.ts create</plan>\n<file path="src/huge.ts">\n${'export const filler = "x";\n'.repeat(10_000)}</file>`;
    fixture.respondWith({ kind: 'stream', text: huge, chunkSize: 400, chunkDelayMs: 2 });
    const { version, message } = await runV1('A huge API');
    expect(version).toMatchObject({ status: 'failed', stopReason: 'budget' });
    expect(message).toMatch(/over the budget of 50000 tokens \(FORGE_MAX_TOKENS_PER_VERSION\)/);
    expect(version.usage!.completionTokens).toBeGreaterThan(40_000);
    expect(version.usage!.completionTokens).toBeLessThan(huge.length / 4);
  });
});
