// The model provider's connection drops in the middle of an answer (the OpenAI-wire fixture cuts
// the socket). Wherever the cut falls, the version fails with the reason in its stream and chat,
// nothing stays active, earlier versions reconstruct exactly from the database, and the next
// version builds on the last complete one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { LOCAL_USER_ID } from '@/server/api/trpc';
import { createAppServices, type AppServices } from '@/server/app-services';
import type { DatabaseHandle } from '@/db/client';
import { decideBackends, parseEnv } from '@/env';
import { forgetCachedVersionFiles } from '@/db/stores/version-files-store';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';
import { openPgliteTestDatabase } from '@/test/test-database';

function fileBlock(path: string, content: string): string {
  return `<file path="${path}">\n${content}</file>\n`;
}

const V1_ANSWER = `<plan title="Modules">modules</plan>\n${Array.from({ length: 6 }, (_, index) => fileBlock(`src/module${index}.ts`, `export const value${index} = ${index};\n`)).join('')}<summary>Six modules.</summary>`;
const V2_ANSWER = `${fileBlock('src/module2.ts', 'export const value2 = 22;\n')}<delete path="src/module5.ts"/>\n<summary>Changed 2, removed 5.</summary>`;
/** The answer that gets cut: long enough to drop before, inside and between its blocks. */
const V3_ANSWER = `<plan title="More">more</plan>\n${fileBlock('src/module1.ts', `export const value1 = ${'1'.repeat(400)};\n`)}${fileBlock('src/extra.ts', 'export const extra = true;\n')}<summary>More changes.</summary>`;

const CUT_POINTS: Array<[where: string, afterChars: number]> = [
  ['before any block closed', 10],
  ['inside a file', V3_ANSWER.indexOf('1111') + 100],
  ['between two files', V3_ANSWER.indexOf('<file path="src/extra.ts"')],
  ['inside the summary', V3_ANSWER.indexOf('<summary>') + 12],
];

describe('model stream dropped mid-answer', () => {
  let fixture: OpenAIFixtureServer;
  let handle: DatabaseHandle;
  let services: AppServices;
  let caller: ReturnType<typeof createCaller>;
  let projectId: string;
  let complete: Array<{ versionId: string; files: Record<string, string> }>;

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    handle = await openPgliteTestDatabase();
    const env = parseEnv({ NODE_ENV: 'test', OPENAI_BASE_URL: fixture.baseURL, OPENAI_MODEL: 'fixture-model', FORGE_SANDBOX: 'skip', FORGE_PARALLEL_FILES: 'off' });
    services = await createAppServices({ env, backends: decideBackends(env), handle, maintenance: false });
    caller = createCaller({ services, userId: LOCAL_USER_ID });

    fixture.respondWith({ kind: 'stream', text: V1_ANSWER }, { kind: 'stream', text: V2_ANSWER });
    const v1 = await caller.projects.create({ prompt: 'Modules' });
    projectId = v1.projectId;
    await services.jobs.idle();
    const v2 = await caller.versions.create({ projectId, prompt: 'Change module 2, drop module 5' });
    await services.jobs.idle();
    complete = [];
    for (const versionId of [v1.versionId, v2.versionId]) {
      const answer = await caller.versions.files({ versionId });
      expect(answer.complete).toBe(true);
      complete.push({ versionId, files: answer.files });
    }
    expect(Object.keys(complete[1]!.files)).not.toContain('src/module5.ts');
  });
  afterAll(async () => {
    await services?.close();
    await handle?.close();
    await fixture?.close();
  });

  it.each(CUT_POINTS)('cut %s: the version fails with the reason, and nothing else changes', async (_where, afterChars) => {
    fixture.respondWith({ kind: 'stream', text: V3_ANSWER, chunkSize: 8, dropAfterChars: afterChars });
    const { versionId } = await caller.versions.create({ projectId, prompt: 'More changes' });
    await services.jobs.idle();

    const version = await caller.versions.get({ versionId });
    expect(version).toMatchObject({ status: 'failed', stopReason: 'model_error' });
    expect(version.error).toMatch(/broke off/);
    const events = (await caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.at(-1)).toMatchObject({ type: 'error', reason: 'model_error', message: expect.stringMatching(/broke off/) });
    expect(events.some((event) => event.type === 'version:complete')).toBe(false);
    const chat = await caller.messages.list({ projectId });
    expect(chat.at(-1)).toMatchObject({ role: 'assistant', content: expect.stringMatching(/broke off/) });
    expect(await caller.versions.files({ versionId })).toMatchObject({ files: {}, complete: false });

    // Earlier versions, rebuilt from their rows rather than served from the cache, are unchanged.
    forgetCachedVersionFiles();
    for (const { versionId: earlier, files } of complete) {
      expect(await caller.versions.files({ versionId: earlier })).toMatchObject({ files, problems: [], complete: true });
    }
  });

  it('after the drops, the next version builds on the last complete one', async () => {
    fixture.respondWith({ kind: 'stream', text: `${fileBlock('src/after.ts', 'export {};\n')}<summary>After.</summary>` });
    const { versionId } = await caller.versions.create({ projectId, prompt: 'After the drops' });
    await services.jobs.idle();
    const version = await caller.versions.get({ versionId });
    expect(version).toMatchObject({ status: 'complete', baseVersionId: complete[1]!.versionId, versionNumber: 2 + CUT_POINTS.length + 1 });
    expect((await caller.versions.files({ versionId })).files).toEqual({ ...complete[1]!.files, 'src/after.ts': 'export {};\n' });
  });
});
