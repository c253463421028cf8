// One side of the cross-process stream bench, run as its own OS process (forked by cross-process-stream.ts):
// - `reader`: a web server. LISTENs like app-services does and long-polls `stream.since` through the
//   handler the web server uses; per event, receipt time minus the event's `at`. Sends them to the parent.
// - `writer`: a worker. Publishes events through the publisher as run-generation does (insert into
//   stream_buffer, then announce); times each NOTIFY round trip.
import { performance } from 'node:perf_hooks';
import { openDatabase, type DatabaseHandle } from '../../src/db/client';
import { insertStreamEvents } from '../../src/db/stores/stream-buffer-store';
import { createPublisher } from '../../src/generation/publisher';
import { streamSince } from '../../src/server/handlers/stream';
import { createStreamSignal } from '../../src/stream/postgres-stream-signal';

export interface ChildConfig {
  role: 'reader' | 'writer';
  url: string;
  versionId: string;
  ownerId: string;
  events: number;
  /** The writer emits one event every `minGapMs`..`maxGapMs` (uniform), so batches fall at any phase of the re-check. */
  minGapMs: number;
  maxGapMs: number;
}

export type ChildMessage =
  | { type: 'ready' }
  | { type: 'reader-done'; latenciesMs: number[]; answers: number }
  | { type: 'writer-done'; notifyMs: number[]; batches: number; writeMs: number }
  | { type: 'error'; message: string };

const send = (message: ChildMessage) => new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the pool's first connections, so connecting is not measured. */
async function warm(handle: DatabaseHandle): Promise<void> {
  await Promise.all([handle.query('select 1'), handle.query('select 1'), handle.query('select 1')]);
}

async function runReader(config: ChildConfig, handle: DatabaseHandle): Promise<void> {
  const stopListening = await createStreamSignal(handle).listen();
  const ctx = { db: handle.db, userId: config.ownerId, jobs: { enqueue: async () => {} } };
  await send({ type: 'ready' });
  const latenciesMs: number[] = [];
  let afterSeq = 0;
  let answers = 0;
  while (latenciesMs.length < config.events) {
    const answer = await streamSince(ctx, { versionId: config.versionId, afterSeq, waitMs: 25_000 });
    const now = Date.now();
    answers += 1;
    for (const event of answer.events) latenciesMs.push(now - Date.parse(event.at));
    afterSeq = answer.lastSeq;
  }
  await stopListening();
  await send({ type: 'reader-done', latenciesMs, answers });
}

async function runWriter(config: ChildConfig, handle: DatabaseHandle): Promise<void> {
  const notifyMs: number[] = [];
  const timedNotify: DatabaseHandle['notify'] = async (channel, payload) => {
    const started = performance.now();
    await handle.notify(channel, payload);
    notifyMs.push(performance.now() - started);
  };
  const signal = createStreamSignal({ notify: timedNotify });
  let batches = 0;
  const publisher = createPublisher(config.versionId, {
    write: async (events) => {
      await insertStreamEvents(handle.db, events);
      batches += 1;
      signal.announce(config.versionId);
    },
  });
  await send({ type: 'ready' });
  const started = performance.now();
  for (let index = 1; index <= config.events; index++) {
    publisher.emit({ type: 'planning', message: `event ${index}` });
    await sleep(config.minGapMs + Math.random() * (config.maxGapMs - config.minGapMs));
  }
  await publisher.close();
  const writeMs = performance.now() - started;
  await sleep(50); // the last NOTIFY's round trip
  await send({ type: 'writer-done', notifyMs, batches, writeMs });
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as ChildConfig;
  const handle = await openDatabase({ kind: 'postgres', url: config.url, maxConnections: 4 });
  try {
    await warm(handle);
    await (config.role === 'reader' ? runReader(config, handle) : runWriter(config, handle));
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  },
);
