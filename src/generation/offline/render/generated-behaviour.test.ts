// Every version of every sample conversation, of a sample of the prompt corpus, and the awkward
// schemas pass the behaviour checks validation runs (docs/architecture.md, "API checks"): each
// collection's create, read, update, bad body and delete, then a call of every route it declares,
// over HTTP against the API started from its compiled code. All projects compile in ONE tsc run over
// a shared tree (as in generated-projects.test.ts), then start a few at a time.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileMap, ValidationCheck } from '@/types/versioning';
import { planApiChecks, runApiChecks } from '@/api-checks/api-checks';
import { sendCheckRequest } from '@/api-checks/http-exchange';
import { collectRoutes } from '../../sandbox/declared-routes';
import { orderForProbing } from '../../sandbox/route-checks';
import { behaviourCheckName } from '@/api-checks/behaviour-plan';
import { runConversation, writeProject } from '@/test/offline-conversations';
import { SAMPLE_CONVERSATIONS } from '@/test/offline-sample-conversations';
import { behaviourSample } from '@/test/offline-prompt-corpus';
import { AWKWARD_SCHEMA, SCHEMA_PROJECTS } from '@/test/offline-awkward-schemas';
import { OPENAPI_PATH, readStoredSchema, type ApiSchema } from '../schema/api-schema';
import { renderProject } from './render-project';
import { TSCONFIG_JSON } from './render-package';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const run = promisify(execFile);

/** APIs running at once: each is one node process, mostly idle while the checks wait on it. */
const CONCURRENCY = 6;
const START_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 5_000;
/** Where tsc writes every project's JavaScript, under the shared tree. */
const OUT_DIR = 'out';

interface Project {
  name: string;
  files: FileMap;
  schema: ApiSchema;
}

interface Outcome {
  project: Project;
  checks: ValidationCheck[];
}

/** The awkward schema without auth, so its odd names go through the full round instead of being skipped. */
const OPEN_AWKWARD_SCHEMA: ApiSchema = { ...AWKWARD_SCHEMA, features: AWKWARD_SCHEMA.features.filter((feature) => feature !== 'auth') };

/** Every version of every conversation, of the corpus sample, and the hand-made schemas, each distinct project once. */
function distinctProjects(): Project[] {
  const named: Array<[string, FileMap]> = [];
  SAMPLE_CONVERSATIONS.forEach((conversation, index) =>
    runConversation(conversation.prompts).forEach((step, version) => named.push([`${String(index).padStart(2, '0')}-v${version + 1}`, step.files])),
  );
  // Users' own phrasings: irregular plurals (people, series, mice), typed fields and follow-ups.
  behaviourSample().forEach((entry, index) =>
    runConversation(entry.prompts).forEach((step, version) => named.push([`corpus-${index}-v${version + 1}`, step.files])),
  );
  for (const [name, schema] of [...SCHEMA_PROJECTS, ['awkward-schema-open', OPEN_AWKWARD_SCHEMA] as const]) named.push([name, renderProject(schema)]);
  // Conversations that start alike give the same versions.
  const distinct = new Map<string, Project>();
  for (const [name, files] of named) {
    const schema = readStoredSchema(files)?.schema;
    if (!schema) throw new Error(`${name} has no schema in its openapi.json`);
    const key = JSON.stringify(Object.entries(files));
    if (!distinct.has(key)) distinct.set(key, { name, files, schema });
  }
  return [...distinct.values()];
}

/**
 * Compiles every project in one tsc run with the projects' own compiler options, emitting to
 * `<tree>/out/<name>/src`. Each output directory gets its project's package.json, so node reads
 * the emitted files as the modules their `"type"` says; `zod` resolves through `<tree>/node_modules`.
 * Without type checking, which halves the run: generated-projects.test.ts type-checks these projects.
 */
async function compileAll(tree: string, projects: readonly Project[]): Promise<void> {
  for (const project of projects) {
    await writeProject(join(tree, project.name), project.files);
    await writeProject(join(tree, OUT_DIR, project.name), { 'package.json': project.files['package.json']! });
  }
  await symlink(NODE_MODULES, join(tree, 'node_modules'), 'dir');
  const { compilerOptions } = JSON.parse(TSCONFIG_JSON) as { compilerOptions: Record<string, unknown> };
  const { rootDir: _rootDir, outDir: _outDir, incremental: _incremental, tsBuildInfoFile: _buildInfo, ...options } = compilerOptions;
  const tsconfig = { compilerOptions: { ...options, rootDir: '.', outDir: OUT_DIR, noCheck: true }, include: ['*/src'] };
  await writeFile(join(tree, 'tsconfig.json'), JSON.stringify(tsconfig));
  const tsc = join(NODE_MODULES, 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: tree, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string }) => {
    throw new Error(`tsc failed:\n${error.stdout ?? String(error)}`);
  });
}

/** Ports given to APIs of this run: the OS may hand one out again between its probe closing and the API binding it. */
const portsGiven = new Set<number>();

async function freePort(): Promise<number> {
  for (;;) {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    server.close();
    if (address === null || typeof address === 'string') throw new Error('no port');
    if (portsGiven.has(address.port)) continue;
    portsGiven.add(address.port);
    return address.port;
  }
}

/** One compiled API served by `node <out>/<name>/src/index.js`, with its output kept for failing checks. */
class StartedApi {
  private log = '';
  private exited = false;
  private readonly child: ChildProcess;

  constructor(
    directory: string,
    readonly baseUrl: string,
    port: number,
  ) {
    this.child = spawn(process.execPath, [join(directory, 'src', 'index.js')], {
      cwd: directory,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (data) => (this.log += data));
    this.child.stderr?.on('data', (data) => (this.log += data));
    this.child.on('exit', () => (this.exited = true));
  }

  readonly serverLog = {
    mark: () => this.log.length,
    since: async (mark: number) => this.log.slice(mark),
  };

  async waitUntilListening(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`the API exited:\n${this.log}`);
      const response = await fetch(`${this.baseUrl}/health`).catch(() => null);
      if (response?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the API did not answer /health within ${START_TIMEOUT_MS} ms:\n${this.log}`);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exit = once(this.child, 'exit');
    this.child.kill('SIGKILL');
    await exit;
  }
}

/** Starts the project's API on a free port, trying another when something else took it first. */
async function startApi(directory: string): Promise<StartedApi> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const api = new StartedApi(directory, `http://127.0.0.1:${port}`, port);
    try {
      await api.waitUntilListening();
      return api;
    } catch (error) {
      await api.stop();
      if (attempt === 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

async function checkProject(tree: string, project: Project): Promise<Outcome> {
  const api = await startApi(join(tree, OUT_DIR, project.name));
  try {
    const plan = await planApiChecks({ path: OPENAPI_PATH, text: project.files[OPENAPI_PATH]! }, [], { behaviour: true });
    const checks: ValidationCheck[] = [];
    await runApiChecks({ baseUrl: api.baseUrl, timeoutMs: REQUEST_TIMEOUT_MS, serverLog: api.serverLog }, plan, (check) => checks.push(check));
    // Then every route it declares, as validation probes them: reads first, writes with {}; below 500 passes.
    for (const probe of orderForProbing(collectRoutes([], project.files).probes)) {
      const writes = !['GET', 'HEAD', 'OPTIONS'].includes(probe.method);
      const result = await sendCheckRequest(api.baseUrl, { method: probe.method, path: probe.url, ...(writes ? { body: {} } : {}) }, { timeoutMs: REQUEST_TIMEOUT_MS });
      checks.push({ check: `route ${probe.check}`, ok: result.status !== undefined && result.status < 500, detail: result.summary, exchange: result.exchange });
    }
    return { project, checks };
  } finally {
    await api.stop();
  }
}

/** Runs `task` over `items`, at most `limit` at a time, keeping their order. */
async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A failed check with the exchange that decided it, for the assertion message. */
function describeFailure(project: Project, check: ValidationCheck): string {
  const { request, response } = check.exchange ?? {};
  const sent = request ? `\n  sent: ${request.method} ${request.path}${request.body === undefined ? '' : ` ${request.body}`}` : '';
  const got = response ? `\n  got: ${response.status} ${response.body}` : '';
  return `${project.name} (${project.schema.title}) ${check.check}: ${check.detail}${sent}${got}`;
}

const UNCHANGEABLE_SKIP = 'not checked: no field of a';
const CREDENTIALS_SKIP = /^not checked: POST \S+ asks for credentials, and validation has none to send$/;

describe('behaviour checks against the generated APIs', () => {
  const projects = distinctProjects();
  let outcomes: Outcome[] = [];
  let tree = '';

  beforeAll(async () => {
    tree = await mkdtemp(join(tmpdir(), 'forge-behaviour-'));
    await compileAll(tree, projects);
    outcomes = await inBatches(projects, CONCURRENCY, (project) => checkProject(tree, project));
  }, 120_000);

  afterAll(async () => {
    if (tree) await rm(tree, { recursive: true, force: true });
  });

  it('covers every distinct version of the sample conversations and the awkward schemas', () => {
    expect(outcomes.map((outcome) => outcome.project.name)).toEqual(projects.map((project) => project.name));
    expect(projects.length).toBeGreaterThan(SAMPLE_CONVERSATIONS.length);
    expect(projects.filter((project) => project.name.startsWith('corpus-')).length).toBeGreaterThanOrEqual(behaviourSample().length);
  });

  it('fails no check', () => {
    const failed = outcomes.flatMap(({ project, checks }) => checks.filter((check) => !check.ok).map((check) => describeFailure(project, check)));
    expect(failed, failed.join('\n\n')).toEqual([]);
  });

  it('runs the full round on every resource of an API without auth', () => {
    const open = outcomes.filter(({ project }) => !project.schema.features.includes('auth'));
    expect(open.length).toBeGreaterThan(0);
    for (const { project, checks } of open) {
      for (const resource of project.schema.resources) {
        for (const step of ['create', 'read', 'update', 'delete'] as const) {
          const name = behaviourCheckName(resource.plural, step);
          const check = checks.find((candidate) => candidate.check === name);
          expect(check, `${project.name}: ${name}`).toMatchObject({ ok: true });
          // A resource whose fields are all references, dates or none has nothing the update step may change.
          if (step === 'update' && check?.detail.startsWith(UNCHANGEABLE_SKIP)) continue;
          expect(check?.skipped, `${project.name}: ${name} was skipped: ${check?.detail}`).toBeUndefined();
        }
      }
    }
  });

  it("creates a bookstore's books for real", () => {
    const bookstore = outcomes.find(({ project }) => project.name === '00-v1');
    expect(bookstore?.project.schema.resources.map((resource) => resource.plural)).toContain('books');
    expect(bookstore?.checks.find((check) => check.check === 'books: create')).toMatchObject({ ok: true, detail: expect.stringMatching(/^POST \/books answered 201/) });
  });

  it('skips the resources of an API with auth because writes need credentials', () => {
    const guarded = outcomes.filter(({ project }) => project.schema.features.includes('auth') && project.schema.resources.length > 0);
    expect(guarded.length).toBeGreaterThan(0);
    for (const { project, checks } of guarded) {
      const plurals = project.schema.resources.map((resource) => resource.plural);
      const resourceChecks = checks.filter((check) => check.resource !== undefined && plurals.includes(check.resource));
      expect(resourceChecks.length, project.name).toBe(project.schema.resources.length * 5);
      for (const check of resourceChecks) {
        expect(check, `${project.name}: ${check.check}`).toMatchObject({ ok: true, skipped: true, detail: expect.stringMatching(CREDENTIALS_SKIP) });
      }
    }
  });
});
