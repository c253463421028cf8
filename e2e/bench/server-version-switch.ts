// Server bench, step 4: switching versions, i.e. versions.files of a version 10 diffs from its
// snapshot, cold (never read before) and warm (from the server's cache).
import { performance } from 'node:perf_hooks';
import type { FileMap } from '../../src/types/versioning';
import type { BenchClient } from './bench-client';
import { scriptedAnswer, withMarkers, type BenchResponder } from './bench-responder';
import type { Row } from './results-file';
import { describeDifference, expectComplete, sameFiles, versionFiles } from './server-stream-checks';
import { formatBytes, formatP50P95 } from './stats';

/** ~2.5 KB of TypeScript, different per index. */
function routeFile(index: number, limit = 100): string {
  const lines = [`import { z } from 'zod';`, `import { Router } from '../lib/router';`, '', `const item${index}Schema = z.object({`];
  for (let field = 0; field < 12; field++) lines.push(`  field${field}: z.string().min(1).max(${limit + index}),`);
  lines.push('});', '', `export function register${index}(router: Router) {`);
  for (let route = 0; route < 10; route++) {
    lines.push(`  router.get('/items${index}/${route}', (request, response) => response.json({ index: ${index}, route: ${route} }));`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

export async function measureVersionSwitch(client: BenchClient, responder: BenchResponder, rows: Row[], notes: string[]) {
  const fileCount = 30;
  const paths = Array.from({ length: fileCount }, (_, index) => `src/routes/r${String(index).padStart(2, '0')}.ts`);
  let files: FileMap = Object.fromEntries(paths.map((path, index) => [path, routeFile(index)]));
  responder.script('chain-v1', scriptedAnswer('Thirty routes', files, 'Wrote 30 route files.', 'create'));
  const v1 = await client.projects.create.mutate({ prompt: withMarkers('A thirty-file API', { key: 'chain-v1', pace: 'fast', script: 'chain-v1' }) });
  await expectComplete(client, v1.versionId, 60_000);

  const expected = new Map<string, FileMap>([[v1.versionId, files]]);
  const edit = (base: FileMap, path: string, limit: number, tag: string) => ({ ...base, [path]: routeFile(paths.indexOf(path), limit) + `// ${tag}\n` });
  let previousId = v1.versionId;
  const ids: string[] = [v1.versionId];
  for (let step = 1; step <= 10; step++) {
    const path = paths[step - 1]!;
    files = edit(files, path, 100 + step, `edit ${step}`);
    const key = `chain-v${step + 1}`;
    responder.script(key, scriptedAnswer(`Edit ${step}`, { [path]: files[path]! }, `Edited ${path}.`));
    const created = await client.versions.create.mutate({ projectId: v1.projectId, prompt: withMarkers(`edit ${step}`, { key, pace: 'fast', script: key }) });
    await expectComplete(client, created.versionId, 60_000);
    expected.set(created.versionId, files);
    ids.push(created.versionId);
    previousId = created.versionId;
  }
  // v11 sits 10 diffs after the v1 snapshot. Branches from v10 sit at the same depth, so each is a
  // further version that nothing has read yet: one cold read each.
  const v10Id = ids[9]!;
  const v10Files = expected.get(v10Id)!;
  const cold = [previousId];
  for (let branch = 1; branch <= 9; branch++) {
    const path = paths[10 + branch]!;
    const branchFiles = edit(v10Files, path, 500 + branch, `branch ${branch}`);
    const key = `chain-b${branch}`;
    responder.script(key, scriptedAnswer(`Branch ${branch}`, { [path]: branchFiles[path]! }, `Edited ${path}.`));
    const created = await client.versions.create.mutate({
      projectId: v1.projectId,
      prompt: withMarkers(`branch ${branch}`, { key, pace: 'fast', script: key }),
      baseVersionId: v10Id,
    });
    await expectComplete(client, created.versionId, 60_000);
    expected.set(created.versionId, branchFiles);
    cold.push(created.versionId);
  }

  const coldMs: number[] = [];
  for (const versionId of cold) {
    const started = performance.now();
    const answer = await versionFiles(client, versionId);
    coldMs.push(performance.now() - started);
    if (!sameFiles(answer, expected.get(versionId)!)) throw new Error(`cold read of ${versionId}: ${describeDifference(expected.get(versionId)!, answer)}`);
  }
  const warmMs: number[] = [];
  for (let sample = 0; sample < 20; sample++) {
    const started = performance.now();
    const answer = await versionFiles(client, previousId);
    warmMs.push(performance.now() - started);
    if (!sameFiles(answer, expected.get(previousId)!)) throw new Error('warm read differs from the expected files');
  }
  const bytes = Object.values(files).reduce((total, content) => total + Buffer.byteLength(content), 0);
  rows.push([`version switch, cold: versions.files, 10 diffs, ${fileCount} files (p50 / p95)`, formatP50P95(coldMs), '< 500 ms']);
  rows.push([`version switch, warm: server cache (p50 / p95)`, formatP50P95(warmMs), '< 500 ms']);
  rows.push(['version switch, already seen in the browser', 'no request (client cache; not measured)', 'instant']);
  notes.push(
    `Version switch: ${fileCount} files (${formatBytes(bytes)}) over HTTP with superjson. Cold = the first read of v11 and of 9 ` +
      `branches from v10, each 10 diffs after the v1 snapshot and never read before; warm = v11 again from the server's LRU cache. ` +
      `A version the browser has loaded is not asked again: useFileReconstruction keeps complete answers with staleTime Infinity.`,
  );
}
