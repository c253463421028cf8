// Cross-process stream bench: with the Postgres job backend, a worker process writes a version's
// events and a browser long-polls another process (a web server). How late does the long-poll answer?
// Two forked OS processes on a fresh database of the real Postgres (TEST_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test): the writer publishes as run-generation does and
// announces each batch (NOTIFY), the reader LISTENs and long-polls through the `stream.since`
// handler. Skipped, with the reason, when that Postgres does not answer.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { applyMigrations } from '../../src/db/migrate';
import { insertProject } from '../../src/db/stores/projects-store';
import { insertVersion, setVersionStatus } from '../../src/db/stores/versions-store';
import type { ChildConfig, ChildMessage } from './cross-process-stream-child';
import type { Row } from './results-file';
import { formatMs, formatP50P95, p50p95 } from './stats';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'cross-process-stream-child.ts');
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const EVENTS = 200;
const MIN_GAP_MS = 5;
const MAX_GAP_MS = 45;
const TIMEOUT_MS = 60_000;

const LATENCY_LABEL = 'cross-process stream: event written on worker → long-poll on another server (p50 / p95)';
const NOTIFY_LABEL = 'cross-process stream: NOTIFY round trip on the worker (p50 / p95)';

/** The admin database, or why the suite cannot run. */
async function connectAdmin(url: string): Promise<DatabaseHandle | string> {
  const reach = openDatabase({ kind: 'postgres', url, maxConnections: 1 }).then(async (handle) => {
    await handle.query('select 1');
    return handle;
  });
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('no answer within 5 s'), 5000).unref());
  try {
    const result = await Promise.race([reach, timeout]);
    if (typeof result === 'string') reach.then((handle) => handle.close()).catch(() => {});
    return result;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function startChild(config: ChildConfig, children: ChildProcess[]): { child: ChildProcess; next: () => Promise<ChildMessage> } {
  const child = fork(CHILD, [JSON.stringify(config)], {
    execArgv: ['--conditions=react-server', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const inbox: ChildMessage[] = [];
  const waiting: Array<(message: ChildMessage) => void> = [];
  const deliver = (message: ChildMessage) => {
    const resolve = waiting.shift();
    if (resolve) resolve(message);
    else inbox.push(message);
  };
  child.on('message', (message) => deliver(message as ChildMessage));
  child.on('exit', (code) => deliver({ type: 'error', message: `${config.role} exited with code ${code}` }));
  const next = () =>
    new Promise<ChildMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${config.role}: no message within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      const take = (message: ChildMessage) => {
        clearTimeout(timer);
        if (message.type === 'error') reject(new Error(`${config.role}: ${message.message}`));
        else resolve(message);
      };
      const queued = inbox.shift();
      if (queued) take(queued);
      else waiting.push(take);
    });
  return { child, next };
}

async function receive<T extends ChildMessage['type']>(next: () => Promise<ChildMessage>, type: T): Promise<Extract<ChildMessage, { type: T }>> {
  const message = await next();
  if (message.type !== type) throw new Error(`expected "${type}", got "${message.type}"`);
  return message as Extract<ChildMessage, { type: T }>;
}

export async function runCrossProcessStreamBench(): Promise<{ rows: Row[]; notes: string[] }> {
  const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_URL;
  const shownUrl = adminUrl.replace(/\/\/[^@/]*@/, '//…@');
  const admin = await connectAdmin(adminUrl);
  if (typeof admin === 'string') {
    const reason = `Postgres at ${shownUrl} is unreachable (${admin}); set TEST_DATABASE_URL to run this suite.`;
    console.error(`bench: cross-process-stream skipped: ${reason}`);
    return { rows: [[LATENCY_LABEL, 'skipped', 'p95 < 250 ms']], notes: [`Skipped: ${reason}`] };
  }

  const name = `forge_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const children: ChildProcess[] = [];
  try {
    const version = await prepareVersion(url.toString());
    const base = { url: url.toString(), versionId: version.id, ownerId: version.ownerId, events: EVENTS, minGapMs: MIN_GAP_MS, maxGapMs: MAX_GAP_MS };
    const reader = startChild({ ...base, role: 'reader' }, children);
    await receive(reader.next, 'ready');
    const writer = startChild({ ...base, role: 'writer' }, children);
    await receive(writer.next, 'ready');
    const [read, wrote] = await Promise.all([receive(reader.next, 'reader-done'), receive(writer.next, 'writer-done')]);
    const latency = p50p95(read.latenciesMs);
    console.error(`bench: cross-process stream p50 ${formatMs(latency.p50)}, p95 ${formatMs(latency.p95)}, max ${formatMs(Math.max(...read.latenciesMs))}`);
    return {
      rows: [
        [LATENCY_LABEL, formatP50P95(read.latenciesMs), 'p95 < 250 ms'],
        [NOTIFY_LABEL, formatP50P95(wrote.notifyMs), '-'],
      ],
      notes: [
        `Two OS processes on a fresh database of the Postgres at ${shownUrl}: a writer publishes ${EVENTS} events, one every ` +
          `${MIN_GAP_MS}–${MAX_GAP_MS} ms, through the publisher (${wrote.batches} batches in ${(wrote.writeMs / 1000).toFixed(1)} s, ` +
          `each inserted into stream_buffer and announced with NOTIFY); a reader LISTENs as a web server does and long-polls ` +
          `\`stream.since\` (${read.answers} answers). Latency is the reader's receipt time minus the event's \`at\` (stamped ` +
          'when its batch is written); the long-poll\'s 1 s re-check remains the safety net.',
      ],
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.close();
  }
}

/** A migrated schema with one project and its generating version. */
async function prepareVersion(url: string): Promise<{ id: string; ownerId: string }> {
  const handle = await openDatabase({ kind: 'postgres', url, maxConnections: 1 });
  try {
    await applyMigrations(handle);
    const ownerId = randomUUID();
    const project = await insertProject(handle.db, { ownerId, name: 'cross-process stream bench' });
    const version = await insertVersion(handle.db, { projectId: project.id, prompt: 'bench', baseVersionId: null });
    await setVersionStatus(handle.db, version.id, 'generating');
    return { id: version.id, ownerId };
  } finally {
    await handle.close();
  }
}
