// Several app processes on one real Postgres, for the replica tests: web servers (web-server-host.mts,
// FORGE_WORKER=off) and workers (src/jobs/worker-main.mts), each a child process started like
// src/test/faults/host-process.ts does (`node --conditions=react-server --import tsx`, a minimal env,
// SIGKILL reaches the process itself). Tests talk to the web servers over HTTP with the CLI's tRPC
// client and read the shared database directly to see who ran what.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { createForgeClient, type ForgeClient } from '@/cli/client';
import type { DatabaseHandle } from '@/db/client';
import { isTerminalEvent, type StreamEvent } from '@/types/streaming';
import { openPostgresTestDatabase } from '../test-database';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WEB_SERVER_SCRIPT = fileURLToPath(new URL('./web-server-host.mts', import.meta.url));
const WORKER_SCRIPT = fileURLToPath(new URL('../../jobs/worker-main.mts', import.meta.url));
/** worker-main.mts prints this once its runner listens and its start-up recovery is done. */
const WORKER_READY = /\[worker\] running up to \d+ generations/;
/** Generous: a process loads the whole server (~5 s of CPU) and CI machines are small and busy. */
const START_TIMEOUT_MS = 120_000;

export interface ChildHandle {
  name: string;
  kind: 'web' | 'worker';
  child: ChildProcess;
  pid: number;
  /** Every stdout/stderr line, in order, prefixed with the stream. */
  output: string[];
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
  /** SIGKILL, resolved once the process has gone. */
  kill(): Promise<void>;
  tail(lines?: number): string;
}

export interface WebServer extends ChildHandle {
  url: string;
  client: ForgeClient;
}

function spawnChild(name: string, kind: ChildHandle['kind'], script: string, env: Record<string, string | undefined>): ChildHandle {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  const onLine = (prefix: string) => (line: string) => {
    output.push(`${prefix} ${line}`);
    for (const wake of waiters) wake();
  };
  createInterface({ input: child.stdout! }).on('line', onLine('[out]'));
  createInterface({ input: child.stderr! }).on('line', onLine('[err]'));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = true;
      for (const wake of waiters) wake();
      resolve({ code, signal });
    }),
  );
  const tail = (lines = 30) => output.slice(-lines).join('\n');

  function waitForLine(pattern: RegExp, timeoutMs = START_TIMEOUT_MS): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`${name} printed no line matching ${pattern} within ${timeoutMs} ms:\n${tail()}`)), timeoutMs);
      const check = () => {
        const line = output.find((candidate) => pattern.test(candidate));
        if (line) finish(null, line);
        else if (ended) finish(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${tail()}`));
      };
      function finish(error: Error | null, line?: string) {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) reject(error);
        else resolve(line!);
      }
      waiters.add(check);
      check();
    });
  }

  const kill = async () => {
    if (!ended) child.kill('SIGKILL');
    await exited;
  };
  return { name, kind, child, pid: child.pid!, output, waitForLine, exited, running: () => !ended, kill, tail };
}

export interface ClusterOptions {
  /** Pause between the offline model's chunks: how long a generation takes (~1400 chunks per v1). */
  chunkDelayMs: number;
  /** Generations per worker process. */
  concurrency: number;
  leaseSeconds: number;
}

export interface Cluster {
  db: DatabaseHandle;
  url: string;
  children: ChildHandle[];
  startWebServer(name: string): Promise<WebServer>;
  startWorker(name: string): Promise<ChildHandle>;
  /** Every child's last lines, for a failing test's message. */
  logs(lines?: number): string;
  /** Kills every child still running and drops the database. */
  close(): Promise<void>;
}

export async function openCluster(options: ClusterOptions): Promise<Cluster> {
  const db = await openPostgresTestDatabase();
  const children: ChildHandle[] = [];
  const shared = {
    DATABASE_URL: db.connectionUrl,
    FORGE_SANDBOX: 'skip',
    FORGE_OFFLINE_CHUNK_DELAY_MS: String(options.chunkDelayMs),
    FORGE_QUEUE_CONCURRENCY: String(options.concurrency),
    FORGE_LEASE_SECONDS: String(options.leaseSeconds),
  };
  return {
    db,
    url: db.connectionUrl,
    children,
    async startWebServer(name) {
      const handle = spawnChild(name, 'web', WEB_SERVER_SCRIPT, { ...shared, FORGE_WORKER: 'off' });
      children.push(handle);
      const line = await handle.waitForLine(/^\[out\] \{"ready":/);
      const { ready } = JSON.parse(line.slice('[out] '.length)) as { ready: number };
      const url = `http://127.0.0.1:${ready}`;
      return { ...handle, url, client: createForgeClient({ url }) };
    },
    async startWorker(name) {
      const handle = spawnChild(name, 'worker', WORKER_SCRIPT, shared);
      children.push(handle);
      await handle.waitForLine(WORKER_READY);
      return handle;
    },
    logs(lines = 25) {
      return children.map((child) => `--- ${child.name} (pid ${child.pid}, ${child.running() ? 'running' : 'exited'})\n${child.tail(lines)}`).join('\n');
    },
    async close() {
      await Promise.all(children.map((child) => child.kill()));
      await db.close();
    },
  };
}

export interface ReceivedEvent {
  event: StreamEvent;
  /** Date.now() in the test process when the long-poll answer carrying it arrived. */
  receivedAt: number;
}

/** Long-polls `stream.since` from seq 0 until the terminal event (or the version ended with nothing more). */
export async function followStream(client: ForgeClient, versionId: string, timeoutMs = 120_000): Promise<{ received: ReceivedEvent[]; status: string }> {
  const deadline = Date.now() + timeoutMs;
  const received: ReceivedEvent[] = [];
  for (let afterSeq = 0; ; ) {
    if (Date.now() > deadline) throw new Error(`the stream of ${versionId} did not end within ${timeoutMs} ms (last seq ${afterSeq})`);
    const answer = await client.stream.since.query({ versionId, afterSeq, waitMs: 10_000 });
    const receivedAt = Date.now();
    for (const event of answer.events) received.push({ event, receivedAt });
    afterSeq = answer.lastSeq;
    const ended = answer.status === 'complete' || answer.status === 'failed';
    // The answer's status is read before its events, so it may lag the terminal event: ask again.
    if (answer.events.some(isTerminalEvent) || (ended && answer.events.length === 0)) {
      return { received, status: (await client.versions.get.query({ versionId })).status };
    }
  }
}

export interface VersionState {
  id: string;
  status: string;
  stop_reason: string | null;
  lease_owner: string | null;
  started_at: Date | null;
}

export async function versionStates(db: DatabaseHandle, ids: string[]): Promise<Map<string, VersionState>> {
  const rows = await db.query<VersionState>('select id, status, stop_reason, lease_owner, started_at from api_versions where id = any($1::uuid[])', [ids]);
  return new Map(rows.map((row) => [row.id, row]));
}

/** The stream_buffer of each version, by seq. */
export async function bufferedEvents(db: DatabaseHandle, ids: string[]): Promise<Map<string, StreamEvent[]>> {
  const rows = await db.query<{ version_id: string; event: StreamEvent }>(
    'select version_id, event from stream_buffer where version_id = any($1::uuid[]) order by version_id, seq',
    [ids],
  );
  const byVersion = new Map<string, StreamEvent[]>(ids.map((id) => [id, []]));
  for (const row of rows) byVersion.get(row.version_id)!.push(row.event);
  return byVersion;
}

/** The pid in a lease owner `host:pid:random` (src/generation/version-lease.ts). */
export function ownerPid(owner: string | null | undefined): number | null {
  const match = owner?.match(/:(\d+):[^:]*$/);
  return match ? Number(match[1]) : null;
}

/**
 * Records every lease owner seen on every version, polling the database: the lease may be cleared
 * when a version ends, and a version seen under two owners ran (or was taken over) twice.
 */
export function watchLeaseOwners(db: DatabaseHandle, intervalMs = 100): { owners: Map<string, Set<string>>; stop(): Promise<void> } {
  const owners = new Map<string, Set<string>>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const rows = await db.query<{ id: string; lease_owner: string }>('select id, lease_owner from api_versions where lease_owner is not null').catch(() => []);
      for (const row of rows) {
        if (!owners.has(row.id)) owners.set(row.id, new Set());
        owners.get(row.id)!.add(row.lease_owner);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  const stop = async () => {
    stopped = true;
    await loop;
  };
  return { owners, stop };
}

export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until `versionId` is generating under a lease and has streamed code; returns the lease owner's pid. */
export function runningOnWorker(db: DatabaseHandle, versionId: string, timeoutMs = 60_000): Promise<number> {
  return waitUntil(
    `${versionId} generating on a worker with code streamed`,
    async () => {
      const state = (await versionStates(db, [versionId])).get(versionId);
      const pid = ownerPid(state?.lease_owner);
      if (state?.status !== 'generating' || !pid) return null;
      const events = (await bufferedEvents(db, [versionId])).get(versionId)!;
      return events.some((event) => event.type === 'code:chunk') ? pid : null;
    },
    timeoutMs,
  );
}

/** A promise whose rejection is seen later (or never, if the test has already failed): no unhandled rejection meanwhile. */
export function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** Logs how long events took from their `at` (the writer accepted them) to the client; returns p50 and p95. */
export function eventDelays(label: string, received: ReceivedEvent[]): { p50: number; p95: number } {
  const delays = received.map((item) => item.receivedAt - Date.parse(item.event.at));
  const p50 = percentile(delays, 0.5);
  const p95 = percentile(delays, 0.95);
  console.log(`[replicas] event → client (${label}): p50 ${p50} ms, p95 ${p95} ms, max ${Math.max(...delays)} ms over ${delays.length} events`);
  return { p50, p95 };
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Problems with one client's view of a stream against the buffer: seqs must be 1..n, in order, once each, and equal to it. */
export function streamProblems(versionId: string, received: StreamEvent[], buffered: StreamEvent[]): string[] {
  const problems: string[] = [];
  const seqs = received.map((event) => event.seq);
  if (seqs.some((seq, index) => seq !== index + 1)) problems.push(`${versionId}: received seqs are not 1..${seqs.length}: ${seqs.slice(0, 50).join(',')}`);
  if (received.length !== buffered.length) problems.push(`${versionId}: received ${received.length} events, buffer has ${buffered.length}`);
  else if (!isDeepStrictEqual(received, buffered)) problems.push(`${versionId}: received events differ from the buffer`);
  const starts = buffered.filter((event) => event.type === 'version:start').length;
  if (starts !== 1) problems.push(`${versionId}: ${starts} version:start events in the buffer (ran ${starts} times)`);
  const terminal = buffered.filter(isTerminalEvent);
  if (terminal.length !== 1 || !isTerminalEvent(buffered.at(-1)!)) problems.push(`${versionId}: ${terminal.length} terminal events, last is ${buffered.at(-1)?.type}`);
  return problems;
}

export const PROMPTS = [
  'A REST API for a bookstore with authors and books',
  'A todo API with tasks and tags',
  'A library API with members and loans',
  'A recipe API with recipes and ingredients',
  'A blog API with posts and comments',
];
