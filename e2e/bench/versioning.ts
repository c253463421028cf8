// Versioning benchmark: storage of 50 small-edit versions of a 30-file project against 50
// full copies, and the time to load version 50 cold (reconstructed from the store) and warm (cached).
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src/db/client';
import { applyMigrations } from '../../src/db/migrate';
import { insertProject } from '../../src/db/stores/projects-store';
import { insertCompletedVersion } from '../../src/db/stores/versions-store';
import { forgetCachedVersionFiles, readVersionFiles, writeVersionFiles } from '../../src/db/stores/version-files-store';
import type { FileMap } from '../../src/types/versioning';

export interface VersioningBenchResult {
  versions: number;
  files: number;
  storedBytes: number;
  fullCopyBytes: number;
  storedPercent: number;
  coldMs: { p50: number; p95: number };
  warmMs: { p50: number; p95: number };
}

function sameFiles(a: FileMap, b: FileMap): boolean {
  const paths = Object.keys(a);
  return paths.length === Object.keys(b).length && paths.every((path) => a[path] === b[path]);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** A route file of realistic size (~2.5 KB), different per index. */
function routeFile(index: number): string {
  const lines = [`import { z } from 'zod';`, `import { Router } from '../lib/router';`, ''];
  lines.push(`const item${index}Schema = z.object({`);
  for (let field = 0; field < 12; field++) lines.push(`  field${field}: z.string().min(1).max(${100 + index}),`);
  lines.push('});', '', `export function register${index}(router: Router) {`);
  for (let route = 0; route < 10; route++) {
    lines.push(`  router.get('/items${index}/${route}', (request, response) => response.json({ index: ${index}, route: ${route} }));`);
  }
  lines.push('}', '');
  return lines.join('\n');
}

/** One small edit: a line changed in one file, as a typical iteration does. */
function editOneFile(files: FileMap, step: number): FileMap {
  const paths = Object.keys(files).sort();
  const path = paths[step % paths.length]!;
  const next = { ...files };
  next[path] = files[path]!.replace(/max\((\d+)\)/, (_, limit: string) => `max(${Number(limit) + step})`) + `// edit ${step}\n`;
  return next;
}

export async function runVersioningBench(options: { versions?: number; files?: number; samples?: number } = {}): Promise<VersioningBenchResult> {
  const versionCount = options.versions ?? 50;
  const fileCount = options.files ?? 30;
  const samples = options.samples ?? 30;
  const handle = await openDatabase({ kind: 'pglite-memory' });
  try {
    await applyMigrations(handle);
    const db = handle.db;
    const project = await insertProject(db, { ownerId: '00000000-0000-4000-8000-000000000001', name: 'bench' });
    let files: FileMap = Object.fromEntries(Array.from({ length: fileCount }, (_, index) => [`src/routes/r${index}.ts`, routeFile(index)]));
    let baseFiles: FileMap = {};
    let baseVersionId: string | null = null;
    let fullCopyBytes = 0;
    for (let step = 0; step < versionCount; step++) {
      if (step > 0) files = editOneFile(files, step);
      const version = await insertCompletedVersion(db, {
        projectId: project.id,
        prompt: `edit ${step}`,
        baseVersionId,
        title: `Edit ${step}`,
        summary: '',
        validation: null,
      });
      await writeVersionFiles(db, { versionId: version.id, baseVersionId, baseFiles, targetFiles: files });
      fullCopyBytes += Object.values(files).reduce((total, content) => total + Buffer.byteLength(content), 0);
      baseFiles = files;
      baseVersionId = version.id;
    }
    const [stored] = await handle.query<{ bytes: number }>(
      `select coalesce(sum(coalesce(octet_length(full_content), 0) + coalesce(octet_length(content_diff::text), 0)), 0)::int as bytes
         from version_files`,
    );

    const lastId = baseVersionId!;
    const cold: number[] = [];
    const warm: number[] = [];
    for (let sample = 0; sample < samples; sample++) {
      forgetCachedVersionFiles();
      let started = performance.now();
      const result = await readVersionFiles(db, lastId);
      cold.push(performance.now() - started);
      if (!sameFiles(result.files, files)) throw new Error(`version ${versionCount} did not reconstruct exactly`);
      started = performance.now();
      await readVersionFiles(db, lastId);
      warm.push(performance.now() - started);
    }
    return {
      versions: versionCount,
      files: fileCount,
      storedBytes: stored!.bytes,
      fullCopyBytes,
      storedPercent: (100 * stored!.bytes) / fullCopyBytes,
      coldMs: { p50: percentile(cold, 0.5), p95: percentile(cold, 0.95) },
      warmMs: { p50: percentile(warm, 0.5), p95: percentile(warm, 0.95) },
    };
  } finally {
    await handle.close();
  }
}
