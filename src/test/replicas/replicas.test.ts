// Replicas on one real Postgres: web servers that run no generations (FORGE_WORKER=off) and
// `npm run worker` processes, each a child process (./harness.ts). One cluster for the whole file, in
// this order: a worker's events reach a client of a web server quickly; 20 projects spread over both
// workers with every client seeing every event once and in order, and no version run twice; a rolling
// start leaves the versions in flight alone; `versions.stop` reaches a worker within a second; a worker
// killed mid-generation has its versions ended as interrupted, the others' complete, the rest intact.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { insertProject } from '@/db/stores/projects-store';
import { insertVersion } from '@/db/stores/versions-store';
import { LOCAL_USER_ID } from '@/server/auth/resolve-user';
import { isTerminalEvent } from '@/types/streaming';
import { postgresTestUrl } from '../test-database';
import {
  bufferedEvents,
  eventDelays,
  followStream,
  later,
  openCluster,
  ownerPid,
  PROMPTS,
  runningOnWorker,
  streamProblems,
  versionStates,
  waitUntil,
  watchLeaseOwners,
  type ChildHandle,
  type Cluster,
  type WebServer,
} from './harness';

const LEASE_SECONDS = 3;
/** Generations per worker. */
const CONCURRENCY = 5;

describe.skipIf(!postgresTestUrl)('replicas: web servers and workers on one Postgres', () => {
  let cluster: Cluster;
  let webs: WebServer[] = [];
  let workers: ChildHandle[] = [];
  /** Versions complete before anything was killed, with their files then. */
  const earlier = new Map<string, unknown>();

  beforeAll(async () => {
    const startedAt = Date.now();
    // ~1400 chunks a version at 4 ms: several seconds each, so runs overlap and outlive a start-up.
    cluster = await openCluster({ chunkDelayMs: 4, concurrency: CONCURRENCY, leaseSeconds: LEASE_SECONDS });
    [webs, workers] = await Promise.all([
      Promise.all([cluster.startWebServer('web-a'), cluster.startWebServer('web-b')]),
      Promise.all([cluster.startWorker('worker-1'), cluster.startWorker('worker-2')]),
    ]);
    console.log(`[replicas] two web servers and two workers up in ${Date.now() - startedAt} ms`);
  }, 180_000);

  afterEach((context) => {
    if (context.task.result?.state === 'fail' && cluster) console.log(`[replicas] process logs:\n${cluster.logs()}`);
  });

  afterAll(async () => {
    await cluster?.close();
  }, 60_000);

  const create = (web: WebServer, count: number, label: string) =>
    Promise.all(Array.from({ length: count }, (_, index) => web.client.projects.create.mutate({ prompt: `${PROMPTS[index % PROMPTS.length]} (${label} ${index})` })));

  it("a client long-polling web server B sees worker W's events within 500 ms p95 of their `at`", { timeout: 120_000 }, async () => {
    const created = await create(webs[0]!, 2, 'latency');
    const followed = await Promise.all(created.map((version) => followStream(webs[1]!.client, version.versionId)));
    expect(followed.map((stream) => stream.status)).toEqual(['complete', 'complete']);
    const { p95 } = eventDelays('2 versions, web-b', followed.flatMap((stream) => stream.received));
    expect(p95).toBeLessThan(500);
    for (const { versionId } of created) earlier.set(versionId, (await webs[0]!.client.versions.files.query({ versionId })).files);
  });

  it('20 projects through two web servers: both workers run some, no event lost, duplicated or reordered, none run twice', { timeout: 180_000 }, async () => {
    const leases = watchLeaseOwners(cluster.db);
    try {
      // Created alternately through web-a and web-b; each client reads through the other one.
      const created = await Promise.all(Array.from({ length: 20 }, (_, index) => create(webs[index % 2]!, 1, `spread ${index}`).then(([version]) => version!)));
      const followed = await Promise.all(created.map((version, index) => followStream(webs[(index + 1) % 2]!.client, version.versionId)));
      const ids = created.map((version) => version.versionId);

      const states = await versionStates(cluster.db, ids);
      expect(ids.map((id) => [id, states.get(id)?.status, states.get(id)?.stop_reason])).toEqual(ids.map((id) => [id, 'complete', 'completed']));
      const buffers = await bufferedEvents(cluster.db, ids);
      const problems = ids.flatMap((id, index) => streamProblems(id, followed[index]!.received.map((item) => item.event), buffers.get(id)!));
      expect(problems).toEqual([]);

      // Who ran what: every lease owner seen on each version while it ran, and the one it ended with.
      await leases.stop();
      for (const [id, state] of states) if (state.lease_owner) (leases.owners.get(id) ?? leases.owners.set(id, new Set()).get(id)!).add(state.lease_owner);
      const ownersOf = ids.map((id) => [...(leases.owners.get(id) ?? [])]);
      expect(ownersOf.filter((owners) => owners.length !== 1), 'versions seen under no lease owner or more than one').toEqual([]);
      const runsPerWorker = workers.map((worker) => ownersOf.filter((owners) => ownerPid(owners[0]) === worker.pid).length);
      console.log(`[replicas] runs per worker: ${runsPerWorker.join(' + ')} of ${ids.length}`);
      expect(runsPerWorker.reduce((sum, runs) => sum + runs, 0), 'every version ran on a worker, none on a web server').toBe(ids.length);
      expect(runsPerWorker.every((runs) => runs > 0), `both workers ran some: ${runsPerWorker.join(' + ')}`).toBe(true);
      eventDelays('20 concurrent versions, the other web server', followed.flatMap((stream) => stream.received));
      for (const versionId of ids) earlier.set(versionId, (await webs[1]!.client.versions.files.query({ versionId })).files);
    } finally {
      await leases.stop();
    }
  });

  it('rolling start: a third web server and worker join while versions run; none of them is touched', { timeout: 180_000 }, async () => {
    const leases = watchLeaseOwners(cluster.db);
    try {
      // Versions keep starting (a few in flight at any time) until the newcomers are up, however long
      // their start-up takes: their start-up recovery and first sweeps meet runs in flight.
      let joined = false;
      const joining = later(Promise.all([cluster.startWebServer('web-c'), cluster.startWorker('worker-3')]).finally(() => (joined = true)));
      const ids: string[] = [];
      const followers: Array<ReturnType<typeof followStream>> = [];
      while (!joined && ids.length < 40) {
        const active = [...(await versionStates(cluster.db, ids)).values()].filter((state) => state.status !== 'complete' && state.status !== 'failed');
        if (active.length < 3) {
          const index = ids.length;
          const [version] = await create(webs[index % 2]!, 1, `rolling ${index}`);
          ids.push(version!.versionId);
          followers.push(later(followStream(webs[(index + 1) % 2]!.client, version!.versionId)));
        }
        await sleep(100);
      }
      const [webC, workerC] = await joining;
      webs.push(webC);
      workers.push(workerC);
      const inFlight = [...(await versionStates(cluster.db, ids)).values()].filter((state) => state.status === 'generating' || state.status === 'validating');
      console.log(`[replicas] rolling: ${inFlight.length} of ${ids.length} versions in flight when web-c and worker-3 were up`);
      expect(inFlight.length, 'versions still running once the newcomers had started (else this test shows nothing)').toBeGreaterThan(0);
      // Two more sweeps of the newcomers while those run.
      await sleep((LEASE_SECONDS * 1000 * 2) / 3);

      // A client that moves to the new web server mid-stream reads the same stream.
      const viaNew = await followStream(webC.client, inFlight[0]!.id);
      const followed = await Promise.all(followers);
      const states = await versionStates(cluster.db, ids);
      expect(ids.map((id) => [id, states.get(id)?.status, states.get(id)?.stop_reason])).toEqual(ids.map((id) => [id, 'complete', 'completed']));
      const buffers = await bufferedEvents(cluster.db, ids);
      const problems = ids.flatMap((id, index) => streamProblems(id, followed[index]!.received.map((item) => item.event), buffers.get(id)!));
      problems.push(...streamProblems(inFlight[0]!.id, viaNew.received.map((item) => item.event), buffers.get(inFlight[0]!.id)!));
      expect(problems).toEqual([]);
      await leases.stop();
      expect(ids.filter((id) => (leases.owners.get(id)?.size ?? 0) > 1), 'versions seen under more than one lease owner').toEqual([]);
    } finally {
      await leases.stop();
    }
  });

  it('versions.stop sent to a web server stops the run on a worker within 1 s, and the worker writes nothing more', { timeout: 120_000 }, async () => {
    const [created] = await create(webs.at(-1)!, 1, 'stop');
    const { versionId, projectId } = created!;
    const workerPid = await runningOnWorker(cluster.db, versionId);
    const worker = workers.find((candidate) => candidate.pid === workerPid);
    expect(worker, `the lease owner ${workerPid} is one of the workers`).toBeDefined();
    const logLinesBefore = worker!.output.length;

    await webs[1]!.client.versions.stop.mutate({ versionId });
    const stopReturned = Date.now();
    // The run on the worker has ended once its graphile job is done (the job key is the version id).
    const jobGoneAt = await waitUntil(
      "the worker's job for the stopped version to finish",
      async () => ((await cluster.db.query('select 1 from graphile_worker._private_jobs where key = $1', [versionId])).length === 0 ? Date.now() : null),
      10_000,
      10,
    );
    const { received, status } = await followStream(webs[0]!.client, versionId, 10_000);
    const terminal = received.at(-1)!;
    console.log(`[replicas] stop: the worker's run ended ${jobGoneAt - stopReturned} ms after the stop returned (terminal event already written by the web server)`);
    expect(status).toBe('failed');
    expect(terminal.event).toMatchObject({ type: 'error', reason: 'stopped' });
    expect(jobGoneAt - stopReturned, "the worker's run ended within 1 s of the stop").toBeLessThan(1000);

    // Nothing more from the worker: a second later the buffer still ends with that one terminal event.
    await sleep(1000);
    const buffered = (await bufferedEvents(cluster.db, [versionId])).get(versionId)!;
    expect(buffered.at(-1)).toEqual(terminal.event);
    expect(buffered.filter(isTerminalEvent)).toHaveLength(1);
    expect(buffered.map((event) => event.seq)).toEqual(buffered.map((_, index) => index + 1));
    const state = (await versionStates(cluster.db, [versionId])).get(versionId)!;
    expect([state.status, state.stop_reason]).toEqual(['failed', 'stopped']);
    // One assistant message (the stop's), not a second one from a run that failed at its next write.
    const messages = await cluster.db.query<{ content: string }>("select content from chat_messages where project_id = $1 and role = 'assistant'", [projectId]);
    expect(messages.map((message) => message.content)).toEqual([expect.stringMatching(/^Stopped by the user/)]);
    const complaints = worker!.output.slice(logLinesBefore).filter((line) => line.includes(versionId) || /duplicate key|error/i.test(line));
    expect(complaints, 'the worker logged nothing about the stopped version').toEqual([]);
  });

  it('SIGKILL of a worker mid-generation: its versions end interrupted within lease + 10 s; the others complete; earlier versions intact', { timeout: 120_000 }, async () => {
    // More versions than one worker's slots: at least two workers run some.
    const created = await create(webs.at(-1)!, CONCURRENCY + 1, 'kill');
    const ids = created.map((version) => version.versionId);
    const pids = await Promise.all(ids.map((id) => runningOnWorker(cluster.db, id)));
    const victim = workers.map((worker) => ({ worker, runs: pids.filter((pid) => pid === worker.pid).length })).sort((a, b) => b.runs - a.runs)[0]!.worker;
    const victimIds = ids.filter((_, index) => pids[index] === victim.pid);
    const otherIds = ids.filter((_, index) => pids[index] !== victim.pid);
    console.log(`[replicas] kill: ${victimIds.length} versions on ${victim.name}, ${otherIds.length} on the others`);
    expect(otherIds.length).toBeGreaterThan(0);

    await victim.kill();
    const killedAt = Date.now();
    expect((await victim.exited).signal).toBe('SIGKILL');
    const endedAt = await waitUntil(
      "the killed worker's versions to end",
      async () => ([...(await versionStates(cluster.db, victimIds)).values()].every((state) => state.status === 'failed') ? Date.now() : null),
      (LEASE_SECONDS + 10) * 1000,
    ).catch(async (error: unknown) => {
      const states = [...(await versionStates(cluster.db, victimIds)).values()].map((state) => `${state.id}: ${state.status}`);
      throw new Error(`${String(error)}; states: ${states.join(', ')}`);
    });
    console.log(`[replicas] kill: the killed worker's versions ended ${endedAt - killedAt} ms after the SIGKILL (lease ${LEASE_SECONDS} s)`);

    // Their clients see the end: one terminal error, interrupted, after contiguous seqs.
    for (const id of victimIds) {
      const { received, status } = await followStream(webs[0]!.client, id, 10_000);
      expect([status, received.at(-1)!.event.type, (received.at(-1)!.event as { reason?: string }).reason]).toEqual(['failed', 'error', 'interrupted']);
      expect(received.map((item) => item.event.seq)).toEqual(received.map((_, index) => index + 1));
      expect(received.filter((item) => isTerminalEvent(item.event))).toHaveLength(1);
    }
    // The other workers' versions go on to complete, untouched by the sweep.
    const others = await Promise.all(otherIds.map((id) => followStream(webs[0]!.client, id)));
    expect(others.map((stream) => stream.status)).toEqual(otherIds.map(() => 'complete'));
    const buffers = await bufferedEvents(cluster.db, otherIds);
    expect(otherIds.flatMap((id, index) => streamProblems(id, others[index]!.received.map((item) => item.event), buffers.get(id)!))).toEqual([]);

    // Earlier complete versions reconstruct exactly as before.
    expect(earlier.size).toBeGreaterThan(0);
    for (const [versionId, files] of earlier) {
      expect((await webs[1]!.client.versions.files.query({ versionId })).files).toEqual(files);
      expect((await webs[1]!.client.versions.get.query({ versionId })).status).toBe('complete');
    }
  });

  it('a version whose job a worker took and then died before claiming the version does not stay pending', { timeout: 120_000 }, async () => {
    // The window between graphile locking a job and runGeneration claiming its version, made certain:
    // the version and its job are written with the job already locked by a worker that is gone.
    const { projectId, versionId } = await cluster.db.db.transaction(async (tx) => {
      const project = await insertProject(tx, { ownerId: LOCAL_USER_ID, name: 'Orphaned job' });
      const version = await insertVersion(tx, { projectId: project.id, prompt: PROMPTS[0]!, baseVersionId: null });
      await tx.execute(sql`select graphile_worker.add_job('generate-version', json_build_object('versionId', ${version.id}::text, 'projectId', ${project.id}::text), job_key => ${version.id}::text, max_attempts => 1)`);
      await tx.execute(sql`update graphile_worker._private_jobs set locked_at = now(), locked_by = 'worker-that-died', attempts = attempts + 1 where key = ${version.id}::text`);
      return { projectId: project.id, versionId: version.id };
    });
    const limitMs = (LEASE_SECONDS + 10) * 1000;
    const state = await waitUntil(
      'the orphaned version to leave pending',
      async () => {
        const row = (await versionStates(cluster.db, [versionId])).get(versionId);
        return row && row.status !== 'pending' ? row : null;
      },
      limitMs,
      100,
    ).catch(async () => (await versionStates(cluster.db, [versionId])).get(versionId)!);
    expect(state.status, `status ${limitMs} ms after its worker died holding its job (the project takes no new version while it is pending)`).not.toBe('pending');
    // Once it has ended (run after all, or ended failed), the project takes a new version again.
    expect((await followStream(webs[0]!.client, versionId)).received.filter((item) => isTerminalEvent(item.event))).toHaveLength(1);
    await expect(webs[0]!.client.versions.create.mutate({ projectId, prompt: 'Add a reviews resource' })).resolves.toMatchObject({ versionNumber: 2 });
  });
});
