// Server bench, step 1: how long projects.create and versions.create take to answer with a
// versionId, on small scripted versions that complete at once.
import { performance } from 'node:perf_hooks';
import type { BenchClient } from './bench-client';
import { scriptedAnswer, withMarkers, type BenchResponder } from './bench-responder';
import type { Row } from './results-file';
import { expectComplete } from './server-stream-checks';
import { formatMs, formatP50P95 } from './stats';

export async function measureCreateLatency(client: BenchClient, responder: BenchResponder, rows: Row[], notes: string[]) {
  const tiny = (key: string, line: string) => {
    responder.script(key, scriptedAnswer('Bench note', { 'README.md': `# Bench\n\n${line}\n` }, 'Wrote README.md.', 'create'));
    return withMarkers('A notes API with notes', { key, pace: 'fast', script: key });
  };
  // The first call after start loads the route's code: reported apart, not a steady-state figure.
  let started = performance.now();
  const warm = await client.projects.create.mutate({ prompt: tiny('create-warmup', 'warm-up') });
  const firstCallMs = performance.now() - started;
  await expectComplete(client, warm.versionId, 30_000);

  const projectMs: number[] = [];
  const versionMs: number[] = [];
  for (let index = 0; index < 10; index++) {
    started = performance.now();
    const project = await client.projects.create.mutate({ prompt: tiny(`create-p${index}`, `project ${index}`) });
    projectMs.push(performance.now() - started);
    await expectComplete(client, project.versionId, 30_000);
    started = performance.now();
    const version = await client.versions.create.mutate({ projectId: project.projectId, prompt: tiny(`create-v${index}`, `version 2 of ${index}`) });
    versionMs.push(performance.now() - started);
    if (version.versionNumber !== 2) throw new Error(`versions.create made v${version.versionNumber}, expected v2`);
    await expectComplete(client, version.versionId, 30_000);
  }
  rows.push([
    'create → versionId, projects.create + versions.create (p50 / p95)',
    formatP50P95([...projectMs, ...versionMs]),
    '< 300 ms',
  ]);
  notes.push(
    `Create latency: projects.create ${formatP50P95(projectMs)}, versions.create ${formatP50P95(versionMs)}; ` +
      `the first call after start (route code loading) took ${formatMs(firstCallMs)} and is not counted.`,
  );
}
