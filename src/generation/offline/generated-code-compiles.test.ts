// Type-checks generated projects with the compiler and packages the project pins. Those are the
// versions this repository installs, so the check runs against its node_modules, with no network.
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileMap } from '@/types/versioning';
import type { ApiModel } from './api-model';
import { renderProject } from './render-project';
import { PINNED_VERSIONS } from './render-runtime';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const run = promisify(execFile);
const directories: string[] = [];

async function writeProject(files: FileMap): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'forge-typecheck-'));
  directories.push(directory);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(directory, path)), { recursive: true });
    await writeFile(join(directory, path), content);
  }
  await symlink(NODE_MODULES, join(directory, 'node_modules'), 'dir');
  return directory;
}

async function typeCheck(files: FileMap): Promise<void> {
  const directory = await writeProject(files);
  const tsc = join(NODE_MODULES, 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', '.', '--noEmit'], { cwd: directory, timeout: 170_000 }).catch((error: { stdout?: string }) => {
    throw new Error(`tsc failed:\n${error.stdout ?? String(error)}`);
  });
}

/** Every field type, required and optional, and names that would break careless code generation. */
const AWKWARD_MODEL: ApiModel = {
  title: 'Awkward API',
  resources: [
    {
      plural: 'books',
      singular: 'book',
      fields: [
        { name: 'title', type: 'string', required: true },
        { name: 'subtitle', type: 'string', required: false },
        { name: 'price', type: 'number', required: true },
        { name: 'pages', type: 'number', required: false },
        { name: 'isNew', type: 'boolean', required: true },
        { name: 'published', type: 'boolean', required: false },
        { name: 'dueDate', type: 'date', required: true },
        { name: 'releaseDate', type: 'date', required: false },
        { name: 'startsAt', type: 'datetime', required: true },
        { name: 'publishedAt', type: 'datetime', required: false },
        { name: 'constructor', type: 'string', required: false },
      ],
    },
    { plural: 'news', singular: 'news', fields: [] },
    { plural: 'classes', singular: 'class', fields: [{ name: 'name', type: 'string', required: true }] },
    { plural: 'packages', singular: 'package', fields: [{ name: 'name', type: 'string', required: true }] },
    { plural: 'routers', singular: 'router', fields: [{ name: 'name', type: 'string', required: true }] },
  ],
};

afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

describe('generated code', () => {
  it('pins the versions this repository has installed', async () => {
    const installed = async (name: string) => JSON.parse(await readFile(join(NODE_MODULES, name, 'package.json'), 'utf8')).version;
    expect(await installed('zod')).toBe(PINNED_VERSIONS.zod);
    expect(await installed('typescript')).toBe(PINNED_VERSIONS.typescript);
    expect(await installed('@types/node')).toBe(PINNED_VERSIONS.typesNode);
  });

  it('compiles under tsc strict, with every field type and awkward names, and with no resources at all', async () => {
    await Promise.all([typeCheck(renderProject(AWKWARD_MODEL)), typeCheck(renderProject({ title: 'Empty API', resources: [] }))]);
  }, 180_000);
});
