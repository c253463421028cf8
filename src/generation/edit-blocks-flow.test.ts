// Iterations that answer with edit blocks, end to end through runGeneration with the real `openai`
// SDK against the OpenAI-wire fixture: hunks apply exactly and stream as edits, and an edit that
// does not apply is asked for again in full, never guessed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '@/test/test-app';
import { startOpenAIFixtureServer, type OpenAIFixtureServer } from '@/test/openai-fixture-server';

const fileBlock = (path: string, content: string) => `<file path="${path}">\n${content}</file>\n`;
const MODEL = ['export interface Task {', '  id: string;', '  title: string;', '}', '', 'export const DEFAULT_TITLE = "untitled";', ''].join('\n');
const ROUTES = ['import { Task } from "./model";', '', 'export function list(): Task[] {', '  return [];', '}', ''].join('\n');
const V1 = `<plan title="Tasks">src/model.ts create; src/routes.ts create</plan>\n${fileBlock('src/model.ts', MODEL)}${fileBlock('src/routes.ts', ROUTES)}<summary>Tasks.</summary>`;

function edit(path: string, ...hunks: Array<[string, string]>): string {
  const body = hunks.map(([search, replace]) => `<<<<<<< SEARCH\n${search}=======\n${replace}>>>>>>> REPLACE\n`).join('');
  return `<edit path="${path}">\n${body}</edit>\n`;
}

describe('edit blocks in iterations', () => {
  let fixture: OpenAIFixtureServer;
  let app: TestApp;

  beforeAll(async () => {
    fixture = await startOpenAIFixtureServer();
    app = await openTestApp({ env: { OPENAI_BASE_URL: fixture.baseURL, OPENAI_MODEL: 'gpt-4o' } });
  });
  afterAll(async () => {
    await app?.close();
    await fixture?.close();
  });

  async function iterate(answers: string[]) {
    fixture.respondWith({ kind: 'stream', text: V1 });
    const { projectId } = await app.caller.projects.create({ prompt: 'Tasks' });
    await app.services.jobs.idle();
    const before = fixture.requests.length;
    fixture.respondWith(...answers.map((text) => ({ kind: 'stream' as const, text, chunkSize: 5 })));
    const { versionId } = await app.caller.versions.create({ projectId, prompt: 'add a priority field to tasks' });
    await app.services.jobs.idle();
    const version = (await app.caller.versions.list({ projectId })).at(-1)!;
    const files = version.status === 'complete' ? (await app.caller.versions.files({ versionId })).files : {};
    const message = (await app.caller.messages.list({ projectId })).filter((m) => m.role === 'assistant').at(-1)!.content;
    const events = (await app.caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
    return { version, files, message, events, requests: fixture.requests.slice(before) };
  }

  it('applies the hunks exactly, streams them as edits of the existing file, and costs far less than the file', async () => {
    const answer = `<plan title="Priority">src/model.ts modify</plan>\n${edit('src/model.ts', ['  title: string;\n', '  title: string;\n  priority: number;\n'])}<summary>Added priority.</summary>`;
    const { version, files, events, requests } = await iterate([answer]);
    expect(version).toMatchObject({ status: 'complete', changes: [{ filePath: 'src/model.ts', operation: 'modified' }] });
    expect(files['src/model.ts']).toBe(MODEL.replace('  title: string;\n', '  title: string;\n  priority: number;\n'));
    expect(files['src/routes.ts']).toBe(ROUTES);
    expect(requests[0]!.body.messages[0]!.content).toContain('<<<<<<< SEARCH');
    expect(events.find((event) => event.type === 'file:editing')).toMatchObject({ filePath: 'src/model.ts', content: MODEL });
    expect(events.find((event) => event.type === 'edit:hunk')).toMatchObject({ filePath: 'src/model.ts', startLine: 3, deletedLines: 1 });
    const typed = events.filter((event) => event.type === 'code:chunk').map((event) => (event.type === 'code:chunk' ? event.chunk : '')).join('');
    expect(typed).toBe('  title: string;\n  priority: number;\n');
  });

  it('applies several hunks in one file, in order', async () => {
    const answer = edit(
      'src/model.ts',
      ['  title: string;\n', '  title: string;\n  priority: number;\n'],
      ['export const DEFAULT_TITLE = "untitled";\n', 'export const DEFAULT_TITLE = "untitled";\nexport const DEFAULT_PRIORITY = 0;\n'],
    );
    const { version, files } = await iterate([`${answer}<summary>Two hunks.</summary>`]);
    expect(version.status).toBe('complete');
    expect(files['src/model.ts']).toBe(`${MODEL.replace('  title: string;\n', '  title: string;\n  priority: number;\n')}export const DEFAULT_PRIORITY = 0;\n`);
  });

  it('a hunk that matches nowhere is asked for again in full, and the chat says so', async () => {
    const wrong = edit('src/model.ts', ['  name: string;\n', '  name: string;\n  priority: number;\n']);
    const whole = fileBlock('src/model.ts', MODEL.replace('  title: string;\n', '  title: string;\n  priority: number;\n'));
    const { version, files, message, requests } = await iterate([`${wrong}<summary>Tried.</summary>`, `${whole}<summary>Whole file.</summary>`]);
    expect(version.status).toBe('complete');
    expect(files['src/model.ts']).toContain('priority: number;');
    expect(message).toMatch(/edit to src\/model\.ts did not match the file, so the model was asked for it in full/);
    expect(requests).toHaveLength(2);
    expect(requests[1]!.body.messages.at(-1)!.content).toMatch(/did not apply[\s\S]*- src\/model\.ts: [\s\S]*IN FULL/);
    expect(version.usage).toMatchObject({ calls: 2 });
  });

  it('a whitespace-only difference is matched by the one tolerant retry, with no second call', async () => {
    const answer = edit('src/model.ts', ['    title: string;   \n', '  title: string;\n  priority: number;\n']);
    const { version, files, requests } = await iterate([`${answer}<summary>Indented.</summary>`]);
    expect(version.status).toBe('complete');
    expect(files['src/model.ts']).toContain('  title: string;\n  priority: number;\n}');
    expect(requests).toHaveLength(1);
  });

  it('an edit to a file that does not exist is asked for in full; if it never comes the version fails clearly', async () => {
    const answer = edit('src/missing.ts', ['x\n', 'y\n']);
    const { version, message, requests } = await iterate([`${answer}<summary>Edit.</summary>`, '<summary>I cannot.</summary>']);
    expect(version).toMatchObject({ status: 'failed', stopReason: 'invalid_output' });
    expect(message).toMatch(/edits did not apply, so nothing was saved: src\/missing\.ts \(there is no file src\/missing\.ts to edit, and the model did not write it again in full\)/);
    expect(requests).toHaveLength(2);
  });

  it('whole-file answers still work in iterations', async () => {
    const whole = fileBlock('src/routes.ts', `${ROUTES}export const count = 0;\n`);
    const { version, files } = await iterate([`${whole}<summary>Whole.</summary>`]);
    expect(version.status).toBe('complete');
    expect(files['src/routes.ts']).toBe(`${ROUTES}export const count = 0;\n`);
  });

  it('an edit of a JSON file may leave out indentation: the file is saved formatted', async () => {
    const manifest = '{\n  "name": "tasks",\n  "scripts": {\n    "start": "node server.js"\n  }\n}\n';
    fixture.respondWith({ kind: 'stream', text: `${fileBlock('package.json', manifest)}<summary>Manifest.</summary>` });
    const { projectId } = await app.caller.projects.create({ prompt: 'Manifest' });
    await app.services.jobs.idle();
    fixture.respondWith({ kind: 'stream', text: `${edit('package.json', ['"start": "node server.js"\n', '"start": "node server.js",\n"test": "node --test"\n'])}<summary>Test script.</summary>` });
    const { versionId } = await app.caller.versions.create({ projectId, prompt: 'add a test script' });
    await app.services.jobs.idle();
    const { files } = await app.caller.versions.files({ versionId });
    expect(files['package.json']).toBe('{\n  "name": "tasks",\n  "scripts": {\n    "start": "node server.js",\n    "test": "node --test"\n  }\n}\n');
    const events = (await app.caller.stream.since({ versionId, afterSeq: 0, waitMs: 0 })).events;
    expect(events.find((event) => event.type === 'file:complete')).toMatchObject({ filePath: 'package.json', content: files['package.json'] });
  });
});

