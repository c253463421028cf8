// Every version of every sample conversation meets the contract of a generated project: npm start
// builds and serves, GET /health exists, and openapi.json lists exactly the routes the code
// registers. Then all of them, plus hand-made awkward schemas, compile under tsc strict in ONE
// compiler run over a shared tree (one run over N projects is far faster than N runs), against the
// packages the projects pin, which are the ones this repository installs.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileMap } from '@/types/versioning';
import { collectRoutes } from '../../sandbox/declared-routes';
import { readStoredSchema, type ApiSchema } from '../schema/api-schema';
import { openApiRoutes, registeredRoutes, runConversation, writeProject } from '@/test/offline-conversations';
import { renderProject } from './render-project';
import { PINNED_VERSIONS, TSCONFIG_JSON } from './render-package';
import { SAMPLE_CONVERSATIONS } from '@/test/offline-sample-conversations';
import { SCHEMA_PROJECTS } from '@/test/offline-awkward-schemas';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const run = promisify(execFile);

const CONVERSATIONS = SAMPLE_CONVERSATIONS.map((conversation) => ({ ...conversation, steps: runConversation(conversation.prompts) }));

function checkContract(files: FileMap): void {
  const manifest = JSON.parse(files['package.json']!);
  expect(manifest.scripts).toMatchObject({ build: 'tsc -p .', prestart: 'npm run build', start: 'node dist/index.js' });
  expect(manifest.dependencies).toEqual({ zod: PINNED_VERSIONS.zod });
  expect(Object.keys(manifest.devDependencies)).toEqual(['@types/node', 'typescript']);
  expect(files['tsconfig.json']).toBe(TSCONFIG_JSON);

  const declared = openApiRoutes(files);
  expect(declared).toContain('GET /health');
  expect([...registeredRoutes(files)].sort()).toEqual([...declared].sort());
  // The sandbox reads the same document and probes every route but /health, which it checks itself.
  const collected = collectRoutes([], files);
  expect(collected.openApiProblem).toBeUndefined();
  expect(collected.probes).toHaveLength(declared.length - 1);
}

/** A schema's fields as the table writes them: name → type, or `→ plural` for a relation. */
function fieldTable(schema: ApiSchema): Record<string, Record<string, string>> {
  return Object.fromEntries(
    schema.resources.map((resource) => [
      resource.plural,
      Object.fromEntries(resource.fields.map((field) => [field.name, field.references === undefined ? field.type : `→ ${field.references}`])),
    ]),
  );
}

describe('sample conversations', () => {
  it('has at least 30, each with a first prompt and at most three follow-ups', () => {
    expect(CONVERSATIONS.length).toBeGreaterThanOrEqual(30);
    for (const conversation of CONVERSATIONS) expect(conversation.prompts.length).toBeGreaterThanOrEqual(1);
    for (const conversation of CONVERSATIONS) expect(conversation.prompts.length).toBeLessThanOrEqual(4);
  });

  it.each(CONVERSATIONS.map((conversation) => [conversation.name, conversation] as const))('%s', (_name, conversation) => {
    for (const step of conversation.steps) {
      expect(step.answer.plan, `"${step.prompt}" changed nothing: ${step.answer.summary}`).toBeDefined();
      expect(step.answer.unexpected).toEqual([]);
      checkContract(step.files);
    }
    const last = conversation.steps.at(-1)!;
    const schema = readStoredSchema(last.files)!.schema;
    const { expect: expected = {} } = conversation;
    if (expected.resources) expect(schema.resources.map((resource) => resource.plural)).toEqual(expected.resources);
    if (expected.features) expect(schema.features).toEqual(expected.features);
    const fields = fieldTable(schema);
    for (const [plural, table] of Object.entries(expected.fields ?? {})) expect(fields[plural], plural).toMatchObject(table);
    for (const [plural, names] of Object.entries(expected.noFields ?? {})) {
      for (const name of names) expect(fields[plural], plural).not.toHaveProperty(name);
    }
    const routes = openApiRoutes(last.files);
    for (const route of expected.routes ?? []) expect(routes).toContain(route);
    for (const route of expected.noRoutes ?? []) expect(routes).not.toContain(route);
  });

  it.each(SCHEMA_PROJECTS)('%s meets the contract', (_name, schema) => {
    checkContract(renderProject(schema));
  });
});

describe('generated code', () => {
  const directories: string[] = [];
  afterAll(async () => {
    await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
  });

  it('pins the versions this repository has installed', async () => {
    const installed = async (name: string) => JSON.parse(await readFile(join(NODE_MODULES, name, 'package.json'), 'utf8')).version;
    expect(await installed('zod')).toBe(PINNED_VERSIONS.zod);
    expect(await installed('typescript')).toBe(PINNED_VERSIONS.typescript);
    expect(await installed('@types/node')).toBe(PINNED_VERSIONS.typesNode);
  });

  it('compiles under tsc strict: every version of every conversation, and the awkward schemas', async () => {
    const tree = await mkdtemp(join(tmpdir(), 'forge-typecheck-'));
    directories.push(tree);
    const projects = new Map<string, FileMap>();
    CONVERSATIONS.forEach((conversation, index) =>
      conversation.steps.forEach((step, version) => projects.set(`${String(index).padStart(2, '0')}-v${version + 1}`, step.files)),
    );
    for (const [name, schema] of SCHEMA_PROJECTS) projects.set(name, renderProject(schema));
    // Conversations that start alike give the same versions; each distinct project is checked once.
    const distinct = new Map<string, [string, FileMap]>();
    for (const [name, files] of projects) distinct.set(JSON.stringify(Object.entries(files)), [name, files]);
    for (const [name, files] of distinct.values()) await writeProject(join(tree, name), files);
    await symlink(NODE_MODULES, join(tree, 'node_modules'), 'dir');
    // The projects' own compiler options (each project's tsconfig.json is TSCONFIG_JSON, checked
    // above), over all their sources at once, without emitting.
    const { compilerOptions } = JSON.parse(TSCONFIG_JSON) as { compilerOptions: Record<string, unknown> };
    const { rootDir: _rootDir, outDir: _outDir, incremental: _incremental, tsBuildInfoFile: _buildInfo, ...options } = compilerOptions;
    await writeFile(join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...options, noEmit: true }, include: ['*/src'] }));
    const tsc = join(NODE_MODULES, 'typescript', 'bin', 'tsc');
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: tree, timeout: 170_000, maxBuffer: 16 * 1024 * 1024 }).catch(
      (error: { stdout?: string }) => {
        throw new Error(`tsc failed:\n${error.stdout ?? String(error)}`);
      },
    );
    expect(distinct.size).toBeGreaterThan(CONVERSATIONS.length);
  }, 180_000);
});
